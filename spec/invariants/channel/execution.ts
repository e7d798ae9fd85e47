import { EXECUTION_FIELDS } from '../../agent-config.ts';
import { asIsFields } from './as-is-fields.ts';
import { relationInvariant } from './relation.ts';

export const execution = relationInvariant(
  {
    id: 'channel.execution',
    rule: 'The clone has the source\'s toolTimeout, parallelToolCalls and cliBackend as-is, including falsy values such as 0 and false.',
    reads: [...EXECUTION_FIELDS],
    rationale: 'These settings bound what a channel may do. Code that fills them with `value || default` turns a deliberate 0 timeout or `false` into the default, so a channel runs tools in parallel or without a limit that the source forbids.',
  },
  asIsFields(EXECUTION_FIELDS),
);
