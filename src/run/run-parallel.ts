import type { Invariant } from '../../spec/invariants/invariant.ts';
import type { Subject } from '../../spec/model/subject.ts';
import type { InvariantResult } from '../report/model.ts';
import type { RunControl } from './run-control.ts';
import { runInvariant, type InvariantRunOptions } from './run-invariant.ts';

/** The invariants that take longest, started first so that the subjects finish together. */
const LONGEST_FIRST = ['channel.sequences'];

/**
 * Runs invariants on several subjects at once (independent adapter processes): each subject takes
 * the next invariant when it is free, and runs one at a time, as adapters need not be re-entrant.
 * Invariants are independent and each draws its cases from the seed alone, so the results are
 * those of {@link runInvariants}, in catalogue order, whichever subject ran which.
 */
export async function runInvariantsInParallel(
  invariants: readonly Invariant[],
  subjects: readonly Subject[],
  options: InvariantRunOptions,
  onResult?: (result: InvariantResult) => void,
  control: Pick<RunControl, 'onStart' | 'signal'> = {},
): Promise<InvariantResult[]> {
  const order = [...invariants.keys()].sort((a, b) => Number(LONGEST_FIRST.includes(invariants[b]!.id)) - Number(LONGEST_FIRST.includes(invariants[a]!.id)));
  const results: InvariantResult[] = new Array(invariants.length);
  let next = 0;
  const worker = async (subject: Subject) => {
    while (next < order.length && !control.signal?.aborted) {
      const index = order[next++]!;
      control.onStart?.(invariants[index]!.id);
      const started = performance.now();
      results[index] = { ...(await runInvariant(invariants[index]!, subject, options)), durationMs: Math.round(performance.now() - started) };
      onResult?.(results[index]!);
    }
  };
  await Promise.all(subjects.map(worker));
  return results.filter((result) => result !== undefined);
}
