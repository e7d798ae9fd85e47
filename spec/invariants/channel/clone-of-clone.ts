import type { Invariant } from '../invariant.ts';
import { Violation } from '../invariant.ts';
import { CHANNEL_RELATIONS, RUNTIME_RELATIONS } from './channel-relations.ts';
import { emptyList, noHandoffsAsEmptyList } from './no-handoffs.ts';
import { relationApplies } from './relation.ts';
import { configuredTools, handoffRoutes, prepareSourceThen } from './setup.ts';

export const cloneOfClone: Invariant = {
  id: 'channel.clone-of-clone',
  level: 'MUST',
  profile: 'channel',
  needs: [],
  rule: 'A clone of a clone is again a channel clone: it relates to its parent as every channel clone relates to its source (identity, model access, features, execution settings, tools, handoffs, controller, locks; within the fields the adapter maps), and shares no tools list, controller or lock with the original either.',
  rationale: 'Gateways re-clone: per-session clones are taken from per-channel clones. Clone code that reads state only the constructor sets, or that carries a reference back to the first ancestor, works for one generation and breaks for the next.',
  async check(subject, scenario) {
    // One batch: clone the source, view both, clone the clone, view the grandchild.
    const { then } = await prepareSourceThen(subject, scenario, (batch, source) => {
      const clone = batch.cloneForChannel(source);
      const sourceView = batch.view(source);
      const cloneView = batch.view(clone);
      const grandchild = batch.view(batch.cloneForChannel(clone));
      return (results) => ({ sourceView: results.get(sourceView), cloneView: results.get(cloneView), grandchild: results.get(grandchild) });
    });
    const { sourceView, cloneView, grandchild } = then;
    const configured = configuredTools(subject, scenario.config.tools);
    const routes = handoffRoutes(sourceView, configured, subject.scope);
    // The parent is a channel clone: whatever tools it derived from handoffs, it derived from none of its own.
    const parentRoutes = handoffRoutes(cloneView, configured, subject.scope);
    const learn = subject.scope.has('handoffs') && [cloneView, grandchild].some((view) => emptyList(view.fields.handoffs));
    const none = learn ? { noHandoffsAsEmptyList: await noHandoffsAsEmptyList(subject, scenario.config) } : {};
    for (const relation of CHANNEL_RELATIONS.filter((candidate) => relationApplies(candidate, subject.scope))) {
      const violation = relation.relate(cloneView, grandchild, subject.scope, { routes: parentRoutes, ...none });
      if (violation) throw new Violation(`clone of a clone, against its parent (${relation.id}): ${violation.observed}`, violation.required);
    }
    for (const relation of RUNTIME_RELATIONS.filter((candidate) => relationApplies(candidate, subject.scope))) {
      const violation = relation.relate(sourceView, grandchild, subject.scope, { routes, ...none });
      if (violation) throw new Violation(`clone of a clone, against the original (${relation.id}): ${violation.observed}`, violation.required);
    }
  },
};
