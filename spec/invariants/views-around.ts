import type { ViewField } from '../agent-config.ts';
import type { AgentArg, Batch, BatchResults, Earlier } from '../model/batch.ts';
import type { Handle, ObservedAgent } from '../model/subject.ts';

/** The source's views around an operation, and the agent it made with that agent's view. */
export interface ViewsAround {
  readonly before: ObservedAgent;
  /** With `twice`: a second view of the source before the operation, nothing done in between. */
  readonly again?: ObservedAgent;
  readonly made: Handle;
  /** With `twice`: the source's view after the operation. */
  readonly after?: ObservedAgent;
  readonly madeView: ObservedAgent;
}

/**
 * Queues, on `batch`: a view of `source`, the operation, and a view of what it made (`viewed`
 * fields of each). With `twice`, also a second view of the source before the operation (which
 * fields the view rebuilds on each call) and one after it: only checks that compare the source
 * before and after read those, and every view costs an adapter process an observation.
 */
export function queueViewsAround(
  batch: Batch,
  source: AgentArg,
  viewed: readonly ViewField[] | undefined,
  twice: boolean,
  operate: (batch: Batch, source: AgentArg) => Earlier<Handle>,
): (results: BatchResults) => ViewsAround {
  const before = batch.view(source, viewed);
  const again = twice ? batch.view(source, viewed) : undefined;
  const made = operate(batch, source);
  const after = twice ? batch.view(source, viewed) : undefined;
  const madeView = batch.view(made, viewed);
  return (results) => ({
    before: results.get(before),
    ...(again === undefined ? {} : { again: results.get(again) }),
    made: results.get(made),
    ...(after === undefined ? {} : { after: results.get(after) }),
    madeView: results.get(madeView),
  });
}
