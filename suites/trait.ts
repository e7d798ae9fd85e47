import { expect, it } from 'vitest';
import type { Invariant } from '../spec/invariants/invariant.ts';
import type { Subject } from '../spec/model/subject.ts';
import { runInvariant } from '../src/run/run-invariant.ts';

/** Options for applying the catalogue inside a vitest run. */
export interface SuiteOptions {
  /** fast-check seed. Fix it for reproducible runs; the failure message prints it either way. */
  readonly seed: number;
  /** Scenarios per invariant (default 100). */
  readonly runs?: number;
}

/**
 * The one body every invariant test runs: a vitest test named by the invariant's id that fails
 * with the report's own text (observed, required, counterexample, replay seed and path).
 */
export function invariantTest<Input>(invariant: Invariant<Input>, subject: () => Subject, options: SuiteOptions): void {
  const title = `${invariant.id} [${invariant.level}]`;
  it(title, async () => {
    const result = await runInvariant(invariant, subject(), {
      seed: options.seed,
      runs: options.runs ?? 100,
    });
    const explanation =
      result.status === 'failed'
        ? `${invariant.rule}\n${result.message}\ncounterexample: ${result.counterexample}\nreplay: seed ${options.seed}, path ${result.path}`
        : '';
    expect(result.status, explanation).toBe('passed');
  });
}
