/** The runtime state of a channel clone: its interrupt controller and locks. */
import { controllerFresh } from '../../spec/invariants/channel/controller-fresh.ts';
import { controllerIsolated } from '../../spec/invariants/channel/controller-isolated.ts';
import { locksFresh } from '../../spec/invariants/channel/locks-fresh.ts';
import { locksIsolated } from '../../spec/invariants/channel/locks-isolated.ts';
import type { Subject } from '../../spec/model/subject.ts';
import { invariantTest, type SuiteOptions } from '../trait.ts';

export const runtimeInvariants = [controllerFresh, locksFresh];
/** Need the interrupt() and isInterrupted() probes. */
export const interruptInvariants = [controllerIsolated];
/** Need the tryAcquire() and release() probes. */
export const lockInvariants = [locksIsolated];

export function runtimeTests(subject: () => Subject, options: SuiteOptions): void {
  for (const invariant of runtimeInvariants) invariantTest(invariant, subject, options);
}

export function interruptTests(subject: () => Subject, options: SuiteOptions): void {
  for (const invariant of interruptInvariants) invariantTest(invariant, subject, options);
}

export function lockTests(subject: () => Subject, options: SuiteOptions): void {
  for (const invariant of lockInvariants) invariantTest(invariant, subject, options);
}
