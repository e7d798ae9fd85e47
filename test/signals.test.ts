import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runMain } from './support/cli.ts';

// SIGINT and SIGTERM end the run at once in every phase: loading an in-process adapter, an adapter
// process's handshake, the run (test/runner.test.ts, 'signals'), and writing the report; with 130
// or 143, and the adapter's process group ended. No test waits out a start timeout: they are set
// far beyond the tests' own time limit, so only the signal can end these runs.
const dir = mkdtempSync(join(tmpdir(), 'clone-conformance-signals-'));
/** What a test started, ended whatever happens to it (a failing test must not leave a hung adapter behind). */
const started: { kill(signal: NodeJS.Signals): unknown }[] = [];
const markers: string[] = [];
afterAll(() => {
  for (const child of started) child.kill('SIGKILL');
  for (const marker of markers.filter(existsSync)) {
    for (const pid of readFileSync(marker, 'utf8').trim().split('\n').map(Number).filter(running)) {
      try {
        process.kill(-pid, 'SIGKILL'); // an adapter process leads its group
      } catch {
        process.kill(pid, 'SIGKILL');
      }
    }
  }
  rmSync(dir, { recursive: true, force: true });
});
let files = 0;

function running(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Starts the bin, waits until `marker` names a pid, sends the signal, and collects the outcome. */
async function interruptWhenMarked(args: string[], signal: 'SIGINT' | 'SIGTERM', marker: string) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', SIGNALS_MARKER: marker } });
  started.push(child);
  markers.push(marker);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  while (!existsSync(marker) || readFileSync(marker, 'utf8').trim() === '') await new Promise((resolve) => setTimeout(resolve, 50));
  child.kill(signal);
  const code = await exited;
  const pids = readFileSync(marker, 'utf8').trim().split('\n').map(Number);
  for (let wait = 0; wait < 100 && pids.some(running); wait++) await new Promise((resolve) => setTimeout(resolve, 50));
  return { code, stdout, stderr, pids };
}

describe('a signal ends the run at once, in every phase', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('while an adapter process hangs before its handshake and ignores SIGTERM (%s)', async (signal, exit) => {
    const marker = join(dir, `handshake-${files++}`);
    // `trap '' TERM` is inherited through exec: the sleeping "adapter" ignores SIGTERM.
    const command = `trap '' TERM; echo $$ >> "$SIGNALS_MARKER"; exec sleep 600`;
    const { code, stdout, stderr, pids } = await interruptWhenMarked(['--command', command, '--start-timeout', '3600000', '--seed', '1'], signal, marker);
    expect(code).toBe(exit);
    expect(stderr).toContain(`clone-conformance: interrupted by ${signal}`);
    expect(stdout).toContain(`Interrupted (${signal})`);
    expect(pids.filter(running)).toEqual([]);
  });

  it('while an in-process adapter module is still loading (SIGINT)', async () => {
    const marker = join(dir, `loading-${files++}`);
    const { code, stdout } = await interruptWhenMarked(['fixtures/signals/slow-import.ts', '--start-timeout', '3600000', '--seed', '1', '--reporter', 'json'], 'SIGINT', marker);
    expect(code).toBe(130);
    const report = JSON.parse(stdout) as { interrupted: string; conformant: boolean; results: unknown[]; notRun: string[] };
    expect(report).toMatchObject({ interrupted: 'SIGINT', conformant: false, results: [] });
    expect(report.notRun.length).toBeGreaterThan(0);
  });

  it('while the report is written: the report is whole, and the exit code is the signal\'s', async () => {
    const plain = await runMain(['--only', 'agent.config-held', '--runs', '5', '--seed', '1', '--reporter', 'json']);
    expect(plain.code).toBe(0);
    let signal: (name: 'SIGTERM') => void = () => {};
    const interrupted = new Promise<'SIGTERM'>((resolve) => (signal = resolve));
    let stdout = '';
    let stderr = '';
    const { main } = await import('../src/cli/main.ts');
    const code = await main(['--only', 'agent.config-held', '--runs', '5', '--seed', '1', '--reporter', 'json'], {
      stdout: {
        write: (text: string) => {
          stdout += text;
          signal('SIGTERM'); // arrives as the report is being written
        },
      },
      stderr: { write: (text: string) => (stderr += text) },
      cwd: ROOT,
      env: {},
      interrupted,
    });
    expect(code).toBe(143);
    expect(stdout).toBe(plain.stdout);
    expect(stderr).toContain('clone-conformance: interrupted by SIGTERM while the report was written');
  });
});
