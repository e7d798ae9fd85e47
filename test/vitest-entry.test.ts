import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../spec/invariants/catalogue.ts';
import { mustFail } from '../fixtures/defective/shared-tools-list.ts';
import { defaultTestTimeout } from '../suites/trait.ts';
import { ROOT, runMain } from './support/cli.ts';

interface VitestTest {
  title: string;
  status: string;
  failureMessages: string[];
  meta: { cloneConformance?: { status: string; reason?: string } };
}
interface VitestJson {
  testResults: { assertionResults: VitestTest[] }[];
}

/** A team's own vitest run with the conformance suite among its tests (fixtures/vitest-entry/). */
function teamRun(file: string, env: Record<string, string> = {}): { status: number | null; tests: VitestTest[] } {
  const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'fixtures/vitest-entry/vitest.config.ts', file, '--reporter', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, CI: 'true', ...env },
  });
  const report = JSON.parse(run.stdout) as VitestJson;
  return { status: run.status, tests: report.testResults.flatMap((result) => result.assertionResults) };
}

const idOf = (test: VitestTest) => test.title.split(' ')[0]!;

describe("clone-conformance/vitest: describeCloneConformance in a team's own vitest run", () => {
  it('reports exactly what the command reports: one test per invariant, the same failures, skips with their reasons, full replay lines', async () => {
    const { status, tests } = teamRun('shared-tools');
    expect(status).toBe(1);
    expect(tests.map((test) => test.title).sort()).toEqual(CATALOGUE.map((invariant) => `${invariant.id} [${invariant.level}]`).sort());
    const failed = tests.filter((test) => test.status === 'failed').map(idOf);
    expect(failed.filter((id) => id !== 'channel.sequences').sort()).toEqual([...mustFail].sort());
    // The command, same adapter, seed and runs: the same status for every invariant, the same skip reasons.
    const cli = await runMain(['fixtures/defective/shared-tools-list.ts', '--seed', '1', '--runs', '50', '--reporter', 'json']);
    const report = JSON.parse(cli.stdout) as { results: { id: string; status: string; message?: string; replay?: string }[] };
    for (const result of report.results) {
      const test = tests.find((candidate) => idOf(candidate) === result.id)!;
      expect(test.status === 'pending' ? 'skipped' : test.status, result.id).toBe(result.status);
      if (result.status === 'skipped') expect(test.meta.cloneConformance).toEqual({ status: 'skipped', reason: result.message });
      if (result.status === 'failed') {
        // The command's replay line, with the module the team's test file does not name.
        const replay = result.replay!.replace('fixtures/defective/shared-tools-list.ts', '<adapter module>');
        expect(test.failureMessages[0]).toContain(`replay: ${replay}`);
      }
    }
    const skipped = tests.filter((test) => test.meta.cloneConformance?.status === 'skipped');
    expect(skipped.length).toBeGreaterThan(0);
    for (const test of skipped) expect(test.status).not.toBe('failed');
    const newList = tests.find((test) => idOf(test) === 'channel.tools.new-list')!;
    expect(newList.failureMessages[0]).toContain("clone.tools is the source's tools array itself");
    const sequences = tests.find((test) => idOf(test) === 'channel.sequences')!;
    expect(sequences.status).toBe('failed');
    expect(sequences.failureMessages[0]).toMatch(/replay: npx clone-conformance <adapter module> --seed 1 --only channel.sequences --path [\d:]+ --replay-path \S+/);
  }, 120_000);

  it('given the adapter module, survives a synchronous hang: the hung invariant fails naming it, the rest fail as not run, vitest ends', () => {
    const { status, tests } = teamRun('module', { CONFORMANCE_ADAPTER: 'fixtures/hanging/blocks-thread.ts' });
    expect(status).toBe(1);
    expect(tests).toHaveLength(CATALOGUE.length);
    // agent.config-held only creates and views: it passes; the first clone hangs.
    expect(tests.find((test) => idOf(test) === 'agent.config-held')!.status).toBe('passed');
    const hung = tests.find((test) => idOf(test) === 'channel.distinct-agent')!;
    expect(hung.failureMessages[0]).toContain('cloneForChannel() did not return within 200 ms and blocked its thread (a synchronous hang)');
    expect(hung.failureMessages[0]).toContain('replay: npx clone-conformance fixtures/hanging/blocks-thread.ts --seed 1 --only channel.distinct-agent --timeout 200');
    const rest = tests.filter((test) => !['agent.config-held', 'channel.distinct-agent'].includes(idOf(test)));
    for (const test of rest) expect(test.failureMessages[0], test.title).toContain('not run: channel.distinct-agent hung');
  }, 120_000);

  it('given the adapter module of a conforming adapter, every test passes', () => {
    const { status, tests } = teamRun('module', { CONFORMANCE_ADAPTER: 'fixtures/reference.ts' });
    expect(status).toBe(0);
    expect(tests.map((test) => test.status)).toEqual(CATALOGUE.map(() => 'passed'));
  }, 120_000);

  it('bounds each test by a default derived from runs and the call timeout, and accepts vitest 3 and 4', () => {
    expect(defaultTestTimeout(100, 2000)).toBe(20_000);
    expect(defaultTestTimeout(1000, 2000)).toBeGreaterThan(defaultTestTimeout(100, 2000));
    expect(defaultTestTimeout(100, 5000)).toBeGreaterThan(defaultTestTimeout(100, 2000));
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { peerDependencies: Record<string, string> };
    expect(pkg.peerDependencies.vitest).toBe('^3.0.0 || ^4.0.0');
  });
});
