import type { ViewField } from '../../agent-config.ts';
import { overrideCaseFor, type OverrideCase } from '../../generators/overrides.ts';
import type { Handle, ObservedAgent, Subject } from '../../model/subject.ts';
import type { Invariant } from '../invariant.ts';
import { viewedWithRoles, Violation } from '../invariant.ts';
import { prepareSourceThen, type PreparedSource } from '../channel/setup.ts';

/** A source, its view before and after cloning with overrides, and the clone's view. */
export interface OverrideClone {
  readonly subject: Subject;
  readonly input: OverrideCase;
  readonly source: PreparedSource;
  readonly before: ObservedAgent;
  readonly after: ObservedAgent;
  readonly clone: Handle;
  readonly cloneView: ObservedAgent;
  /** Whether the case overrides this field (an own key of the overrides, even if undefined). */
  overridden(field: string): boolean;
}

async function cloneWithOverrides(subject: Subject, input: OverrideCase, viewed?: readonly ViewField[]): Promise<OverrideClone> {
  const { source, then } = await prepareSourceThen(subject, input.scenario, (batch, handle) => {
    const before = batch.view(handle, viewed);
    const clone = batch.cloneWith(handle, input.overrides);
    const after = batch.view(handle, viewed);
    const cloneView = batch.view(clone, viewed);
    return (results) => ({ before: results.get(before), clone: results.get(clone), after: results.get(after), cloneView: results.get(cloneView) });
  });
  return { subject, input, source, ...then, overridden: (field) => Object.hasOwn(input.overrides, field) };
}

/**
 * Builds an override invariant: clone a random source with random overrides, then check.
 * `viewed`: the view fields the check reads (its `reads` by default; all when neither is given);
 * an adapter process that speaks protocol 2 observes only those.
 */
export function overrideInvariant(
  clause: Pick<Invariant, 'id' | 'rule' | 'rationale' | 'reads' | 'roles'> & { needs?: Invariant['needs'] },
  check: (clone: OverrideClone) => Violation | undefined | Promise<Violation | undefined>,
  viewed: readonly ViewField[] | undefined = clause.reads,
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
      const violation = await check(await cloneWithOverrides(subject, input, viewedWithRoles(viewed, clause.roles)));
      if (violation) throw violation;
    },
  };
}

export { Violation };
