import { DISTINCT_AGENT_RATIONALE, DISTINCT_AGENT_VIEWED, distinctAgent } from '../distinct-agent.ts';
import { overrideInvariant } from './setup.ts';

export const overrideDistinctAgent = overrideInvariant(
  {
    id: 'override.distinct-agent',
    rule: 'cloneWith(agent, overrides) returns another agent object than its source, whatever the overrides (none at all included).',
    rationale: DISTINCT_AGENT_RATIONALE,
  },
  ({ before, cloneView }) => distinctAgent(before, cloneView, 'clone'),
  DISTINCT_AGENT_VIEWED,
);
