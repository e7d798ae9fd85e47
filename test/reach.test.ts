import { describe, expect, it } from 'vitest';
import { overrideCaseFor } from '../spec/generators/overrides.ts';
import { firstCases, SCHEDULE_LENGTH } from '../spec/generators/schedule.ts';
import { scenarioFor } from '../spec/generators/scenario.ts';
import { FieldScope } from '../spec/model/field-scope.ts';
import { OBSERVER_DEPTH, REACH_CLASSES, reachOf } from '../spec/model/reach.ts';
import { IdentityRegistry, MAX_DEPTH, observe } from '../src/transports/observe.ts';

// Reach as a property: every kind the observation model can express (spec/model/reach.ts: kinds,
// string and number classes, containers, keys, sharing between any two places, every depth the
// observers show) occurs within the first ten cases of every seed. A class added to the model
// without a generator drawing it, or a generator branch removed, fails here.
const SEEDS = 100;

/** What the first ten cases of a run on `seed` reach, as views of their configurations and overrides show them. */
async function reached(seed: number): Promise<Set<string>> {
  const found = new Set<string>();
  const view = (values: Record<string, unknown>) => {
    const registry = new IdentityRegistry();
    reachOf(Object.fromEntries(Object.entries(values).map(([field, value]) => [field, observe(registry, value)])), found);
  };
  for (const scenario of await firstCases(scenarioFor(FieldScope.ALL), seed, SCHEDULE_LENGTH)) view({ ...scenario.config });
  for (const { overrides } of await firstCases(overrideCaseFor(FieldScope.ALL), seed, SCHEDULE_LENGTH)) view({ ...overrides });
  return found;
}

describe(`reach: the first ten cases, on seeds 1 to ${SEEDS}`, () => {
  it('the model and the observers agree on the depth limit', () => {
    expect(OBSERVER_DEPTH).toBe(MAX_DEPTH);
  });

  it('every class of the observation model occurs on every seed', async () => {
    const missing: string[] = [];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const found = await reached(seed);
      for (const name of REACH_CLASSES) if (!found.has(name)) missing.push(`seed ${seed}: ${name}`);
    }
    expect(missing).toEqual([]);
  });
});
