import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUE, INVARIANT_IDS } from '../spec/invariants/catalogue.ts';
import type { MappedField } from '../src/index.ts';
import { BIN, ROOT, runMain } from './support/cli.ts';

const work = mkdtempSync(join(tmpdir(), 'clone-conformance-runner-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ids = (stdout: string) => (JSON.parse(stdout) as { results: { id: string }[] }).results.map((result) => result.id);

describe('selecting invariants: --only, --exclude, --list', () => {
  it('--only and --exclude take ids and * patterns, and keep catalogue order', async () => {
    const { code, stdout } = await runMain(['--only', 'channel.tools.*,override.tools.*', '--exclude', '*.same-elements', '--runs', '3', '--seed', '1', '--reporter', 'json']);
    expect(code).toBe(0);
    expect(ids(stdout)).toEqual(['channel.tools.new-list', 'channel.tools.isolated', 'override.tools.new-list']);
    const excluded = await runMain(['--exclude', 'channel.*', '--exclude', 'deepcopy.*,agent.*', '--runs', '3', '--seed', '1', '--reporter', 'json']);
    expect(ids(excluded.stdout)).toEqual(INVARIANT_IDS.filter((id) => id.startsWith('override.')));
  });

  it.each([
    [['--only', 'chanel.*'], '--only: no invariant id matches "chanel.*"'],
    [['--exclude', 'channel.nope'], '--exclude: no invariant id matches "channel.nope"'],
    [['--only', 'channel.identity', '--exclude', 'channel.*'], '--only and --exclude leave no invariant to run'],
  ])('a pattern that matches nothing is a usage error: %j', async (argv, message) => {
    const { code, stdout, stderr } = await runMain(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('--list prints the selected ids with their rules, grouped by profile, and runs nothing', async () => {
    const { code, stdout, stderr } = await runMain(['--list', '--only', '*.tools.*', '--exclude', '*.isolated']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const tools = CATALOGUE.filter((invariant) => invariant.id.includes('.tools.') && !invariant.id.endsWith('.isolated'));
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('The channel clone (cloneForChannel(agent))');
    for (const invariant of tools) {
      const at = lines.indexOf(`  ${invariant.id} [${invariant.level}]`);
      expect(at, invariant.id).toBeGreaterThan(0);
      expect(lines[at + 1]).toBe(`      ${invariant.rule}`);
    }
    expect(stdout).toContain('\nThe override clone (cloneWith(agent, overrides))\n');
    expect(stdout).not.toContain('channel.identity');
    expect(stdout).not.toContain('The deep copy');
    const all = await runMain(['--list']);
    expect(all.stdout.match(/^ {2}\S+ \[(MUST|SHOULD)\]$/gm)).toHaveLength(CATALOGUE.length);
  });
});

describe('--bail', () => {
  it('stops at the first failed invariant; the rest are reported as not run', async () => {
    const { code, stdout } = await runMain(['fixtures/defective/shared-tools-list.ts', '--bail', '--seed', '1', '--runs', '20', '--reporter', 'json']);
    expect(code).toBe(1);
    const results = (JSON.parse(stdout) as { results: { id: string; status: string; message?: string }[] }).results;
    expect(results.map((result) => result.id)).toEqual(INVARIANT_IDS);
    const first = results.findIndex((result) => result.status === 'failed');
    expect(results[first]!.id).toBe('channel.tools.new-list');
    expect(results.slice(0, first).every((result) => result.status === 'passed')).toBe(true);
    for (const result of results.slice(first + 1)) expect(result).toMatchObject({ status: 'skipped', message: 'not run: --bail stopped the run when channel.tools.new-list failed' });
  });

  it('stops an adapter process at the first failure too', async () => {
    const command = `node --import tsx fixtures/process/serve.mts fixtures/defective/shared-tools-list.ts`;
    const { code, stdout } = await runMain(['--command', command, '--bail', '--seed', '1', '--runs', '20', '--only', 'channel.*', '--reporter', 'json']);
    expect(code).toBe(1);
    const results = (JSON.parse(stdout) as { results: { status: string }[] }).results;
    expect(results.filter((result) => result.status === 'failed')).toHaveLength(1);
    expect(results.at(-1)!.status).toBe('skipped');
  });
});

describe('flag values', () => {
  it.each([
    [['--runs', '-1'], '--runs takes an integer from 1 to 1000000; got "-1".'],
    [['--timeout', '-5'], '--timeout takes an integer from 1 to 3600000; got "-5".'],
    [['--start-timeout', '-1.5'], '--start-timeout takes an integer from 1 to 3600000; got "-1.5".'],
  ])('a negative number gets the range message, not "argument is ambiguous": %j', async (argv, message) => {
    const { code, stderr } = await runMain(argv);
    expect(code).toBe(2);
    expect(stderr).toBe(`clone-conformance: ${message}\n`);
  });

  it('a negative seed is a seed', async () => {
    const { code, stdout } = await runMain(['--seed', '-5', '--runs', '2', '--only', 'channel.identity', '--reporter', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).seed).toBe(-5);
  });
});

describe('colour', () => {
  const human = ['--seed', '1', '--runs', '2', '--only', 'channel.identity'];
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [true, { FORCE_COLOR: '0' }, false],
    [true, { FORCE_COLOR: 'false' }, false],
    [false, { FORCE_COLOR: '1' }, true],
    [false, { FORCE_COLOR: '' }, true],
    [true, { TERM: 'dumb' }, false],
    [false, { TERM: 'dumb', FORCE_COLOR: '1' }, true],
    [true, { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
  ] as const)('terminal %s with %j: colour %s', async (isTTY, env, coloured) => {
    const { stdout } = await runMain(human, ROOT, { isTTY, env: { ...env } });
    expect(stdout.includes('\u001b[')).toBe(coloured);
  });
});

describe('progress', () => {
  it('draws a status line on a terminal standard error, and erases it at the end', async () => {
    const { code, stdout, stderr } = await runMain(['--seed', '1', '--runs', '2', '--only', 'channel.identity,channel.execution'], ROOT, { stderrTTY: true });
    expect(code).toBe(0);
    expect(stderr).toContain('clone-conformance [0/2] running channel.identity');
    expect(stderr).toContain('clone-conformance [1/2] channel.identity passed');
    expect(stderr).toContain('clone-conformance [2/2] channel.execution passed');
    expect(stderr.endsWith('\r\u001b[K')).toBe(true);
    expect(stdout).not.toContain('running');
  });

  it('outside a terminal, streams one line per finished invariant and the duration on standard error, never on standard output', async () => {
    const args = ['--seed', '1', '--runs', '2', '--only', 'channel.identity,channel.execution', '--reporter', 'json'];
    const { stdout, stderr } = await runMain(args, ROOT, { isTTY: true, stderrTTY: false });
    expect(stderr).toMatch(/^clone-conformance \[1\/2\] channel\.identity passed \(\d+(\.\d)? m?s\)\nclone-conformance \[2\/2\] channel\.execution passed \(\d+(\.\d)? m?s\)\nclone-conformance: 2 of 2 invariants finished in \d+(\.\d)? m?s\n$/);
    expect(stderr).not.toContain('\r');
    // The report stays the same bytes for the seed, whatever was streamed.
    expect(stdout).toBe((await runMain(args, ROOT, { isTTY: true, stderrTTY: false })).stdout);
    expect(() => JSON.parse(stdout)).not.toThrow();
  });
});

describe('output files', () => {
  it('an unwritable --output is a usage error before the run starts', async () => {
    const { code, stdout, stderr } = await runMain(['--reporter', 'human,junit', '--output', 'README.md/report.xml', '--seed', '1']);
    expect(code).toBe(2);
    expect(stdout).toBe(''); // the human report of a run would be here
    expect(stderr).toMatch(/^clone-conformance: cannot write the junit report to README.md\/report.xml \(E\w+: .+\); choose another file.\n$/);
    expect(stderr).not.toContain('internal error');
  });

  it('an unwritable --write-expect and reporter file are usage errors too; a writable new file is not left behind', async () => {
    const baseline = await runMain(['--write-expect', 'README.md/baseline.json', '--runs', '1']);
    expect(baseline.code).toBe(2);
    expect(baseline.stderr).toContain('cannot write the baseline (--write-expect) to README.md/baseline.json');
    const fresh = join(work, 'never', 'report.json');
    const json = await runMain(['--reporter', `json:${fresh}`, '--reporter', 'junit:README.md/x.xml', '--runs', '1']);
    expect(json.code).toBe(2);
    expect(existsSync(fresh)).toBe(false);
  });
});

describe('when nothing is checked', () => {
  const probeless = ['fixtures/probeless.ts', '--only', 'channel.locks.isolated'];
  it('the human report says so, instead of "Not conformant." and "Gate passes"; exit 2', async () => {
    const { code, stdout } = await runMain(probeless);
    expect(code).toBe(2);
    expect(stdout).toContain('Nothing was checked: every selected invariant was skipped');
    expect(stdout).not.toContain('Not conformant.');
    expect(stdout).not.toContain('Gate passes');
  });

  it('every reporter says so, and exits 2', async () => {
    const file = join(work, 'nothing.xml');
    const json = await runMain([...probeless, '--reporter', 'json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ conformant: false, nothingChecked: true });
    const junit = await runMain([...probeless, '--reporter', 'junit', '--output', file]);
    expect(junit.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toContain('<property name="nothing-checked" value="every selected invariant was skipped"/>');
    const actions = await runMain([...probeless, '--reporter', 'github-actions']);
    expect(actions.code).toBe(2);
    expect(actions.stdout).toContain(',title=clone-conformance%3A nothing was checked::');
  });
});

describe('a synchronous hang', () => {
  it('stops the adapter after the first hang: the rest fail as not run, naming it, without paying the timeout again', async () => {
    const { code, stdout } = await runMain(['fixtures/hanging/blocks-thread.ts', '--seed', '1', '--timeout', '100', '--reporter', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { conformant: boolean; results: { id: string; status: string; message: string; replay: string }[] };
    expect(report.conformant).toBe(false);
    expect(report.results.map((result) => result.id)).toEqual(INVARIANT_IDS);
    // agent.config-held only creates and views: it passes before the first clone hangs.
    const [held, hung, ...rest] = report.results;
    expect(held).toMatchObject({ id: 'agent.config-held', status: 'passed' });
    expect(hung!.message).toBe('cloneForChannel() did not return within 100 ms and blocked its thread (a synchronous hang); the run of this invariant was stopped');
    for (const result of rest) {
      expect(result.status).toBe('failed');
      expect(result.message).toBe('not run: channel.distinct-agent hung (a call blocked its thread), so the adapter was stopped; run it alone to check it');
      expect(result.replay).toBe(`npx clone-conformance fixtures/hanging/blocks-thread.ts --seed 1 --only ${result.id} --timeout 100`);
    }
  });
});

describe('signals', () => {
  it('main(): an interruption ends the run, prints the report so far marked as interrupted, and exits 130 for SIGINT', async () => {
    const interrupted = new Promise<'SIGINT'>((resolve) => setTimeout(resolve, 300, 'SIGINT'));
    const { code, stdout } = await runMain(['fixtures/signals/slow-clone.ts', '--runs', '100000', '--seed', '1', '--reporter', 'json'], ROOT, { interrupted });
    expect(code).toBe(130);
    const report = JSON.parse(stdout) as { conformant: boolean; interrupted: string; notRun: string[]; results: { id: string }[] };
    expect(report).toMatchObject({ conformant: false, interrupted: 'SIGINT' });
    expect(report.notRun.length).toBeGreaterThan(0);
    expect([...report.results.map((result) => result.id), ...report.notRun]).toEqual(INVARIANT_IDS);
    const human = await runMain(['fixtures/signals/slow-clone.ts', '--runs', '100000', '--seed', '1'], ROOT, { interrupted: new Promise((resolve) => setTimeout(resolve, 300, 'SIGTERM')) });
    expect(human.code).toBe(143);
    expect(human.stdout).toContain('Interrupted (SIGTERM): this report covers the invariants finished so far; not run: ');
    expect(human.stdout).toContain('No verdict: the run did not finish.');
    expect(human.stdout).not.toMatch(/Conformant\.|Not conformant|Nothing was checked/);
  });

  /** Starts the bin, waits until the adapter is loaded (it writes its pid), sends the signal, and collects the outcome. */
  async function interruptBin(args: string[], signal: 'SIGINT' | 'SIGTERM', marker: string) {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', SIGNALS_MARKER: marker } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    while (!existsSync(marker) || readFileSync(marker, 'utf8') === '') await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill(signal);
    const code = await exited;
    return { code, stdout, stderr, pids: readFileSync(marker, 'utf8').trim().split('\n').map(Number) };
  }

  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it('the command: SIGTERM ends a --command adapter process, prints the report so far, exits 143', async () => {
    const marker = join(work, 'process.pids');
    const command = 'node --import tsx fixtures/process/serve.mts fixtures/signals/slow-clone.ts';
    const { code, stdout, stderr, pids } = await interruptBin(['--command', command, '--runs', '100000', '--seed', '1'], 'SIGTERM', marker);
    expect(code).toBe(143);
    expect(stdout).toContain('Interrupted (SIGTERM)');
    expect(stderr).toContain('clone-conformance: interrupted by SIGTERM');
    expect(pids).toHaveLength(1);
    // Killed at once; a killed process lingers as a zombie until it is reaped: allow for that, boundedly.
    for (let wait = 0; wait < 100 && alive(pids[0]!); wait++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(alive(pids[0]!)).toBe(false);
  });

  it('the command: SIGINT stops an in-process run, prints the report so far, exits 130', async () => {
    const marker = join(work, 'in-process.pids');
    const { code, stdout } = await interruptBin(['fixtures/signals/slow-clone.ts', '--runs', '100000', '--seed', '1', '--reporter', 'json'], 'SIGINT', marker);
    expect(code).toBe(130);
    expect(JSON.parse(stdout)).toMatchObject({ interrupted: 'SIGINT', conformant: false });
  });
});

describe('subcommands and package', () => {
  it.each([['init'], ['spec']])('%s --help prints its help and exits 0', async (command) => {
    for (const flag of ['--help', '-h']) {
      const { code, stdout, stderr } = await runMain([command, flag]);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toMatch(new RegExp(`^Usage: clone-conformance ${command}`));
    }
  });

  it('exports MappedField from the package root, and ships a LICENSE matching package.json', () => {
    const field: MappedField = 'tools';
    expect(field).toBe('tools');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} clone-conformance contributors\n/);
    expect(pkg).toHaveProperty('repository.url');
    expect(pkg).toHaveProperty('bugs.url');
    expect(typeof pkg.homepage).toBe('string');
  });

  it('the bin runs the compiled command from dist/, without the TypeScript loader', () => {
    const bin = readFileSync(BIN, 'utf8');
    expect(bin).toContain("import('../dist/src/cli/main.js')");
    expect(bin).not.toMatch(/from 'tsx/);
    // After a run of the reference, this process still cannot import TypeScript: no loader was registered.
    const script = join(work, 'probe.mjs');
    writeFileSync(script, `
      const { main } = await import(${JSON.stringify(join(ROOT, 'dist/src/cli/main.js'))});
      const code = await main(['--runs', '2', '--seed', '1', '--reporter', 'json'], { stdout: { write: () => {} }, stderr: { write: (t) => process.stderr.write(t) }, cwd: process.cwd(), env: {} });
      const typescript = await import(${JSON.stringify(join(ROOT, 'fixtures/reference.ts'))}).then(() => 'imported', (error) => error.code);
      console.log(JSON.stringify({ code, typescript }));
    `);
    const probe = spawnSync(process.execPath, [script], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(probe.stdout)).toEqual({ code: 0, typescript: 'ERR_UNKNOWN_FILE_EXTENSION' });
  });
});
