import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../spec/invariants/catalogue.ts';
import { runMain } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'clone-conformance-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let runs = 0;

/** Runs the command against the TypeScript protocol host, and reports which host processes are still alive after. */
async function serve(args: string[], misbehave?: string, protocol?: number) {
  const pidfile = join(dir, `pids-${runs++}`);
  const command = `SERVE_PIDFILE=${pidfile} node --import tsx fixtures/process/serve.mts${misbehave ? ` --misbehave ${misbehave}` : ''}${protocol ? ` --protocol ${protocol}` : ''}`;
  const outcome = await runMain(['--command', command, '--seed', '1', '--reporter', 'json', ...args]);
  const pids = readFileSync(pidfile, 'utf8').trim().split('\n').map(Number);
  return { ...outcome, pids, alive: await stillRunning(pids) };
}

/** The processes among `pids` still running after a moment (a killed process takes a few ms to go). */
async function stillRunning(pids: number[]): Promise<number[]> {
  const running = (pid: number) => {
    try {
      return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
    } catch {
      return false;
    }
  };
  for (let wait = 0; wait < 40 && pids.some(running); wait++) await new Promise((done) => setTimeout(done, 50));
  return pids.filter(running);
}

const messages = (stdout: string) => JSON.parse(stdout).results.map((result: { message?: string }) => result.message);

describe('adapters over the JSON-lines protocol', () => {
  it('gives the same report through the protocol as in-process, for the same seed', async () => {
    const viaProcess = await serve(['--runs', '30']);
    const inProcess = await runMain(['fixtures/reference.ts', '--seed', '1', '--reporter', 'json', '--runs', '30']);
    expect(viaProcess.code).toBe(0);
    const { results, summary } = JSON.parse(viaProcess.stdout);
    expect(summary).toEqual({ passed: CATALOGUE.length, failed: 0, skipped: 0 });
    expect(results).toEqual(JSON.parse(inProcess.stdout).results);
    expect(viaProcess.alive).toEqual([]);
  });

  it.each([
    ['no-handshake', 'did not complete the handshake: hello() did not answer within 8000 ms'],
    ['exit-on-start', 'did not complete the handshake: hello() failed: the adapter process exited (code 3); its stderr ends with: fatal: framework not installed'],
    ['old-protocol', 'answered the handshake, but it speaks protocol 0, this suite speaks 1'],
  ])('cannot start when the adapter process misbehaves before running (%s): exit 2', async (misbehave, message) => {
    const { code, stdout, stderr, alive } = await serve(['--start-timeout', '8000'], misbehave);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(alive).toEqual([]);
  });

  it.each([
    ['crash-on-clone', 'cloneForChannel() failed: the adapter process exited (code 4)'],
    ['garbage-on-view', 'view() broke the protocol: it printed a line that is not a JSON object on stdout: "Loading model weights... done"'],
    ['wrong-id-on-view', 'view() broke the protocol: it answered id 9 while id 2 was awaited'],
    ['stdout-noise', 'create() broke the protocol: it printed a line that is not a JSON object on stdout: "created an agent"'],
  ])('fails the invariant, naming the call, when the process breaks mid-run (%s, protocol 1), and starts a new one', async (misbehave, message) => {
    const { code, stdout, pids, alive } = await serve(['--only', 'channel.identity,channel.execution', '--timeout', '300'], misbehave, 1);
    expect(code).toBe(1);
    expect(messages(stdout)).toEqual([message, message]);
    // One process per invariant, as the first broke; one more when the view preflight (two views of
    // one agent before the run, src/run/view-preflight.ts) broke it already.
    expect(pids).toHaveLength(misbehave === 'crash-on-clone' ? 2 : 3);
    expect(alive).toEqual([]);
  });

  // Protocol 2: the calls of a batch share one answer, so the failure names the batch and its calls.
  it.each([
    ['crash-on-clone', /^batch \[[^\]]*cloneForChannel\(\)[^\]]*\] failed: the adapter process exited \(code 4\)$/],
    ['garbage-on-view', /^batch \[[^\]]*view\(\)[^\]]*\] broke the protocol: it printed a line that is not a JSON object on stdout: "Loading model weights... done"$/],
    ['wrong-id-on-view', /^batch \[[^\]]*view\(\)[^\]]*\] broke the protocol: it answered id \d+ while id \d+ was awaited$/],
    ['stdout-noise', /^batch \[create\(\)[^\]]*\] broke the protocol: it printed a line that is not a JSON object on stdout: "created an agent"$/],
  ])('fails the invariant, naming the batch and its calls, when the process breaks mid-run (%s, protocol 2), and starts a new one', async (misbehave, message) => {
    const { code, stdout, pids, alive } = await serve(['--only', 'channel.identity,channel.execution', '--timeout', '300'], misbehave);
    expect(code).toBe(1);
    const [first, second] = messages(stdout) as string[];
    expect(first).toMatch(message);
    expect(second).toMatch(message);
    expect(pids).toHaveLength(misbehave === 'crash-on-clone' ? 2 : 3); // as above: the preflight broke it first
    expect(alive).toEqual([]);
  });
});
