import type { RunReport } from './model.ts';

/**
 * The JSON report: one document, stable for a given seed (no timings, no identity tokens).
 * Shape: { adapter, seed, runs, conformant, results: [{ id, status, level, message?,
 * counterexample?, replay? }], summary: { passed, failed, skipped } }.
 */
export function formatJson(report: RunReport): string {
  const results = report.results.map((result) => {
    switch (result.status) {
      case 'passed':
        return { id: result.id, status: result.status, level: result.level, ...(result.note === undefined ? {} : { message: result.note }) };
      case 'skipped':
        return { id: result.id, status: result.status, level: result.level, message: result.message };
      case 'failed':
        return {
          id: result.id,
          status: result.status,
          level: result.level,
          message: result.message,
          counterexample: result.counterexample,
          replay: result.replay ?? '',
        };
    }
  });
  const { adapter, seed, runs, conformant, summary } = report;
  return `${JSON.stringify({ adapter, seed, runs, conformant, results, summary }, null, 2)}\n`;
}
