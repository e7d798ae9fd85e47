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

/** A prepared source, one channel clone of it, and both views taken right after cloning. */
export interface ClonedPair {
  readonly source: PreparedSource;
  readonly clone: Handle;
  readonly sourceView: ObservedAgent;
  readonly cloneView: ObservedAgent;
}

export async function cloneOnce(subject: Subject, scenario: Scenario): Promise<ClonedPair> {
  const source = await prepareSource(subject, scenario);
  const clone = await subject.cloneForChannel(source.handle);
  const sourceView = await subject.view(source.handle);
  const cloneView = await subject.view(clone);
  return { source, clone, sourceView, cloneView };
}
