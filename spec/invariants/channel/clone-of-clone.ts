import type { Invariant } from '../invariant.ts';
import { Violation } from '../invariant.ts';
import { CHANNEL_RELATIONS, RUNTIME_RELATIONS } from './channel-relations.ts';
import { relationApplies } from './relation.ts';
import { cloneOnce, configuredTools, handoffRoutes } from './setup.ts';

export const cloneOfClone: Invariant = {
  id: 'channel.clone-of-clone',
  level: 'MUST',
  profile: 'channel',
  needs: [],
  rule: 'A clone of a clone is again a channel clone: it relates to its parent as every channel clone relates to its source (identity, model access, features, execution settings, tools, handoffs, controller, locks; within the fields the adapter maps), and shares no tools list, controller or lock with the original either.',
  rationale: 'Gateways re-clone: per-session clones are taken from per-channel clones. Clone code that reads state only the constructor sets, or that carries a reference back to the first ancestor, works for one generation and breaks for the next.',
  async check(subject, scenario) {
    const { sourceView, clone, cloneView, routes } = await cloneOnce(subject, scenario);
    const grandchild = await subject.view(await subject.cloneForChannel(clone));
    // The parent is a channel clone: whatever tools it derived from handoffs, it derived from none of its own.
    const parentRoutes = handoffRoutes(cloneView, configuredTools(subject, scenario.config.tools), subject.scope);
    for (const relation of CHANNEL_RELATIONS.filter((candidate) => relationApplies(candidate, subject.scope))) {
      const violation = relation.relate(cloneView, grandchild, subject.scope, { routes: parentRoutes });
      if (violation) throw new Violation(`clone of a clone, against its parent (${relation.id}): ${violation.observed}`, violation.required);
    }
    for (const relation of RUNTIME_RELATIONS.filter((candidate) => relationApplies(candidate, subject.scope))) {
      const violation = relation.relate(sourceView, grandchild, subject.scope, { routes });
      if (violation) throw new Violation(`clone of a clone, against the original (${relation.id}): ${violation.observed}`, violation.required);
    }
  },
};
