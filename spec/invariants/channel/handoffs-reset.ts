import { describe } from '../../model/observed.ts';
import { relationInvariant, Violation } from './relation.ts';

export const handoffsReset = relationInvariant(
  {
    id: 'channel.handoffs.reset',
    rule: 'The clone\'s handoffs are null, whatever the source had (null, an empty list, or handoffs); where the framework holds "no handoffs" as an empty list (an agent created without handoffs shows one), an empty list of the clone\'s own, not the source\'s list object.',
    reads: ['handoffs'],
    rationale: 'Handoffs route a conversation to other agents. Channels must not share routing: a clone that keeps its source\'s handoffs can pass one channel\'s user to an agent bound to another. Cross-channel routing belongs in the gateway.',
  },
  (source, clone, _scope, context) => {
    const handoffs = clone.fields.handoffs;
    if (handoffs.kind === 'null') return undefined;
    if (context.noHandoffsAsEmptyList && handoffs.kind === 'array' && handoffs.items.length === 0) {
      // The framework's own "none": fine, unless it is the source's list, which the two would then share.
      const shared = source.fields.handoffs.kind === 'array' && source.fields.handoffs.id === handoffs.id;
      return shared ? new Violation("clone.handoffs is the source's own (empty) handoffs list", 'an empty list of the clone\'s own, or null') : undefined;
    }
    const none = context.noHandoffsAsEmptyList ? 'null or an empty list of its own (this framework\'s "no handoffs")' : 'null';
    return new Violation(`clone.handoffs = ${describe(handoffs, 1)}`, `clone.handoffs = ${none}`);
  },
  undefined,
  (source) => (source.fields.handoffs.kind === 'array' && source.fields.handoffs.items.length > 0 ? undefined : 'no source held handoffs in any case: there were none to reset'),
);
