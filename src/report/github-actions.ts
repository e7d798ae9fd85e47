import type { RunReport } from './model.ts';
import type { Verdict } from './verdict.ts';

// Workflow-command escaping, as GitHub's runner expects it.
const data = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands: an `::error` annotation for each failure that fails the gate
 * and each stale baseline entry, a `::warning` for tolerated SHOULD failures, a `::notice` for
 * expected failures.
 */
export function formatGithubActions(report: RunReport, verdict: Verdict): string {
  const lines: string[] = [];
  const kind = (id: string) => (verdict.newFailures.includes(id) ? 'error' : verdict.expectedFailures.includes(id) ? 'notice' : 'warning');
  for (const result of report.results) {
    if (result.status === 'failed') {
      const title = `${result.id}${verdict.expectedFailures.includes(result.id) ? ' (expected failure)' : ''}`;
      const body = [result.message, result.replay && `Replay: ${result.replay}`].filter(Boolean).join('\n');
      lines.push(`::${kind(result.id)} title=${property(`clone-conformance ${title}`)}::${data(body)}`);
    } else if (result.status === 'passed' && verdict.stale.includes(result.id)) {
      lines.push(`::error title=${property(`clone-conformance ${result.id} (stale baseline entry)`)}::${data(`${result.id} passes now: remove it from the baseline's expectedFailures.`)}`);
    }
  }
  if (verdict.nothingChecked) lines.push(`::error title=${property('clone-conformance: nothing was checked')}::${data('Every selected invariant was skipped, so this run says nothing about the adapter.')}`);
  if (report.interrupted !== undefined) lines.push(`::error title=${property(`clone-conformance: interrupted (${report.interrupted})`)}::${data(`The run was stopped before it finished; not run: ${(report.notRun ?? []).join(', ') || 'none'}.`)}`);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
