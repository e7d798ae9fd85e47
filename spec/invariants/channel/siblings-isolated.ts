import { identityOf } from '../../model/observed.ts';
import type { ObservedAgent } from '../../model/subject.ts';
import type { Invariant } from '../invariant.ts';
import { Violation } from '../invariant.ts';
import { prepareSource } from './setup.ts';

/** Identity tokens of the runtime objects no two channels may share, by what they are. */
function ownedObjects(view: ObservedAgent): Map<string, string> {
  const owned = new Map<string, string>();
  const add = (what: string, id: string | undefined) => id !== undefined && owned.set(id, what);
  add('tools list', identityOf(view.fields.tools));
  add('interrupt controller', identityOf(view.fields.interruptController));
  for (const [name, lock] of Object.entries(view.locks ?? {})) add(`"${name}" lock`, identityOf(lock));
  return owned;
}

export const siblingsIsolated: Invariant = {
  id: 'channel.siblings-isolated',
  level: 'MUST',
  profile: 'channel',
  needs: [],
  rule: 'Several clones of one source share no tools list, interrupt controller or lock with each other, and (where the adapter can interrupt) interrupting one leaves the others as they were.',
  rationale: 'A gateway clones one configured agent once per channel. Clone code that caches its copy, or hands out runtime objects from a pool, can give each clone state distinct from the source and still shared among the channels: stopping Telegram then stops Slack.',
  async check(subject, scenario) {
    const source = await prepareSource(subject, scenario);
    const clones: unknown[] = [];
    for (let i = 0; i < scenario.siblings; i++) clones.push(await subject.cloneForChannel(source.handle));
    const owned: Map<string, string>[] = [];
    for (const clone of clones) owned.push(ownedObjects(await subject.view(clone)));
    for (let i = 0; i < owned.length; i++) {
      for (let j = i + 1; j < owned.length; j++) {
        const shared = [...owned[j]!.keys()].find((id) => owned[i]!.has(id));
        if (shared !== undefined) {
          throw new Violation(`clones #${i + 1} and #${j + 1} of one source share one ${owned[i]!.get(shared)}`, `each clone its own ${owned[j]!.get(shared)}`);
        }
      }
    }
    if (!subject.probes.has('interrupt') || !subject.probes.has('isInterrupted')) return;
    const [first, ...others] = clones;
    const states = async () => {
      const result: boolean[] = [];
      for (const clone of others) result.push(await subject.isInterrupted(clone));
      return result;
    };
    const before = await states();
    await subject.interrupt(first);
    const after = await states();
    const changed = after.findIndex((state, i) => state !== before[i]);
    if (changed !== -1) {
      throw new Violation(`interrupting clone #1 changed clone #${changed + 2}`, 'every other clone as it was');
    }
  },
};
