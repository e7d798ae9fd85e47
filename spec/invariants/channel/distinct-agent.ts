import { DISTINCT_AGENT_RATIONALE, DISTINCT_AGENT_VIEWED, distinctAgent as distinctFrom } from '../distinct-agent.ts';
import type { Invariant } from '../invariant.ts';
import { cloneOnce } from './setup.ts';

export const distinctAgent: Invariant = {
  id: 'channel.distinct-agent',
  level: 'MUST',
  profile: 'channel',
  needs: [],
  rule: 'cloneForChannel(agent) returns another agent object than its source.',
  rationale: DISTINCT_AGENT_RATIONALE,
  async check(subject, scenario) {
    const { sourceView, cloneView } = await cloneOnce(subject, scenario, DISTINCT_AGENT_VIEWED);
    const violation = distinctFrom(sourceView, cloneView, 'clone');
    if (violation) throw violation;
  },
};
