import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runMain } from './support/cli.ts';

// The command with a table of renames in place (none exists yet): old ids on the command line and
// in a baseline behave as the current ones, with a notice on standard error.
vi.mock('../spec/invariants/aliases.ts', async (original) => ({
  ...(await original<typeof import('../spec/invariants/aliases.ts')>()),
  ALIASES: { 'channel.tools.fresh-list': 'channel.tools.new-list', 'channel.tools.isolated-list': 'channel.tools.isolated' },
}));

const dir = mkdtempSync(join(tmpdir(), 'clone-conformance-aliases-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SHALLOW = 'fixtures/defective/shallow-agent-copy.ts';
const run = ['--runs', '10', '--seed', '3', '--reporter', 'json'];

describe('the command accepts renamed ids', () => {
  it('--only OLD runs the current invariant, reported under its current id, with a notice', async () => {
    const { code, stdout, stderr } = await runMain(['--only', 'channel.tools.fresh-list', ...run]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).results.map((result: { id: string }) => result.id)).toEqual(['channel.tools.new-list']);
    expect(stderr).toContain('clone-conformance: notice: --only channel.tools.fresh-list: invariant channel.tools.fresh-list was renamed channel.tools.new-list');
  });

  it('a baseline naming the failures by their old ids (plain and pinned) gates as one naming the current ids', async () => {
    const only = ['--only', 'channel.tools.new-list,channel.tools.isolated'];
    const current = join(dir, 'current.json');
    expect((await runMain([SHALLOW, ...only, ...run, '--write-expect', current])).code).toBe(0);
    const recorded = readFileSync(current, 'utf8');
    const old = join(dir, 'old.json');
    writeFileSync(old, recorded.replace('"channel.tools.new-list"', '"channel.tools.fresh-list"').replace('"channel.tools.isolated"', '"channel.tools.isolated-list"'));
    expect(recorded).not.toBe(readFileSync(old, 'utf8'));
    const { code, stdout, stderr } = await runMain([SHALLOW, ...only, ...run, '--expect', old]);
    expect(JSON.parse(stdout).gate).toMatchObject({ exitCode: 0, expectedFailures: ['channel.tools.new-list', 'channel.tools.isolated'], changedReason: [] });
    expect(code).toBe(0);
    expect(stderr).toContain(`clone-conformance: notice: the baseline ${old}: invariant channel.tools.fresh-list was renamed channel.tools.new-list`);
    expect(stderr).toContain('invariant channel.tools.isolated-list was renamed channel.tools.isolated');
  });
});
