import { describe, expect, it } from 'vitest';
import { edgeCoverage, sharedKinds } from '../bench/edge-coverage.ts';
import { SHARED_KINDS } from '../spec/generators/features.ts';
import { firstCases } from '../spec/generators/schedule.ts';
import { scenarioFor } from '../spec/generators/scenario.ts';
import { FieldScope } from '../spec/model/field-scope.ts';
import { FEATURE_NAMES } from '../spec/agent-config.ts';

// The quick mode of `npm run bench`'s edge coverage: on each of the first seeds, the first ten
// cases of a run hold every edge value of every field, every feature at every edge, every kind
// of mutable value shared, and every override shape.
const SEEDS = 20;
const coverage = await edgeCoverage(SEEDS);

describe(`edge coverage: the first ten cases, on seeds 1 to ${SEEDS}`, () => {
  it('measures every field, every feature, sharing and overrides', () => {
    const fields = new Set(coverage.map((row) => row.field));
    for (const field of ['name', 'instructions', 'apiKey', 'tools', 'handoffs', 'features', 'toolTimeout', 'sharing', 'overrides', ...FEATURE_NAMES.map((name) => `features.${name}`)]) {
      expect(fields.has(field), field).toBe(true);
    }
    expect(coverage.length).toBeGreaterThan(200);
  });

  it('holds every edge on every seed', () => {
    expect(coverage.filter((row) => row.seeds < SEEDS).map((row) => `${row.field}: ${row.edge} (${row.seeds}/${SEEDS})`)).toEqual([]);
  });
});

describe('sharing, for an adapter that maps only three features', () => {
  it('holds every kind of mutable value in two places within the first ten cases, on seeds 1 to 20', async () => {
    const scope = new FieldScope(['name', 'tools', 'handoffs', 'memory', 'web', 'guardrails']);
    for (let seed = 1; seed <= 20; seed++) {
      const configs = (await firstCases(scenarioFor(scope), seed, 10)).map((scenario) => scenario.config);
      const shared = new Set(configs.flatMap((config) => [...sharedKinds(config)]));
      expect([...shared].sort(), `seed ${seed}`).toEqual([...SHARED_KINDS].sort());
    }
  });
});
