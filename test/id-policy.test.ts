import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALIASES, resolveId } from '../spec/invariants/aliases.ts';
import { INVARIANT_IDS } from '../spec/invariants/catalogue.ts';
import { ROOT } from './support/cli.ts';

// Invariant ids are API (CHANGELOG.md): every id ever published or committed must still resolve,
// as a current id or as the old id of a renamed one (spec/invariants/aliases.ts).

/** The ids of specification 1.0 as published: this list only grows (never edit an id out of it). */
const PUBLISHED_IDS = [
  'agent.config-held', 'channel.distinct-agent', 'channel.identity', 'channel.model-access',
  'channel.features', 'channel.execution', 'channel.tools.new-list', 'channel.tools.same-elements',
  'channel.tools.isolated', 'channel.handoffs.reset', 'channel.handoffs.no-tool-routes',
  'channel.controller.fresh', 'channel.controller.isolated', 'channel.locks.fresh', 'channel.locks.isolated',
  'channel.state.isolated', 'channel.state.fresh', 'channel.source-unchanged', 'channel.siblings-isolated',
  'channel.clone-of-clone', 'channel.sequences', 'override.distinct-agent', 'override.applied',
  'override.retained', 'override.tools.new-list', 'override.tools.same-elements',
  'override.handoffs.new-list', 'override.runtime-fresh', 'override.state.isolated', 'override.state.fresh',
  'override.source-unchanged', 'deepcopy.distinct-agent', 'deepcopy.config-equal', 'deepcopy.tools',
  'deepcopy.no-shared-state', 'deepcopy.runtime-fresh', 'deepcopy.state.isolated', 'deepcopy.state.copied',
  'deepcopy.source-unchanged',
];

const read = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');
const files = (dir: string, extension: string) => readdirSync(`${ROOT}${dir}`).filter((name) => name.endsWith(extension)).map((name) => `${dir}/${name}`);

/** Where ids are written down outside the catalogue, each with the ids it names. */
async function committedIds(): Promise<{ readonly where: string; readonly ids: readonly string[] }[]> {
  const baselines = readdirSync(`${ROOT}examples`).map((name) => `examples/${name}/expected-failures.json`).filter((path) => {
    try {
      return read(path) !== '';
    } catch {
      return false;
    }
  });
  const fromBaselines = baselines.map((where) => ({
    where,
    ids: (JSON.parse(read(where)) as { expectedFailures: (string | { id: string })[] }).expectedFailures.map((entry) => (typeof entry === 'string' ? entry : entry.id)),
  }));
  const typescript = await Promise.all(
    ['fixtures/defective', 'fixtures/throwing'].flatMap((dir) => files(dir, '.ts')).map(async (where) => ({ where, ids: [...((await import(`${ROOT}${where}`)) as { mustFail: readonly string[] }).mustFail] })),
  );
  const python = files('fixtures/python/defective', '.py').map((where) => ({ where, ids: JSON.parse(/^MUST_FAIL = (\[[^\]]*\])$/m.exec(read(where))![1]!) as string[] }));
  const spec = { where: 'spec/SPEC.md', ids: [...read('spec/SPEC.md').matchAll(/^### ([a-z]+\.[a-z.-]+)$/gm)].map((match) => match[1]!) };
  const readme = { where: 'README.md', ids: [...read('README.md').matchAll(/^\| (?:[^|]+\| )?`((?:agent|channel|override|deepcopy)\.[a-z.-]+)` \|/gm)].map((match) => match[1]!) };
  return [{ where: 'the ids of specification 1.0', ids: PUBLISHED_IDS }, ...fromBaselines, ...typescript, ...python, spec, readme];
}

describe('invariant ids: renamed ones keep resolving', () => {
  it('every id a committed baseline, fixture, SPEC.md, the README or an earlier specification names resolves', async () => {
    const sources = await committedIds();
    expect(sources.filter((source) => source.where.endsWith('expected-failures.json')).length).toBeGreaterThanOrEqual(5);
    expect(sources.find((source) => source.where === 'spec/SPEC.md')!.ids.length).toBe(INVARIANT_IDS.length);
    expect(sources.find((source) => source.where === 'README.md')!.ids.length).toBeGreaterThanOrEqual(INVARIANT_IDS.length);
    const unresolved = sources.flatMap(({ where, ids }) => ids.filter((id) => resolveId(id, INVARIANT_IDS).kind === 'unknown').map((id) => `${where}: ${id}`));
    expect(unresolved).toEqual([]);
  });

  it('no old id is a current id, every old id leads to a current id, and no rename chains', () => {
    for (const [old, id] of Object.entries(ALIASES)) {
      expect(INVARIANT_IDS, old).not.toContain(old);
      expect(INVARIANT_IDS, `${old} -> ${id}`).toContain(id);
      expect(Object.keys(ALIASES), `${old} -> ${id}`).not.toContain(id);
    }
  });

  it('the catalogue has no id twice', () => {
    expect(new Set(INVARIANT_IDS).size).toBe(INVARIANT_IDS.length);
  });
});
