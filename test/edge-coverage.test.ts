import { describe, expect, it } from 'vitest';
import { edgeCoverage } from '../bench/edge-coverage.ts';
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
