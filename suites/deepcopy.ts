/** The deep copy: needs the adapter's deepCopy(). */
import { DEEPCOPY_INVARIANTS } from '../spec/invariants/deepcopy/index.ts';
import type { Subject } from '../spec/model/subject.ts';
import { invariantTest, type SuiteOptions } from './trait.ts';

export const deepCopyInvariants = DEEPCOPY_INVARIANTS;

export function deepCopyTests(subject: () => Subject, options: SuiteOptions): void {
  for (const invariant of deepCopyInvariants) invariantTest(invariant, subject, options);
}
