/** Operation histories over a family of agents: model-based, using whatever probes the adapter has. */
import { sequences } from '../../spec/invariants/channel/sequences.ts';
import type { Subject } from '../../spec/model/subject.ts';
import { invariantTest, type SuiteOptions } from '../trait.ts';

export const historyInvariants = [sequences];

export function historyTests(subject: () => Subject, options: SuiteOptions): void {
  for (const invariant of historyInvariants) invariantTest(invariant, subject, options);
}
