import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { AdapterCallError, LostCallError } from './adapter-call.ts';
import { stderrTail } from './stderr-tail.ts';

// The versions and the handshake's answer live in ./protocol-versions.ts; re-exported, as they were first exported here.
import { readLines } from './lines.ts';
export { COMPACT_PROTOCOL, PACKED_PROTOCOL, PIPELINED_PROTOCOL, PROTOCOL_VERSION, REACHES_PROTOCOL, SUPPORTED_PROTOCOLS, type Hello } from './protocol-versions.ts';

/**
 * Who sends a request: one of the invariants in flight on a process (a lane), to tell whose call
 * broke it. `urgent`: its requests go before the others waiting to be written (the invariant on the
 * run's critical path).
 */
export interface Sender {
  readonly urgent?: boolean;
}

/**
 * How many requests wait in the adapter's input at most: enough that it never waits for the next
 * while the suite is busy with an answer, few enough that an urgent request is not kept long.
 */
export const PIPE_DEPTH = 6;

interface Pending {
  /** Given when written: ids increase in the order the adapter receives them. */
  id?: number;
  readonly call: string;
  readonly sender: Sender | undefined;
  /** The request, until it is written. */
  request?: { readonly method: string; readonly params: Record<string, unknown> };
  readonly timeoutMs: number;
  readonly resolve: (result: Record<string, unknown>) => void;
  readonly reject: (error: AdapterCallError) => void;
  /** Armed when the adapter starts on it: when it is the oldest request not answered. */
  timer?: NodeJS.Timeout;
}


const STDERR_KEEP = 4000;
/** Why calls fail once the run was interrupted (a signal to the command). */
const INTERRUPTED = 'was stopped: the run was interrupted';

/** An adapter's error answer (`{"type", "message"}`) to a call, as the suite reports it. */
export function errorAnswer(call: string, error: unknown): AdapterCallError {
  const { type, message, traceback } = (typeof error === 'object' && error !== null ? error : {}) as { type?: unknown; message?: unknown; traceback?: unknown };
  const text = typeof message === 'string' ? message : JSON.stringify(error);
  // The answer itself is kept (a rejection says `"rejected": true`), and the adapter's traceback for --debug.
  return new AdapterCallError(call, 'threw', `threw ${typeof type === 'string' ? type : 'Error'}: ${text}`, error, typeof traceback === 'string' ? traceback : undefined);
}

/** How an adapter process is started and watched, besides its command. */
export interface AdapterProcessExtras {
  /** Set in the adapter's environment, over this process's own. */
  readonly env?: Readonly<Record<string, string>>;
  /** Ends the adapter's whole process group at once when it aborts (a signal to the command, in any phase: during the handshake too). */
  readonly signal?: AbortSignal;
  /** Told of a call the adapter left unanswered past its timeout, as soon as it is (the process is then stopped). */
  readonly onUnanswered?: (call: string) => void;
}

/**
 * One running adapter process, spoken to over JSON lines: one request at a time, or (protocol version
 * 3) several in flight, answered in order. Once it breaks
 * (exits, prints a non-protocol line, answers the wrong id or too late) every further request
 * fails at once with the reason: a new process is needed.
 */
export class AdapterProcess {
  readonly #child: ChildProcessWithoutNullStreams;
  #nextId = 0;
  /** Requests written and not answered, oldest first: the adapter answers them in this order. */
  readonly #pending: Pending[] = [];
  /** Requests not written yet (at most PIPE_DEPTH wait in the adapter's input), urgent ones first. */
  readonly #waiting: Pending[] = [];
  #broken: { readonly reason: 'broken' | 'timeout'; readonly detail: string; readonly during?: string; readonly sender?: Sender } | undefined;
  #stderr = '';
  /** Requests sent so far, for measurements. */
  requests = 0;
  readonly #exited: Promise<void>;
  readonly #stderrEnded: Promise<void>;
  #closing: Promise<void> | undefined;
  readonly #onUnanswered: ((call: string) => void) | undefined;

  /**
   * `passThrough` receives each line the adapter writes on standard error, as it comes.
   */
  constructor(command: string, cwd: string, passThrough?: (line: string) => void, extras: AdapterProcessExtras = {}) {
    const { env, signal } = extras;
    this.#onUnanswered = extras.onUnanswered;
    // A process group of its own, so that the whole tree (a shell and what it started) is ended.
    // CLONE_CONFORMANCE_ADAPTER_PROCESS tells a kit its stdout is the protocol's from the start, so
    // that it can claim it on import (the Python kit does: a framework's banner goes to stderr).
    const childEnv = { ...process.env, ...env, CLONE_CONFORMANCE_ADAPTER_PROCESS: '1' };
    this.#child = spawn(command, { cwd, env: childEnv, shell: true, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
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
    readLines(this.#child.stdout, (line) => this.#receive(line));
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
    if (signal) {
      const onAbort = () => {
        this.#break('broken', INTERRUPTED);
        this.killNow();
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
      void this.#exited.then(() => signal.removeEventListener('abort', onAbort));
    }
  }

  /** The tail of what the adapter wrote on standard error. */
  get stderr(): string {
    return this.#stderr.trim();
  }

  /** Why the process can no longer be used, if it can't. */
  get broken(): string | undefined {
    return this.#broken?.detail;
  }

  /**
   * Sends one request and waits for its answer, at most `timeoutMs` from when the adapter starts on
   * it. Requests sent before earlier ones are answered (protocol version 3) queue in the adapter's
   * input; `sender` names who sent each, so that a break is blamed on the request that caused it
   * and the others fail with a {@link LostCallError}.
   */
  request(call: string, method: string, params: Record<string, unknown>, timeoutMs: number, sender?: Sender): Promise<Record<string, unknown>> {
    if (this.#broken) {
      const { detail, during } = this.#broken;
      // Name the call that broke it: "create() was not sent" alone would hide a crash during dispose().
      const message = `was not sent: the adapter process had already stopped${during ? ` (${during} ${detail})` : `: ${detail}`}`;
      return Promise.reject(this.#lost(sender) ? new LostCallError(call, 'broken', message) : new AdapterCallError(call, 'broken', message));
    }
    this.requests += 1;
    return new Promise((resolve, reject) => {
      const pending: Pending = { call, sender, timeoutMs, resolve, reject, request: { method, params } };
      if (sender?.urgent) this.#waiting.splice(this.#waiting.findIndex((other) => !other.sender?.urgent) >>> 0, 0, pending);
      else this.#waiting.push(pending);
      this.#write();
    });
  }

  /** Writes waiting requests while the adapter's input holds fewer than PIPE_DEPTH. */
  #write(): void {
    while (this.#pending.length < PIPE_DEPTH && this.#waiting.length > 0 && !this.#broken) {
      const pending = this.#waiting.shift()!;
      const { method, params } = pending.request!;
      pending.request = undefined;
      pending.id = this.#nextId++;
      this.#pending.push(pending);
      if (this.#pending.length === 1) this.#arm(pending);
      this.#child.stdin.write(`${JSON.stringify({ id: pending.id, method, params })}\n`);
    }
  }

  /** Whether a call of `sender` fails because of another sender's call. */
  #lost(sender: Sender | undefined): boolean {
    return sender !== undefined && this.#broken?.sender !== undefined && this.#broken.sender !== sender;
  }

  #arm(pending: Pending): void {
    pending.timer = setTimeout(() => this.#break('timeout', `did not answer within ${pending.timeoutMs} ms`), pending.timeoutMs);
  }

  /** The oldest request, answered (or failed): the adapter now starts on the next one. */
  #settle(): Pending | undefined {
    const pending = this.#pending.shift();
    if (pending) clearTimeout(pending.timer);
    if (this.#pending.length > 0 && !this.#broken) this.#arm(this.#pending[0]!);
    this.#write();
    return pending;
  }

  /**
   * Marks the process broken and fails the request in flight, naming it; requests queued behind it
   * (other senders' or its own sender's) fail too, those of other senders as lost.
   */
  #break(reason: 'broken' | 'timeout', detail: string): void {
    const withStderr = this.stderr ? `${detail}; its stderr ends with: ${stderrTail(this.stderr)}` : detail;
    const head = this.#pending[0];
    this.#broken ??= { reason, detail: withStderr, ...(head ? { during: head.call, sender: head.sender } : {}) };
    const failed = [...this.#pending.splice(0), ...this.#waiting.splice(0)];
    for (const [index, pending] of failed.entries()) {
      clearTimeout(pending.timer);
      if (index === 0) pending.reject(new AdapterCallError(pending.call, reason, withStderr));
      else {
        const message = `was not ${pending.id === undefined ? 'sent' : 'answered'}: the adapter process stopped while it worked on ${failed[0]!.call} (${withStderr})`;
        pending.reject(this.#lost(pending.sender) ? new LostCallError(pending.call, 'broken', message) : new AdapterCallError(pending.call, 'broken', message));
      }
    }
    if (reason === 'timeout') {
      void this.kill();
      if (head) this.#onUnanswered?.(head.call);
    }
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
    const head = this.#pending[0];
    if (!head || id !== head.id) {
      this.#break('broken', `broke the protocol: it answered id ${JSON.stringify(id)} while ${head ? `id ${head.id} was awaited` : 'no request was pending'}`);
      return;
    }
    if ((result === undefined) === (error === undefined)) {
      this.#break('broken', 'broke the protocol: an answer must have exactly one of "result" and "error"');
      return;
    }
    const pending = this.#settle()!;
    if (error !== undefined) {
      pending.reject(errorAnswer(pending.call, error));
    } else if (typeof result !== 'object' || result === null || Array.isArray(result)) {
      pending.reject(new AdapterCallError(pending.call, 'invalid', `answered ${JSON.stringify(result)}, not a result object`));
    } else {
      pending.resolve(result as Record<string, unknown>);
    }
  }

  /**
   * Ends the session and everything the adapter started: asks the process to shut down, closes its
   * standard input, then ends its whole process group (a grandchild outlives its parent otherwise),
   * with SIGTERM and, for whatever is still there after `graceMs`, SIGKILL. Idempotent.
   */
  close(graceMs = 500): Promise<void> {
    this.#closing ??= (async () => {
      // With a call still in flight (a close on a signal), a shutdown request would cross its answer.
      if (!this.#broken && this.#pending.length === 0 && this.#waiting.length === 0) await this.request('shutdown()', 'shutdown', {}, graceMs).catch(() => {});
      this.#child.stdin.end();
      await within(this.#exited, graceMs);
      if (this.#groupAlive()) {
        this.#signalGroup('SIGTERM');
        for (let waited = 0; waited < graceMs && this.#groupAlive(); waited += GROUP_POLL_MS) await delay(GROUP_POLL_MS);
        if (this.#groupAlive()) this.#signalGroup('SIGKILL');
        await this.#exited;
      }
      // Its last lines on standard error, passed through before the report.
      await within(this.#stderrEnded, graceMs);
    })();
    return this.#closing;
  }

  /** Ends the whole process group at once, synchronously: usable from a signal handler. */
  killNow(): void {
    this.#signalGroup('SIGKILL');
  }

  async kill(): Promise<void> {
    this.killNow();
    await this.#exited;
  }

  /** Whether any process of the adapter's group is still there (zombies included: they are harmless to signal). */
  #groupAlive(): boolean {
    if (this.#child.pid === undefined) return false;
    try {
      process.kill(-this.#child.pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  #signalGroup(signal: NodeJS.Signals): void {
    try {
      if (this.#child.pid !== undefined) process.kill(-this.#child.pid, signal);
    } catch {
      // already gone
    }
  }
}

const GROUP_POLL_MS = 20;
// Timers that are awaited are never unref'd: once the adapter has exited, an unref'd timer can be the
// last thing left, and Node then ends the whole command mid-await (exit code 13, no report).
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits for `promise`, at most `ms`; the timer is cleared as soon as it settles. */
function within(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([promise.then(() => {}), bound]).finally(() => clearTimeout(timer));
}
