/** The override clone: needs the adapter's cloneWith(). */
import { OVERRIDE_INVARIANTS } from '../spec/invariants/override/index.ts';
import type { Subject } from '../spec/model/subject.ts';
import { invariantTest, type SuiteOptions } from './trait.ts';

export const overrideInvariants = OVERRIDE_INVARIANTS;

export function overrideTests(subject: () => Subject, options: SuiteOptions): void {
  for (const invariant of overrideInvariants) invariantTest(invariant, subject, options);
}
