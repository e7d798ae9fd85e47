import { findingFor } from './findings.ts';
import type { RunReport } from './model.ts';
import type { Verdict } from './verdict.ts';

/**
 * The JSON report: one document, stable for a given seed (no timings, no identity tokens).
 * Shape: { adapter, language? ("python": its messages then use the adapter's names), seed, runs, conformant, results: [{ id, status, level, message?,
 * counterexample?, replay?, stack? (under --debug) }], summary: { passed, failed, skipped } }. With a baseline, results
 * carry `expectedFailure` or `stale`, and a `gate` object tells the gate's outcome (`changedReason`: entries
 * pinning a finding whose invariant fails now for another reason, [{ id, pinned, found }]); `notChecked`
 * lists the fields an adapter does not map. Results that ran carry `checked` (cases checked to the
 * end) and `discarded` (cases whose configuration the adapter rejected); `warnings` lists what the
 * verdict may not show (e.g. only trivial configurations checked); `nothingChecked: true` says every
 * selected invariant was skipped; `findings` groups the failures by cause ({ fingerprint, root, cause,
 * invariants }: one per cause, the root first), and each failed result names its `finding` (its
 * fingerprint), `differences` when its case differed in more than one place (the first ten, and
 * `moreDifferences` counting the rest) and, when it follows from another failure, `followsFrom` (the root's id); a skipped result with `notApplicable: true` ran, but none of its
 * cases compared anything on this adapter (no runtime objects, no handoffs); `interrupted` ("SIGINT" or "SIGTERM") and `notRun` mark a run a signal stopped.
 * Under `--spec VERSION` (named as `versions.pinned`), a failed result of an invariant added after
 * VERSION carries `notGating: true` and `since` (the version that added it), and `notGating` lists
 * them all ([{ id, since }]): reported, not failing the run.
 */
export function formatJson(report: RunReport, verdict: Verdict, withBaseline = false): string {
  const expected = new Set(verdict.expectedFailures);
  const stale = new Set(verdict.stale);
  const newer = new Map(verdict.notGating.map(({ id, since }) => [id, since]));
  const results = report.results.map((result) => {
    const baselineFlags = withBaseline ? { ...(expected.has(result.id) ? { expectedFailure: true } : {}), ...(stale.has(result.id) ? { stale: true } : {}) } : {};
    const counts = result.checked === undefined ? {} : { checked: result.checked, discarded: result.discarded ?? 0 };
    const pinFlags = newer.has(result.id) ? { notGating: true, since: newer.get(result.id)! } : {};
    const flags = { ...counts, ...baselineFlags, ...pinFlags };
    switch (result.status) {
      case 'passed':
        return { id: result.id, status: result.status, level: result.level, ...(result.note === undefined ? {} : { message: result.note }), ...flags };
      case 'skipped':
        return { id: result.id, status: result.status, level: result.level, message: result.message, ...(result.notApplicable ? { notApplicable: true } : {}), ...counts };
      case 'failed': {
        const finding = findingFor(report.findings, result.id);
        const belongs = finding === undefined ? {} : { finding: finding.fingerprint, ...(finding.root === result.id ? {} : { followsFrom: finding.root }) };
        const differences = result.also === undefined ? {} : { differences: [result.observed, ...result.also], ...(result.moreDifferences ? { moreDifferences: result.moreDifferences } : {}) };
        return { id: result.id, status: result.status, level: result.level, message: result.message, counterexample: result.counterexample, replay: result.replay ?? '', ...(result.stack === undefined ? {} : { stack: result.stack }), ...differences, ...belongs, ...flags };
      }
    }
  });
  const { adapter, seed, runs, conformant, summary, warnings } = report;
  const language = report.language === undefined ? {} : { language: report.language };
  const notChecked = report.notChecked.length > 0 ? { notChecked: report.notChecked } : {};
  const flags = {
    ...(verdict.nothingChecked ? { nothingChecked: true } : {}),
    ...(report.interrupted === undefined ? {} : { interrupted: report.interrupted, notRun: report.notRun ?? [] }),
    ...(verdict.notGating.length > 0 ? { notGating: verdict.notGating } : {}),
  };
  const gate = withBaseline ? { gate: { exitCode: verdict.exitCode, newFailures: verdict.newFailures, expectedFailures: verdict.expectedFailures, stale: verdict.stale, changedReason: verdict.changedReason } } : {};
  const findings = report.findings.map(({ fingerprint, root, cause, invariants }) => ({ fingerprint, root, cause, invariants }));
  return `${JSON.stringify({ adapter, ...language, seed, runs, conformant, results, summary, warnings, findings, ...notChecked, ...flags, ...gate }, null, 2)}\n`;
}
