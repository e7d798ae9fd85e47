import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../spec/invariants/catalogue.ts';
import { BIN, failedIds, ROOT, runMain } from './support/cli.ts';

// The Python package as a user gets it: kits/python built into an sdist and a wheel with nothing
// fetched (CI has no package index: the in-tree backend, `pip --no-index --no-build-isolation`),
// the wheel installed into fresh virtual environments, and run there, outside the checkout (a
// project holding copies of the Python fixtures, whose sys.path line then finds no kit), through
// `python -m clone_conformance check` and through pytest. pytest comes from the system
// (`apt-get install python3-pytest`, which .ci/run does), in an environment that sees it.
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const work = mkdtempSync(join(tmpdir(), 'clone-conformance-python-package-'));
const project = join(work, 'project');
const venv = join(work, 'venv');
const pytestVenv = join(work, 'venv-pytest');
const python = join(venv, 'bin', 'python');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The environment of a user's shell: no PYTHONPATH into the checkout; the suite is this checkout's bin unless told otherwise. */
function userEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CLONE_CONFORMANCE_CLI: BIN, PYTHONDONTWRITEBYTECODE: '1', ...extra };
  delete env.PYTHONPATH;
  delete env.CLONE_CONFORMANCE_ADAPTER_PROCESS;
  for (const [key, value] of Object.entries(extra)) if (value === undefined) delete env[key];
  return env;
}

const run = (command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
  spawnSync(command, args, { cwd: options.cwd ?? project, env: options.env ?? userEnv(), encoding: 'utf8' });

/** A Python that can import pytest: the one on PATH, else the system's (Debian's python3-pytest is for /usr/bin/python3). */
function pythonWithPytest(): string {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    if (spawnSync(candidate, ['-c', 'import pytest'], { env: userEnv() }).status === 0) return candidate;
  }
  throw new Error('pytest is needed by this test: apt-get install -y python3-pytest (.ci/run does)');
}

/** Installs a wheel into an environment with no pip of its own, with the pip of the python3 on PATH, offline. */
function install(target: string, wheel: string): void {
  execFileSync('python3', ['-m', 'pip', '--python', join(target, 'bin', 'python'), 'install', '--quiet', '--no-index', '--no-deps', '--no-cache-dir', wheel], { env: userEnv() });
}

let sdist = '';
let wheel = '';

beforeAll(() => {
  const built = join(work, 'built');
  const [sdistPath] = execFileSync('python3', [join(ROOT, 'kits/python/_build/backend.py'), built], { encoding: 'utf8', env: userEnv() }).trim().split('\n');
  sdist = sdistPath!;
  // The wheel installed is the one pip builds from the sdist: the sdist builds offline on its own.
  const wheels = join(work, 'wheels');
  execFileSync('python3', ['-m', 'pip', 'wheel', '--quiet', '--no-index', '--no-build-isolation', '--no-deps', '--no-cache-dir', sdist, '-w', wheels], { env: userEnv() });
  wheel = join(wheels, readdirSync(wheels).find((name) => name.endsWith('.whl'))!);
  execFileSync('python3', ['-m', 'venv', '--without-pip', venv]);
  install(venv, wheel);
  execFileSync(pythonWithPytest(), ['-m', 'venv', '--system-site-packages', '--without-pip', pytestVenv]);
  install(pytestVenv, wheel);
  cpSync(join(ROOT, 'fixtures/python'), join(project, 'fixtures/python'), { recursive: true });
  const fixtures = join(project, 'fixtures/python');
  writeFileSync(join(fixtures, 'which_kit.py'), [
    'import clone_conformance',
    'from reference_adapter import ReferenceAdapter, run',
    'if __name__ == "__main__":',
    '    print("kit from", clone_conformance.__file__)',
    '    run(ReferenceAdapter())',
    '',
  ].join('\n'));
  writeFileSync(join(fixtures, 'chatty_defect.py'), [
    'import os, sys',
    'sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "defective"))',
    'from shared_tools_list import SharedToolsListAdapter, run',
    'class Chatty(SharedToolsListAdapter):',
    '    def create(self, config):',
    '        print("creating %r" % (config.get("name"),))',
    '        return SharedToolsListAdapter.create(self, config)',
    'if __name__ == "__main__":',
    '    run(Chatty())',
    '',
  ].join('\n'));
  writeFileSync(join(fixtures, 'no_probes.py'), [
    'from reference_adapter import ReferenceAdapter',
    'from clone_conformance import Adapter, run',
    'class NoProbes(Adapter):',
    '    name = "reference without probes (python)"',
    '    def __init__(self):',
    '        self.reference = ReferenceAdapter()',
    '    def create(self, config):',
    '        return self.reference.create(config)',
    '    def view(self, agent):',
    '        return self.reference.view(agent)',
    '    def clone_for_channel(self, agent):',
    '        return self.reference.clone_for_channel(agent)',
    'if __name__ == "__main__":',
    '    run(NoProbes())',
    '',
  ].join('\n'));
}, 300_000);

describe('the Python package, built offline and installed into a fresh virtual environment', () => {
  it('builds an sdist and a wheel versioned as package.json, holding every module of kits/python/clone_conformance and py.typed', () => {
    expect(sdist.endsWith(`clone_conformance-${VERSION}.tar.gz`)).toBe(true);
    expect(wheel.endsWith(`clone_conformance-${VERSION}-py3-none-any.whl`)).toBe(true);
    const listed = run('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', wheel]).stdout.trim().split('\n');
    const modules = readdirSync(join(ROOT, 'kits/python/clone_conformance')).filter((name) => name.endsWith('.py') || name === 'py.typed');
    expect(modules).toContain('py.typed');
    expect(listed.filter((name) => name.startsWith('clone_conformance/')).sort()).toEqual(modules.map((name) => `clone_conformance/${name}`).sort());
    expect(listed).toContain(`clone_conformance-${VERSION}.dist-info/RECORD`);
    expect(readFileSync(join(ROOT, 'kits/python/clone_conformance/_version.py'), 'utf8')).toContain(`__version__ = "${VERSION}"`);
    const version = run(python, ['-m', 'clone_conformance', '--version']);
    expect(version.stdout).toBe(`${VERSION}\n`);
  });

  it('the environments import the installed package, not the checkout', () => {
    for (const environment of [venv, pytestVenv]) {
      const where = run(join(environment, 'bin', 'python'), ['-c', 'import clone_conformance; print(clone_conformance.__file__)']);
      expect(where.stdout.startsWith(join(environment, 'lib'))).toBe(true);
    }
  });

  it('`python -m clone_conformance check` passes the Python reference, run by the installed package', () => {
    const { status, stdout, stderr } = run(python, ['-m', 'clone_conformance', 'check', 'fixtures/python/which_kit.py', '--seed', '1', '--runs', '20', '--reporter', 'json']);
    expect(stderr).toContain(`[adapter] kit from ${join(venv, 'lib')}`);
    expect(JSON.parse(stdout).summary).toEqual({ passed: CATALOGUE.length, failed: 0, skipped: 0 });
    expect(status).toBe(0);
  });

  it('`python -m clone_conformance check` fails a defective fixture exactly as the checkout does (exit 1), and a baseline of those ids passes the gate (exit 0)', async () => {
    const args = ['--seed', '1', '--runs', '20', '--only', 'channel.*', '--reporter', 'json'];
    const installed = run(python, ['-m', 'clone_conformance', 'check', 'fixtures/python/defective/shared_tools_list.py', ...args]);
    expect(installed.status).toBe(1);
    const checkout = await runMain(['--command', 'python3 fixtures/python/defective/shared_tools_list.py', ...args]);
    expect(failedIds(installed.stdout)).toEqual(failedIds(checkout.stdout));
    expect(failedIds(installed.stdout)).toEqual(expect.arrayContaining(['channel.tools.new-list', 'channel.tools.isolated', 'channel.siblings-isolated', 'channel.clone-of-clone']));
    writeFileSync(join(project, 'shared-tools-baseline.json'), JSON.stringify({ expectedFailures: failedIds(installed.stdout) }));
    const gated = run(python, ['-m', 'clone_conformance', 'check', 'fixtures/python/defective/shared_tools_list.py', ...args, '--expect', 'shared-tools-baseline.json']);
    expect(gated.status).toBe(0);
  });

  it('finds the suite of its own version in a local install, passes over another version, and says what to install when Node is missing', () => {
    const listed = run(python, ['-m', 'clone_conformance', 'check', 'fixtures/python/reference_adapter.py', '--list', '--only', 'channel.identity'], { cwd: ROOT, env: userEnv({ CLONE_CONFORMANCE_CLI: undefined }) });
    expect(listed.stdout).toContain('channel.identity [MUST]');
    expect(listed.status).toBe(0);
    const other = join(project, 'node_modules', 'clone-conformance');
    mkdirSync(join(other, 'bin'), { recursive: true });
    writeFileSync(join(other, 'package.json'), JSON.stringify({ name: 'clone-conformance', version: '0.0.0' }));
    writeFileSync(join(other, 'bin', 'clone-conformance.mjs'), '');
    const noNode = run(python, ['-m', 'clone_conformance', 'check', 'fixtures/python/reference_adapter.py'], { env: userEnv({ CLONE_CONFORMANCE_CLI: undefined, PATH: dirname(python) }) });
    rmSync(join(project, 'node_modules'), { recursive: true });
    expect(noNode.status).toBe(2);
    expect(noNode.stderr).toContain(`passed over ${other} (version 0.0.0): this Python package is version ${VERSION}.`);
    expect(noNode.stderr).toContain('the suite runs on Node.js (20.19 or later), and no `node` is on PATH');
    expect(noNode.stderr).toContain(`npm install --save-dev clone-conformance@${VERSION}`);
  });
});

/** Each pytest test case of a JUnit XML report: its name and outcome (with the message of a skip or failure). */
function testcases(xml: string): Map<string, { outcome: string; message: string }> {
  const cases = new Map<string, { outcome: string; message: string }>();
  for (const match of xml.matchAll(/<testcase [^>]*name="([^"]+)"[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const body = match[2] ?? '';
    const child = /<(failure|skipped|error)(?: [^>]*?message="([^"]*)")?/.exec(body);
    const outcome = child === null ? 'passed' : child[1] === 'skipped' && body.includes('type="pytest.xfail"') ? 'xfailed' : child[1]!;
    cases.set(match[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'), { outcome, message: (child?.[2] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#10;/g, '\n') });
  }
  return cases;
}

describe('the pytest entry, in a fresh virtual environment', () => {
  let cases: Map<string, { outcome: string; message: string }>;
  let output = '';
  const failing = ['channel.tools.new-list', 'channel.tools.isolated', 'channel.siblings-isolated', 'channel.clone-of-clone'];

  beforeAll(() => {
    writeFileSync(join(project, 'stale-baseline.json'), JSON.stringify({ expectedFailures: [...failing, 'channel.identity'] }));
    writeFileSync(join(project, 'test_conformance.py'), [
      'from clone_conformance.testing import conformance_tests',
      '',
      'test_reference = conformance_tests("fixtures/python/reference_adapter.py", seed=1, runs=20)',
      'test_defective = conformance_tests("fixtures/python/chatty_defect.py", seed=1, runs=20, only="channel.*")',
      'test_baseline = conformance_tests("fixtures/python/defective/shared_tools_list.py", seed=1, runs=20, only=["channel.tools.*", "channel.siblings-isolated", "channel.clone-of-clone", "channel.identity"], expect="stale-baseline.json")',
      'test_no_probes = conformance_tests("fixtures/python/no_probes.py", seed=1, runs=10, only="channel.*")',
      '',
    ].join('\n'));
    const report = join(work, 'pytest.xml');
    const result = run(join(pytestVenv, 'bin', 'python'), ['-m', 'pytest', '-p', 'no:cacheprovider', '-q', `--junitxml=${report}`, 'test_conformance.py']);
    output = result.stdout + result.stderr;
    expect(result.status, output).toBe(1);
    cases = testcases(readFileSync(report, 'utf8'));
  }, 300_000);

  const outcomes = (test: string) => new Map([...cases].filter(([name]) => name.startsWith(`${test}[`)).map(([name, { outcome }]) => [name.slice(test.length + 1, -1), outcome]));

  it('gives one test per invariant, named by its id; the Python reference passes them all', () => {
    const reference = outcomes('test_reference');
    expect([...reference.keys()].sort()).toEqual(CATALOGUE.map((invariant) => invariant.id).sort());
    expect(new Set(reference.values())).toEqual(new Set(['passed']));
  });

  it("fails a defective fixture's ids with the rule, what was observed, the counterexample and the replay command, the adapter's output shown", () => {
    const defective = outcomes('test_defective');
    const failed = [...defective].filter(([, outcome]) => outcome === 'failure').map(([id]) => id);
    expect(failed).toEqual(expect.arrayContaining(failing));
    expect(failed.every((id) => id.startsWith('channel.'))).toBe(true);
    expect(defective.get('channel.identity')).toBe('passed');
    // What was observed in the adapter's names (lists, not arrays), as the JSON report gives it; the
    // rule as the catalogue (`--list --reporter json`) words it.
    expect(output).toContain("Rule:      The clone's tools list is an array, and not the source's array object");
    expect(output).toContain("Observed:  clone.tools is the source's tools list itself");
    expect(output).toContain('Counterexample (shrunk):');
    expect(output).toMatch(/Replay: {4}python -m clone_conformance check fixtures\/python\/chatty_defect\.py --seed 1 --only channel\.tools\.new-list --path [\d:]+/);
    expect(output).toContain('Captured stderr call');
    expect(output).toContain("[adapter] creating 'agent'");
  });

  it('maps a baseline to strict xfail: its failing ids xfail, an entry that passes fails the run', () => {
    const baseline = outcomes('test_baseline');
    for (const id of failing) expect(baseline.get(id)).toBe('xfailed');
    expect(baseline.get('channel.identity')).toBe('failure');
    expect(cases.get('test_baseline[channel.identity]')!.message).toContain('[XPASS(strict)]');
  });

  it("skips the invariants whose probes the adapter lacks, with the suite's reason", () => {
    const noProbes = outcomes('test_no_probes');
    const suite = JSON.parse(run(python, ['-m', 'clone_conformance', 'check', 'fixtures/python/no_probes.py', '--seed', '1', '--runs', '10', '--only', 'channel.*', '--reporter', 'json']).stdout);
    const results = suite.results as { id: string; status: string; message?: string }[];
    const skipped = results.filter((result) => result.status === 'skipped');
    expect(skipped.map((result) => result.id)).toEqual(expect.arrayContaining(CATALOGUE.filter((invariant) => invariant.profile === 'channel' && invariant.needs.length > 0).map((invariant) => invariant.id)));
    for (const result of results) {
      expect(noProbes.get(result.id), result.id).toBe(result.status === 'skipped' ? 'skipped' : 'passed');
      if (result.status === 'skipped') expect(cases.get(`test_no_probes[${result.id}]`)!.message).toBe(result.message);
    }
    expect(noProbes.size).toBe(results.length);
  });
});
