import { DISTINCT_AGENT_RATIONALE, DISTINCT_AGENT_VIEWED, distinctAgent } from '../distinct-agent.ts';
import { deepCopyInvariant } from './setup.ts';

export const deepCopyDistinctAgent = deepCopyInvariant(
  {
    id: 'deepcopy.distinct-agent',
    rule: 'deepCopy(agent) returns another agent object than its source.',
    rationale: DISTINCT_AGENT_RATIONALE,
  },
  ({ before, copyView }) => distinctAgent(before, copyView, 'copy'),
  DISTINCT_AGENT_VIEWED,
);
