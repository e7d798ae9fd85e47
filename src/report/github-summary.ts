import { findingFor } from './findings.ts';
import type { RunReport } from './model.ts';
import { notGatingReason, type Verdict } from './verdict.ts';
import { profileCoverage, profilesSentence } from './verdict-line.ts';

/** A table cell: one line, pipes escaped, bounded so a huge message cannot swamp the summary. */
function cell(text: string, limit = 300): string {
  const line = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;');
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}

/**
 * The Markdown job summary GitHub Actions shows on the run's page (appended to the file named by
 * `GITHUB_STEP_SUMMARY`): the verdict, the counts, and a row per invariant that did not pass.
 */
export function formatGithubSummary(report: RunReport, verdict: Verdict): string {
  const { passed, failed, skipped } = report.summary;
  const outcome = report.interrupted !== undefined
    ? `⏹️ Interrupted (${report.interrupted})`
    : verdict.nothingChecked
      ? '⚠️ Nothing was checked: every selected invariant was skipped'
      : report.conformant && verdict.exitCode === 0
        ? '✅ Conformant'
        : report.conformant
          ? '❌ No MUST invariant failed, but the gate fails (stale baseline entries, or --strict warnings)'
          : verdict.exitCode === 0
            ? `⚠️ Not conformant; the gate passes (every failure expected or tolerated${verdict.notGating.length > 0 ? `, or added after specification ${verdict.pinned} (--spec)` : ''})`
            : '❌ Not conformant';
  const lines = [
    `### clone-conformance: ${cell(report.adapter)}`,
    '',
    `**${outcome}** — ${passed} passed, ${failed} failed, ${skipped} skipped (seed ${report.seed}, ${report.runs} runs per invariant)`,
    '',
    `Profiles ${cell(profilesSentence(profileCoverage(report)))}.`,
    '',
    ...(report.findings.length > 0 ? [`${report.findings.length} finding${report.findings.length === 1 ? '' : 's'} (causes) for ${failed} failure${failed === 1 ? '' : 's'}: ${report.findings.map((finding) => `\`${finding.root}\`${finding.invariants.length > 1 ? ` (+${finding.invariants.length - 1})` : ''}`).join(', ')}.`, ''] : []),
  ];
  const notGating = (id: string) => {
    const newer = verdict.notGating.find((entry) => entry.id === id);
    return newer === undefined ? undefined : `failed (${notGatingReason(newer.since, verdict.pinned ?? '')})`;
  };
  const notPassed = report.results.filter((result) => result.status !== 'passed' || verdict.stale.includes(result.id));
  if (notPassed.length > 0) {
    lines.push('| invariant | level | outcome | details |', '|---|---|---|---|');
    for (const result of notPassed) {
      const outcomeOf = result.status === 'passed'
        ? 'stale baseline entry'
        : result.status === 'skipped'
          ? 'skipped'
          : verdict.expectedFailures.includes(result.id) ? 'failed (expected)' : verdict.tolerated.includes(result.id) ? 'failed (tolerated)' : notGating(result.id) ?? 'failed';
      const finding = result.status === 'failed' ? findingFor(report.findings, result.id) : undefined;
      const follows = finding !== undefined && finding.root !== result.id ? `follows from \`${finding.root}\`: ` : '';
      const details = result.status === 'passed' ? 'passes now: remove it from the baseline' : follows + result.message;
      // The message is bounded; the replay line never is: cut, it would replay another case.
      const replay = result.status === 'failed' && result.replay ? ` — replay: \`${cell(result.replay.replace(/`/g, "'"), Infinity)}\`` : '';
      lines.push(`| \`${result.id}\` | ${result.level} | ${outcomeOf} | ${cell(details ?? '')}${replay} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
