import { IDENTITY_FIELDS } from '../../agent-config.ts';
import { asIsFields } from './as-is-fields.ts';
import { relationInvariant } from './relation.ts';

export const identity = relationInvariant(
  {
    id: 'channel.identity',
    rule: 'The clone has the source\'s name, role, goal, backstory and instructions, as-is: the same strings, not trimmed, normalised, defaulted or dropped.',
    reads: [...IDENTITY_FIELDS],
    rationale: 'A channel clone must be the same agent to the user on every channel. A name that loses its padding or an instructions string replaced by a default because it was empty changes behaviour silently, on some channels only.',
  },
  asIsFields(IDENTITY_FIELDS),
);
