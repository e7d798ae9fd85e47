/**
 * Comparisons the profiles share: a feature set against the one it must equal, a list against the
 * elements it must hold. Each returns a violation naming what differs, or undefined.
 */
import { FEATURE_NAMES, type FeatureName } from '../agent-config.ts';
import type { FieldScope } from '../model/field-scope.ts';
import { deepEqual, describe, firstDifference, identityOf, sameAsIs, type Observed } from '../model/observed.ts';
import { allOf } from './differences.ts';
import { Violation } from './invariant.ts';

/** The feature configs of an observation that the adapter maps, by name. */
function featuresOf(value: Observed, scope: FieldScope): Map<string, Observed> | undefined {
  if (value.kind !== 'object' || !value.entries) return undefined;
  return new Map(value.entries.filter(([name]) => !(FEATURE_NAMES as readonly string[]).includes(name) || scope.hasFeature(name as FeatureName)));
}

/**
 * Feature configs deeply equal, none lost and (unless `added` is `'allowed'`) none added. `what`
 * names the side checked, e.g. `clone`.
 */
export function compareFeatures(expected: Observed, actual: Observed, scope: FieldScope, what: string, whose: string, added: 'forbidden' | 'allowed' = 'forbidden'): Violation | undefined {
  const want = featuresOf(expected, scope);
  const got = featuresOf(actual, scope);
  if (!want) return new Violation(`${whose} features = ${describe(expected)}`, 'features reported as an object');
  if (!got) return new Violation(`${what}.features = ${describe(actual)}`, `${what}.features to be an object`);
  // Every feature that differs, not only the first: a second lost config must not hide behind the first.
  const found: (Violation | undefined)[] = [];
  for (const [name, value] of want) {
    if (!got.has(name)) {
      found.push(new Violation(`${what}.features has no "${name}"`, `"${name}" as ${whose}: ${describe(value)}`));
      continue;
    }
    const differs = firstDifference(value, got.get(name)!, { path: `features.${name}` });
    if (differs) found.push(new Violation(`${what}.${differs.path} = ${describe(differs.b, 3)}`, `a value deeply equal to ${whose}: ${describe(differs.a, 3)}`));
  }
  if (added === 'forbidden') {
    for (const [name, value] of got) {
      if (!want.has(name)) found.push(new Violation(`${what}.features has "${name}" = ${describe(value)}, which ${whose} lacks`, 'no feature added'));
    }
  }
  return allOf(found);
}

/** `actual` is an array holding, in order, the very objects `expected` holds (or both are null). */
export function compareElements(expected: Observed, actual: Observed, what: string, whose: string): Violation | undefined {
  if (expected.kind === 'null' || expected.kind === 'undefined') {
    return actual.kind === expected.kind ? undefined : new Violation(`${what} = ${describe(actual, 1)}`, `${expected.kind}, as ${whose}`);
  }
  if (expected.kind !== 'array') return new Violation(`${whose} = ${describe(expected, 1)}`, 'a list');
  if (actual.kind !== 'array') return new Violation(`${what} = ${describe(actual, 1)}`, `a list holding ${whose} elements`);
  const count = (n: number) => `${n} element${n === 1 ? '' : 's'}`;
  if (actual.items.length !== expected.items.length) {
    return new Violation(`${what} has ${count(actual.items.length)}: ${describe(actual, 1)}`, `${count(expected.items.length)}, as ${whose}: ${describe(expected, 1)}`);
  }
  const index = expected.items.findIndex((item, i) => !sameAsIs(item, actual.items[i]!));
  if (index === -1) return undefined;
  return new Violation(`${what}[${index}] = ${describe(actual.items[index]!)}, another object`, `${whose}[${index}] itself: ${describe(expected.items[index]!)}`);
}

/**
 * A value that must be `whose` value as-is, and is not: where it is an equal copy of an object,
 * the message says that identity is the complaint (`[]` against `[]` would say nothing).
 */
export function asIsViolation(what: string, expected: Observed, actual: Observed, whose: string): Violation {
  if (identityOf(expected) !== undefined && identityOf(actual) !== undefined && deepEqual(expected, actual)) {
    return new Violation(`${what} = ${describe(actual)}, an equal copy of ${whose} object`, `the same object required, got an equal copy: ${whose} object itself`);
  }
  return new Violation(`${what} = ${describe(actual)}`, `${whose} value as-is: ${describe(expected)}`);
}
