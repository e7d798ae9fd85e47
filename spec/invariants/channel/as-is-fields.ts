import type { ObservedAgent } from '../../model/subject.ts';
import { deepEqual, describe, identityOf, sameAsIs } from '../../model/observed.ts';
import type { ConfigField, ViewField } from '../../agent-config.ts';
import { allOf } from '../differences.ts';
import { type Relation, Violation } from './relation.ts';

/** A relation requiring each named field of the clone to be the source's value as-is. */
export function asIsFields(fields: readonly (ViewField & ConfigField)[]): Relation {
  return (source: ObservedAgent, clone: ObservedAgent, scope) => {
    const found: Violation[] = [];
    for (const field of fields) {
      if (!scope.has(field)) continue;
      const expected = source.fields[field];
      const actual = clone.fields[field];
      if (sameAsIs(expected, actual)) continue;
      const copied = identityOf(expected) !== undefined && deepEqual(expected, actual);
      found.push(new Violation(
        copied
          ? `clone.${field} is a copy of the source's object, not the object itself`
          : `clone.${field} = ${describe(actual)}`,
        `clone.${field} to be the source's ${field} as-is: ${describe(expected)}`,
      ));
    }
    return allOf(found);
  };
}
