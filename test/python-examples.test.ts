import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBaseline } from '../src/report/baseline.ts';
import { CATALOGUE, INVARIANT_IDS } from '../spec/invariants/catalogue.ts';
import { FieldScope } from '../spec/model/field-scope.ts';
import type { MappedField } from '../spec/agent-config.ts';
import { ROOT } from './support/cli.ts';

// The Python frameworks in examples/ cannot be installed here (no Python package registry), so CI
// checks what it can without them: each adapter compiles, its baseline names known invariants, and
// the README's table of real frameworks states exactly the recorded results.
const FRAMEWORKS = [
  { folder: 'praisonai', package: 'praisonaiagents' },
  { folder: 'openai-agents-python', package: 'openai-agents' },
  { folder: 'agno', package: 'agno' },
  { folder: 'crewai', package: 'crewai' },
];

const readme = readFileSync(`${ROOT}README.md`, 'utf8');
// Compiled files go to a scratch prefix, never into examples/.
const pycache = mkdtempSync(join(tmpdir(), 'clone-conformance-pycache-'));
afterAll(() => rmSync(pycache, { recursive: true, force: true }));

/** Python method name of each probe. */
const PROBE_METHODS: Record<string, string> = { interrupt: 'interrupt', isInterrupted: 'is_interrupted', tryAcquire: 'try_acquire', release: 'release', addTool: 'add_tool' };

const defines = (source: string, method: string) => new RegExp(`^\\s+def ${method}\\(self`, 'm').test(source);

/**
 * The invariants the suite checks on an adapter, read from its source the way the suite decides
 * (src/run/run-invariant.ts): its profiles, its probes, and the fields it declares.
 */
function checkedBy(source: string) {
  const profiles = profilesOf(source);
  const declared = /^\s+fields = \[([^\]]*)\]/m.exec(source)?.[1];
  const scope = new FieldScope(declared === undefined ? undefined : ([...declared.matchAll(/"([^"]+)"/g)].map((match) => match[1]) as MappedField[]));
  return CATALOGUE.filter(
    (invariant) =>
      // The `agent` profile (the configuration held) runs whenever any clone profile runs.
      (profiles.has(invariant.profile) || ((invariant.profile as string) === 'agent' && profiles.size > 0)) &&
      invariant.needs.every((probe) => defines(source, PROBE_METHODS[probe]!)) &&
      (!invariant.reads || invariant.reads.some((field) => scope.has(field))) &&
      // The conversation-state invariants run only for an adapter that declares a state place (and records in it).
      (!(invariant.roles ?? []).includes('state') || (/framework_fields = [^\n]*"state"/.test(source) && defines(source, 'record_state'))),
  );
}

/** The clone operations an adapter implements, read from its source: `def clone_for_channel(self, ...)` etc. */
function profilesOf(source: string): Set<string> {
  const profiles = new Set<string>();
  if (/^\s+def clone_for_channel\(self/m.test(source)) profiles.add('channel');
  if (/^\s+def clone_with\(self/m.test(source)) profiles.add('override');
  if (/^\s+def deep_copy\(self/m.test(source)) profiles.add('deepcopy');
  return profiles;
}

describe.each(FRAMEWORKS)('examples/$folder (Python)', ({ folder, package: name }) => {
  const dir = `${ROOT}examples/${folder}`;
  const adapter = readFileSync(`${dir}/adapter.py`, 'utf8');
  const version = /^\s+name = "[^"]* (\d+\.\d+\.\d+[^ "]*) \(python\)"$/m.exec(adapter)?.[1];

  it('the adapter compiles', () => {
    expect(() =>
      execFileSync('python3', ['-m', 'py_compile', `${dir}/adapter.py`], { env: { ...process.env, PYTHONPYCACHEPREFIX: pycache }, stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('names the framework version it was checked with, and FINDINGS.md gives the commands to reproduce it', () => {
    expect(version, 'adapter name "<package> <version> (python)"').toBeDefined();
    const findings = readFileSync(`${dir}/FINDINGS.md`, 'utf8');
    expect(findings).toContain(`pip install ${name}==${version}`);
    expect(findings).toContain(`npx clone-conformance --command "python3 examples/${folder}/adapter.py" --expect examples/${folder}/expected-failures.json`);
  });

  it('its baseline names only known invariant ids, of the profiles the adapter offers', () => {
    const profiles = profilesOf(adapter);
    expect(profiles.size).toBeGreaterThan(0);
    const { expectedFailures } = readBaseline(`${dir}/expected-failures.json`, INVARIANT_IDS);
    for (const id of expectedFailures) {
      const profile: string = CATALOGUE.find((invariant) => invariant.id === id)!.profile;
      expect(profiles.has(profile) || profile === 'agent', id).toBe(true);
    }
  });

  it("the README's table has a row for every invariant the suite checks on it, failing exactly where the baseline does", () => {
    const checked = checkedBy(adapter);
    const { expectedFailures } = readBaseline(`${dir}/expected-failures.json`, INVARIANT_IDS);
    const rows = readme.split('\n').filter((line) => line.startsWith(`| ${name} ${version} | `));
    expect(rows.length).toBe(checked.length);
    for (const invariant of checked) {
      const row = rows.find((line) => line.startsWith(`| ${name} ${version} | \`${invariant.id}\` |`));
      expect(row, `README row for ${name} ${version} ${invariant.id}`).toBeDefined();
      // An invariant that compares nothing on the framework (no runtime objects) is "not applicable", not passed.
      if (expectedFailures.includes(invariant.id)) expect(row).toContain('| fails |');
      else expect(row).toMatch(/\| (passes|not applicable) \|/);
    }
  });
});

// issue 24: behind the names PraisonAI drops, agent.config-held must pass wherever PraisonAI holds
// the configuration as given. PraisonAI cannot be installed here, so CI checks that the adapter
// still offers the run that shows it, and that FINDINGS.md and the README record its result.
describe('examples/praisonai: agent.config-held with non-empty identity strings', () => {
  const dir = `${ROOT}examples/praisonai`;
  const adapter = readFileSync(`${dir}/adapter.py`, 'utf8');
  const findings = readFileSync(`${dir}/FINDINGS.md`, 'utf8');

  it('the adapter offers --non-empty-identity (and its environment variable), which draws no empty identity string', () => {
    expect(adapter).toMatch(/^NON_EMPTY_IDENTITY = "--non-empty-identity" in sys\.argv\[1:\] or os\.environ\.get\("CLONE_CONFORMANCE_EXAMPLE_NONEMPTY_NAMES"\) == "1"$/m);
    const identity = /^IDENTITY_STRINGS = \(([^)]*)\)$/m.exec(adapter)?.[1];
    expect(identity).toBeDefined();
    expect([...identity!.matchAll(/"([^"]+)"/g)].map((match) => match[1])).toEqual(['name', 'role', 'goal', 'backstory', 'instructions', 'llm']);
    // The non-empty domain replaces the string domain of each of them: its values are listed, none empty.
    const values = /DOMAINS\["fields"\]\[_field\] = _one_of\(([^\n]*)\)\n/.exec(adapter)?.[1];
    expect(values).toBeDefined();
    expect(values).not.toMatch(/(^|, )""/);
  });

  it('FINDINGS.md gives the command and records agent.config-held passing on seeds 1 to 3; the README row says so', () => {
    expect(findings).toContain('--command "python3 examples/praisonai/adapter.py --non-empty-identity" --seed 1 --only agent.config-held');
    expect(findings).toMatch(/Seeds 1, 2, 3: \*\*`agent\.config-held` passes\*\*/);
    const row = readme.split('\n').find((line) => /^\| praisonaiagents [^|]+ \| `agent\.config-held` \|/.test(line));
    expect(row).toContain('--non-empty-identity');
  });
});
