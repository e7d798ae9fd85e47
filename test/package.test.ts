import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../spec/invariants/catalogue.ts';
import { ROOT } from './support/cli.ts';
import { withoutStreamedLines } from './support/streamed.ts';

// Packs the project, installs the tarball into a fresh project as a user would (its dependencies
// come from the registry, or npm's cache when it has them: the test must not depend on which), and
// runs the installed command there.
const work = mkdtempSync(join(tmpdir(), 'clone-conformance-pack-'));
const project = join(work, 'project');
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  npm(['pack', '--pack-destination', work], ROOT);
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'))!;
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'gateway', private: true, type: 'module' }));
  npm(['install', join(work, tarball)], project);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed package, installed as a dependency', () => {
  it('runs `npx clone-conformance` on a TypeScript adapter that imports the package', () => {
    writeFileSync(
      join(project, 'adapter.ts'),
      `import { Agent, defineAdapter, referenceAdapter, type AgentConfig } from 'clone-conformance';
class GatewayAgent extends Agent {}
export default defineAdapter<Agent>({ ...referenceAdapter, name: 'gateway agent', create: (config: AgentConfig) => new GatewayAgent(config) });
`,
    );
    const result = spawnSync('npx', ['--no-install', 'clone-conformance', './adapter.ts', '--seed', '1', '--runs', '20', '--reporter', 'json'], { cwd: project, encoding: 'utf8' });
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.adapter).toBe('gateway agent');
    expect(report.summary).toEqual({ passed: CATALOGUE.length, failed: 0, skipped: 0 });
  });

  it('ships the bin, the library entry points with their types, and the Python kit', () => {
    const listed = spawnSync('npm', ['ls', '--parseable', 'clone-conformance'], { cwd: project, encoding: 'utf8' }).stdout.trim();
    const installed = listed.split('\n')[1] ?? listed;
    for (const file of ['bin/clone-conformance.mjs', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/suites/index.js', 'dist/suites/index.d.ts', 'kits/python/clone_conformance/__init__.py', 'kits/python/pyproject.toml', 'kits/python/_build/backend.py', 'spec/SPEC.md', 'spec/PROTOCOL.md', 'LICENSE', 'src/cli/templates/adapter.ts.txt', 'src/adapter/contract.ts']) {
      expect(readdirSync(join(installed, file, '..')), file).toContain(file.split('/').pop());
    }
    const version = spawnSync('npx', ['--no-install', 'clone-conformance', '--version'], { cwd: project, encoding: 'utf8' });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('runs from dist/: spec and init find their files, and without tsx installed only TypeScript adapters need it', () => {
    const spec = spawnSync('npx', ['--no-install', 'clone-conformance', 'spec'], { cwd: project, encoding: 'utf8' });
    expect(spec.status).toBe(0);
    expect(spec.stdout).toContain('## The adapter contract');
    const init = spawnSync('npx', ['--no-install', 'clone-conformance', 'init', '--lang', 'python', 'starter.py'], { cwd: project, encoding: 'utf8' });
    expect(init.status).toBe(0);
    expect(readFileSync(join(project, 'starter.py'), 'utf8')).toContain('clone_conformance');
    expect(existsSync(join(project, 'clone_conformance'))).toBe(false); // the starter imports the Python package
    // Hide tsx: the reference and a JavaScript adapter still run (the loader is never imported);
    // a TypeScript adapter is the one thing that needs it.
    const tsx = join(project, 'node_modules/tsx');
    writeFileSync(join(project, 'adapter.mjs'), `import { referenceAdapter } from 'clone-conformance';\nexport default { ...referenceAdapter, name: 'plain js' };\n`);
    renameSync(tsx, `${tsx}.hidden`);
    try {
      const reference = spawnSync('npx', ['--no-install', 'clone-conformance', '--seed', '1', '--runs', '5', '--reporter', 'json'], { cwd: project, encoding: 'utf8' });
      expect(withoutStreamedLines(reference.stderr)).not.toContain('clone-conformance:');
      expect(reference.status).toBe(0);
      const javascript = spawnSync('npx', ['--no-install', 'clone-conformance', './adapter.mjs', '--seed', '1', '--runs', '5', '--reporter', 'json'], { cwd: project, encoding: 'utf8' });
      expect(javascript.status).toBe(0);
      expect(JSON.parse(javascript.stdout).adapter).toBe('plain js');
      const typescript = spawnSync('npx', ['--no-install', 'clone-conformance', './adapter.ts', '--seed', '1', '--runs', '5'], { cwd: project, encoding: 'utf8' });
      expect(typescript.status).toBe(2);
      expect(typescript.stderr).toContain('is TypeScript, and the TypeScript loader (tsx, a dependency of clone-conformance) could not be loaded');
    } finally {
      renameSync(`${tsx}.hidden`, tsx);
    }
  });
});
