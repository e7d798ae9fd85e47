import type { Baseline } from './baseline.ts';
import { nothingChecked, type RunReport } from './model.ts';

/** How failures count: SHOULD failures and report warnings only with `strict`; baseline entries not at all. */
export interface VerdictOptions {
  readonly strict: boolean;
  readonly baseline?: Baseline;
}

/** What the run means for a CI gate. */
export interface Verdict {
  /** 0: the gate passes; 1: it fails; 2: nothing was checked (every selected invariant was skipped). */
  readonly exitCode: 0 | 1 | 2;
  /** No invariant ran to a pass or a failure: the run says nothing about the adapter. */
  readonly nothingChecked: boolean;
  /** Failures that fail the gate. */
  readonly newFailures: readonly string[];
  /** Failures the baseline expected: reported, not counted. */
  readonly expectedFailures: readonly string[];
  /** Baseline entries that now pass: the entry is stale and must be removed. */
  readonly stale: readonly string[];
  /** SHOULD failures that do not fail the gate (no `strict`). */
  readonly tolerated: readonly string[];
}

export function verdict(report: RunReport, options: VerdictOptions): Verdict {
  const expected = new Set(options.baseline?.expectedFailures ?? []);
  const failed = report.results.filter((result) => result.status === 'failed');
  const counted = failed.filter((result) => result.level === 'MUST' || options.strict);
  const newFailures = counted.filter((result) => !expected.has(result.id)).map((result) => result.id);
  const expectedFailures = failed.filter((result) => expected.has(result.id)).map((result) => result.id);
  const stale = report.results.filter((result) => result.status === 'passed' && expected.has(result.id)).map((result) => result.id);
  const tolerated = failed.filter((result) => !counted.includes(result) && !expected.has(result.id)).map((result) => result.id);
  const warned = options.strict && report.warnings.length > 0;
  const empty = nothingChecked(report);
  const exitCode = empty ? 2 : newFailures.length > 0 || stale.length > 0 || warned ? 1 : 0;
  return { exitCode, nothingChecked: empty, newFailures, expectedFailures, stale, tolerated };
}
