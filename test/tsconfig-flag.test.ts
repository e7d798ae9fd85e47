import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runBin } from './support/cli.ts';

// A TypeScript adapter whose imports resolve only through a tsconfig with another name than
// tsconfig.json (its `paths`): --tsconfig names it.
const dir = mkdtempSync(join(tmpdir(), 'clone-conformance-tsconfig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'lib'));
writeFileSync(join(dir, 'lib', 'agent.ts'), `export { referenceAdapter as base } from ${JSON.stringify(join(ROOT, 'src/adapter/reference-adapter.ts'))};\n`);
writeFileSync(join(dir, 'tsconfig.adapter.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['lib/*'] } } }));
writeFileSync(join(dir, 'adapter.ts'), "import { base } from '@lib/agent';\nexport default { ...base, name: 'aliased' };\n");

describe('--tsconfig', () => {
  it('compiles a TypeScript adapter with the tsconfig it names', () => {
    const args = ['adapter.ts', '--only', 'agent.config-held', '--runs', '2', '--seed', '1', '--reporter', 'json'];
    const without = runBin(args, dir);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain("Cannot find module '@lib/agent'");
    const withFlag = runBin([...args, '--tsconfig', 'tsconfig.adapter.json'], dir);
    expect(withFlag.code).toBe(0);
    expect(JSON.parse(withFlag.stdout).adapter).toBe('aliased');
  });

  it('refuses a tsconfig that is not there, and one given with --command', () => {
    expect(runBin(['adapter.ts', '--tsconfig', 'nowhere.json'], dir).stderr).toContain('--tsconfig: nowhere.json not found');
    expect(runBin(['--command', 'python3 a.py', '--tsconfig', 'tsconfig.adapter.json'], dir).stderr).toContain('--tsconfig is for a TypeScript adapter module');
  });
});
