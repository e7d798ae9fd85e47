import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../spec/invariants/catalogue.ts';
import { ROOT } from './support/cli.ts';
import { withoutStreamedLines } from './support/streamed.ts';

// The packed package in the kinds of project users have (README, "Install"): CommonJS, and
// TypeScript type-checked under strict options with node16 and bundler resolution. One tarball is
// installed once (from the registry, or npm's cache); each project is a folder below that install,
// with its own package.json, so Node and TypeScript find the one node_modules above it.
const work = mkdtempSync(join(tmpdir(), 'clone-conformance-kinds-'));
const npm = (args: string[], cwd: string) => execFileSync('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const project = (kind: 'module' | 'commonjs') => join(work, kind);
const bin = join(work, 'node_modules/.bin/clone-conformance');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

/** Runs the installed command in a project folder, as `npx clone-conformance` would. */
const run = (cwd: string, args: string[]) => spawnSync(bin, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const fast = ['--seed', '1', '--runs', '5', '--reporter', 'json'];
const NOT_IMPLEMENTED = (file: string) => `create() threw Error: not implemented: create(config) must return a new agent built from config (see the comment above it in ${file})`;

const TS_OPTIONS = { strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, target: 'es2022', noEmit: true, skipLibCheck: false, types: [] };
/** The tsconfigs each project type-checks with (the package's own declarations checked too): module and resolution, and the files. */
const TSCONFIGS = {
  module: [[{ module: 'node16', moduleResolution: 'node16' }, ['starter.ts', 'gateway.ts']], [{ module: 'esnext', moduleResolution: 'bundler' }, ['starter.ts', 'gateway.ts']]],
  // Under node16, TypeScript lets a CommonJS file import an ES module's types only (the starter's
  // import says its resolution mode); values need nodenext (or node20), bundler, or an .mts file.
  commonjs: [[{ module: 'node16', moduleResolution: 'node16' }, ['starter.ts', 'gateway.mts']], [{ module: 'esnext', moduleResolution: 'bundler' }, ['starter.ts', 'gateway.ts']], [{ module: 'nodenext', moduleResolution: 'nodenext' }, ['starter.ts', 'gateway.ts']]],
} as const;

// An adapter filled in from the starter's shape, with strict types: the reference Agent stands in for a framework.
const FILLED = `import { Agent, defineAdapter, referenceAdapter, RejectedConfig, type AgentConfig, type CloneAdapter, type Domains } from 'clone-conformance';

const domains: Domains = { fields: { llm: { kind: 'oneOf', values: ['gpt-4o', 'local', ''] } } };

const adapter: CloneAdapter<Agent> = defineAdapter<Agent>({
  ...referenceAdapter,
  name: 'gateway agent',
  domains,
  create(config: AgentConfig): Agent {
    if (config.llm === 'refused') throw new RejectedConfig('this framework refuses that model');
    return new Agent(config);
  },
  cloneWith: (agent: Agent, overrides: Partial<AgentConfig>) => agent.cloneWith(overrides),
});

export default adapter;
`;

beforeAll(() => {
  // dist/ is fresh (the tests' global setup builds it): packed as it is, not built once more.
  npm(['pack', '--ignore-scripts', '--pack-destination', work], ROOT);
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'))!;
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'install-root', private: true }));
  npm(['install', join(work, tarball)], work);
  for (const kind of ['module', 'commonjs'] as const) {
    mkdirSync(project(kind));
    writeFileSync(join(project(kind), 'package.json'), JSON.stringify({ name: `gateway-${kind}`, private: true, type: kind }));
    const init = run(project(kind), ['init', 'starter.ts']);
    if (init.status !== 0) throw new Error(`init starter.ts failed in the ${kind} project: ${init.stderr}`);
    for (const file of ['gateway.ts', 'gateway.mts']) writeFileSync(join(project(kind), file), FILLED);
    for (const [options, files] of TSCONFIGS[kind]) {
      writeFileSync(join(project(kind), `tsconfig.${options.moduleResolution}.json`), JSON.stringify({ compilerOptions: { ...TS_OPTIONS, ...options }, files }, null, 2));
    }
  }
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a CommonJS project', () => {
  it('requires the package (Node 20.19+ loads ES modules with require) in a .js adapter the command runs', () => {
    writeFileSync(
      join(project('commonjs'), 'adapter.js'),
      `const { Agent, defineAdapter, referenceAdapter, RejectedConfig } = require('clone-conformance');
module.exports = defineAdapter({ ...referenceAdapter, name: 'commonjs gateway', create: (config) => { if (config.llm === 'refused') throw new RejectedConfig('no'); return new Agent(config); } });
`,
    );
    const result = run(project('commonjs'), ['./adapter.js', ...fast]);
    expect(withoutStreamedLines(result.stderr)).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ adapter: 'commonjs gateway', summary: { passed: CATALOGUE.length, failed: 0, skipped: 0 } });
  });

  it('init writes CommonJS starters (.cjs, and .js as its package.json says) that load and run', () => {
    for (const file of ['starter.cjs', 'starter.js']) {
      expect(run(project('commonjs'), ['init', file]).status).toBe(0);
      expect(readFileSync(join(project('commonjs'), file), 'utf8').trimEnd().endsWith('module.exports = adapter;')).toBe(true);
      const result = run(project('commonjs'), [`./${file}`, ...fast, '--only', 'agent.config-held']);
      expect(result.status).toBe(1);
      expect(JSON.parse(result.stdout).results[0].message).toBe(NOT_IMPLEMENTED(file));
    }
  });

  it('the TypeScript starter written by init runs (every stub says it is not implemented)', () => {
    const result = run(project('commonjs'), ['./starter.ts', ...fast, '--only', 'agent.config-held']);
    expect(JSON.parse(result.stdout).results[0].message).toBe(NOT_IMPLEMENTED('starter.ts'));
  });

  it('a TypeScript adapter importing values from the package passes, as .ts and as .mts', () => {
    for (const file of ['gateway.ts', 'gateway.mts']) {
      const result = run(project('commonjs'), [`./${file}`, ...fast]);
      expect(result.status, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout).summary).toEqual({ passed: CATALOGUE.length, failed: 0, skipped: 0 });
    }
  });
});

describe('TypeScript under strict options (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess)', () => {
  it('the starter init writes and a filled-in adapter type-check in both projects, under node16, bundler and (CommonJS) nodenext', () => {
    // One compiler process for every tsconfig (tsc -b): each project's configurations, listed above.
    const configs = (['module', 'commonjs'] as const).flatMap((kind) => TSCONFIGS[kind].map(([options]) => `${kind}/tsconfig.${options.moduleResolution}.json`));
    expect(configs).toHaveLength(5);
    const checked = spawnSync(process.execPath, [TSC, '-b', ...configs], { cwd: work, encoding: 'utf8' });
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.status).toBe(0);
  });
});

describe('an ES module TypeScript project', () => {
  it('the command runs the starter (not implemented) and the filled-in adapter (conformant)', () => {
    const starter = run(project('module'), ['./starter.ts', ...fast, '--only', 'agent.config-held']);
    expect(starter.status).toBe(1);
    expect(JSON.parse(starter.stdout).results[0].message).toBe(NOT_IMPLEMENTED('starter.ts'));
    const filled = run(project('module'), ['./gateway.ts', ...fast]);
    expect(filled.status, filled.stderr).toBe(0);
    expect(JSON.parse(filled.stdout)).toMatchObject({ adapter: 'gateway agent', summary: { passed: CATALOGUE.length, failed: 0, skipped: 0 } });
  });
});
