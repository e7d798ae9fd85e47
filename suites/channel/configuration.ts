/** Another agent, with the configuration a channel clone copies as-is or equal. */
import { distinctAgent } from '../../spec/invariants/channel/distinct-agent.ts';
import { execution } from '../../spec/invariants/channel/execution.ts';
import { features } from '../../spec/invariants/channel/features.ts';
import { identity } from '../../spec/invariants/channel/identity.ts';
import { modelAccess } from '../../spec/invariants/channel/model-access.ts';
import type { Subject } from '../../spec/model/subject.ts';
import { invariantTest, type SuiteOptions } from '../trait.ts';

export const configurationInvariants = [distinctAgent, identity, modelAccess, features, execution];

export function configurationTests(subject: () => Subject, options: SuiteOptions): void {
  for (const invariant of configurationInvariants) invariantTest(invariant, subject, options);
}
