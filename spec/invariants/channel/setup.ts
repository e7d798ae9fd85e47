import { identityOf, type Observed } from '../../model/observed.ts';
import { findReach } from '../../model/routes.ts';
import { boundTo } from '../agent-bound.ts';
import type { FieldScope } from '../../model/field-scope.ts';
import type { ViewField } from '../../agent-config.ts';
import { Batch, type AgentArg, type BatchResults } from '../../model/batch.ts';
import type { Handle, ObservedAgent, Subject } from '../../model/subject.ts';
import type { Scenario } from '../../generators/scenario.ts';

/** A source agent brought into the runtime state a scenario asks for. */
export interface PreparedSource {
  readonly handle: Handle;
  /** Whether the source is interrupted (only ever true when the adapter can interrupt). */
  readonly interrupted: boolean;
  /** Lock name to the owner holding it, for the holds the source actually took. */
  readonly held: ReadonlyMap<string, string>;
}

/** Lock names in a fixed order, so that a scenario's lock positions mean the same everywhere. */
export const lockNames = (view: ObservedAgent): string[] => Object.keys(view.locks ?? {}).sort();

/** Calls to run right after preparing a source, and how to read their results. */
export type Then<T> = (batch: Batch, source: AgentArg) => (results: BatchResults) => T;

/**
 * The lock names the last source prepared on a subject showed, by subject: the subject an invariant
 * checks is its own for the run (src/run/config-coverage.ts wraps it), so each invariant run learns
 * them from its own cases only. `null`: they changed from one source to the next; no more guessing.
 */
const knownLockNames = new WeakMap<Subject, readonly string[] | null>();

/**
 * Creates the source and puts it in the scenario's runtime state: interrupted, holding locks.
 * States the adapter has no probe for are left out; the invariants that need them are skipped.
 * `then` queues the calls that follow in the same batch: one round trip in all, two when locks
 * are to be held (which locks depends on the names a view of the source shows). When the sources
 * before it showed the same lock names, those names are used in the first batch, right after the
 * view that shows this source's: the same calls, in the same order, as in two batches, in one
 * round trip. Should the view show other names, that source is left and the case starts over in
 * two batches (and the names are never guessed again in this run of the invariant).
 */
export async function prepareSourceThen<T>(subject: Subject, scenario: Scenario, then: Then<T>): Promise<{ source: PreparedSource; then: T }> {
  const first = new Batch();
  const created = first.create(scenario.config);
  const interrupted = scenario.interrupted && subject.probes.has('interrupt');
  const interrupt = interrupted ? first.interrupt(created) : undefined;
  const lockView = scenario.held.length > 0 && subject.probes.has('tryAcquire') ? first.view(created, ['locks']) : undefined;
  const guess = lockView === undefined ? undefined : knownLockNames.get(subject) ?? undefined;
  const guessed = guess === undefined ? undefined : holdLocks(first, created, scenario, guess);
  const finishFirst = lockView === undefined || guessed !== undefined ? then(first, created) : undefined;
  const results = await first.run(subject);
  const handle = results.get(created);
  if (interrupt) results.get(interrupt);
  if (finishFirst && !guessed) return { source: { handle, interrupted, held: new Map() }, then: finishFirst(results) };
  const names = lockNames(results.get(lockView!));
  if (guessed) {
    if (names.join('\u0000') === guess!.join('\u0000')) return { source: { handle, interrupted, held: guessed(results) }, then: finishFirst!(results) };
    knownLockNames.set(subject, null);
    return prepareSourceThen(subject, scenario, then);
  }
  if (!knownLockNames.has(subject)) knownLockNames.set(subject, names);
  else if (knownLockNames.get(subject) !== null && knownLockNames.get(subject)!.join('\u0000') !== names.join('\u0000')) knownLockNames.set(subject, null);
  const second = new Batch();
  const held = holdLocks(second, handle, scenario, names);
  const finish = then(second, handle);
  const after = await second.run(subject);
  return { source: { handle, interrupted, held: held(after) }, then: finish(after) };
}

/** Queues the scenario's holds on the locks named `names`; the reader gives lock name to owner for those taken. */
function holdLocks(batch: Batch, source: AgentArg, scenario: Scenario, names: readonly string[]): (results: BatchResults) => Map<string, string> {
  const attempts: [string, string, ReturnType<Batch['tryAcquire']>][] = [];
  for (const { lock, owner } of scenario.held) {
    const name = names[lock % Math.max(names.length, 1)];
    if (name === undefined || attempts.some(([taken]) => taken === name)) continue;
    attempts.push([name, owner, batch.tryAcquire(source, name, owner)]);
  }
  return (results) => {
    const held = new Map<string, string>();
    for (const [name, owner, acquired] of attempts) if (results.get(acquired)) held.set(name, owner);
    return held;
  };
}

/** Creates the source and puts it in the scenario's runtime state (see {@link prepareSourceThen}). */
export async function prepareSource(subject: Subject, scenario: Scenario): Promise<PreparedSource> {
  return (await prepareSourceThen(subject, scenario, () => () => undefined)).source;
}

/**
 * The tools an agent derived from its handoffs (PraisonAI turns each handoff into a tool): the
 * tools in its view that are neither among `known` (the configured tools, and any added since, as
 * observed inputs) nor present without handoffs. A tool the agent made for itself (bound to it, see
 * spec/invariants/agent-bound.ts) that reaches none of its handoff targets is not a route: it is
 * the agent's own, which a clone rebinds. Empty when the agent has no handoffs, or the adapter
 * does not map them.
 */
export function handoffRoutes(view: ObservedAgent, known: readonly Observed[], scope: FieldScope): ReadonlySet<string> {
  const { handoffs, tools } = view.fields;
  if (!scope.has('handoffs') || handoffs.kind !== 'array' || handoffs.items.length === 0 || tools.kind !== 'array') return new Set();
  const given = new Set(known.map(identityOf).filter((id) => id !== undefined));
  const targets = new Map(handoffs.items.flatMap((target) => (identityOf(target) === undefined ? [] : [[identityOf(target)!, 'a handoff target'] as const])));
  // What the agent itself holds (its own handoffs among it) is not what the tool reaches on its own.
  const self = new Set([identityOf(view.self)].filter((id): id is string => id !== undefined));
  const ownOnly = (tool: Observed) => boundTo(tool, view.self) !== undefined && findReach(tool, '', targets, self) === undefined;
  return new Set(tools.items.filter((tool) => !ownOnly(tool)).map(identityOf).filter((id): id is string => id !== undefined && !given.has(id)));
}

/** The configured tools of a configuration, observed as the adapter's views show them. */
export const configuredTools = (subject: Subject, tools: readonly unknown[]): readonly Observed[] => {
  const observed = subject.observeInput(tools);
  return observed.kind === 'array' ? observed.items : [];
};

/** A prepared source, one channel clone of it, and both views taken right after cloning. */
export interface ClonedPair {
  readonly source: PreparedSource;
  readonly clone: Handle;
  readonly sourceView: ObservedAgent;
  readonly cloneView: ObservedAgent;
  /** The tools the source derived from its handoffs (see {@link handoffRoutes}). */
  readonly routes: ReadonlySet<string>;
}

/**
 * Queues a channel clone of `source` and both views right after it (only `fields` of them, when
 * given); `clone` is the clone's slot, for calls queued after these on the same batch.
 */
export const cloneAndView = (fields?: readonly ViewField[]) => (batch: Batch, source: AgentArg) => {
  const clone = batch.cloneForChannel(source);
  const sourceView = batch.view(source, fields);
  const cloneView = batch.view(clone, fields);
  return {
    clone,
    read: (results: BatchResults): Omit<ClonedPair, 'source' | 'routes'> => ({ clone: results.get(clone), sourceView: results.get(sourceView), cloneView: results.get(cloneView) }),
  };
};

/**
 * Prepares the scenario's source and clones it once; `fields`: the only view fields the caller
 * reads. The source's handoff routes are worked out only where both its tools and handoffs are viewed.
 */
export async function cloneOnce(subject: Subject, scenario: Scenario, fields?: readonly ViewField[]): Promise<ClonedPair> {
  const { source, then } = await prepareSourceThen(subject, scenario, (batch, handle) => cloneAndView(fields)(batch, handle).read);
  const routesSeen = fields === undefined || (fields.includes('tools') && fields.includes('handoffs'));
  const routes = routesSeen ? handoffRoutes(then.sourceView, configuredTools(subject, scenario.config.tools), subject.scope) : new Set<string>();
  return { source, ...then, routes };
}
