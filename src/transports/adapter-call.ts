import type { CallMonitor } from './call-monitor.ts';

/** The longest adapter-supplied detail a message quotes; the full stack stays available under --debug. */
const DETAIL_LIMIT = 600;

/**
 * An adapter call that went wrong; names the call. `threw`: the adapter raised or rejected;
 * `invalid`: it answered something the contract does not allow; `timeout`: it did not answer in
 * time; `broken`: the adapter process crashed or broke the protocol.
 */
export class AdapterCallError extends Error {
  override readonly name = 'AdapterCallError';

  constructor(
    readonly call: string,
    readonly reason: 'threw' | 'timeout' | 'invalid' | 'broken',
    detail: string,
    /** What the adapter threw (in-process), or its error answer (over the protocol), when it threw. */
    readonly thrown?: unknown,
    /** The adapter's own stack (JavaScript) or traceback (sent by an adapter process), when it threw. */
    readonly adapterStack?: string,
  ) {
    // An adapter's message may quote a whole agent: keep reports readable.
    super(`${call} ${detail.length > DETAIL_LIMIT ? `${detail.slice(0, DETAIL_LIMIT - 1)}…` : detail}`);
  }

  /** After a timeout or a broken process, retrying (shrinking) would only repeat the wait or the crash. */
  get final(): boolean {
    return this.reason === 'timeout' || this.reason === 'broken';
  }
}

/**
 * A call lost because of another invariant's call: the adapter process broke (crashed, hung, broke
 * the protocol) or was restarted while it served another invariant in flight on the same process.
 * Not a verdict on the invariant that made the call: the runner runs that invariant again, alone
 * (src/run/run-parallel.ts).
 */
export class LostCallError extends AdapterCallError {}

function describeThrown(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';

/**
 * Runs one adapter call, bounded by `timeoutMs`. A hang becomes an {@link AdapterCallError}
 * naming the call; so does a throw or a rejection, with the adapter's own message. A call that
 * answers synchronously has settled: it needs no timer (a synchronous hang blocks this thread's
 * timers anyway, and is the watchdog's to see through `monitor`).
 */
export async function boundedCall<T>(call: string, timeoutMs: number, run: () => T | Promise<T>, monitor?: CallMonitor): Promise<T> {
  const threw = (error: unknown) => new AdapterCallError(call, 'threw', `threw ${describeThrown(error)}`, error, error instanceof Error ? error.stack : undefined);
  monitor?.enter(call);
  let answer: T | Promise<T>;
  try {
    answer = run();
  } catch (error) {
    monitor?.exit();
    throw threw(error);
  }
  if (!isThenable(answer)) {
    monitor?.exit();
    return answer;
  }
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AdapterCallError(call, 'timeout', `did not settle within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([
      (async () => {
        try {
          return await answer;
        } catch (error) {
          throw threw(error);
        }
      })(),
      deadline,
    ]);
  } finally {
    monitor?.exit();
    clearTimeout(timer);
  }
}
