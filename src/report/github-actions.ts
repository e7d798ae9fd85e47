import type { RunReport } from './model.ts';
import { notGatingReason, type Verdict } from './verdict.ts';

// Workflow-command escaping, as GitHub's runner expects it.
const data = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands: one annotation per finding (a cause, with the failures it
 * explains): `::error` when one of them fails the gate, `::warning` when the gravest is a tolerated
 * SHOULD failure or one of an invariant newer than the `--spec` pin (the title says which), `::notice` when all were expected; an `::error` for each stale baseline entry.
 */
export function formatGithubActions(report: RunReport, verdict: Verdict): string {
  const lines: string[] = [];
  const kind = (id: string) => (verdict.newFailures.includes(id) ? 'error' : verdict.expectedFailures.includes(id) ? 'notice' : 'warning');
  // One annotation per finding (its root's message, the failures it explains named), at the gravest kind among them.
  const rank = { error: 2, warning: 1, notice: 0 } as const;
  for (const finding of report.findings) {
    const root = report.results.find((result) => result.id === finding.root);
    if (root?.status !== 'failed') continue;
    const worst = finding.invariants.map(kind).sort((a, b) => rank[b] - rank[a])[0]!;
    const newer = verdict.notGating.find((entry) => entry.id === root.id);
    const why = worst === 'notice' ? ' (expected failure)' : worst === 'warning' && newer !== undefined ? ` (${notGatingReason(newer.since, verdict.pinned ?? '')})` : '';
    const title = `${root.id}${finding.invariants.length > 1 ? ` and ${finding.invariants.length - 1} more` : ''}${why}`;
    const also = finding.invariants.length > 1 ? `Also explains: ${finding.invariants.slice(1).join(', ')}` : '';
    const body = [root.message, root.replay && `Replay: ${root.replay}`, also, `Finding: ${finding.fingerprint}`].filter(Boolean).join('\n');
    lines.push(`::${worst} title=${property(`clone-conformance ${title}`)}::${data(body)}`);
  }
  for (const result of report.results) {
    if (result.status === 'passed' && verdict.stale.includes(result.id)) {
      lines.push(`::error title=${property(`clone-conformance ${result.id} (stale baseline entry)`)}::${data(`${result.id} passes now: remove it from the baseline's expectedFailures.`)}`);
    }
  }
  for (const { id, pinned, found } of verdict.changedReason) {
    lines.push(`::error title=${property(`clone-conformance ${id} (another reason than the baseline pins)`)}::${data(`${id} fails with finding ${found}; the baseline pins ${pinned}, which is gone.`)}`);
  }
  if (verdict.nothingChecked) lines.push(`::error title=${property('clone-conformance: nothing was checked')}::${data('Every selected invariant was skipped, so this run says nothing about the adapter.')}`);
  if (report.interrupted !== undefined) lines.push(`::error title=${property(`clone-conformance: interrupted (${report.interrupted})`)}::${data(`The run was stopped before it finished; not run: ${(report.notRun ?? []).join(', ') || 'none'}.`)}`);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
