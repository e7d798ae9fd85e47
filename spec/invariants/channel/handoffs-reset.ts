import { describe } from '../../model/observed.ts';
import { frameworkRoutesReset } from '../framework-fields.ts';
import { relationInvariant, Violation } from './relation.ts';

export const handoffsReset = relationInvariant(
  {
    id: 'channel.handoffs.reset',
    rule: 'The clone\'s handoffs are null, whatever the source had (null, an empty list, or handoffs). Each framework field of role route is reset too: null, undefined, or empty.',
    reads: ['handoffs'],
    roles: ['route'],
    rationale: 'Handoffs route a conversation to other agents. Channels must not share routing: a clone that keeps its source\'s handoffs can pass one channel\'s user to an agent bound to another. Cross-channel routing belongs in the gateway.',
  },
  (_source, clone, scope) => {
    if (!scope.has('handoffs')) return frameworkRoutesReset(clone, scope, 'clone');
    const handoffs = clone.fields.handoffs;
    return handoffs.kind === 'null' ? frameworkRoutesReset(clone, scope, 'clone') : new Violation(`clone.handoffs = ${describe(handoffs, 1)}`, 'clone.handoffs = null');
  },
);
