import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../spec/invariants/catalogue.ts';
import { ROOT } from './support/cli.ts';

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
    for (const file of ['bin/clone-conformance.mjs', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/suites/index.js', 'dist/suites/index.d.ts', 'kits/python/clone_conformance.py', 'spec/SPEC.md', 'spec/PROTOCOL.md', 'LICENSE', 'src/cli/templates/adapter.ts.txt', 'src/adapter/contract.ts']) {
      expect(readdirSync(join(installed, file, '..')), file).toContain(file.split('/').pop());
    }
    const version = spawnSync('npx', ['--no-install', 'clone-conformance', '--version'], { cwd: project, encoding: 'utf8' });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
