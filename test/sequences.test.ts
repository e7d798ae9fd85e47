import { describe, expect, it } from 'vitest';
import { runMain } from './support/cli.ts';

const SEQUENCE_ONLY = [
  'stale-tools-snapshot',
  'pooled-released-locks',
  'tools-from-first-ancestor',
  'deep-clone-shares-lock',
  'controller-pool',
];

async function sequencesResult(args: string[]) {
  const { code, stdout } = await runMain([...args, '--only', 'channel.sequences', '--reporter', 'json']);
  // With nothing checked, the report is still printed, and the exit code says it could not run.
  return { code, result: JSON.parse(stdout).results[0] };
}

describe('channel.sequences', () => {
  it.each(SEQUENCE_ONLY)('prints a short shrunk sequence for %s, naming the step and the invariant, and its replay reproduces it', async (name) => {
    const { code, result } = await sequencesResult([`fixtures/defective/${name}.ts`, '--seed', '1']);
    expect(code).toBe(1);
    expect(result.message).toMatch(/^observed at step \d+ \((create|clone|addTool|interrupt|acquire|release) [^)]*\): \(channel\.[a-z.-]+\) /);
    const steps = (result.counterexample as string).split('; ');
    expect(steps[0]).toMatch(/^create A from \{/);
    expect(steps.length).toBeLessThanOrEqual(6);
    const replay = (result.replay as string).split(' ').slice(2);
    expect(replay).toContain('--replay-path');
    const again = await sequencesResult(replay);
    // The same failure; only the counts differ, since a replay runs that one case.
    const { checked: _checked, discarded: _discarded, ...failure } = result;
    expect(again.result).toEqual({ ...failure, checked: 0, discarded: 0 });
  });

  it('leaves out operations whose probes the adapter lacks, and says so', async () => {
    const { code, result } = await sequencesResult(['fixtures/without-lock-probes.ts', '--seed', '1']);
    expect(code).toBe(0);
    expect(result).toEqual({
      id: 'channel.sequences',
      status: 'passed',
      level: 'MUST',
      message: 'operations left out for missing probes: acquire (needs tryAcquire(), release()); release (needs tryAcquire(), release())',
      checked: 100,
      discarded: 0,
    });
  });

  it('is skipped, with the reason, when no operation that changes state remains', async () => {
    const { code, result } = await sequencesResult(['fixtures/probeless.ts', '--seed', '1']);
    expect(code).toBe(2);
    expect(result.status).toBe('skipped');
    expect(result.message).toMatch(/^the adapter has none of the probes that change an agent's state, so sequences would only repeat the single-step checks; left out: addTool \(needs addTool\(\)\)/);
  });
});
