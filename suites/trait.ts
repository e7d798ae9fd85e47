import { it } from 'vitest';
import type { AnyInvariant } from '../spec/invariants/invariant.ts';
import type { InvariantResult } from '../src/report/model.ts';

/** Options for applying the catalogue inside a vitest run. */
export interface SuiteOptions {
  /**
   * fast-check seed. Fix it for reproducible runs; without it a random seed is drawn and printed
   * (on standard error), and the replay lines name it, as the command does.
   */
  readonly seed?: number;
  /** Scenarios per invariant (default 100). */
  readonly runs?: number;
  /**
   * Bound on each test, in milliseconds. Default: {@link defaultTestTimeout} of `runs` and the
   * call timeout (vitest's own 5 s default is too short for a long property on a slow framework).
   */
  readonly testTimeout?: number;
}

/**
 * The default bound on one invariant's test: 5 s, plus 50 ms per generated case (a framework's
 * clone and views cost far less, shrinking included), plus five call timeouts (a case whose call
 * times out stops shrinking, so a failing test waits for a timeout a few times at most).
 * 100 runs with the 2 s call timeout: 20 s.
 */
export function defaultTestTimeout(runs: number, callTimeout: number): number {
  return 5_000 + runs * 50 + 5 * callTimeout;
}

/** How a test obtains its invariant's result: run here, or awaited from an isolated run. */
export type ResultOf = (invariant: AnyInvariant) => Promise<InvariantResult>;

/** Metadata the test carries for reporters (vitest's `task.meta`, in the JSON reporter too). */
export interface CloneConformanceMeta {
  readonly status: InvariantResult['status'];
  readonly reason?: string;
}

/**
 * The one body every invariant test runs: a vitest test named by the invariant's id that passes,
 * fails with the report's own text (rule, observed and required, counterexample, and the replay
 * command line), or is skipped with the reason the command's report gives.
 */
export function invariantTest(invariant: AnyInvariant, resultOf: ResultOf, replay: (result: Extract<InvariantResult, { status: 'failed' }>) => string, timeout: number): void {
  it(`${invariant.id} [${invariant.level}]`, async (context) => {
    const result = await resultOf(invariant);
    const meta = context.task.meta as { cloneConformance?: CloneConformanceMeta };
    if (result.status === 'skipped') {
      meta.cloneConformance = { status: 'skipped', reason: result.message };
      context.skip(result.message);
      return;
    }
    meta.cloneConformance = { status: result.status };
    if (result.status === 'failed') {
      const counterexample = result.counterexample === '' ? '' : `\ncounterexample: ${result.counterexample}`;
      throw new Error(`${invariant.id} [${invariant.level}] failed.\n${invariant.rule}\n${result.message}${counterexample}\nreplay: ${replay(result)}`);
    }
  }, timeout);
}
