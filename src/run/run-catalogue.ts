import type { Invariant } from '../../spec/invariants/invariant.ts';
import type { Subject } from '../../spec/model/subject.ts';
import type { InvariantResult } from '../report/model.ts';
import { notRunAfterBail, type RunControl } from './run-control.ts';
import { runInvariant, type InvariantRunOptions } from './run-invariant.ts';

/** Runs invariants one after the other (adapters need not be re-entrant), in catalogue order. */
export async function runInvariants(
  invariants: readonly Invariant[],
  subject: Subject,
  options: InvariantRunOptions,
  onResult?: (result: InvariantResult) => void,
  control: Omit<RunControl, 'onResult'> = {},
): Promise<InvariantResult[]> {
  const results: InvariantResult[] = [];
  for (const [index, invariant] of invariants.entries()) {
    if (control.signal?.aborted) break;
    control.onStart?.(invariant.id);
    const started = performance.now();
    const result = { ...(await runInvariant(invariant, subject, options)), durationMs: Math.round(performance.now() - started) };
    onResult?.(result);
    results.push(result);
    if (control.bail && result.status === 'failed') {
      const rest = invariants.slice(index + 1);
      const notRun = notRunAfterBail(rest.map((other) => other.id), invariant.id, (id) => rest.find((other) => other.id === id)!.level);
      for (const skipped of notRun) onResult?.(skipped);
      results.push(...notRun);
      break;
    }
  }
  return results;
}
