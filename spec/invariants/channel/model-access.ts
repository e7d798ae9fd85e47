import { MODEL_ACCESS_FIELDS } from '../../agent-config.ts';
import { asIsFields } from './as-is-fields.ts';
import { relationInvariant } from './relation.ts';

export const modelAccess = relationInvariant(
  {
    id: 'channel.model-access',
    rule: 'The clone has the source\'s llm, baseUrl, apiKey and auth as-is: the same values, and for objects (a model client, an auth provider) the very same object.',
    reads: [...MODEL_ACCESS_FIELDS],
    rationale: 'Model clients and credentials carry connection pools, token refreshers and rate limiters. A clone that copies or rebuilds them talks to the model through a different client than the one that was configured, or without credentials at all.',
  },
  asIsFields(MODEL_ACCESS_FIELDS),
);
