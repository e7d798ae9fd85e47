import type { InvariantResult } from '../report/model.ts';
import type { CallMonitor } from '../transports/call-monitor.ts';

/**
 * Rejected promises an in-process adapter left behind with no handler (a background refresh that
 * fails, a fire-and-forget write): Node would end a real process on one. Noticed here instead of
 * ending the run's thread, and reported as a failure of the invariant during which it surfaced,
 * naming the last adapter call made before it and what was rejected.
 */
export class StrayRejections implements CallMonitor {
  #lastCall: string | undefined;
  #found: { readonly call: string | undefined; readonly reason: unknown } | undefined;

  /** Passes calls on to `inner` (the watchdog's monitor), remembering the last one. */
  constructor(private readonly inner?: CallMonitor) {}

  enter(call: string): void {
    this.#lastCall = call;
    this.inner?.enter(call);
  }

  exit(): void {
    this.inner?.exit();
  }

  /** Listens for unhandled rejections in this thread (they no longer end it). */
  listen(): this {
    process.on('unhandledRejection', (reason) => {
      this.#found ??= { call: this.#lastCall, reason };
    });
    return this;
  }

  /**
   * Lets rejections of the current tick surface, then turns `result` into a failure when one was
   * left behind since the last look. Forgets it: the next invariant starts clean.
   */
  async settle(result: InvariantResult, rule: string): Promise<InvariantResult> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const found = this.#found;
    this.#found = undefined;
    if (found === undefined) return result;
    const what = found.reason instanceof Error ? `${found.reason.name}: ${found.reason.message}` : String(found.reason);
    const where = found.call === undefined ? 'while the adapter loaded' : `after ${found.call}`;
    const message = `the adapter left a rejected promise behind, unhandled (${what}), noticed ${where}: a real process would crash on it (Node ends on an unhandled rejection); handle or await it in the adapter`;
    const { durationMs } = result;
    return {
      id: result.id,
      level: result.level,
      status: 'failed',
      rule,
      message,
      counterexample: '',
      path: '',
      shrunk: false,
      ...(durationMs === undefined ? {} : { durationMs }),
      ...(found.reason instanceof Error && found.reason.stack !== undefined ? { stack: found.reason.stack } : {}),
    };
  }
}
