import type { Baseline } from './baseline.ts';
import { findingFor } from './findings.ts';
import { nothingChecked, type RunReport } from './model.ts';

/** A run pinned to a specification version (`--spec`): the version, and the invariants added after it with the version that added each (spec/version.ts `addedAfter`). */
export interface SpecPin {
  readonly version: string;
  readonly newer: ReadonlyMap<string, string>;
}

/** How failures count: SHOULD failures and report warnings only with `strict`; baseline entries, and invariants newer than a pinned specification, not at all. */
export interface VerdictOptions {
  readonly strict: boolean;
  readonly baseline?: Baseline;
  readonly pin?: SpecPin;
}

/** How a failure of an invariant newer than the pinned specification is reported. */
export const notGatingReason = (since: string, pinned: string): string => `added in spec ${since}, not gating under --spec ${pinned}`;

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
  /** The specification version the run is pinned to (`--spec`), if any. */
  readonly pinned?: string;
  /** Failures of invariants added after the pinned version (and not expected by the baseline): reported, not counted. */
  readonly notGating: readonly { readonly id: string; readonly since: string }[];
  /**
   * Baseline entries that pin a finding, whose invariant fails now for another reason: counted in
   * `newFailures` (a new bug under an expected failure), and the pinned finding is gone (fixed).
   */
  readonly changedReason: readonly { readonly id: string; readonly pinned: string; readonly found: string }[];
}

export function verdict(report: RunReport, options: VerdictOptions): Verdict {
  const pinned = options.baseline?.pinned ?? {};
  const fingerprint = (id: string) => findingFor(report.findings, id)?.fingerprint ?? '';
  const newer = options.pin?.newer ?? new Map<string, string>();
  const failed = report.results.filter((result) => result.status === 'failed');
  const changedReason = failed
    .filter((result) => !newer.has(result.id))
    .filter((result) => pinned[result.id] !== undefined && pinned[result.id] !== fingerprint(result.id))
    .map((result) => ({ id: result.id, pinned: pinned[result.id]!, found: fingerprint(result.id) }));
  const changed = new Set(changedReason.map((entry) => entry.id));
  // An entry whose pinned finding is not the one found does not expect this failure.
  const expected = new Set((options.baseline?.expectedFailures ?? []).filter((id) => !changed.has(id)));
  const counted = failed.filter((result) => !newer.has(result.id) && (result.level === 'MUST' || options.strict || changed.has(result.id)));
  const newFailures = counted.filter((result) => !expected.has(result.id)).map((result) => result.id);
  const expectedFailures = failed.filter((result) => expected.has(result.id)).map((result) => result.id);
  const stale = report.results.filter((result) => result.status === 'passed' && expected.has(result.id)).map((result) => result.id);
  const tolerated = failed.filter((result) => !counted.includes(result) && !expected.has(result.id) && !newer.has(result.id)).map((result) => result.id);
  const notGating = failed.filter((result) => newer.has(result.id) && !expected.has(result.id)).map((result) => ({ id: result.id, since: newer.get(result.id)! }));
  const warned = options.strict && report.warnings.length > 0;
  const empty = nothingChecked(report);
  const exitCode = empty ? 2 : newFailures.length > 0 || stale.length > 0 || warned ? 1 : 0;
  const pin = options.pin === undefined ? {} : { pinned: options.pin.version };
  return { exitCode, nothingChecked: empty, newFailures, expectedFailures, stale, tolerated, changedReason, notGating, ...pin };
}
