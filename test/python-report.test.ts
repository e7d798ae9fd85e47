import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatHuman } from '../src/report/human.ts';
import { buildReport, type InvariantResult } from '../src/report/model.ts';
import { pythonNames, runsPython } from '../src/report/python-names.ts';
import { verdict } from '../src/report/verdict.ts';
import { runMain } from './support/cli.ts';

// A Python adapter's author reads the report in Python's words: snake_case, None, lists.

const RESULTS: InvariantResult[] = [
  { id: 'channel.identity', level: 'MUST', status: 'passed', runs: 100 },
  {
    id: 'channel.handoffs.reset',
    level: 'MUST',
    status: 'failed',
    rule: "The clone's handoffs are null, whatever the source had (null, an empty list, or handoffs).",
    message: 'observed clone.handoffs = [Array(1)]; required clone.handoffs = null',
    observed: 'clone.handoffs = [Array(1)]',
    required: 'clone.handoffs = null',
    counterexample: '{"config":{"name":"agent","tools":[],"handoffs":[agent:b],"features":{}}}',
    path: '0:3',
    shrunk: true,
    replay: "npx clone-conformance --command 'python3 adapter.py' --seed 9 --only channel.handoffs.reset --path 0:3",
  },
  {
    id: 'channel.tools.new-list',
    level: 'MUST',
    status: 'failed',
    rule: "The clone's tools list is an array, and not the source's array object.",
    message: "observed clone.tools = undefined; required clone.tools to be an array",
    observed: 'clone.tools = undefined',
    required: 'clone.tools to be an array',
    counterexample: '{"config":{"name":"agent","tools":[],"handoffs":null,"features":{}}}',
    path: '0:0',
    shrunk: true,
    replay: "npx clone-conformance --command 'python3 adapter.py' --seed 9 --only channel.tools.new-list --path 0:0",
  },
  { id: 'channel.controller.isolated', level: 'MUST', status: 'skipped', message: "needs the adapter's interrupt() and isInterrupted() probes, which it does not implement" },
  { id: 'override.applied', level: 'MUST', status: 'skipped', message: 'profile override not checked: the adapter has no cloneWith()' },
];

describe('the human report for a Python adapter', () => {
  it('speaks Python: snake_case methods and fields, None, lists; counterexamples and replay lines as they are', () => {
    const report = { ...buildReport('my framework (python3 adapter.py)', 9, 100, RESULTS, ['base_url']), language: 'python' as const };
    expect(formatHuman(report, verdict(report, { strict: false }), { color: false })).toMatchInlineSnapshot(`
      "clone-conformance: my framework (python3 adapter.py) (seed 9, 100 runs per invariant)
      Not checked (the adapter does not map them): base_url

      The channel clone (clone_for_channel(agent))
        ✓ channel.identity
        ✗ channel.handoffs.reset
        ✗ channel.tools.new-list
        - channel.controller.isolated skipped: needs the adapter's interrupt() and is_interrupted() probes, which it does not implement

      The override clone (clone_with(agent, overrides)): not checked, the adapter has no clone_with()

      Findings: 2 causes for 2 failures

      1) channel.tools.new-list [MUST]
         Rule:      The clone's tools list is a list, and not the source's list object.
         Observed:  clone.tools = None
         Required:  clone.tools to be a list
         Counterexample (shrunk):
           {"config":{"name":"agent","tools":[],"handoffs":null,"features":{}}}
         Replay:    npx clone-conformance --command 'python3 adapter.py' --seed 9 --only channel.tools.new-list --path 0:0
         Finding:   00599345

      2) channel.handoffs.reset [MUST]
         Rule:      The clone's handoffs are None, whatever the source had (None, an empty list, or handoffs).
         Observed:  clone.handoffs = [list(1)]
         Required:  clone.handoffs = None
         Counterexample (shrunk):
           {"config":{"name":"agent","tools":[],"handoffs":[agent:b],"features":{}}}
         Replay:    npx clone-conformance --command 'python3 adapter.py' --seed 9 --only channel.handoffs.reset --path 0:3
         Finding:   c29a314a

      Summary: 1 passed, 2 failed, 2 skipped
      Not conformant (checked: the channel clone; not checked: the override clone (the adapter has no clone_with()), the deep copy (not selected)).
      "
    `);
  });

  it('is what the command prints for a command that runs Python', async () => {
    expect(runsPython('python3 adapter.py')).toBe(true);
    expect(runsPython('uv run my_adapter.py --fast')).toBe(true);
    expect(runsPython('node --import tsx fixtures/process/serve.mts a.ts')).toBe(false);
    const { stdout } = await runMain(['--command', 'python3 fixtures/python/defective/copy_returns_source.py', '--seed', '3', '--runs', '10', '--only', 'channel.distinct-agent,channel.tools.new-list']);
    expect(stdout).toContain('The channel clone (clone_for_channel(agent))');
    expect(stdout).not.toMatch(/cloneForChannel|\bnull\b/);
  });

  it('speaks the same names in the JSON and JUnit reports; ids, counterexamples and replay lines stay the suite\'s own', async () => {
    const args = ['--command', 'python3 fixtures/python/defective/handoffs_kept.py', '--seed', '3', '--runs', '10', '--only', 'channel.handoffs.reset'];
    const json = JSON.parse((await runMain([...args, '--reporter', 'json'])).stdout) as { language: string; results: { id: string; message: string; replay: string }[]; findings: { cause: string }[] };
    expect(json.language).toBe('python');
    const failure = json.results.find((result) => result.id === 'channel.handoffs.reset')!;
    expect(failure.message).toMatch(/\bNone\b/);
    expect(failure.message).not.toMatch(/\bnull\b/);
    expect(json.findings[0]!.cause).not.toMatch(/\bnull\b/);
    expect(failure.replay).toContain('--only channel.handoffs.reset');
    const file = join(mkdtempSync(join(tmpdir(), 'python-junit-')), 'report.xml');
    await runMain([...args, '--reporter', `junit:${file}`]);
    const junit = readFileSync(file, 'utf8');
    expect(junit).toContain('name="channel.handoffs.reset"');
    expect(junit).toMatch(/<failure message="[^"]*\bNone\b/);
    expect(junit).not.toMatch(/\bnull\b/);
  });

  it('translates words, not parts of words', () => {
    expect(pythonNames('clone.interruptController = null; nullable arrays; an array; deepCopyTools')).toBe('clone.interrupt_controller = None; nullable lists; a list; deep_copy_tools');
  });
});
