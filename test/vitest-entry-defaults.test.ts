import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.ts';

describe('clone-conformance/vitest with no options', () => {
  it('runs with a random seed, prints it, and the replay lines name that seed', () => {
    const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'fixtures/vitest-entry/vitest.config.ts', 'no-options', '--reporter', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 240_000,
      env: { ...process.env, CI: 'true' },
    });
    expect(run.stderr).not.toContain('TypeError');
    const seed = /clone-conformance: seed (-?\d+) \(drawn at random; pass \{ seed: \1 \} to repeat this run\)/.exec(run.stderr)?.[1];
    expect(seed).toBeDefined();
    const report = JSON.parse(run.stdout) as { testResults: { assertionResults: { status: string; failureMessages: string[] }[] }[] };
    const failures = report.testResults.flatMap((result) => result.assertionResults).filter((test) => test.status === 'failed');
    expect(run.status).toBe(1); // the fixture is defective: its failures are found
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      expect(failure.failureMessages.join('\n')).toContain(`--seed ${seed} `);
      expect(failure.failureMessages.join('\n')).not.toContain('--seed undefined');
    }
  });
});
