import { describe } from '../../model/observed.ts';
import { overrideInvariant, Violation } from './setup.ts';

export const handoffsNewList = overrideInvariant(
  {
    id: 'override.handoffs.new-list',
    reads: ['handoffs'],
    rule: 'When handoffs are not overridden and the source has a handoffs list, the clone\'s handoffs are an array, and not the source\'s array object.',
    rationale: 'Handoffs are routing. A clone that shares its source\'s handoffs array adds a route to the source whenever one is added to the clone.',
  },
  ({ overridden, before, cloneView }) => {
    const source = before.fields.handoffs;
    if (overridden('handoffs') || source.kind !== 'array') return undefined;
    const handoffs = cloneView.fields.handoffs;
    if (handoffs.kind !== 'array') return new Violation(`clone.handoffs = ${describe(handoffs, 1)}`, 'an array holding the source\'s handoffs');
    return handoffs.id === source.id ? new Violation('clone.handoffs is the source\'s handoffs array itself', 'a new array holding the same handoffs') : undefined;
  },
);
