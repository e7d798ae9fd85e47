import { VIEW_FIELDS } from '../../agent-config.ts';
import { PROBE_OWNERS } from '../../generators/scenario.ts';
import { describe, identical } from '../../model/observed.ts';
import type { ObservedAgent } from '../../model/subject.ts';
import type { Invariant } from '../invariant.ts';
import { Violation } from '../invariant.ts';
import { lockNames, prepareSource } from './setup.ts';

/** The first field or lock in which two views of one agent differ, values and identities alike. */
export function firstChange(before: ObservedAgent, after: ObservedAgent): Violation | undefined {
  for (const field of VIEW_FIELDS) {
    if (field === 'locks') continue;
    if (!identical(before.fields[field], after.fields[field])) {
      return new Violation(`source.${field} became ${describe(after.fields[field], 3)}`, `source.${field} exactly as it was: ${describe(before.fields[field], 3)}`);
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
    await subject.cloneForChannel(source.handle);
    const violation = firstChange(before, await subject.view(source.handle));
    if (violation) throw violation;

    if (subject.probes.has('isInterrupted') && (await subject.isInterrupted(source.handle)) !== source.interrupted) {
      throw new Violation(`source ${source.interrupted ? 'no longer' : 'became'} interrupted`, 'its interrupt state unchanged');
    }
    if (!subject.probes.has('tryAcquire')) return;
    for (const name of lockNames(before)) {
      const holder = source.held.get(name);
      const acquired = await subject.tryAcquire(source.handle, name, PROBE_OWNERS[0]);
      if (holder !== undefined && acquired) throw new Violation(`cloning released the source's "${name}", held by ${holder}`, 'the lock still held');
      if (holder === undefined && !acquired) throw new Violation(`cloning left the source's "${name}" held`, 'the lock free, as before');
      if (acquired && subject.probes.has('release')) await subject.release(source.handle, name, PROBE_OWNERS[0]);
    }
  },
};
