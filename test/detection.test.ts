import { describe, expect, it } from 'vitest';
import { defectiveFixtures, detect } from '../bench/detection.ts';

// The quick mode of `npm run bench`'s detection power: every defect, on every declared invariant,
// caught with only 10 runs per invariant on each of the first 5 seeds (the benchmark uses 100).
const fixtures = await defectiveFixtures();

describe('detection power (quick): caught at --runs 10', () => {
  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s, on seeds 1 to 5', async (_file, fixture) => {
    const { missedSeeds } = await detect(fixture, 5, 10);
    expect(missedSeeds).toEqual([]);
  });
});
