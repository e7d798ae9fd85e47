import { CONFIGURED_ROLES } from '../../spec/model/roles.ts';
import type { Subject } from '../../spec/model/subject.ts';

/**
 * What the report lists as not checked: the fields and features the adapter does not map, what a
 * partial cloneWith does not take, and the framework fields an override never replaces. The
 * overrides the suite draws are canonical fields only, so a cloneWith() that ignored an override
 * of a framework field would pass unseen: the report says that no such override was checked.
 */
export function notCheckedOf(subject: Pick<Subject, 'scope' | 'operations'>): string[] {
  const overridesUnchecked = subject.operations.has('cloneWith') ? subject.scope.frameworkOf(...CONFIGURED_ROLES).map((name) => `cloneWith(framework.${name})`) : [];
  return [...subject.scope.unmapped, ...overridesUnchecked];
}
