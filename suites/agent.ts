/** The configured agent: runs for every adapter, since every adapter has a clone operation. */
import { AGENT_INVARIANTS } from '../spec/invariants/agent/index.ts';
import type { Subject } from '../spec/model/subject.ts';
import { invariantTest, type SuiteOptions } from './trait.ts';

export const agentInvariants = AGENT_INVARIANTS;

export function agentTests(subject: () => Subject, options: SuiteOptions): void {
  for (const invariant of agentInvariants) invariantTest(invariant, subject, options);
}
