import type { Invariant } from '../../spec/invariants/invariant.ts';
import type { Subject } from '../../spec/model/subject.ts';
import type { InvariantResult } from '../report/model.ts';
import { runInvariant, type InvariantRunOptions } from './run-invariant.ts';

/** Runs invariants one after the other (adapters need not be re-entrant), in catalogue order. */
export async function runInvariants(
  invariants: readonly Invariant[],
  subject: Subject,
  options: InvariantRunOptions,
  onResult?: (result: InvariantResult) => void,
): Promise<InvariantResult[]> {
  const results: InvariantResult[] = [];
  for (const invariant of invariants) {
    const result = await runInvariant(invariant, subject, options);
    onResult?.(result);
    results.push(result);
  }
  return results;
}
