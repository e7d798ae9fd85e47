import type { InvariantResult } from '../report/model.ts';

/** How a caller follows and steers a run of several invariants. */
export interface RunControl {
  /** Stop at the first failed invariant; the rest are reported as not run. */
  readonly bail?: boolean;
  /** Told when an invariant starts (progress). */
  readonly onStart?: (id: string) => void;
  /** Told when an invariant has its result (progress, partial reports). */
  readonly onResult?: (result: InvariantResult) => void;
  /** Stops the run (a signal): no further invariant starts. */
  readonly signal?: AbortSignal;
}

/** The results of the invariants a `--bail` run left out: skipped, saying why. */
export function notRunAfterBail(ids: readonly string[], failed: string, levelOf: (id: string) => InvariantResult['level']): InvariantResult[] {
  return ids.map((id) => ({ id, level: levelOf(id), status: 'skipped', message: `not run: --bail stopped the run when ${failed} failed` }));
}
