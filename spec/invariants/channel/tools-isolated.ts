import { identityOf, type Observed } from '../../model/observed.ts';
import type { Earlier } from '../../model/batch.ts';
import type { ObservedAgent } from '../../model/subject.ts';
import type { Invariant } from '../invariant.ts';
import { Violation } from '../invariant.ts';
import { cloneAndView, prepareSourceThen } from './setup.ts';

const toolIds = (tools: Observed): (string | undefined)[] => (tools.kind === 'array' ? tools.items.map(identityOf) : []);

/** True when `before` is `after` with exactly one element added somewhere. */
const oneAdded = (before: (string | undefined)[], after: (string | undefined)[]): boolean =>
  after.length === before.length + 1 && after.some((_, skip) => after.filter((__, i) => i !== skip).every((id, i) => id === before[i]));

const sameIds = (a: (string | undefined)[], b: (string | undefined)[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);

export const toolsIsolated: Invariant = {
  id: 'channel.tools.isolated',
  level: 'MUST',
  profile: 'channel',
  needs: ['addTool'],
  rule: 'After cloning, a tool added to the clone never appears in the source\'s tools, and a tool added to the source never appears in the clone\'s.',
  rationale: 'Gateways add per-channel tools (a channel-specific webhook, a tenant\'s connector). If that tool reaches the source or a sibling, one tenant\'s tool becomes callable from another tenant\'s conversation.',
  async check(subject, scenario) {
    // The clone, both views, both additions and the views after each: one round trip with the
    // source's preparation, read in call order.
    const { then } = await prepareSourceThen(subject, scenario, (batch, source) => {
      const pair = cloneAndView(['tools'])(batch, source);
      const clone = pair.clone;
      const slots = {
        addedToClone: batch.addTool(clone, scenario.newTools[0]),
        cloneAfter: batch.view(clone, ['tools'], ['tools']),
        sourceAfter: batch.view(source, ['tools'], ['tools']),
        addedToSource: batch.addTool(source, scenario.newTools[1]),
        cloneLast: batch.view(clone, ['tools'], ['tools']),
      };
      return (results) => ({ results, pair: pair.read(results), ...slots });
    });
    const { results, addedToClone, cloneAfter: cloneAfterSlot, sourceAfter: sourceAfterSlot, addedToSource, cloneLast: cloneLastSlot } = then;
    const sourceBefore = toolIds(then.pair.sourceView.fields.tools);
    const cloneBefore = toolIds(then.pair.cloneView.fields.tools);
    const toolsOf = (slot: Earlier<ObservedAgent>) => toolIds(results.get(slot).fields.tools);

    results.get(addedToClone);
    const cloneAfter = toolsOf(cloneAfterSlot);
    if (!oneAdded(cloneBefore, cloneAfter)) {
      throw new Violation(`addTool(clone) left the clone with ${cloneAfter.length} tools (had ${cloneBefore.length})`, 'the tool added to the clone\'s own list, or this check proves nothing');
    }
    if (!sameIds(sourceBefore, toolsOf(sourceAfterSlot))) {
      throw new Violation('a tool added to the clone changed the source\'s tools', 'the source\'s tools unchanged');
    }

    results.get(addedToSource);
    if (!sameIds(cloneAfter, toolsOf(cloneLastSlot))) {
      throw new Violation('a tool added to the source changed the clone\'s tools', 'the clone\'s tools unchanged');
    }
  },
};
