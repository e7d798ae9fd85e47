import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../spec/invariants/catalogue.ts';
import { mustFail } from '../fixtures/defective/shared-tools-list.ts';
import { ROOT } from './support/cli.ts';

interface VitestJson {
  testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
}

describe("clone-conformance/vitest: describeCloneConformance in a team's own vitest run", () => {
  it('registers one test per invariant, named by id, failing exactly where the adapter breaks a rule', () => {
    const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'fixtures/vitest-entry/vitest.config.ts', '--reporter', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true' },
    });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as VitestJson;
    const tests = report.testResults.flatMap((file) => file.assertionResults);
    // The adapter has only the channel clone: the other clone profiles' files are not registered
    // (the agent profile is: it runs with any clone profile).
    const channel = CATALOGUE.filter((invariant) => invariant.profile === 'channel' || invariant.profile === 'agent');
    expect(tests.map((test) => test.title).sort()).toEqual(channel.map((invariant) => `${invariant.id} [${invariant.level}]`).sort());
    const failed = tests.filter((test) => test.status === 'failed').map((test) => test.title.split(' ')[0]);
    expect(failed.filter((id) => id !== 'channel.sequences').sort()).toEqual([...mustFail].sort());
    const newList = tests.find((test) => test.title.startsWith('channel.tools.new-list'))!;
    expect(newList.failureMessages[0]).toContain("clone.tools is the source's tools array itself");
    expect(newList.failureMessages[0]).toContain('replay: seed 1, path ');
  });
});
