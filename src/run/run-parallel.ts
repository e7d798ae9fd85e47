import type { Invariant } from '../../spec/invariants/invariant.ts';
import type { Subject } from '../../spec/model/subject.ts';
import type { InvariantResult } from '../report/model.ts';
import type { RunControl } from './run-control.ts';
import { InvariantLost, runInvariant, type InvariantRunOptions } from './run-invariant.ts';
import { startOrder } from './start-order.ts';

/** The invariant whose requests go before the others': the longest, a chain of steps each waiting for the last. */
const URGENT = 'channel.sequences';

/**
 * Runs invariants on several subjects at once (adapter processes, or lanes of one process that take
 * requests in flight): each subject takes the next invariant when it is free, and runs one at a
 * time. Invariants are independent and each draws its cases from the seed alone, so the results
 * are those of {@link runInvariants}, in catalogue order, whichever subject ran which. An invariant
 * that lost its adapter process to another's call (a crash, a hang) has no verdict from that run:
 * it runs again at the end, alone on the first subject, where nothing else can break its process.
 */
export async function runInvariantsInParallel(
  invariants: readonly Invariant[],
  subjects: readonly Subject[],
  options: InvariantRunOptions,
  onResult?: (result: InvariantResult) => void,
  control: Pick<RunControl, 'onStart' | 'signal'> = {},
): Promise<InvariantResult[]> {
  const order = startOrder(invariants.map((invariant) => invariant.id));
  const results: InvariantResult[] = new Array(invariants.length);
  let next = 0;
  const lost: number[] = [];
  const run = async (index: number, subject: Subject, alone: boolean) => {
    if (!alone) control.onStart?.(invariants[index]!.id); // a rerun was announced when it first started
    subject.urgent = invariants[index]!.id === URGENT;
    const started = performance.now();
    try {
      results[index] = { ...(await runInvariant(invariants[index]!, subject, options)), durationMs: Math.round(performance.now() - started) };
    } catch (error) {
      if (!(error instanceof InvariantLost) || alone) throw error;
      lost.push(index);
      return;
    }
    onResult?.(results[index]!);
  };
  const worker = async (subject: Subject) => {
    while (next < order.length && !control.signal?.aborted) await run(order[next++]!, subject, false);
  };
  await Promise.all(subjects.map(worker));
  for (const index of lost.sort((a, b) => a - b)) {
    if (control.signal?.aborted) break;
    await run(index, subjects[0]!, true);
  }
  return results.filter((result) => result !== undefined);
}
