import type { Invariant } from '../invariant.ts';
import { Violation } from '../invariant.ts';
import { CHANNEL_RELATIONS, RUNTIME_RELATIONS } from './channel-relations.ts';
import { cloneOnce } from './setup.ts';

export const cloneOfClone: Invariant = {
  id: 'channel.clone-of-clone',
  level: 'MUST',
  profile: 'channel',
  needs: [],
  rule: 'A clone of a clone is again a channel clone: it relates to its parent as every channel clone relates to its source (identity, model access, features, execution settings, tools, handoffs, controller, locks), and shares no tools list, controller or lock with the original either.',
  rationale: 'Gateways re-clone: per-session clones are taken from per-channel clones. Clone code that reads state only the constructor sets, or that carries a reference back to the first ancestor, works for one generation and breaks for the next.',
  async check(subject, scenario) {
    const { sourceView, clone, cloneView } = await cloneOnce(subject, scenario);
    const grandchild = await subject.view(await subject.cloneForChannel(clone));
    for (const relation of CHANNEL_RELATIONS) {
      const violation = relation.relate(cloneView, grandchild, subject.scope);
      if (violation) throw new Violation(`clone of a clone, against its parent (${relation.id}): ${violation.observed}`, violation.required);
    }
    for (const relation of RUNTIME_RELATIONS) {
      const violation = relation.relate(sourceView, grandchild, subject.scope);
      if (violation) throw new Violation(`clone of a clone, against the original (${relation.id}): ${violation.observed}`, violation.required);
    }
  },
};
