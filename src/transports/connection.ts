import type { Observed } from '../../spec/model/observed.ts';
import type { AdapterProcess, Hello } from './adapter-process.ts';
import { start, type ProcessOptions } from './handshake.ts';
import { HeldIds } from './held-ids.ts';
import { IdentityRegistry } from './observe.ts';

/**
 * One adapter process and what the invariants in flight on it share: the suite's identity registry
 * (one id, one described object, for the whole session) and what the adapter said of the values it
 * received. A process that broke is replaced, once, by the first lane to begin an invariant after.
 */
export class Connection {
  readonly registry = new IdentityRegistry();
  /** The adapter's token for each object the suite described to it, from the `tokens` it echoes. */
  readonly adapterTokens = new Map<string, string>();
  /** What the adapter built from each `built` description, as it observed it (the `built` it echoes). */
  readonly builtObjects = new Map<string, Observed>();
  /**
   * Version 5 (§13): ids of the suite's objects the adapter answered for (it materialised them in a
   * call that succeeded). Described again, they are sent as refs; the adapter's token for each is
   * the id itself unless it echoed another.
   */
  readonly held = new HeldIds();
  /** How many times the process was replaced: a lane's handles belong to one generation. */
  generation = 0;
  previousRequests = 0;
  #restarting: Promise<void> | undefined;

  constructor(
    readonly options: ProcessOptions,
    public process: AdapterProcess,
    public hello: Hello,
  ) {}

  /** Replaces a broken process (concurrent callers share one restart). */
  restart(): Promise<void> {
    this.#restarting ??= (async () => {
      await this.process.kill();
      this.previousRequests += this.process.requests;
      ({ process: this.process, hello: this.hello } = await start(this.options));
      this.adapterTokens.clear();
      this.builtObjects.clear();
      this.held.clear();
      this.generation += 1;
    })().finally(() => (this.#restarting = undefined));
    return this.#restarting;
  }
}
