import fc from 'fast-check';
import { scenarioFor } from '../../spec/generators/scenario.ts';
import { PROFILES } from '../../spec/invariants/profiles.ts';
import { Violation, type InputPlan, type Invariant } from '../../spec/invariants/invariant.ts';
import type { Subject } from '../../spec/model/subject.ts';
import type { InvariantResult } from '../report/model.ts';
import { AdapterCallError } from '../transports/adapter-call.ts';

/** How to run one invariant. */
export interface InvariantRunOptions {
  /** fast-check seed; the same seed and path give the same case. */
  readonly seed: number;
  /** Number of generated scenarios. */
  readonly runs: number;
  /** A fast-check replay path: runs exactly that (shrunk) case. */
  readonly path?: string;
  /** A fast-check commands replay path, for model-based invariants. */
  readonly replayPath?: string;
  /** Set to false to report the first failing case as found, unshrunk (for measurements). */
  readonly shrink?: boolean;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return `the check threw ${String(error)}`;
}

/** Whether an invariant can run against a subject, or why not. */
export function missingProbes(invariant: Pick<Invariant, 'needs'>, subject: Subject): string[] {
  return invariant.needs.filter((probe) => !subject.probes.has(probe));
}

/**
 * Runs one invariant as a fast-check property over random scenarios. A failure is shrunk to the
 * smallest scenario that still fails, except after an adapter call timed out or its process
 * broke: then the first failing scenario is kept, since shrinking would repeat the wait or crash.
 */
export async function runInvariant<Input>(invariant: Invariant<Input>, subject: Subject, options: InvariantRunOptions): Promise<InvariantResult> {
  const { id, level } = invariant;
  const skip = (message: string): InvariantResult => ({ id, level, status: 'skipped', message });
  const profile = PROFILES[invariant.profile];
  if (!subject.operations.has(profile.operation)) return skip(`profile ${invariant.profile} not checked: the adapter has no ${profile.operation}()`);
  const missing = missingProbes(invariant, subject);
  if (missing.length > 0) {
    const names = missing.map((probe) => `${probe}()`).join(' and ');
    return skip(`needs the adapter's ${names} probe${missing.length > 1 ? 's' : ''}, which it does not implement`);
  }
  if (invariant.reads && !invariant.reads.some((field) => subject.scope.has(field))) {
    return skip(`the adapter maps none of the fields it compares (${invariant.reads.join(', ')})`);
  }
  const context = {
    probes: subject.probes,
    scope: subject.scope,
    ...(subject.accepts ? { accepts: subject.accepts } : {}),
    ...(options.replayPath === undefined ? {} : { replayPath: options.replayPath }),
  };
  const plan: InputPlan<Input> = invariant.input?.(context) ?? ({ arbitrary: scenarioFor(subject.scope, subject.accepts) } as unknown as InputPlan<Input>);
  if (plan.skip !== undefined) return skip(plan.skip);
  let stopped = false;
  const property = fc.asyncProperty(plan.arbitrary, async (input: Input) => {
    if (stopped) return; // stop shrinking: keep the case that timed out or broke the adapter
    try {
      await invariant.check(subject, input);
    } catch (error) {
      if (error instanceof AdapterCallError && error.final) stopped = true;
      throw error;
    } finally {
      // A crash while ending the case (dispose) is as final as one during the check.
      if (!stopped) {
        await subject.endCase?.().catch((error: unknown) => {
          if (error instanceof AdapterCallError && error.final) stopped = true;
          throw error;
        });
      }
    }
  });
  await subject.beginInvariant?.();
  const details = await fc.check(property, {
    seed: options.seed,
    numRuns: options.runs,
    ...(options.shrink === false ? { endOnFailure: true } : {}),
    ...(options.path === undefined ? {} : { path: options.path }),
  });
  if (!details.failed) return { id, level, status: 'passed', runs: details.numRuns, ...(plan.note === undefined ? {} : { note: plan.note }) };
  const error = details.errorInstance;
  const failure = {
    id,
    level,
    status: 'failed' as const,
    rule: invariant.rule,
    message: messageOf(error),
    ...(error instanceof Violation ? { observed: error.observed, required: error.required } : {}),
  };
  if (details.counterexample === null || details.counterexamplePath === null) {
    return { ...failure, counterexample: '', path: '', shrunk: false };
  }
  const [counterexample] = details.counterexample;
  const replayPath = plan.replayPath?.(counterexample);
  return {
    ...failure,
    counterexample: plan.describe?.(counterexample) ?? fc.stringify(counterexample),
    path: details.counterexamplePath,
    runsToFailure: details.numRuns,
    ...(replayPath === undefined ? {} : { replayPath }),
    shrunk: !stopped,
  };
}
