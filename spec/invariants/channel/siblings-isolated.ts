import { identityOf, isFixedList } from '../../model/observed.ts';
import type { FieldScope } from '../../model/field-scope.ts';
import { frameworkOwned } from '../framework-fields.ts';
import type { ObservedAgent } from '../../model/subject.ts';
import type { Invariant } from '../invariant.ts';
import { Violation } from '../invariant.ts';
import { prepareSourceThen } from './setup.ts';

/** Identity tokens of the runtime objects no two channels may share, by what they are. */
function ownedObjects(view: ObservedAgent, scope: FieldScope): Map<string, string> {
  const owned = new Map<string, string>();
  const add = (what: string, id: string | undefined) => id !== undefined && owned.set(id, what);
  // A tuple can never change: held by several clones, it carries nothing between them.
  if (!isFixedList(view.fields.tools)) add('tools list', identityOf(view.fields.tools));
  add('interrupt controller', identityOf(view.fields.interruptController));
  for (const [name, lock] of Object.entries(view.locks ?? {})) add(`"${name}" lock`, identityOf(lock));
  for (const [path, id] of frameworkOwned(view, scope)) add(path, id);
  return owned;
}

export const siblingsIsolated: Invariant = {
  id: 'channel.siblings-isolated',
  roles: ['shared-list', 'runtime'],
  level: 'MUST',
  profile: 'channel',
  needs: [],
  rule: 'Several clones of one source share no tools list, interrupt controller or lock with each other (nor any list or runtime object of a framework field of role shared-list or runtime), and (where the adapter can interrupt) interrupting one leaves the others as they were.',
  rationale: 'A gateway clones one configured agent once per channel. Clone code that caches its copy, or hands out runtime objects from a pool, can give each clone state distinct from the source and still shared among the channels: stopping Telegram then stops Slack.',
  async check(subject, scenario) {
    const probing = subject.probes.has('interrupt') && subject.probes.has('isInterrupted');
    // Every call in the round trip that prepares the source, read in call order.
    const { then } = await prepareSourceThen(subject, scenario, (batch, handle) => {
      const clones = Array.from({ length: scenario.siblings }, () => batch.cloneForChannel(handle));
      const views = clones.map((clone) => batch.view(clone, ['tools', 'interruptController', 'locks', 'framework'], ['tools']));
      const [first, ...others] = clones;
      const states = () => others.map((clone) => batch.isInterrupted(clone));
      const interrupting = probing && first ? { before: states(), interrupt: batch.interrupt(first), after: states() } : undefined;
      return (results) => ({ results, clones, views, interrupting });
    });
    const { results, clones, views, interrupting } = then;
    for (const clone of clones) results.get(clone);
    const owned = views.map((view) => ownedObjects(results.get(view), subject.scope));
    for (let i = 0; i < owned.length; i++) {
      for (let j = i + 1; j < owned.length; j++) {
        const shared = [...owned[j]!.keys()].find((id) => owned[i]!.has(id));
        if (shared !== undefined) {
          throw new Violation(`clones #${i + 1} and #${j + 1} of one source share one ${owned[i]!.get(shared)}`, `each clone its own ${owned[j]!.get(shared)}`);
        }
      }
    }
    if (!interrupting) return;
    const before = interrupting.before.map((slot) => results.get(slot));
    results.get(interrupting.interrupt);
    const after = interrupting.after.map((slot) => results.get(slot));
    const changed = after.findIndex((state, i) => state !== before[i]);
    if (changed !== -1) {
      throw new Violation(`interrupting clone #1 changed clone #${changed + 2}`, 'every other clone as it was');
    }
  },
};
