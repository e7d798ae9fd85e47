import type { RunReport } from './model.ts';
import type { Verdict } from './verdict.ts';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!)
    // XML 1.0 forbids most control characters even escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * JUnit XML, as CI systems read it: one testcase per invariant, named by its id (never by seed),
 * in a class named by its profile. Expected failures are skipped testcases, so that a baseline
 * keeps the CI view green; stale baseline entries are failures.
 */
export function formatJunit(report: RunReport, verdict: Verdict): string {
  const expected = new Set(verdict.expectedFailures);
  const stale = new Set(verdict.stale);
  const tolerated = new Set(verdict.tolerated);
  let failures = 0;
  let skipped = 0;
  const cases = report.results.map((result) => {
    const open = `    <testcase classname="${escape(result.id.split('.')[0]!)}" name="${escape(result.id)}">`;
    if (result.status === 'skipped') {
      skipped += 1;
      return `${open}\n      <skipped message="${escape(result.message)}"/>\n    </testcase>`;
    }
    if (result.status === 'passed') {
      if (!stale.has(result.id)) return `${open}</testcase>`;
      failures += 1;
      return `${open}\n      <failure message="${escape(`${result.id} passes but the baseline expects it to fail: remove it from the baseline`)}" type="stale-baseline"/>\n    </testcase>`;
    }
    const body = [result.message, result.counterexample && `counterexample: ${result.counterexample}`, result.replay && `replay: ${result.replay}`].filter(Boolean).join('\n');
    if (expected.has(result.id) || tolerated.has(result.id)) {
      skipped += 1;
      const why = expected.has(result.id) ? 'expected failure (baseline)' : `${result.level} failure, not counted without --strict`;
      return `${open}\n      <skipped message="${escape(`${why}: ${result.message}`)}"/>\n      <system-out>${escape(body)}</system-out>\n    </testcase>`;
    }
    failures += 1;
    return `${open}\n      <failure message="${escape(result.message)}" type="${result.level}">${escape(body)}</failure>\n    </testcase>`;
  });
  const suite = `clone-conformance: ${report.adapter}`;
  const counts = `tests="${report.results.length}" failures="${failures}" errors="0" skipped="${skipped}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="clone-conformance" ${counts}>`,
    `  <testsuite name="${escape(suite)}" ${counts}>`,
    `    <properties>\n      <property name="seed" value="${report.seed}"/>\n      <property name="runs" value="${report.runs}"/>\n    </properties>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
