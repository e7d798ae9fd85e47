/** The clone's family: the source it leaves alone, its siblings, and its own clones. */
import { cloneOfClone } from '../../spec/invariants/channel/clone-of-clone.ts';
import { siblingsIsolated } from '../../spec/invariants/channel/siblings-isolated.ts';
import { sourceUnchanged } from '../../spec/invariants/channel/source-unchanged.ts';
import type { Subject } from '../../spec/model/subject.ts';
import { invariantTest, type SuiteOptions } from '../trait.ts';

export const familyInvariants = [sourceUnchanged, siblingsIsolated, cloneOfClone];

export function familyTests(subject: () => Subject, options: SuiteOptions): void {
  for (const invariant of familyInvariants) invariantTest(invariant, subject, options);
}
