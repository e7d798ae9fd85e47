import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processSubject } from '../src/transports/process-subject.ts';
import { ROOT, runMain } from './support/cli.ts';

// No adapter process, nor anything it started, outlives the suite: at a normal end, after a
// crash, and whatever the adapter does with end of input and SIGTERM.
const dir = mkdtempSync(join(tmpdir(), 'clone-conformance-hygiene-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const pidfile = () => join(dir, `pids-${files++}`);
const pidsIn = (file: string) => readFileSync(file, 'utf8').trim().split('\n').map(Number);

/** Whether a process runs (a zombie waiting for its parent to reap it runs nothing). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

const REFERENCE = 'python3 fixtures/python/reference_adapter.py';
const start = (command: string) => processSubject({ command, cwd: ROOT, timeout: 5000, startTimeout: 10_000 });

describe('the adapter process group ends with the session', () => {
  it('ends a grandchild the adapter started, at a normal end', async () => {
    const file = pidfile();
    const subject = await start(`sleep 300 >/dev/null 2>&1 & echo $! > ${file}; exec ${REFERENCE}`);
    const [grandchild] = pidsIn(file);
    expect(running(grandchild!)).toBe(true);
    await subject.create({ name: 'A' } as never);
    await subject.close();
    expect(running(grandchild!)).toBe(false);
  });

  it('the command itself: ends the grandchild and still prints its report and exit code (no exit 13 mid-close)', () => {
    // A grandchild keeps the group alive after the adapter exits: the command waits for it to end
    // with timers that must keep Node running (an unref'd one let Node quit without a report).
    const file = pidfile();
    const command = `sleep 300 >/dev/null 2>&1 & echo $! > ${file}; ${REFERENCE}`;
    const run = spawnSync(process.execPath, ['bin/clone-conformance.mjs', '--command', command, '--only', 'channel.identity', '--runs', '3', '--seed', '1', '--reporter', 'json'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).summary).toEqual({ passed: 1, failed: 0, skipped: 0 });
    expect(running(pidsIn(file)[0]!)).toBe(false);
  });

  it('ends an adapter that ignores end of input after shutdown (SIGTERM)', async () => {
    const file = pidfile();
    const subject = await start(`echo $$ > ${file}; ${REFERENCE}; exec sleep 300`);
    const [shell] = pidsIn(file);
    await subject.close();
    expect(running(shell!)).toBe(false);
  });

  it('ends an adapter that ignores both end of input and SIGTERM (SIGKILL after the grace)', async () => {
    const file = pidfile();
    const subject = await start(`trap '' TERM; echo $$ > ${file}; ${REFERENCE}; exec sleep 300`);
    const [shell] = pidsIn(file);
    await subject.close();
    expect(running(shell!)).toBe(false);
  });

  it('close() is idempotent, and killNow() ends the group at once, synchronously', async () => {
    const file = pidfile();
    const subject = await start(`trap '' TERM; sleep 300 >/dev/null 2>&1 & echo $! > ${file}; exec ${REFERENCE}`);
    const [grandchild] = pidsIn(file);
    subject.killNow();
    await Promise.all([subject.close(), subject.close()]);
    expect(running(grandchild!)).toBe(false);
  });
});

describe('a session ended mid-call', () => {
  it('close() while a call hangs ends the adapter without waiting for its answer', async () => {
    const file = pidfile();
    const subject = await start(`SERVE_PIDFILE=${file} exec node --import tsx fixtures/process/serve.mts --misbehave late-view`);
    const agent = await subject.create({ name: 'A', tools: [], handoffs: null, features: {} } as never);
    await subject.view(agent);
    await subject.view(agent);
    const hanging = subject.view(agent).catch((error: Error) => error.message); // the third view never answers
    await subject.close();
    expect(await hanging).toContain('view()');
    expect(pidsIn(file).filter(running)).toEqual([]);
  });
});

describe('a crash while a case ends', () => {
  it.each([
    ['2', '', /^batch \[dispose\(\) of the previous case's agents, create\(\)[^\]]*\] failed: the adapter process exited \(code 5\)$/],
    ['1', ' --protocol 1', /^dispose\(\) at the end of a case failed: the adapter process exited \(code 5\)$/],
  ])('names dispose() as the call during which the adapter process exited, not the next create() (protocol %s)', async (_version, flag, message) => {
    const file = pidfile();
    const command = `SERVE_PIDFILE=${file} node --import tsx fixtures/process/serve.mts --misbehave crash-on-dispose${flag}`;
    const { code, stdout } = await runMain(['--command', command, '--seed', '1', '--reporter', 'json', '--only', 'channel.identity', '--runs', '20']);
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout).results as { message: string; replay: string }[];
    expect(result!.message).toMatch(message);
    // Not shrunk: shrinking would only meet the dead process again (a shrunk path has a colon).
    expect(result!.replay).toMatch(/--path \d+$/);
    expect(pidsIn(file).filter(running)).toEqual([]);
  });
});
