import { createColors } from 'picocolors';
import type { RunReport } from './model.ts';

export interface HumanFormatOptions {
  /** ANSI colours; the command enables them only when writing to a terminal. */
  readonly color: boolean;
}

const indent = (text: string, by: string) => text.split('\n').map((line) => by + line).join('\n');

/** The human-readable report: one line per invariant, then every failure in full, then the verdict. */
export function formatHuman(report: RunReport, options: HumanFormatOptions): string {
  const c = createColors(options.color);
  const lines: string[] = [];
  lines.push(c.bold(`clone-conformance: ${report.adapter}`) + c.dim(` (seed ${report.seed}, ${report.runs} runs per invariant)`), '');
  for (const result of report.results) {
    if (result.status === 'passed') lines.push(`  ${c.green('✓')} ${result.id}${result.note === undefined ? '' : c.dim(` (${result.note})`)}`);
    else if (result.status === 'failed') lines.push(`  ${c.red('✗')} ${result.id}${result.level === 'MUST' ? '' : c.dim(` (${result.level})`)}`);
    else lines.push(`  ${c.yellow('-')} ${result.id} ${c.dim(`skipped: ${result.message}`)}`);
  }
  const failures = report.results.filter((result) => result.status === 'failed');
  failures.forEach((failure, index) => {
    lines.push('', c.red(c.bold(`${index + 1}) ${failure.id} [${failure.level}]`)));
    lines.push(indent(`Rule:      ${failure.rule}`, '   '));
    if (failure.observed !== undefined) {
      lines.push(indent(`Observed:  ${failure.observed}`, '   '), indent(`Required:  ${failure.required}`, '   '));
    } else {
      lines.push(indent(`Error:     ${failure.message}`, '   '));
    }
    if (failure.counterexample) {
      lines.push(`   ${failure.shrunk ? 'Counterexample (shrunk):' : 'Counterexample (not shrunk: a call timed out):'}`);
      lines.push(indent(failure.counterexample, '     '));
    }
    if (failure.replay) lines.push(`   Replay:    ${c.cyan(failure.replay)}`);
  });
  const { passed, failed, skipped } = report.summary;
  lines.push('', `Summary: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  lines.push(report.conformant ? c.green(c.bold('Conformant.')) : c.red(c.bold('Not conformant.')));
  return `${lines.join('\n')}\n`;
}
