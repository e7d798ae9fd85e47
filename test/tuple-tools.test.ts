import { describe, expect, it } from 'vitest';
import { runMain } from './support/cli.ts';

// A tools list held as a tuple, rebound when a tool is added, cannot leak a tool from one agent to
// another: it meets the list rules (spec: channel.tools.new-list). The kit reports it as a tuple,
// never as a list, so a copy that turns lists into tuples is seen (fixtures/python/defective/freezes_feature_lists.py).
describe('tools held as a tuple (Python)', () => {
  it('a framework holding tools as a tuple, rebound on add, passes every invariant', async () => {
    const { code, stdout } = await runMain(['--command', 'python3 fixtures/python/tuple_tools_adapter.py', '--seed', '20261121', '--reporter', 'json']);
    const report = JSON.parse(stdout) as { results: { id: string; status: string; message?: string }[] };
    expect(report.results.filter((result) => result.status !== 'passed').map((result) => `${result.id}: ${result.message}`)).toEqual([]);
    expect(code).toBe(0);
  }, 120_000);
});
