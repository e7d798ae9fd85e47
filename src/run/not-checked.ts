import { CONFIGURED_ROLES } from '../../spec/model/roles.ts';
import type { Subject } from '../../spec/model/subject.ts';

/**
 * What the report lists as not checked: the fields and features the adapter does not map, what a
 * partial cloneWith does not take, and the framework fields an override never replaces. The
 * overrides the suite draws hold framework fields only where the adapter names them in
 * `overridable` (`framework.<name>`), so a cloneWith() that ignored an override of any other
 * would pass unseen: the report says that no such override was checked.
 */
export function notCheckedOf(subject: Pick<Subject, 'scope' | 'operations'>): string[] {
  const { scope } = subject;
  const overridesUnchecked = subject.operations.has('cloneWith') ? scope.frameworkOf(...CONFIGURED_ROLES).filter((name) => !scope.overridesFramework(name)).map((name) => `cloneWith(framework.${name})`) : [];
  return [...scope.unmapped, ...overridesUnchecked];
}
