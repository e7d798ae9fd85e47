import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { MappedField } from '../../spec/agent-config.ts';
import { AdapterCallError } from './adapter-call.ts';

/** The protocol version this suite speaks (spec/PROTOCOL.md). */
export const PROTOCOL_VERSION = 1;

/** What an adapter process says about itself in its `hello` answer. */
export interface Hello {
  readonly protocol: number;
  readonly name: string;
  readonly operations: readonly string[];
  readonly probes: readonly string[];
  /** The fields and feature names the adapter maps; absent means all. */
  readonly fields?: readonly MappedField[];
  readonly deepCopyTools?: 'shared' | 'copied';
}

interface Pending {
  readonly id: number;
  readonly call: string;
  readonly resolve: (result: Record<string, unknown>) => void;
  readonly reject: (error: AdapterCallError) => void;
  readonly timer: NodeJS.Timeout;
}

const STDERR_KEEP = 4000;

/**
 * One running adapter process, spoken to one request at a time over JSON lines. Once it breaks
 * (exits, prints a non-protocol line, answers the wrong id or too late) every further request
 * fails at once with the reason: a new process is needed.
 */
export class AdapterProcess {
  readonly #child: ChildProcessWithoutNullStreams;
  #nextId = 0;
  #pending: Pending | undefined;
  #broken: { readonly reason: 'broken' | 'timeout'; readonly detail: string } | undefined;
  #stderr = '';
  /** Requests sent so far, for measurements. */
  requests = 0;
  readonly #exited: Promise<void>;
  readonly #stderrEnded: Promise<void>;

  /** `passThrough` receives each line the adapter writes on standard error, as it comes. */
  constructor(command: string, cwd: string, passThrough?: (line: string) => void) {
    // A process group of its own, so that the whole tree (a shell and what it started) is ended.
    this.#child = spawn(command, { cwd, shell: true, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    this.#child.stdin.on('error', () => {}); // a dead adapter's closed pipe is reported through 'exit'
    let partial = '';
    this.#stderrEnded = new Promise((resolve) => this.#child.stderr.once('close', resolve));
    this.#child.stderr
      .setEncoding('utf8')
      .on('data', (chunk: string) => {
        this.#stderr = (this.#stderr + chunk).slice(-STDERR_KEEP);
        if (!passThrough) return;
        const lines = (partial + chunk).split('\n');
        partial = lines.pop()!;
        for (const line of lines) passThrough(line.replace(/\r$/, ''));
      })
      .once('end', () => {
        if (passThrough && partial !== '') passThrough(partial);
      });
    createInterface({ input: this.#child.stdout }).on('line', (line) => this.#receive(line));
    this.#exited = new Promise((resolve) => {
      this.#child.on('exit', (code, signal) => {
        this.#break('broken', `failed: the adapter process exited (${signal ?? `code ${code}`})`);
        resolve();
      });
      this.#child.on('error', (error) => {
        this.#break('broken', `could not start the adapter process: ${error.message}`);
        resolve();
      });
    });
  }

  /** The tail of what the adapter wrote on standard error. */
  get stderr(): string {
    return this.#stderr.trim();
  }

  /** Why the process can no longer be used, if it can't. */
  get broken(): string | undefined {
    return this.#broken?.detail;
  }

  /** Sends one request and waits for its answer, at most `timeoutMs`. */
  request(call: string, method: string, params: Record<string, unknown>, timeoutMs: number): Promise<Record<string, unknown>> {
    if (this.#broken) return Promise.reject(new AdapterCallError(call, 'broken', `was not sent: the adapter process ${this.#broken.detail}`));
    const id = this.#nextId++;
    this.requests += 1;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.#break('timeout', `did not answer within ${timeoutMs} ms`), timeoutMs);
      this.#pending = { id, call, resolve, reject, timer };
      this.#child.stdin.write(`${JSON.stringify({ id, method, params })}\n`);
    });
  }

  #settle(): Pending | undefined {
    const pending = this.#pending;
    this.#pending = undefined;
    if (pending) clearTimeout(pending.timer);
    return pending;
  }

  /** Marks the process broken and fails the request in flight, naming it. */
  #break(reason: 'broken' | 'timeout', detail: string): void {
    const pending = this.#settle();
    const withStderr = this.stderr ? `${detail}; its stderr ends with: ${this.stderr.split('\n').slice(-5).join(' | ')}` : detail;
    this.#broken ??= { reason, detail: withStderr };
    pending?.reject(new AdapterCallError(pending.call, reason, withStderr));
    if (reason === 'timeout') void this.kill();
  }

  #receive(line: string): void {
    if (this.#broken) return;
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      message = undefined;
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      this.#break('broken', `broke the protocol: it printed a line that is not a JSON object on stdout: ${JSON.stringify(line.slice(0, 200))}`);
      return;
    }
    const { id, result, error } = message as { id?: unknown; result?: unknown; error?: { type?: unknown; message?: unknown; traceback?: unknown } };
    if (!this.#pending || id !== this.#pending.id) {
      this.#break('broken', `broke the protocol: it answered id ${JSON.stringify(id)} while ${this.#pending ? `id ${this.#pending.id} was awaited` : 'no request was pending'}`);
      return;
    }
    if ((result === undefined) === (error === undefined)) {
      this.#break('broken', 'broke the protocol: an answer must have exactly one of "result" and "error"');
      return;
    }
    const pending = this.#settle()!;
    if (error !== undefined) {
      const type = typeof error?.type === 'string' ? error.type : 'Error';
      const text = typeof error?.message === 'string' ? error.message : JSON.stringify(error);
      const traceback = typeof error?.traceback === 'string' ? error.traceback : undefined;
      pending.reject(new AdapterCallError(pending.call, 'threw', `threw ${type}: ${text}`, error, traceback));
    } else if (typeof result !== 'object' || result === null || Array.isArray(result)) {
      pending.reject(new AdapterCallError(pending.call, 'invalid', `answered ${JSON.stringify(result)}, not a result object`));
    } else {
      pending.resolve(result as Record<string, unknown>);
    }
  }

  /** Asks the process to shut down, then ends its whole process group if it lingers. */
  async close(graceMs = 500): Promise<void> {
    if (!this.#broken) {
      await this.request('shutdown()', 'shutdown', {}, graceMs).catch(() => {});
      this.#child.stdin.end();
    }
    const exited = await Promise.race([this.#exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(resolve, graceMs, false).unref())]);
    if (!exited) await this.kill();
    // Its last lines on standard error, passed through before the report.
    await Promise.race([this.#stderrEnded, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
  }

  async kill(): Promise<void> {
    try {
      if (this.#child.pid !== undefined) process.kill(-this.#child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await this.#exited;
  }
}
