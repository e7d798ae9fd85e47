import type { ViewField } from '../../agent-config.ts';
import { scenarioFor, type Scenario } from '../../generators/scenario.ts';
import type { Handle, ObservedAgent, Subject } from '../../model/subject.ts';
import type { Invariant } from '../invariant.ts';
import { viewedWithRoles, Violation } from '../invariant.ts';
import { prepareSourceThen, type PreparedSource } from '../channel/setup.ts';

/** A source, its view before and after the deep copy, and the copy's view. */
export interface DeepCopied {
  readonly subject: Subject;
  readonly source: PreparedSource;
  readonly before: ObservedAgent;
  readonly after: ObservedAgent;
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
  check: (copied: DeepCopied) => Violation | undefined | Promise<Violation | undefined>,
  viewed: readonly ViewField[] | undefined = clause.reads,
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
        const before = batch.view(handle, seen);
        const copy = batch.deepCopy(handle);
        const after = batch.view(handle, seen);
        const copyView = batch.view(copy, seen);
        return (results) => ({ before: results.get(before), copy: results.get(copy), after: results.get(after), copyView: results.get(copyView) });
      });
      const violation = await check({ subject, source, ...then });
      if (violation) throw violation;
    },
  };
}

export { Violation };
