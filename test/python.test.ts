import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../spec/invariants/catalogue.ts';
import { failedIds, ROOT, runMain } from './support/cli.ts';

// Python adapters, through the JSON-lines protocol and the Python kit (python3 from the machine,
// nothing from PyPI). Each defective one declares on one line: MUST_FAIL = ["channel.x", ...].
const DIR = 'fixtures/python/defective';
const defective = readdirSync(`${ROOT}${DIR}`)
  .filter((name) => name.endsWith('.py'))
  .map((name) => {
    const line = /^MUST_FAIL = (\[.*\])$/m.exec(readFileSync(`${ROOT}${DIR}/${name}`, 'utf8'));
    if (!line) throw new Error(`${DIR}/${name} declares no MUST_FAIL line`);
    return { file: `${DIR}/${name}`, mustFail: (JSON.parse(line[1]!) as string[]).sort() };
  });

const python = (file: string, ...args: string[]) => runMain(['--command', `python3 ${file}`, '--seed', '20261121', '--reporter', 'json', ...args]);

describe('Python adapters over the protocol', () => {
  it('the Python reference passes every invariant of every profile', async () => {
    const { code, stdout, stderr } = await python('fixtures/python/reference_adapter.py');
    expect(stderr).toBe('');
    expect(JSON.parse(stdout).summary).toEqual({ passed: CATALOGUE.length, failed: 0, skipped: 0 });
    expect(code).toBe(0);
  });

  it('a framework that validates its configuration passes every invariant with its domains declared (built values through build())', async () => {
    const { code, stdout } = await python('fixtures/python/validating_adapter.py');
    expect(JSON.parse(stdout).summary).toEqual({ passed: CATALOGUE.length, failed: 0, skipped: 0 });
    expect(code).toBe(0);
  });

  it('malformed domains in the handshake: exit 2 naming the problem', async () => {
    const script = "import sys; sys.path.insert(0, 'kits/python'); import clone_conformance as k\nclass A(k.Adapter):\n  domains = {'fields': {'tool_timeout': {'kind': 'integer'}}}\n  def clone_for_channel(self, agent): return agent\nk.run(A())";
    const { code, stderr } = await runMain(['--command', `python3 -c "${script}"`]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/domains\.fields\.toolTimeout must be a domain: an object whose "kind" is one of/);
  });

  it('there are at least six defective ones, mirroring TypeScript fixtures', () => {
    expect(defective.length).toBeGreaterThanOrEqual(6);
  });

  // As for the TypeScript fixtures: channel.sequences may also catch a single-step defect.
  it.each(defective.map((fixture) => [fixture.file, fixture] as const))('%s fails exactly its declared ids and exits 1', async (file, fixture) => {
    const { code, stdout } = await python(file, '--runs', '50');
    const failed = failedIds(stdout).filter((id) => id !== 'channel.sequences' || fixture.mustFail.includes(id));
    expect(failed).toEqual(fixture.mustFail);
    expect(code).toBe(1);
  });
});
