import { createColors } from 'picocolors';
import { PROFILES } from '../../spec/invariants/profiles.ts';
import type { InvariantResult, RunReport } from './model.ts';
import type { Verdict } from './verdict.ts';

export interface HumanFormatOptions {
  /** ANSI colours; the command enables them only when writing to a terminal. */
  readonly color: boolean;
  /** The baseline file, named in the advice about stale entries. */
  readonly baselineFile?: string;
}

const indent = (text: string, by: string) => text.split('\n').map((line) => by + line).join('\n');

/** The human-readable report: one line per invariant, then every failure in full, then the verdict. */
export function formatHuman(report: RunReport, verdict: Verdict, options: HumanFormatOptions): string {
  const c = createColors(options.color);
  const expected = new Set(verdict.expectedFailures);
  const stale = new Set(verdict.stale);
  const tolerated = new Set(verdict.tolerated);
  const lines: string[] = [];
  lines.push(c.bold(`clone-conformance: ${report.adapter}`) + c.dim(` (seed ${report.seed}, ${report.runs} runs per invariant)`));
  if (report.notChecked.length > 0) lines.push(c.dim(`Not checked (the adapter does not map them): ${report.notChecked.join(', ')}`));
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
      const remark = expected.has(result.id) ? ' (expected failure)' : tolerated.has(result.id) ? ` (${result.level}: reported, not counted without --strict)` : '';
      return `  ${expected.has(result.id) || tolerated.has(result.id) ? c.yellow('✗') : c.red('✗')} ${result.id}${c.dim(remark)}`;
    }
    if (result.notApplicable) return `  ${c.dim('-')} ${result.id} ${c.dim(result.message)}`;
    return `  ${c.yellow('-')} ${result.id} ${c.dim(`skipped: ${result.message}`)}`;
  }
  const failures = report.results.filter((result) => result.status === 'failed');
  failures.forEach((failure, index) => {
    const tag = expected.has(failure.id) ? ', expected' : '';
    lines.push('', (expected.has(failure.id) ? c.yellow : c.red)(c.bold(`${index + 1}) ${failure.id} [${failure.level}${tag}]`)));
    lines.push(indent(`Rule:      ${failure.rule}`, '   '));
    if (failure.observed !== undefined) {
      lines.push(indent(`Observed:  ${failure.observed}`, '   '), indent(`Required:  ${failure.required}`, '   '));
    } else {
      lines.push(indent(`Error:     ${failure.message}`, '   '));
    }
    if (failure.counterexample) {
      lines.push(`   ${failure.shrunk ? 'Counterexample (shrunk):' : 'Counterexample (not shrunk: a call timed out or the adapter broke):'}`);
      lines.push(indent(failure.counterexample, '     '));
    }
    if (failure.replay) lines.push(`   Replay:    ${c.cyan(failure.replay)}`);
    if (failure.stack) lines.push('   Adapter stack (--debug):', indent(failure.stack.trimEnd(), '     '));
  });
  const { passed, failed, skipped } = report.summary;
  lines.push('', `Summary: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  if (verdict.expectedFailures.length > 0) lines.push(`Expected failures (baseline): ${verdict.expectedFailures.join(', ')}`);
  if (verdict.stale.length > 0) lines.push(c.red(`Stale baseline entries (they pass now; remove them from ${options.baselineFile ?? 'the baseline'}): ${verdict.stale.join(', ')}`));
  for (const warning of report.warnings) lines.push(c.yellow(`Warning: ${warning}`));
  if (report.interrupted !== undefined) {
    const notRun = report.notRun ?? [];
    lines.push(c.yellow(c.bold(`Interrupted (${report.interrupted}): this report covers the invariants finished so far${notRun.length > 0 ? `; not run: ${notRun.join(', ')}` : ''}.`)));
    lines.push(c.yellow('No verdict: the run did not finish.'));
  } else if (verdict.nothingChecked) {
    lines.push(c.yellow(c.bold('Nothing was checked: every selected invariant was skipped, so this run says nothing about the adapter.')));
  } else {
    lines.push(report.conformant ? c.green(c.bold('Conformant.')) : c.red(c.bold('Not conformant.')));
    if (!report.conformant && verdict.exitCode === 0) lines.push(c.yellow('Gate passes: every failure is expected by the baseline or tolerated.'));
    if (verdict.exitCode === 1 && verdict.newFailures.length === 0 && verdict.stale.length === 0 && report.warnings.length > 0) {
      lines.push(c.red('Gate fails: --strict counts the warnings above.'));
    }
  }
  return `${lines.join('\n')}\n`;
}
