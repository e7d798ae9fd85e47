import { FEATURE_NAMES } from '../../agent-config.ts';
import { compareFeatures } from '../compare.ts';
import { frameworkEqual } from '../framework-fields.ts';
import { firstViolation, relationInvariant } from './relation.ts';

export const features = relationInvariant(
  {
    id: 'channel.features',
    rule: `Every feature config of the clone (${FEATURE_NAMES.join(', ')}) is deeply equal to the source's: the same keys, a key holding undefined kept as such, equal nested values, the same classes, functions by identity. No feature is added and none is lost. So is every framework field of role config (spec/model/roles.ts): deeply equal to the source\'s.`,
    reads: ['features'],
    roles: ['config'],
    rationale: 'Feature configs carry guardrails, approval presets, sandboxing and memory. A clone that loses one runs with weaker permissions or no memory on its channel; one that gains a default it was not given behaves differently from the agent that was reviewed.',
  },
  (source, clone, scope) =>
    firstViolation([
      scope.has('features') ? compareFeatures(source.fields.features, clone.fields.features, scope, 'clone', "the source's") : undefined,
      frameworkEqual(source, clone, scope, 'clone', "the source's"),
    ]),
);
