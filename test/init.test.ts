import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../spec/invariants/catalogue.ts';
import { ROOT, runMain } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'clone-conformance-init-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('init: starter adapters', () => {
  it('writes a TypeScript starter; the suite on it exits 1 with every "not implemented" message, not a crash', async () => {
    const written = await runMain(['init', 'adapters/framework.ts'], dir);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain('npx clone-conformance ./adapters/framework.ts');
    const { code, stdout } = await runMain(['adapters/framework.ts', '--seed', '1', '--runs', '5', '--reporter', 'json'], dir);
    expect(code).toBe(1);
    const results = JSON.parse(stdout).results as { id: string; status: string; message: string }[];
    expect(results).toHaveLength(CATALOGUE.length);
    // The conversation-state invariants are skipped, with the reason, until the starter declares a state place.
    const skipped = results.filter((result) => result.status === 'skipped');
    expect(skipped.map((result) => result.id)).toEqual(CATALOGUE.filter((invariant) => invariant.id.includes('.state.')).map((invariant) => invariant.id));
    const failed = results.filter((result) => result.status !== 'skipped');
    for (const result of failed) {
      expect(result.status).toBe('failed');
      expect(result.message).toBe('create() threw Error: not implemented: create(config) must return a new agent built from config (see the comment above it in framework.ts)');
    }
    // One unimplemented method is one finding, not a failure per invariant.
    const findings = JSON.parse(stdout).findings as { root: string; invariants: string[] }[];
    expect(findings.map((finding) => [finding.root, finding.invariants.length])).toEqual([['agent.config-held', failed.length]]);
    const human = await runMain(['adapters/framework.ts', '--seed', '1', '--runs', '5'], dir);
    expect(human.stdout).toContain(`Findings: one cause for ${failed.length} failures`);
    expect(human.stdout.match(/^\d+\) /gm)).toEqual(['1) ']);
    expect(human.stdout.split('\n').length).toBeLessThan(CATALOGUE.length + 30);
  });

  it('writes a Python starter importing the package (no copied kit, no sys.path line); the suite on it exits 1 with the stubs\' messages', async () => {
    const written = await runMain(['init', '--lang', 'python'], dir);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain('python -m clone_conformance check my_adapter.py');
    expect(readdirSync(dir)).not.toContain('clone_conformance');
    const starter = readFileSync(join(dir, 'my_adapter.py'), 'utf8');
    expect(starter).toContain('from clone_conformance import Adapter, OwnedLock, Rejected, run');
    expect(starter).not.toContain('sys.path');
    expect(starter).toMatch(/^    fields = \[/m);
    expect(starter).toContain('OwnedLock(lock)');
    for (const probe of ['interrupt', 'is_interrupted', 'try_acquire', 'release', 'add_tool']) expect(starter).toContain(`def ${probe}(self, agent`);
    // The package from this checkout stands for the installed one.
    const command = `PYTHONPATH=${ROOT}kits/python python3 my_adapter.py`;
    const { code, stdout } = await runMain(['--command', command, '--seed', '1', '--runs', '5', '--reporter', 'json'], dir);
    expect(code).toBe(1);
    const results = (JSON.parse(stdout).results as { status: string; message: string }[]).filter((result) => result.status !== 'skipped');
    expect(new Set(results.map((result) => result.message))).toEqual(
      new Set(['create() threw NotImplementedError: not implemented: create(config) must return a new agent built from config (see the comment above it in my_adapter.py)']),
    );
  });

  it('writes a Python starter for a .py file name without --lang, and refuses TypeScript in a .py file', async () => {
    const written = await runMain(['init', 'gateway_adapter.py'], dir);
    expect(written.code).toBe(0);
    expect(readFileSync(join(dir, 'gateway_adapter.py'), 'utf8')).toContain('from clone_conformance import Adapter');
    const mixed = await runMain(['init', '--lang', 'ts', 'other.py'], dir);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('--lang ts and other.py disagree (its extension says python)');
  });

  it('never overwrites a file, and rejects an unknown language', async () => {
    const again = await runMain(['init', 'adapters/framework.ts'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('adapters/framework.ts exists already; it was left as it is.');
    const unknown = await runMain(['init', '--lang', 'ruby'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('init --lang takes ts, js or python; got "ruby".');
  });
});
