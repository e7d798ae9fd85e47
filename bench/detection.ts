/**
 * Detection power: on how many seeds a defective fixture is caught with few runs. Shared by the
 * benchmark (100 seeds) and the quick check in the tests (a few seeds).
 */
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { findInvariant } from '../spec/invariants/catalogue.ts';
import type { CloneAdapter } from '../src/adapter/contract.ts';
import type { Subject } from '../spec/model/subject.ts';
import { runInvariant } from '../src/run/run-invariant.ts';
import { inProcessSubject } from '../src/transports/in-process.ts';

const ROOT = new URL('../', import.meta.url).pathname;

export interface Fixture {
  readonly file: string;
  readonly adapter: CloneAdapter;
  readonly mustFail: readonly string[];
}

/** Every TypeScript defective fixture, with the ids it declares. */
export async function defectiveFixtures(): Promise<Fixture[]> {
  const found: Fixture[] = [];
  for (const dir of ['fixtures/defective', 'fixtures/throwing']) {
    for (const name of readdirSync(`${ROOT}${dir}`).filter((file) => file.endsWith('.ts')).sort()) {
      const module = (await import(pathToFileURL(`${ROOT}${dir}/${name}`).href)) as { default: CloneAdapter; mustFail: readonly string[] };
      found.push({ file: `${dir}/${name}`, adapter: module.default, mustFail: module.mustFail });
    }
  }
  return found;
}

export interface Detection {
  /** Seeds on which at least one declared invariant failed. */
  readonly caught: number;
  /** Seeds on which every declared invariant failed. */
  readonly allCaught: number;
  /** Median, over the seeds that caught it, of the generated cases until the first failure. */
  readonly medianRuns: number;
  /** Seeds on which some declared invariant passed. */
  readonly missedSeeds: readonly number[];
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Runs the declared invariants on seeds 1..seeds, `runs` cases each, without shrinking, on the subject given for each seed. */
export async function detectOn(mustFail: readonly string[], seeds: number, runs: number, subjectFor: (seed: number) => Subject): Promise<Detection> {
  let caught = 0;
  let allCaught = 0;
  const firstFailure: number[] = [];
  const missedSeeds: number[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const subject = subjectFor(seed);
    const failedRuns: number[] = [];
    for (const id of mustFail) {
      const result = await runInvariant(findInvariant(id)!, subject, { seed, runs, shrink: false });
      if (result.status === 'failed') failedRuns.push(result.runsToFailure ?? runs);
    }
    if (failedRuns.length > 0) {
      caught += 1;
      firstFailure.push(Math.min(...failedRuns));
    }
    if (failedRuns.length === mustFail.length) allCaught += 1;
    else missedSeeds.push(seed);
  }
  return { caught, allCaught, medianRuns: median(firstFailure), missedSeeds };
}

/** Runs the fixture's declared invariants on seeds 1..seeds, `runs` cases each, without shrinking. */
export const detect = (fixture: Fixture, seeds: number, runs: number): Promise<Detection> =>
  detectOn(fixture.mustFail, seeds, runs, () => inProcessSubject(fixture.adapter, { timeout: 2000 }));
