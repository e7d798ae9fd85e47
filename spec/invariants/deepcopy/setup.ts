import type { ViewField } from '../../agent-config.ts';
import { scenarioFor, type Scenario } from '../../generators/scenario.ts';
import type { Handle, ObservedAgent, Subject } from '../../model/subject.ts';
import type { Invariant } from '../invariant.ts';
import { NothingCompared, viewedWithRoles, Violation } from '../invariant.ts';
import { prepareSourceThen, type PreparedSource } from '../channel/setup.ts';
import { queueViewsAround } from '../views-around.ts';

/** A source, its view before and after the deep copy, and the copy's view. */
export interface DeepCopied {
  readonly subject: Subject;
  readonly source: PreparedSource;
  readonly before: ObservedAgent;
  /** With `viewTwice`: a second view of the source before the operation, nothing done in between. */
  readonly again?: ObservedAgent;
  /** With `viewTwice`: the source's view after the copy (only source-unchanged reads it). */
  readonly after?: ObservedAgent;
  readonly copy: Handle;
  readonly copyView: ObservedAgent;
}

/**
 * Builds a deep-copy invariant: copy a random source in a random runtime state, then check.
 * `viewed`: the view fields the check reads (its `reads` by default; all when neither is given);
 * an adapter process that speaks protocol 2 observes only those.
 */
export function deepCopyInvariant(
  clause: Pick<Invariant, 'id' | 'rule' | 'rationale' | 'reads' | 'roles'>,
  check: (copied: DeepCopied) => Violation | NothingCompared | undefined | Promise<Violation | NothingCompared | undefined>,
  viewed: readonly ViewField[] | undefined = clause.reads,
  /**
   * Views the source twice before the operation (`again`) and once after it (`after`): for checks
   * that compare the source before and after, and must know which fields the view rebuilds.
   */
  viewTwice = false,
): Invariant<Scenario> {
  return {
    level: 'MUST',
    profile: 'deepcopy',
    needs: [],
    ...clause,
    input: ({ scope, accepts, domains }) => ({ arbitrary: scenarioFor(scope, accepts, domains) }),
    async check(subject, scenario) {
      const seen = viewedWithRoles(viewed, clause.roles);
      const { source, then } = await prepareSourceThen(subject, scenario, (batch, handle) => {
        const read = queueViewsAround(batch, handle, seen, viewTwice, (queue, of) => queue.deepCopy(of));
        return (results) => {
          const { made: copy, madeView: copyView, ...views } = read(results);
          return { ...views, copy, copyView };
        };
      });
      const violation = await check({ subject, source, ...then });
      if (violation instanceof Violation) throw violation;
      return violation;
    },
  };
}

export { NothingCompared, Violation };
