import fc from 'fast-check';
import { caseNumbered } from '../../spec/generators/schedule.ts';
import { scenarioFor } from '../../spec/generators/scenario.ts';
import { PROFILES } from '../../spec/invariants/profiles.ts';
import { comparesAnything, NotCheckable, NothingCompared, Violation, type InputPlan, type Invariant } from '../../spec/invariants/invariant.ts';
import { ConfigRejectedError, type Subject } from '../../spec/model/subject.ts';
import { caseText } from '../../spec/model/case-text.ts';
import { AdapterLoadError } from '../adapter/load.ts';
import { ConfigCoverage } from './config-coverage.ts';
import { ObservedDepth } from './observed-depth.ts';
import { NOT_CHECKABLE, type InvariantResult } from '../report/model.ts';
import { AdapterCallError, LostCallError } from '../transports/adapter-call.ts';

/**
 * Thrown by {@link runInvariant} when one of its adapter calls was lost because of another
 * invariant in flight on the same adapter process (a {@link LostCallError}): it has no verdict, and
 * is run again on its own.
 */
export class InvariantLost extends Error {
  override readonly name = 'InvariantLost';
  constructor(readonly id: string) {
    super(`${id} lost its adapter process to another invariant's call`);
  }
}

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

/**
 * How many discarded cases fast-check may draw per case it checks: enough to make up for an
 * adapter that rejects some configurations, bounded so that one rejecting everything ends soon.
 * Running out is not a failure: the result says how many cases were checked and discarded.
 */
const MAX_SKIPS_PER_RUN = 3;

/** The note of a result whose cases were mostly rejected by the adapter. */
const discardNote = (checked: number, discarded: number): string | undefined =>
  discarded > checked ? `most generated cases were rejected by the adapter (${discarded} of ${checked + discarded}): what it rejects is never checked` : undefined;

const joinNotes = (...notes: (string | undefined)[]): string | undefined => {
  const present = notes.filter((note) => note !== undefined);
  return present.length === 0 ? undefined : present.join('; ');
};

/** Whether a profile's operation is there: `agent` (creation) runs whenever any clone operation does. */
function hasOperation(subject: Subject, operation: string): boolean {
  return operation === 'create' ? subject.operations.size > 0 : subject.operations.has(operation as never);
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
  const skip = (message: string) => ({ id, level, status: 'skipped' as const, message });
  const profile = PROFILES[invariant.profile];
  if (!hasOperation(subject, profile.operation)) return skip(`profile ${invariant.profile} not checked: the adapter has no ${profile.operation}()`);
  const missing = missingProbes(invariant, subject);
  if (missing.length > 0) {
    const names = missing.map((probe) => `${probe}()`).join(' and ');
    return skip(`needs the adapter's ${names} probe${missing.length > 1 ? 's' : ''}, which it does not implement`);
  }
  if (!comparesAnything(invariant, subject.scope)) {
    return skip(`the adapter maps none of the fields it compares (${(invariant.reads ?? []).join(', ')})`);
  }
  const context = {
    probes: subject.probes,
    scope: subject.scope,
    ...(subject.accepts ? { accepts: subject.accepts } : {}),
    ...(subject.domains ? { domains: subject.domains } : {}),
    ...(options.replayPath === undefined ? {} : { replayPath: options.replayPath }),
  };
  const plan: InputPlan<Input> = invariant.input?.(context) ?? ({ arbitrary: scenarioFor(subject.scope, subject.accepts, subject.domains) } as unknown as InputPlan<Input>);
  if (plan.skip !== undefined) return skip(plan.skip);
  let stopped = false;
  let notCheckable: string | undefined;
  let failures = 0;
  let lost = false;
  // Cases that compared something, and why those that did not compared nothing.
  let compared = 0;
  let nothingReason: string | undefined;
  const coverage = new ConfigCoverage(subject.scope);
  const depth = new ObservedDepth();
  const watched = depth.watch(coverage.watch(subject));
  // Case-numbered: the first cases of every run follow the edge-value schedule (spec/generators/schedule.ts).
  const property = caseNumbered(fc.asyncProperty(plan.arbitrary, async (input: Input) => {
    if (stopped) return; // stop shrinking: keep the case that timed out or broke the adapter
    try {
      const outcome = await invariant.check(watched, input);
      if (outcome instanceof NothingCompared) nothingReason = outcome.reason;
      else compared += 1;
      coverage.caseChecked();
    } catch (error) {
      coverage.caseDropped();
      if (error instanceof ConfigRejectedError) {
        fc.pre(false); // the framework refused the configuration: discarded, neither passed nor failed
      }
      if (error instanceof NotCheckable) {
        notCheckable = error.message;
        stopped = true;
      }
      if (error instanceof AdapterCallError && error.final) stopped = true;
      if (error instanceof LostCallError) lost = true;
      failures += 1;
      throw error;
    } finally {
      // A crash while ending the case (dispose) is as final as one during the check.
      if (!stopped) {
        await subject.endCase?.().catch((error: unknown) => {
          if (error instanceof AdapterCallError && error.final) stopped = true;
          if (error instanceof LostCallError) lost = true;
          failures += 1; // a failure like any other: never read as "stopped for discards"
          throw error;
        });
      }
    }
  }));
  await subject.beginInvariant?.();
  let details: fc.RunDetails<[Input]>;
  try {
    details = await fc.check(property, {
      seed: options.seed,
      numRuns: options.runs,
      maxSkipsPerRun: MAX_SKIPS_PER_RUN,
      ...(options.shrink === false ? { endOnFailure: true } : {}),
      ...(options.path === undefined ? {} : { path: options.path }),
    });
  } catch (error) {
    // Generation itself failed: the adapter's accepts() threw or rejects everything (named in the error).
    if (error instanceof AdapterLoadError) throw error;
    throw new AdapterLoadError(`generating cases for ${id} failed: ${messageOf(error)}`, error);
  }
  if (lost) throw new InvariantLost(id);
  if (notCheckable !== undefined) return skip(`${NOT_CHECKABLE}${notCheckable}`);
  const counts = { checked: details.numRuns, discarded: details.numSkips };
  const trivial = coverage.trivial;
  const cut = depth.paths.length > 0 ? { cut: depth.paths } : {};
  if (!details.failed || failures === 0) {
    // Not failed, or stopped only because too many cases were discarded: a verdict on the cases checked.
    if (counts.checked === 0) {
      return { ...skip('not checked: every generated case was rejected by the adapter'), ...counts };
    }
    if (compared === 0 && nothingReason !== undefined) {
      // Every case passed without comparing anything: not a pass, the rule does not apply here.
      return { ...skip(`not applicable: ${nothingReason}`), notApplicable: true, ...counts };
    }
    const note = joinNotes(plan.note, discardNote(counts.checked, counts.discarded));
    return { id, level, status: 'passed', runs: details.numRuns, ...counts, trivial, ...cut, ...(note === undefined ? {} : { note }) };
  }
  const error = details.errorInstance;
  const failure = {
    id,
    level,
    status: 'failed' as const,
    rule: invariant.rule,
    message: messageOf(error),
    ...(error instanceof Violation ? { observed: error.observed, required: error.required } : {}),
    ...(error instanceof Violation && error.also.length > 0 ? { also: error.also, ...(error.more > 0 ? { moreDifferences: error.more } : {}) } : {}),
    checked: Math.max(details.numRuns - 1, 0),
    discarded: details.numSkips,
    trivial,
    ...cut,
    ...(error instanceof AdapterCallError && error.adapterStack !== undefined ? { stack: error.adapterStack } : {}),
  };
  if (details.counterexample === null || details.counterexamplePath === null) {
    return { ...failure, counterexample: '', path: '', shrunk: false };
  }
  const [counterexample] = details.counterexample;
  const replayPath = plan.replayPath?.(counterexample);
  return {
    ...failure,
    counterexample: plan.describe?.(counterexample) ?? caseText(counterexample),
    path: details.counterexamplePath,
    runsToFailure: details.numRuns,
    ...(replayPath === undefined ? {} : { replayPath }),
    shrunk: !stopped,
  };
}
