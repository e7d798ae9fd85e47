import { VIEW_FIELDS } from '../../agent-config.ts';
import { PROBE_OWNERS } from '../../generators/scenario.ts';
import { deepEqual, describe, firstDifference, identical } from '../../model/observed.ts';
import type { ObservedAgent, Subject } from '../../model/subject.ts';
import type { Invariant } from '../invariant.ts';
import { Violation } from '../invariant.ts';
import { lockNames, prepareSource, type PreparedSource } from './setup.ts';

/** The first field or lock in which two views of one agent differ, values and identities alike. */
function firstChange(before: ObservedAgent, after: ObservedAgent): Violation | undefined {
  for (const field of VIEW_FIELDS) {
    if (field === 'locks') continue;
    const differs = firstDifference(before.fields[field], after.fields[field], { path: field, identity: true });
    if (differs) {
      const replaced = deepEqual(differs.a, differs.b) ? ' (an equal but other object)' : '';
      return new Violation(`source.${differs.path} became ${describe(differs.b, 3)}${replaced}`, `source.${differs.path} exactly as it was: ${describe(differs.a, 3)}`);
    }
  }
  const names = lockNames(before);
  if (names.join('\u0000') !== lockNames(after).join('\u0000')) {
    return new Violation(`source lock names became [${lockNames(after).join(', ')}]`, `[${names.join(', ')}], as before`);
  }
  const changed = names.find((name) => !identical(before.locks![name]!, after.locks![name]!));
  return changed === undefined ? undefined : new Violation(`source.locks.${changed} was replaced`, 'the source\'s own lock objects kept');
}

export const sourceUnchanged: Invariant = {
  id: 'channel.source-unchanged',
  level: 'MUST',
  profile: 'channel',
  needs: [],
  rule: 'Cloning leaves the source exactly as it was: every value, the identity of its tools list and of every element, its controller and locks, its interrupt state, and which locks it holds (the last two where the adapter has the probes to observe them).',
  rationale: 'The source keeps serving while it is cloned, often on its own channel. Clone code that resets handoffs, clears locks or rebinds tools on the wrong object damages the running agent, and the damage shows up later, far from its cause.',
  async check(subject, scenario) {
    const source = await prepareSource(subject, scenario);
    const before = await subject.view(source.handle);
    // A view that copies would make every identity check pass or fail for the wrong reason.
    const unstable = firstChange(before, await subject.view(source.handle));
    if (unstable) {
      throw new Violation(
        `two views of one agent, with nothing done in between, differ (${unstable.observed.replace(/^source\./, '')})`,
        "view() to return the agent's real objects, not copies: identity checks depend on it",
      );
    }
    await subject.cloneForChannel(source.handle);
    const violation = await sourceStateChange(subject, source, before, await subject.view(source.handle));
    if (violation) throw violation;
  },
};

/**
 * How an operation changed its source, if it did: any value or identity in its view, then (where
 * the adapter has the probes) its interrupt state and the locks it holds. Used by every profile.
 */
export async function sourceStateChange(subject: Subject, source: PreparedSource, before: ObservedAgent, after: ObservedAgent): Promise<Violation | undefined> {
  const changed = firstChange(before, after);
  if (changed) return changed;
  if (subject.probes.has('isInterrupted') && (await subject.isInterrupted(source.handle)) !== source.interrupted) {
    return new Violation(`source ${source.interrupted ? 'no longer' : 'became'} interrupted`, 'its interrupt state unchanged');
  }
  if (!subject.probes.has('tryAcquire')) return undefined;
  for (const name of lockNames(before)) {
    const holder = source.held.get(name);
    const acquired = await subject.tryAcquire(source.handle, name, PROBE_OWNERS[0]);
    if (holder !== undefined && acquired) return new Violation(`the source's "${name}", held by ${holder}, was released`, 'the lock still held');
    if (holder === undefined && !acquired) return new Violation(`the source's "${name}" was left held`, 'the lock free, as before');
    if (acquired && subject.probes.has('release')) await subject.release(source.handle, name, PROBE_OWNERS[0]);
  }
  return undefined;
}
