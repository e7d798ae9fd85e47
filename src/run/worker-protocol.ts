import type { InvariantResult, Levers } from '../report/model.ts';

/** What the watchdog thread asks the worker to run. */
export interface WorkerRequest {
  readonly adapter: string | undefined;
  readonly cwd: string;
  /** The tsconfig a TypeScript adapter is compiled with (absolute), when not the default one. */
  readonly tsconfig?: string;
  readonly ids: readonly string[];
  readonly seed: number;
  readonly runs: number;
  readonly path?: string;
  readonly replayPath?: string;
  readonly timeout: number;
  /** Bound on loading the adapter module, in milliseconds. */
  readonly startTimeout: number;
  readonly monitor: SharedArrayBuffer;
  /** Stop after the first failed invariant. */
  readonly bail?: boolean;
}

export type WorkerMessage =
  | { readonly type: 'loaded'; readonly name: string; readonly notChecked: readonly string[]; readonly levers?: Levers }
  | { readonly type: 'started'; readonly id: string }
  | { readonly type: 'result'; readonly result: InvariantResult }
  | { readonly type: 'done' }
  | { readonly type: 'load-error' | 'error'; readonly message: string; readonly stack: string | undefined };
