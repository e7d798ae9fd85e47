import type { Level } from '../../spec/invariants/invariant.ts';

interface ResultBase {
  readonly id: string;
  readonly level: Level;
}

/** The outcome of one invariant, as a discriminated union on `status`. */
export type InvariantResult =
  | (ResultBase & {
      readonly status: 'passed';
      readonly runs: number;
      /** Said next to the verdict, e.g. which operations a model-based invariant left out. */
      readonly note?: string;
    })
  | (ResultBase & {
      readonly status: 'failed';
      /** What was observed against what was required, or the adapter call that broke. */
      readonly message: string;
      /** The rule that broke, for readers of the report. */
      readonly rule: string;
      /** Set when the check found a violation (rather than an adapter call that broke). */
      readonly observed?: string;
      readonly required?: string;
      /** The shrunk scenario, as a JavaScript expression. */
      readonly counterexample: string;
      /** How many generated cases ran until the first failure. */
      readonly runsToFailure?: number;
      /** The fast-check path of the case (with the run's seed); empty when none could be kept. */
      readonly path: string;
      /** fast-check's commands replay path, for model-based invariants. */
      readonly replayPath?: string;
      /** A command line that runs exactly this case again; filled in by whoever knows the command. */
      readonly replay?: string;
      readonly shrunk: boolean;
      /** The adapter's own stack or traceback, when an adapter call threw; reported under --debug only. */
      readonly stack?: string;
    })
  | (ResultBase & { readonly status: 'skipped'; readonly message: string });

export type Status = InvariantResult['status'];

export interface RunReport {
  readonly adapter: string;
  /** Fields and features the adapter does not map: not generated, not compared. */
  readonly notChecked: readonly string[];
  readonly seed: number;
  readonly runs: number;
  /** True when no MUST invariant failed and at least one invariant ran. */
  readonly conformant: boolean;
  readonly results: readonly InvariantResult[];
  readonly summary: { readonly passed: number; readonly failed: number; readonly skipped: number };
}

export function buildReport(adapter: string, seed: number, runs: number, results: readonly InvariantResult[], notChecked: readonly string[] = []): RunReport {
  const count = (status: Status) => results.filter((result) => result.status === status).length;
  const summary = { passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
  const mustFailed = results.some((result) => result.status === 'failed' && result.level === 'MUST');
  return { adapter, notChecked, seed, runs, conformant: !mustFailed && summary.passed + summary.failed > 0, results, summary };
}
