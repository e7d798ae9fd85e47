import type { InvariantResult, RunReport } from './model.ts';
import { pythonNames } from './python-names.ts';

/**
 * The report in its adapter's words, for the machine-read reporters (JSON, JUnit, GitHub): a
 * Python adapter's rules, messages, differences, causes and warnings name its snake_case fields
 * and methods, `None` and lists, as its human report does. Ids, fingerprints, counterexamples and
 * replay lines stay as they are: they are the suite's own names and input, and baselines hold them.
 */
export function inAdapterLanguage(report: RunReport): RunReport {
  if (report.language !== 'python') return report;
  const say = pythonNames;
  const results = report.results.map((result): InvariantResult => {
    switch (result.status) {
      case 'passed':
        return result.note === undefined ? result : { ...result, note: say(result.note) };
      case 'skipped':
        return { ...result, message: say(result.message) };
      case 'failed':
        return {
          ...result,
          message: say(result.message),
          rule: say(result.rule),
          ...(result.observed === undefined ? {} : { observed: say(result.observed) }),
          ...(result.required === undefined ? {} : { required: say(result.required) }),
          ...(result.also === undefined ? {} : { also: result.also.map(say) }),
        };
    }
  });
  const findings = report.findings.map((finding) => ({ ...finding, cause: say(finding.cause) }));
  return { ...report, results, findings, warnings: report.warnings.map(say) };
}
