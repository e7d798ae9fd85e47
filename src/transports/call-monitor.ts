/**
 * Announces adapter calls to a watchdog outside the thread that makes them. A synchronous hang
 * (an adapter stuck in a loop) blocks its own thread's timers, so only another thread can see it.
 */
export interface CallMonitor {
  enter(call: string): void;
  exit(): void;
}

const NAME_BYTES = 120;

/**
 * A call monitor over shared memory: writing it costs a few stores, so it can watch every call.
 * Layout: [active flag, call sequence] as Int32, the start time as Float64, the call name as UTF-8.
 */
export class SharedCallMonitor implements CallMonitor {
  static readonly BYTES = 8 + 8 + NAME_BYTES;
  readonly #flags: Int32Array;
  readonly #started: Float64Array;
  readonly #name: Uint8Array;
  readonly #encoder = new TextEncoder();

  constructor(readonly buffer: SharedArrayBuffer) {
    this.#flags = new Int32Array(buffer, 0, 2);
    this.#started = new Float64Array(buffer, 8, 1);
    this.#name = new Uint8Array(buffer, 16, NAME_BYTES);
  }

  enter(call: string): void {
    this.#name.fill(0);
    this.#encoder.encodeInto(call, this.#name);
    this.#started[0] = Date.now();
    Atomics.add(this.#flags, 1, 1);
    Atomics.store(this.#flags, 0, 1);
  }

  exit(): void {
    Atomics.store(this.#flags, 0, 0);
  }

  /** The call in progress and since when, as the watchdog reads it. */
  current(): { call: string; since: number; sequence: number } | undefined {
    if (Atomics.load(this.#flags, 0) === 0) return undefined;
    const end = this.#name.indexOf(0);
    const call = new TextDecoder().decode(this.#name.slice(0, end === -1 ? NAME_BYTES : end));
    return { call, since: this.#started[0]!, sequence: Atomics.load(this.#flags, 1) };
  }
}
