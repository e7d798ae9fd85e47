import { findingFor } from './findings.ts';
import type { RunReport } from './model.ts';
import { notGatingReason, type Verdict } from './verdict.ts';
import { xmlAttribute as escape, xmlText } from './xml-text.ts';

/** Seconds, as JUnit's `time` attribute has them. */
const seconds = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(3);

/**
 * JUnit XML, as CI systems read it: one testcase per invariant, named by its id (never by seed),
 * in a class named by its profile. Expected failures are skipped testcases, so that a baseline
 * keeps the CI view green, and so are failures of invariants newer than a `--spec` pin (their
 * message says so); stale baseline entries are failures. A failure that follows from another
 * (its finding's root) says so first in its message; every failure names its finding's fingerprint.
 */
export function formatJunit(report: RunReport, verdict: Verdict): string {
  const expected = new Set(verdict.expectedFailures);
  const stale = new Set(verdict.stale);
  const tolerated = new Set(verdict.tolerated);
  const newer = new Map(verdict.notGating.map(({ id, since }) => [id, notGatingReason(since, verdict.pinned ?? '')]));
  let failures = 0;
  let skipped = 0;
  const cases = report.results.map((result) => {
    const open = `    <testcase classname="${escape(result.id.split('.')[0]!)}" name="${escape(result.id)}" time="${seconds(result.durationMs)}">`;
    if (result.status === 'skipped') {
      skipped += 1;
      return `${open}\n      <skipped message="${escape(result.message)}"/>\n    </testcase>`;
    }
    if (result.status === 'passed') {
      if (!stale.has(result.id)) return `${open}</testcase>`;
      failures += 1;
      return `${open}\n      <failure message="${escape(`${result.id} passes but the baseline expects it to fail: remove it from the baseline`)}" type="stale-baseline"/>\n    </testcase>`;
    }
    const finding = findingFor(report.findings, result.id);
    const changed = verdict.changedReason.find((entry) => entry.id === result.id);
    const reason = changed === undefined ? '' : `fails for another reason than the baseline pins (finding ${changed.found}, pinned ${changed.pinned}): `;
    const follows = reason + (finding !== undefined && finding.root !== result.id ? `follows from ${finding.root} (finding ${finding.fingerprint}): ` : '');
    const findingLine = finding === undefined ? '' : `finding: ${finding.fingerprint}${finding.root === result.id && finding.invariants.length > 1 ? ` (also explains ${finding.invariants.slice(1).join(', ')})` : ''}`;
    const body = [follows + result.message, result.counterexample && `counterexample: ${result.counterexample}`, result.replay && `replay: ${result.replay}`, findingLine].filter(Boolean).join('\n');
    if (expected.has(result.id) || tolerated.has(result.id) || newer.has(result.id)) {
      skipped += 1;
      const why = expected.has(result.id) ? 'expected failure (baseline)' : newer.has(result.id) ? newer.get(result.id)! : `${result.level} failure, not counted without --strict`;
      return `${open}\n      <skipped message="${escape(`${why}: ${follows}${result.message}`)}"/>\n      <system-out>${xmlText(body)}</system-out>\n    </testcase>`;
    }
    failures += 1;
    return `${open}\n      <failure message="${escape(follows + result.message)}" type="${result.level}">${xmlText(body)}</failure>\n    </testcase>`;
  });
  const suite = `clone-conformance: ${report.adapter}`;
  const time = report.results.reduce((total, result) => total + (result.durationMs ?? 0), 0);
  const counts = `tests="${report.results.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(time)}"`;
  const extra = [
    ...(verdict.nothingChecked ? ['      <property name="nothing-checked" value="every selected invariant was skipped"/>'] : []),
    ...(report.interrupted === undefined ? [] : [`      <property name="interrupted" value="${report.interrupted}"/>`, `      <property name="not-run" value="${escape((report.notRun ?? []).join(', '))}"/>`]),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="clone-conformance" ${counts}>`,
    `  <testsuite name="${escape(suite)}" ${counts}>`,
    `    <properties>\n      <property name="seed" value="${report.seed}"/>\n      <property name="runs" value="${report.runs}"/>\n${extra.map((line) => `${line}\n`).join('')}    </properties>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
