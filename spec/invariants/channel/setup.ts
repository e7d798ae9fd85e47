import { identityOf, type Observed } from '../../model/observed.ts';
import type { FieldScope } from '../../model/field-scope.ts';
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

/**
 * Creates the source and puts it in the scenario's runtime state: interrupted, holding locks.
 * States the adapter has no probe for are left out; the invariants that need them are skipped.
 */
export async function prepareSource(subject: Subject, scenario: Scenario): Promise<PreparedSource> {
  const handle = await subject.create(scenario.config);
  let interrupted = false;
  if (scenario.interrupted && subject.probes.has('interrupt')) {
    await subject.interrupt(handle);
    interrupted = true;
  }
  const held = new Map<string, string>();
  if (scenario.held.length > 0 && subject.probes.has('tryAcquire')) {
    const names = lockNames(await subject.view(handle));
    for (const { lock, owner } of scenario.held) {
      const name = names[lock % Math.max(names.length, 1)];
      if (name === undefined || held.has(name)) continue;
      if (await subject.tryAcquire(handle, name, owner)) held.set(name, owner);
    }
  }
  return { handle, interrupted, held };
}

/**
 * The tools an agent derived from its handoffs (PraisonAI turns each handoff into a tool): the
 * tools in its view that are neither among `known` (the configured tools, and any added since, as
 * observed inputs) nor present without handoffs. Empty when the agent has no handoffs, or the
 * adapter does not map them.
 */
export function handoffRoutes(view: ObservedAgent, known: readonly Observed[], scope: FieldScope): ReadonlySet<string> {
  const { handoffs, tools } = view.fields;
  if (!scope.has('handoffs') || handoffs.kind !== 'array' || handoffs.items.length === 0 || tools.kind !== 'array') return new Set();
  const given = new Set(known.map(identityOf).filter((id) => id !== undefined));
  return new Set(tools.items.map(identityOf).filter((id): id is string => id !== undefined && !given.has(id)));
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

export async function cloneOnce(subject: Subject, scenario: Scenario): Promise<ClonedPair> {
  const source = await prepareSource(subject, scenario);
  const clone = await subject.cloneForChannel(source.handle);
  const sourceView = await subject.view(source.handle);
  const cloneView = await subject.view(clone);
  const routes = handoffRoutes(sourceView, configuredTools(subject, scenario.config.tools), subject.scope);
  return { source, clone, sourceView, cloneView, routes };
}
