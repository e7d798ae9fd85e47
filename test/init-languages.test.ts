import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'clone-conformance-init-langs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOT_IMPLEMENTED = (file: string) => `create() threw Error: not implemented: create(config) must return a new agent built from config (see the comment above it in ${file})`;

describe('init writes the language the file extension says', () => {
  it.each([
    ['esm/adapter.mjs', 'export default adapter;'],
    ['cjs/adapter.cjs', 'module.exports = adapter;'],
    ['plain/adapter.js', 'module.exports = adapter;'], // no package.json says "module": CommonJS
    ['typed/adapter.mts', 'export default adapter;'],
  ])('%s: a starter that loads and runs (every stub says it is not implemented)', async (file, ending) => {
    const written = await runMain(['init', file], dir);
    expect(written.code).toBe(0);
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text.trimEnd().endsWith(ending)).toBe(true);
    if (!file.endsWith('.mts')) expect(text).not.toMatch(/: (Agent|AgentConfig|string|boolean|void)\b|import type/);
    const { code, stdout } = await runMain([file, '--seed', '1', '--runs', '3', '--only', 'agent.config-held', '--reporter', 'json'], dir);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).results[0].message).toBe(NOT_IMPLEMENTED(file.split('/')[1]!));
  });

  it('a .js file in a package whose package.json says "type": "module" is an ES module', async () => {
    mkdirSync(join(dir, 'esm-package'));
    writeFileSync(join(dir, 'esm-package', 'package.json'), '{ "type": "module" }\n');
    expect((await runMain(['init', 'esm-package/adapter.js'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'esm-package', 'adapter.js'), 'utf8').trimEnd().endsWith('export default adapter;')).toBe(true);
  });

  it('--lang js writes my-adapter.mjs, and the command it prints runs it', async () => {
    const sub = join(dir, 'lang-js');
    mkdirSync(sub);
    const written = await runMain(['init', '--lang', 'js'], sub);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain('npx clone-conformance ./my-adapter.mjs');
    const { code, stdout } = await runMain(['my-adapter.mjs', '--seed', '1', '--runs', '3', '--only', 'agent.config-held', '--reporter', 'json'], sub);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).results[0].message).toBe(NOT_IMPLEMENTED('my-adapter.mjs'));
  });

  it('refuses an extension that says no language, and a --lang the extension contradicts', async () => {
    const none = await runMain(['init', 'adapter.rb'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('init: adapter.rb has no extension that says its language; name it .ts, .mjs, .js, .cjs or .py.');
    const clash = await runMain(['init', '--lang', 'python', 'adapter.ts'], dir);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('init: --lang python and adapter.ts disagree (its extension says ts); give one or the other.');
    const slip = await runMain(['init', '--lang', 'pyhton'], dir);
    expect(slip.stderr).toContain('init --lang takes ts, js or python; got "pyhton" (did you mean python?).');
  });
});
