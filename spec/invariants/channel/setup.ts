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
 * Creates the source and puts it in the scenario's runtime state: interrupted, holding locks.
 * States the adapter has no probe for are left out; the invariants that need them are skipped.
 * `then` queues the calls that follow in the same batch: one round trip in all, two when locks
 * are to be held (which locks depends on the names a view of the source shows).
 */
export async function prepareSourceThen<T>(subject: Subject, scenario: Scenario, then: Then<T>): Promise<{ source: PreparedSource; then: T }> {
  const first = new Batch();
  const created = first.create(scenario.config);
  const interrupted = scenario.interrupted && subject.probes.has('interrupt');
  const interrupt = interrupted ? first.interrupt(created) : undefined;
  const lockView = scenario.held.length > 0 && subject.probes.has('tryAcquire') ? first.view(created, ['locks']) : undefined;
  const finishFirst = lockView === undefined ? then(first, created) : undefined;
  const results = await first.run(subject);
  const handle = results.get(created);
  if (interrupt) results.get(interrupt);
  const held = new Map<string, string>();
  if (finishFirst) return { source: { handle, interrupted, held }, then: finishFirst(results) };
  const names = lockNames(results.get(lockView!));
  const second = new Batch();
  const attempts: [string, string, ReturnType<Batch['tryAcquire']>][] = [];
  for (const { lock, owner } of scenario.held) {
    const name = names[lock % Math.max(names.length, 1)];
    if (name === undefined || attempts.some(([taken]) => taken === name)) continue;
    attempts.push([name, owner, second.tryAcquire(handle, name, owner)]);
  }
  const finish = then(second, handle);
  const after = await second.run(subject);
  for (const [name, owner, acquired] of attempts) if (after.get(acquired)) held.set(name, owner);
  return { source: { handle, interrupted, held }, then: finish(after) };
}

/** Creates the source and puts it in the scenario's runtime state (see {@link prepareSourceThen}). */
export async function prepareSource(subject: Subject, scenario: Scenario): Promise<PreparedSource> {
  return (await prepareSourceThen(subject, scenario, () => () => undefined)).source;
}

/** A prepared source, one channel clone of it, and both views taken right after cloning. */
export interface ClonedPair {
  readonly source: PreparedSource;
  readonly clone: Handle;
  readonly sourceView: ObservedAgent;
  readonly cloneView: ObservedAgent;
}

/** Queues a channel clone of `source` and both views right after it (only `fields` of them, when given). */
export const cloneAndView = (fields?: readonly ViewField[]): Then<Omit<ClonedPair, 'source'>> => (batch, source) => {
  const clone = batch.cloneForChannel(source);
  const sourceView = batch.view(source, fields);
  const cloneView = batch.view(clone, fields);
  return (results) => ({ clone: results.get(clone), sourceView: results.get(sourceView), cloneView: results.get(cloneView) });
};

/** Prepares the scenario's source and clones it once; `fields`: the only view fields the caller reads. */
export async function cloneOnce(subject: Subject, scenario: Scenario, fields?: readonly ViewField[]): Promise<ClonedPair> {
  const { source, then } = await prepareSourceThen(subject, scenario, cloneAndView(fields));
  return { source, ...then };
}
