import { compareElements } from '../compare.ts';
import { relationInvariant } from './relation.ts';

export const toolsSameElements = relationInvariant(
  {
    id: 'channel.tools.same-elements',
    rule: 'The clone\'s tools list has the same length as the source\'s and holds, in the same order, the very same tool objects (a tool listed twice stays listed twice).',
    reads: ['tools'],
    rationale: 'Tools are shared on purpose: they hold clients, caches and registrations that should exist once. A clone that copies, rebuilds, deduplicates or reorders tools calls different objects than the source, or calls them in a different order of preference.',
  },
  (source, clone) => compareElements(source.fields.tools, clone.fields.tools, 'clone.tools', "the source's tools"),
);
