import { afterAll } from 'vitest';
import { INVARIANT_IDS } from '../spec/invariants/catalogue.ts';
import type { InvariantResult } from '../src/report/model.ts';
import { runIsolated } from '../src/run/isolated-run.ts';
import type { ResultOf } from './trait.ts';

interface Pending {
  readonly promise: Promise<InvariantResult>;
  resolve(result: InvariantResult): void;
  reject(error: unknown): void;
}

/** What an isolated run of a module adapter needs. */
export interface IsolatedSuiteSettings {
  readonly module: string;
  readonly seed: number;
  readonly runs: number;
  readonly timeout: number;
  readonly startTimeout: number;
}

/**
 * Results from one run of the whole catalogue in a worker thread, as the command runs it: started
 * by the first test, each test awaiting its own invariant's result. A call that blocks its thread
 * is caught by the watchdog on this side, so a synchronous hang fails tests instead of hanging
 * the team's whole vitest run. The run is stopped when the file's tests are done.
 */
export function isolatedResults(settings: IsolatedSuiteSettings): ResultOf {
  const pending = new Map<string, Pending>();
  const slot = (id: string): Pending => {
    let entry = pending.get(id);
    if (entry === undefined) {
      let resolve!: (result: InvariantResult) => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<InvariantResult>((ok, fail) => ((resolve = ok), (reject = fail)));
      promise.catch(() => {}); // a test filtered out never awaits its result: no unhandled rejection
      entry = { promise, resolve, reject };
      pending.set(id, entry);
    }
    return entry;
  };
  const abort = new AbortController();
  afterAll(() => abort.abort());
  let started = false;
  const start = () => {
    started = true;
    const { module, seed, runs, timeout, startTimeout } = settings;
    runIsolated({ adapter: module, cwd: process.cwd(), ids: INVARIANT_IDS, seed, runs, timeout, startTimeout }, { signal: abort.signal, onResult: (result) => slot(result.id).resolve(result) }).then(
      (run) => {
        const missing = new Error(run.interrupted ? 'the run was stopped before this invariant finished' : 'the run ended without a result for this invariant');
        for (const id of INVARIANT_IDS) slot(id).reject(missing);
      },
      (error: unknown) => {
        for (const id of INVARIANT_IDS) slot(id).reject(error);
      },
    );
  };
  return (invariant) => {
    if (!started) start();
    return slot(invariant.id).promise;
  };
}
