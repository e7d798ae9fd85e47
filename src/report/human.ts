import { createColors } from 'picocolors';
import { PROFILES } from '../../spec/invariants/profiles.ts';
import type { InvariantResult, RunReport } from './model.ts';
import { notGatingReason, type Verdict } from './verdict.ts';
import { verdictLine } from './verdict-line.ts';
import { pythonNames } from './python-names.ts';

export interface HumanFormatOptions {
  /** ANSI colours; the command enables them only when writing to a terminal. */
  readonly color: boolean;
  /** The baseline file, named in the advice about stale entries. */
  readonly baselineFile?: string;
}

/** A message on one bounded line, for the failures listed under their finding's root. */
const oneLine = (text: string, limit = 160) => {
  const line = text.replace(/\s*\n\s*/g, ' ');
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
};

/** Marks a line to be printed as it is, whatever the adapter's language. */
const VERBATIM = '\u0000';
const verbatim = (line: string) => VERBATIM + line;

const indent = (text: string, by: string) => text.split('\n').map((line) => by + line).join('\n');

/** The human-readable report: one line per invariant, then every finding (its root failure in full, the failures that follow from it listed under it), then the verdict. */
export function formatHuman(report: RunReport, verdict: Verdict, options: HumanFormatOptions): string {
  const c = createColors(options.color);
  const expected = new Set(verdict.expectedFailures);
  const stale = new Set(verdict.stale);
  const tolerated = new Set(verdict.tolerated);
  const newer = new Map(verdict.notGating.map(({ id, since }) => [id, notGatingReason(since, verdict.pinned ?? '')]));
  const mark = (id: string) => (expected.has(id) ? ' (expected)' : newer.has(id) ? ' (not gating)' : '');
  const lines: string[] = [];
  lines.push(verbatim(c.bold(`clone-conformance: ${report.adapter}`) + c.dim(` (seed ${report.seed}, ${report.runs} runs per invariant)`)));
  if (report.notChecked.length > 0) {
    // Fields the adapter does not map, and overrides no cloneWith() was asked for (`cloneWith(x)`).
    const overrides = report.notChecked.filter((entry) => entry.startsWith('cloneWith('));
    const unmapped = report.notChecked.filter((entry) => !entry.startsWith('cloneWith('));
    if (unmapped.length > 0) lines.push(c.dim(`Not checked (the adapter does not map them): ${unmapped.join(', ')}`));
    // Framework fields are overridden only when the adapter names them: say how, where one is left out.
    const framework = overrides.some((entry) => entry.startsWith('cloneWith(framework.')) ? ' (a cloneWith that takes framework fields names them in overridable, as framework.<name>)' : '';
    if (overrides.length > 0) lines.push(c.dim(`Overrides not checked: ${overrides.join(', ')}${framework}`));
  }
  for (const [profile, about] of Object.entries(PROFILES)) {
    const results = report.results.filter((result) => result.id.startsWith(`${profile}.`));
    if (results.length === 0) continue;
    const absent = results.every((result) => result.status === 'skipped' && result.message.startsWith(`profile ${profile} not checked`));
    lines.push('', `${c.bold(about.title)} ${c.dim(`(${about.call})`)}${absent ? c.dim(`: not checked, the adapter has no ${about.operation}()`) : ''}`);
    if (!absent) lines.push(...results.map(resultLine));
  }
  function resultLine(result: InvariantResult): string {
    if (result.status === 'passed') {
      const counts = result.discarded ? ` (${result.checked} checked, ${result.discarded} discarded)` : '';
      const remark = stale.has(result.id) ? c.red(' (passes, but the baseline expects it to fail: remove it from the baseline)') : result.note === undefined ? '' : c.dim(` (${result.note})`);
      return `  ${c.green('✓')} ${result.id}${c.dim(counts)}${remark}`;
    }
    if (result.status === 'failed') {
      const remark = expected.has(result.id) ? ' (expected failure)' : tolerated.has(result.id) ? ` (${result.level}: reported, not counted without --strict)` : newer.has(result.id) ? ` (${newer.get(result.id)})` : '';
      return `  ${remark !== '' ? c.yellow('✗') : c.red('✗')} ${result.id}${c.dim(remark)}`;
    }
    if (result.notApplicable) return `  ${c.dim('-')} ${result.id} ${c.dim(result.message)}`;
    return `  ${c.yellow('-')} ${result.id} ${c.dim(`skipped: ${result.message}`)}`;
  }
  const failures = report.results.filter((result) => result.status === 'failed');
  if (report.findings.length > 0) {
    const causes = report.findings.length === 1 ? 'one cause' : `${report.findings.length} causes`;
    lines.push('', c.bold(`Findings: ${causes} for ${failures.length} failure${failures.length === 1 ? '' : 's'}`));
  }
  report.findings.forEach((finding, index) => {
    const failure = failures.find((result) => result.id === finding.root)!;
    const tag = expected.has(failure.id) ? ', expected' : newer.has(failure.id) ? `, ${newer.get(failure.id)}` : '';
    lines.push('', (tag !== '' ? c.yellow : c.red)(c.bold(`${index + 1}) ${failure.id} [${failure.level}${tag}]`)));
    lines.push(indent(`Rule:      ${failure.rule}`, '   '));
    if (failure.observed !== undefined) {
      lines.push(indent(`Observed:  ${failure.observed}`, '   '));
      for (const other of failure.also ?? []) lines.push(indent(`     and:  ${other}`, '   '));
      if (failure.moreDifferences) lines.push(indent(`     and:  ${failure.moreDifferences} more difference${failure.moreDifferences === 1 ? '' : 's'}`, '   '));
      lines.push(indent(`Required:  ${failure.required}`, '   '));
    } else {
      lines.push(indent(`Error:     ${failure.message}`, '   '));
    }
    if (failure.counterexample) {
      lines.push(`   ${failure.shrunk ? 'Counterexample (shrunk):' : 'Counterexample (not shrunk: a call timed out or the adapter broke):'}`);
      lines.push(...indent(failure.counterexample, '     ').split('\n').map(verbatim));
    }
    if (failure.replay) lines.push(verbatim(`   Replay:    ${c.cyan(failure.replay)}`));
    if (failure.stack) lines.push('   Adapter stack (--debug):', ...indent(failure.stack.trimEnd(), '     ').split('\n').map(verbatim));
    lines.push(`   Finding:   ${finding.fingerprint}${finding.invariants.length > 1 ? ` (explains ${finding.invariants.length} failures)` : ''}`);
    const following = finding.invariants.slice(1).map((id) => failures.find((result) => result.id === id)!);
    const sameError = following.filter((other) => other.observed === undefined && failure.observed === undefined);
    if (sameError.length > 0) lines.push(`   Same error, so also failed: ${sameError.map((other) => other.id + mark(other.id)).join(', ')}`);
    const cascades = following.filter((other) => !sameError.includes(other));
    if (cascades.length > 0) {
      lines.push('   Follow from it:');
      for (const other of cascades) lines.push(`     - ${other.id}${mark(other.id)}: ${oneLine(other.observed ?? other.message)}`);
    }
  });
  const { passed, failed, skipped } = report.summary;
  lines.push('', `Summary: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  if (verdict.expectedFailures.length > 0) lines.push(`Expected failures (baseline): ${verdict.expectedFailures.join(', ')}`);
  if (verdict.notGating.length > 0) {
    lines.push(`Not gating under --spec ${verdict.pinned} (added in a later specification): ${verdict.notGating.map(({ id, since }) => `${id} (added in spec ${since})`).join(', ')}`);
  }
  if (verdict.stale.length > 0) lines.push(c.red(`Stale baseline entries (they pass now; remove them from ${options.baselineFile ?? 'the baseline'}): ${verdict.stale.join(', ')}`));
  for (const { id, pinned, found } of verdict.changedReason) {
    const cause = report.findings.find((finding) => finding.fingerprint === found)?.cause ?? '';
    lines.push(c.red(`Failure for another reason than the baseline pins: ${id} fails with finding ${found} (${oneLine(cause, 120)}); the baseline pins ${pinned}, which is gone. A new cause under an expected failure: fix it, or record it in the baseline.`));
  }
  for (const warning of report.warnings) lines.push(c.yellow(`Warning: ${warning}`));
  if (report.interrupted !== undefined) {
    const notRun = report.notRun ?? [];
    lines.push(c.yellow(c.bold(`Interrupted (${report.interrupted}): this report covers the invariants finished so far${notRun.length > 0 ? `; not run: ${notRun.join(', ')}` : ''}.`)));
    lines.push(c.yellow('No verdict: the run did not finish.'));
  } else if (verdict.nothingChecked) {
    lines.push(c.yellow(c.bold('Nothing was checked: every selected invariant was skipped, so this run says nothing about the adapter.')));
  } else {
    const line = verdictLine(report, verdict);
    lines.push((line.tone === 'good' ? c.green : line.tone === 'warn' ? c.yellow : c.red)(c.bold(line.text)));
    if (!report.conformant && verdict.exitCode === 0) {
      const pinned = verdict.notGating.length > 0 ? `, tolerated, or added after specification ${verdict.pinned} (--spec)` : ' or tolerated';
      lines.push(c.yellow(`Gate passes: every failure is expected by the baseline${pinned}.`));
    }
    if (verdict.exitCode === 1 && verdict.newFailures.length === 0 && verdict.stale.length === 0 && report.warnings.length > 0) {
      lines.push(c.red('Gate fails: --strict counts the warnings above.'));
    }
  }
  // A Python adapter's report speaks Python: its names, None, lists (not in counterexamples and replay lines, the suite's own).
  const say = report.language === 'python' ? pythonNames : (text: string) => text;
  return `${lines.map((line) => (line.startsWith(VERBATIM) ? line.slice(VERBATIM.length) : say(line))).join('\n')}\n`;
}
