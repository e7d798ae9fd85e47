import { describe } from '../../model/observed.ts';
import { frameworkRoutesHeld, frameworkRoutesReset } from '../framework-fields.ts';
import { relationInvariant, Violation } from './relation.ts';

export const handoffsReset = relationInvariant(
  {
    id: 'channel.handoffs.reset',
    rule: 'The clone\'s handoffs are null, whatever the source had (null, an empty list, or handoffs); where the framework holds "no handoffs" as an empty list (an agent created without handoffs shows one), an empty list of the clone\'s own, not the source\'s list object. Each framework field of role route is reset too: null, undefined, or empty.',
    reads: ['handoffs'],
    roles: ['route'],
    rationale: 'Handoffs route a conversation to other agents. Channels must not share routing: a clone that keeps its source\'s handoffs can pass one channel\'s user to an agent bound to another. Cross-channel routing belongs in the gateway.',
  },
  (source, clone, scope, context) => {
    if (!scope.has('handoffs')) return frameworkRoutesReset(clone, scope, 'clone');
    const handoffs = clone.fields.handoffs;
    if (handoffs.kind === 'null') return frameworkRoutesReset(clone, scope, 'clone');
    if (context.noHandoffsAsEmptyList && handoffs.kind === 'array' && handoffs.items.length === 0) {
      // The framework's own "none": fine, unless it is the source's list, which the two would then share.
      const shared = source.fields.handoffs.kind === 'array' && source.fields.handoffs.id === handoffs.id;
      return shared ? new Violation("clone.handoffs is the source's own (empty) handoffs list", 'an empty list of the clone\'s own, or null') : frameworkRoutesReset(clone, scope, 'clone');
    }
    const none = context.noHandoffsAsEmptyList ? 'null or an empty list of its own (this framework\'s "no handoffs")' : 'null';
    return new Violation(`clone.handoffs = ${describe(handoffs, 1)}`, `clone.handoffs = ${none}`);
  },
  undefined,
  // A source with neither handoffs nor a route framework field holding something had nothing to reset.
  (source, scope) =>
    (scope.has('handoffs') && source.fields.handoffs.kind === 'array' && source.fields.handoffs.items.length > 0) || frameworkRoutesHeld(source, scope)
      ? undefined
      : 'no source held handoffs in any case: there were none to reset',
);
