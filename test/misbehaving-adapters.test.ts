import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { INVARIANT_IDS } from '../spec/invariants/catalogue.ts';
import { ROOT, runMain } from './support/cli.ts';

// Every way an adapter can misbehave gets a verdict that names it, in bounded time, with its last
// output: never an internal error, never a run that waits out every invariant's timeouts.
const dir = mkdtempSync(join(tmpdir(), 'clone-conformance-misbehaving-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

interface JsonResult {
  readonly id: string;
  readonly status: string;
  readonly message?: string;
}
const resultsOf = (stdout: string) => (JSON.parse(stdout) as { results: JsonResult[] }).results;

function running(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('an in-process adapter that leaves a rejected promise behind', () => {
  afterEach(() => {
    delete process.env.STRAY_IN;
  });

  it.each([
    ['create', 'agent.config-held'],
    ['view', 'agent.config-held'],
    ['cloneForChannel', 'channel.distinct-agent'],
    ['cloneWith', 'override.distinct-agent'],
    ['deepCopy', 'deepcopy.distinct-agent'],
    ['tryAcquire', 'channel.locks.isolated'],
  ])('in %s(): fails the invariants it surfaced in, naming the rejection (exit 1, never an internal error)', async (call, first) => {
    // The worker thread that runs the adapter inherits this environment.
    process.env.STRAY_IN = call;
    const { code, stdout, stderr } = await runMain(['fixtures/misbehaving/stray-rejection.ts', '--seed', '1', '--runs', '5', '--reporter', 'json']);
    expect(stderr).not.toContain('internal error');
    expect(code).toBe(1);
    const results = resultsOf(stdout);
    expect(results.map((result) => result.id)).toEqual(INVARIANT_IDS);
    const stray = results.filter((result) => result.message?.startsWith('the adapter left a rejected promise behind, unhandled'));
    expect(stray.map((result) => result.id)).toContain(first);
    for (const result of stray) {
      expect(result.status).toBe('failed');
      expect(result.message).toContain(`(Error: background refresh failed in ${call}: token endpoint unreachable), noticed after `);
    }
  });
});

describe('an adapter process that stops answering', () => {
  it('mute after the handshake, protocol 3: is stopped at the view preflight (before the run), every invariant reported as not run naming the call', async () => {
    const pidfile = join(dir, `pids-${files++}`);
    const command = `SERVE_PIDFILE=${pidfile} node --import tsx fixtures/process/serve.mts --misbehave mute`;
    const { code, stdout } = await runMain(['--command', command, '--seed', '1', '--timeout', '300', '--reporter', 'json']);
    expect(code).toBe(1);
    const results = resultsOf(stdout);
    expect(results.map((result) => result.id)).toEqual(INVARIANT_IDS);
    for (const result of results) {
      expect(result.status).toBe('failed');
      expect(result.message).toMatch(/^not run: the view preflight \(two views of one agent, before the run\) left batch \[create\(\), view\(\), view\(\)\] unanswered \(the adapter process stopped answering\), so the adapter was stopped; run it alone to check it$/);
    }
    const pids = readFileSync(pidfile, 'utf8').trim().split('\n').map(Number);
    expect(pids).toHaveLength(1);
    for (let wait = 0; wait < 100 && pids.some(running); wait++) await new Promise((done) => setTimeout(done, 50));
    expect(pids.filter(running)).toEqual([]);
  });

  it.each([

    ['a view that never answers, protocol 1', '--misbehave late-view --protocol 1', /^view\(\) did not answer within 300 ms$/],
    ['a view that never answers, protocol 2', '--misbehave late-view --protocol 2', /^batch \[[^\]]*view\(\)[^\]]*\] did not answer within \d+ ms$/],
  ])('%s: is stopped at its first unanswered call, and the rest is reported as not run', async (_case, flags, unanswered) => {
    const pidfile = join(dir, `pids-${files++}`);
    const command = `SERVE_PIDFILE=${pidfile} node --import tsx fixtures/process/serve.mts ${flags}`;
    const { code, stdout } = await runMain(['--command', command, '--seed', '1', '--timeout', '300', '--reporter', 'json']);
    expect(code).toBe(1);
    const results = resultsOf(stdout);
    expect(results.map((result) => result.id)).toEqual(INVARIANT_IDS);
    const stuck = results.filter((result) => unanswered.test(result.message ?? ''));
    expect(stuck).toHaveLength(1);
    const call = stuck[0]!.message!.replace(/ did not answer within .*$/, '');
    const notRun = results.filter((result) => result.message?.startsWith('not run: '));
    expect(notRun.length).toBeGreaterThan(0);
    for (const result of notRun) {
      expect(result.status).toBe('failed');
      expect(result.message).toBe(`not run: ${stuck[0]!.id} left ${call} unanswered (the adapter process stopped answering), so the adapter was stopped; run it alone to check it`);
    }
    // Only invariants that finished before the hang passed; none was started again on a new process.
    expect(results.filter((result) => result.status === 'failed')).toHaveLength(1 + notRun.length);
    const pids = readFileSync(pidfile, 'utf8').trim().split('\n').map(Number);
    expect(pids).toHaveLength(1);
    for (let wait = 0; wait < 100 && pids.some(running); wait++) await new Promise((done) => setTimeout(done, 50));
    expect(pids.filter(running)).toEqual([]);
  });
});

describe('an adapter process that floods its standard error and dies while starting', () => {
  it('is reported with the last lines it wrote, its fatal last line included (exit 2)', async () => {
    const flood = `for i in $(seq 300); do echo "loading plugin $i: $(printf '%0200d' 0)" >&2; done; echo 'FATAL: could not load the agent framework' >&2; exit 3`;
    const { code, stdout, stderr } = await runMain(['--command', flood, '--seed', '1']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const message = stderr.split('\n').find((line) => line.startsWith('clone-conformance: '))!;
    expect(message).toMatch(/did not complete the handshake: hello\(\) failed: the adapter process exited \(code 3\); its stderr ends with: ….*loading plugin 300: 0+ \| FATAL: could not load the agent framework\.$/);
  });
});

describe('same seed, same report, for a Python adapter that iterates a set of strings', () => {
  const check = (seed: string, env: Record<string, string> = {}) =>
    runMain(['--command', 'python3 fixtures/python/set_order_adapter.py', '--seed', seed, '--runs', '5', '--only', 'agent.config-held,channel.identity', '--reporter', 'json'], ROOT, { env });

  it('gives byte-identical reports over several runs of one seed (PYTHONHASHSEED derived from --seed)', async () => {
    const reports = [];
    for (let run = 0; run < 4; run++) reports.push((await check('7')).stdout);
    expect(JSON.parse(reports[0]!).summary).toEqual({ passed: 2, failed: 0, skipped: 0 });
    for (const report of reports.slice(1)) expect(report).toBe(reports[0]);
  });

  it('derives PYTHONHASHSEED from the seed (unsigned), and keeps one the user set', async () => {
    const adapterName = async (seed: string, env: Record<string, string> = {}) => (JSON.parse((await check(seed, env)).stdout) as { adapter: string }).adapter;
    // The user's hash seed wins over the run's: two run seeds, one order, that of --seed 12345 left to the suite.
    const derived = await adapterName('12345');
    expect(await adapterName('7', { PYTHONHASHSEED: '12345' })).toBe(derived);
    expect(await adapterName('8', { PYTHONHASHSEED: '12345' })).toBe(derived);
    // -5 as 32 unsigned bits.
    expect(await adapterName('-5')).toBe(await adapterName('1', { PYTHONHASHSEED: '4294967291' }));
  });
});
