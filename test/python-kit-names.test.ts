import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../spec/invariants/catalogue.ts';
import { runMain } from './support/cli.ts';
import { runWithKit } from './support/python-kit.ts';

// What the Python kit does on import, and the Python names it accepts in its declarations.
describe('the Python kit: import, handshake and Python names', () => {
  it('importing the package claims nothing: print() still writes to standard output, until the loop starts', () => {
    const script = 'import os\nprint("after import", sys.stdout is sys.__stdout__)\nos.write(1, b"fd 1\\n")';
    const result = runWithKit(script, undefined, { CLONE_CONFORMANCE_ADAPTER_PROCESS: '' });
    expect(result.stdout).toBe('after import True\nfd 1\n');
    expect(result.stderr).toBe('');
  });

  it('run() claims standard output when the loop starts: print() from then on goes to standard error', () => {
    const script = `
class Adapter(kit.Adapter):
    @property
    def name(self):  # adapter code the handshake runs, before the loop's first answer
        print("naming")
        return "printing adapter"
    def clone_for_channel(self, agent):
        return agent
print("before run")
sys.stdout.flush()
try:
    kit.run(Adapter())
except SystemExit:
    pass
print("after run")
kit._send({"done": True})`;
    const input = '{"id": 0, "method": "hello", "params": {"protocols": [3]}}\n{"id": 1, "method": "shutdown"}\n';
    const result = runWithKit(script, input, { CLONE_CONFORMANCE_ADAPTER_PROCESS: '' });
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('before run');
    expect(JSON.parse(lines[1]!)).toMatchObject({ id: 0, result: { name: 'printing adapter' } });
    expect(lines.slice(2)).toEqual(['{"id":1,"result":{}}', '{"done":true}']);
    expect(result.stderr).toBe('naming\nafter run\n');
  });

  it('in a process the suite started (CLONE_CONFORMANCE_ADAPTER_PROCESS=1), standard output is claimed on import: a banner goes to standard error', () => {
    const result = runWithKit('print("banner")', undefined, { CLONE_CONFORMANCE_ADAPTER_PROCESS: '1' });
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('banner\n');
  });

  it('the handshake announces snake_case fields under their canonical names, and says the adapter is Python', () => {
    const script = `
class Adapter(kit.Adapter):
    fields = ["name", "tools", "base_url", "api_key", "tool_timeout", "parallel_tool_calls", "cli_backend", "memory", "instructions"]
    def clone_for_channel(self, agent):
        return agent
print(json.dumps(kit._Session(Adapter()).hello({"protocols": [3]})))`;
    const result = runWithKit(`import json\n${script}`);
    expect(result.stderr).toBe('');
    const hello = JSON.parse(result.stdout);
    expect(hello.fields).toEqual(['name', 'tools', 'baseUrl', 'apiKey', 'toolTimeout', 'parallelToolCalls', 'cliBackend', 'memory', 'instructions']);
    expect(hello.language).toBe('python');
  });

  it('an adapter declaring snake_case fields runs: those fields are checked, the others reported as not checked', async () => {
    const { code, stdout } = await runMain(['--command', 'python3 fixtures/python/snake_case_fields.py', '--seed', '1', '--runs', '10', '--reporter', 'json']);
    const report = JSON.parse(stdout);
    expect(report.notChecked).toEqual(expect.arrayContaining(['role', 'goal', 'backstory', 'auth', 'cliBackend', 'memory']));
    for (const mapped of ['name', 'instructions', 'baseUrl', 'apiKey', 'tools', 'toolTimeout', 'parallelToolCalls']) expect(report.notChecked).not.toContain(mapped);
    expect(report.summary.failed).toBe(0);
    expect(report.summary.passed + report.summary.skipped).toBe(CATALOGUE.length);
    expect(code).toBe(0);
  });
});
