import type { ViewField } from '../../agent-config.ts';
import type { FieldScope } from '../../model/field-scope.ts';
import type { ObservedAgent } from '../../model/subject.ts';
import type { Invariant } from '../invariant.ts';
import { comparesAnything, NothingCompared, viewedWithRoles, Violation } from '../invariant.ts';
import { emptyList, noHandoffsAsEmptyList } from './no-handoffs.ts';
import { cloneOnce } from './setup.ts';

/** What a relation knows of the source beyond its view. */
export interface SourceContext {
  /**
   * Identity tokens of the tools in the source's view that it derived from its handoffs: neither
   * configured nor added (see {@link handoffRoutes}). Empty for a source without handoffs.
   */
  readonly routes: ReadonlySet<string>;
  /** Whether the framework holds "no handoffs" as an empty list (learned only where a view shows one; see no-handoffs.ts). */
  readonly noHandoffsAsEmptyList?: boolean;
}

/** A check on a source's view and its clone's view alone (within the fields the adapter maps). */
export type Relation = (source: ObservedAgent, clone: ObservedAgent, scope: FieldScope, context: SourceContext) => Violation | undefined;

/** An invariant that is a {@link Relation} between a source and its channel clone. */
export interface RelationInvariant extends Invariant {
  readonly relate: Relation;
}

/**
 * Builds a relation invariant: clone the scenario's source once, then relate the two views.
 * `viewed`: the view fields `relate` reads (its `reads` by default); an adapter process that
 * speaks protocol 2 observes only those.
 */
export function relationInvariant(
  clause: Pick<Invariant, 'id' | 'rule' | 'rationale' | 'reads' | 'roles'>,
  relate: Relation,
  viewed: readonly ViewField[] | undefined = clause.reads,
  /** Says why a conforming case compared nothing (e.g. a source without handoffs had none to reset); undefined when it compared something. */
  nothingCompared?: (source: ObservedAgent, scope: FieldScope) => string | undefined,
): RelationInvariant {
  return {
    ...clause,
    level: 'MUST',
    profile: 'channel',
    needs: [],
    relate,
    async check(subject, scenario) {
      const { sourceView, cloneView, routes } = await cloneOnce(subject, scenario, viewedWithRoles(viewed, clause.roles));
      const learn = clause.reads?.includes('handoffs') === true && emptyList(cloneView.fields.handoffs);
      const violation = relate(sourceView, cloneView, subject.scope, { routes, ...(learn ? { noHandoffsAsEmptyList: await noHandoffsAsEmptyList(subject, scenario.config) } : {}) });
      if (violation) throw violation;
      const reason = nothingCompared?.(sourceView, subject.scope);
      return reason === undefined ? undefined : new NothingCompared(reason);
    },
  };
}

/**
 * Whether a relation compares anything for an adapter mapping `scope`: relations that read only
 * unmapped fields (features, handoffs) would compare values the adapter never reports.
 */
export const relationApplies = (relation: Pick<Invariant, 'reads' | 'roles'>, scope: FieldScope): boolean => comparesAnything(relation, scope);

/** The first violation among several checks, in order. */
export function firstViolation(checks: Iterable<Violation | undefined>): Violation | undefined {
  for (const violation of checks) if (violation) return violation;
  return undefined;
}

export { Violation };
