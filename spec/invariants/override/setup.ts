import type { AgentConfig, ViewField } from '../../agent-config.ts';
import { overrideCaseFor, type OverrideCase } from '../../generators/overrides.ts';
import type { Handle, ObservedAgent, Subject } from '../../model/subject.ts';
import type { Invariant } from '../invariant.ts';
import { NothingCompared, viewedWithRoles, Violation } from '../invariant.ts';
import { prepareSourceThen, type PreparedSource } from '../channel/setup.ts';
import { queueViewsAround } from '../views-around.ts';

/** A source, its view before and after cloning with overrides, and the clone's view. */
export interface OverrideClone {
  readonly subject: Subject;
  readonly input: OverrideCase;
  readonly source: PreparedSource;
  readonly before: ObservedAgent;
  /** With `viewTwice`: a second view of the source before the operation, nothing done in between. */
  readonly again?: ObservedAgent;
  /** With `viewTwice`: the source's view after the operation (only source-unchanged reads it). */
  readonly after?: ObservedAgent;
  readonly clone: Handle;
  readonly cloneView: ObservedAgent;
  /** Whether the case overrides this field (an own key of the overrides, even if undefined). */
  overridden(field: string): boolean;
  /** The framework fields the case overrides (own keys of `overrides.framework`). */
  readonly overriddenFramework: ReadonlySet<string>;
}

/** The framework fields an override case overrides, by name. */
export const overriddenFrameworkOf = (overrides: Partial<AgentConfig>): ReadonlySet<string> =>
  new Set(typeof overrides.framework === 'object' && overrides.framework !== null ? Object.keys(overrides.framework) : []);

async function cloneWithOverrides(subject: Subject, input: OverrideCase, viewed: readonly ViewField[] | undefined, viewTwice: boolean): Promise<OverrideClone> {
  const { source, then } = await prepareSourceThen(subject, input.scenario, (batch, handle) => {
    const read = queueViewsAround(batch, handle, viewed, viewTwice, (queue, of) => queue.cloneWith(of, input.overrides));
    return (results) => {
      const { made: clone, madeView: cloneView, ...views } = read(results);
      return { ...views, clone, cloneView };
    };
  });
  return { subject, input, source, ...then, overridden: (field) => Object.hasOwn(input.overrides, field), overriddenFramework: overriddenFrameworkOf(input.overrides) };
}

/**
 * Builds an override invariant: clone a random source with random overrides, then check.
 * `viewed`: the view fields the check reads (its `reads` by default; all when neither is given);
 * an adapter process that speaks protocol 2 observes only those.
 */
export function overrideInvariant(
  clause: Pick<Invariant, 'id' | 'rule' | 'rationale' | 'reads' | 'roles'> & { needs?: Invariant['needs'] },
  check: (clone: OverrideClone) => Violation | NothingCompared | undefined | Promise<Violation | NothingCompared | undefined>,
  viewed: readonly ViewField[] | undefined = clause.reads,
  /**
   * Views the source twice before the operation (`again`) and once after it (`after`): for checks
   * that compare the source before and after, and must know which fields the view rebuilds.
   */
  viewTwice = false,
): Invariant<OverrideCase> {
  return {
    level: 'MUST',
    profile: 'override',
    needs: [],
    ...clause,
    input: ({ scope, accepts, domains }) => ({
      arbitrary: overrideCaseFor(scope, accepts, domains),
      // A partial override clone (the adapter declares `overridable`): say which fields the cases override.
      ...(scope.overridden === undefined ? {} : { note: `overrides drawn for ${scope.overridden.length === 0 ? 'no field' : scope.overridden.join(', ')} only: the adapter's cloneWith takes no other` }),
    }),
    async check(subject, input) {
      const violation = await check(await cloneWithOverrides(subject, input, viewedWithRoles(viewed, clause.roles), viewTwice));
      if (violation instanceof Violation) throw violation;
      return violation;
    },
  };
}

export { NothingCompared, Violation };
