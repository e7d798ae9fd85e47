/**
 * The conformance suite as vitest tests: one test per invariant of the catalogue, named by its id,
 * grouped by profile, reporting what the command reports (a skip is a skip, with its reason).
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';
import { CATALOGUE } from '../spec/invariants/catalogue.ts';
import { PROFILES } from '../spec/invariants/profiles.ts';
import type { Subject } from '../spec/model/subject.ts';
import type { CloneAdapter } from '../src/adapter/contract.ts';
import { validateAdapter } from '../src/adapter/load.ts';
import { DEFAULTS } from '../src/cli/defaults.ts';
import { replayLine } from '../src/report/replay.ts';
import { runInvariant } from '../src/run/run-invariant.ts';
import { inProcessSubject } from '../src/transports/in-process.ts';
import { isolatedResults } from './isolated-results.ts';
import { defaultTestTimeout, invariantTest, type ResultOf, type SuiteOptions } from './trait.ts';

export type { SuiteOptions } from './trait.ts';
export { defaultTestTimeout } from './trait.ts';

export interface CloneConformanceOptions extends SuiteOptions {
  /** Bound on every adapter call, in milliseconds (default 2000). */
  readonly timeout?: number;
  /** With an adapter module: bound on loading it, in milliseconds (default 10000), added to the first test's bound. */
  readonly startTimeout?: number;
}

const PLACEHOLDER = 'ADAPTER_MODULE';

/** A seed drawn when none is given, printed so that the run can be repeated (the replay lines name it too). */
function randomSeed(): number {
  const seed = (Math.random() * 2 ** 31) | 0;
  process.stderr.write(`clone-conformance: seed ${seed} (drawn at random; pass { seed: ${seed} } to repeat this run)\n`);
  return seed;
}

/**
 * Registers the catalogue as vitest tests for one adapter.
 *
 * Give the adapter module (a path relative to the working directory, or a file URL such as
 * `new URL('./my-adapter.ts', import.meta.url)`) to run it as the command does, in a worker thread
 * watched from outside: an adapter stuck in a synchronous loop then fails its test instead of
 * hanging the whole vitest run, and replay lines name the module. Given the adapter object, the
 * tests run it in the test's own thread: a call that never settles still times out, but a
 * synchronous hang cannot be stopped.
 */
export function describeCloneConformance(adapter: CloneAdapter | string | URL, given: CloneConformanceOptions = {}): void {
  const options = { ...given, seed: given.seed ?? randomSeed() };
  const runs = options.runs ?? DEFAULTS.runs;
  const timeout = options.timeout ?? DEFAULTS.timeout;
  const startTimeout = options.startTimeout ?? DEFAULTS.startTimeout;
  const testTimeout = options.testTimeout ?? defaultTestTimeout(runs, timeout);
  let name: string;
  let resultOf: ResultOf;
  let module: string | undefined;
  if (typeof adapter === 'string' || adapter instanceof URL) {
    const file = adapter instanceof URL ? fileURLToPath(adapter) : adapter;
    module = adapter instanceof URL ? relative(process.cwd(), file) : adapter;
    name = module;
    resultOf = isolatedResults({ module: file, seed: options.seed, runs, timeout, startTimeout });
  } else {
    validateAdapter(adapter, `The adapter "${adapter.name}"`);
    name = adapter.name;
    let current: Subject | undefined;
    const subject = () => (current ??= inProcessSubject(adapter, { timeout }));
    resultOf = (invariant) => runInvariant(invariant, subject(), { seed: options.seed, runs });
  }
  const replay = (failure: Parameters<typeof replayLine>[1]) => {
    const line = replayLine({ adapter: module ?? PLACEHOLDER, seed: options.seed, timeout }, failure);
    return module === undefined ? line.replace(PLACEHOLDER, '<adapter module>') : line;
  };

  describe(`clone-conformance: ${name}`, () => {
    let first = true;
    for (const [profile, about] of Object.entries(PROFILES)) {
      const invariants = CATALOGUE.filter((invariant) => invariant.profile === profile);
      if (invariants.length === 0) continue;
      describe(about.title, () => {
        for (const invariant of invariants) {
          // The first test also waits for the adapter module to load.
          invariantTest(invariant, resultOf, replay, testTimeout + (first && module !== undefined ? startTimeout : 0));
          first = false;
        }
      });
    }
  });
}
