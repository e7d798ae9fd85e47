import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../spec/invariants/catalogue.ts';
import { failedIds, ROOT, runMain } from './support/cli.ts';

interface Fixture {
  readonly file: string;
  readonly mustFail: readonly string[];
}

const SEED = '20261121';
const SEQUENCES = 'channel.sequences';
const dirs = ['fixtures/defective', 'fixtures/throwing'];
const fixtures: Fixture[] = await Promise.all(
  dirs.flatMap((dir) =>
    readdirSync(`${ROOT}${dir}`)
      .filter((name) => name.endsWith('.ts'))
      .map(async (name) => {
        const module = (await import(`${ROOT}${dir}/${name}`)) as { mustFail: readonly string[] };
        return { file: `${dir}/${name}`, mustFail: [...module.mustFail].sort() };
      }),
  ),
);

describe('defective adapters', () => {
  it('are at least 15, and each declares known invariant ids', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
    const known = new Set(CATALOGUE.map((invariant) => invariant.id));
    for (const fixture of fixtures) {
      expect(fixture.mustFail.length, fixture.file).toBeGreaterThan(0);
      for (const id of fixture.mustFail) expect(known.has(id), `${fixture.file}: ${id}`).toBe(true);
    }
  });

  // A clone that is its source shares its tools list: once name and tools must be mapped, the list
  // rules catch it too, so no defect is caught by the distinct-agent clauses alone. They stay as
  // the clause that names the defect; each must still be declared by some fixture.
  const NAMED_NOT_ALONE = new Set(['channel.distinct-agent', 'override.distinct-agent', 'deepcopy.distinct-agent']);

  it('include, for every invariant, a defect that only it catches', () => {
    const uncaught = CATALOGUE.map((invariant) => invariant.id).filter(
      (id) => !NAMED_NOT_ALONE.has(id) && !fixtures.some((fixture) => fixture.mustFail.length === 1 && fixture.mustFail[0] === id),
    );
    expect(uncaught).toEqual([]);
    expect([...NAMED_NOT_ALONE].filter((id) => !fixtures.some((fixture) => fixture.mustFail.includes(id)))).toEqual([]);
  });

  // channel.sequences re-checks every channel invariant over operation histories, so it may catch a
  // single-step defect too; it must fail where declared, and may fail elsewhere. Every other
  // invariant fails exactly where declared.
  //
  // At 30 runs, not the default 100: every fixture is caught on each declared id within 10 runs on
  // 100 seeds of 100 (`npm run bench`, BENCHMARKS.md), the first ten cases are the edge-value
  // schedule, and the whole catalogue for 100+ fixtures at 100 runs was half of CI's time.
  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s fails exactly its declared ids at 30 runs and exits 1', async (file, fixture) => {
    const { code, stdout } = await runMain([file, '--seed', SEED, '--runs', '30', '--reporter', 'json']);
    const failed = failedIds(stdout).filter((id) => id !== SEQUENCES || fixture.mustFail.includes(SEQUENCES));
    expect(failed).toEqual(fixture.mustFail);
    expect(code).toBe(1);
  });

  it('include at least five that every single-step invariant passes and only sequences catch', () => {
    expect(fixtures.filter((fixture) => fixture.mustFail.join() === SEQUENCES).length).toBeGreaterThanOrEqual(5);
  });
});
