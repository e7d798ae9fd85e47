/**
 * The role rules (spec/model/roles.ts) applied to an adapter's framework fields: the same
 * comparisons the canonical fields of each role get, one function per rule, each returning a
 * violation naming `framework.<field>`, or undefined.
 */
import type { FieldScope } from '../model/field-scope.ts';
import { describe, firstDifference, identityOf, isFixedList, type Observed } from '../model/observed.ts';
import type { Role } from '../model/roles.ts';
import type { ObservedAgent } from '../model/subject.ts';
import { compareElements } from './compare.ts';
import { Violation } from './invariant.ts';

const UNDEFINED: Observed = { kind: 'undefined' };

/** Framework field `name` as a view shows it (`undefined` when the view holds no such field). */
export function frameworkValue(view: ObservedAgent, name: string): Observed {
  const framework = view.fields.framework;
  if (framework === undefined || framework.kind !== 'object' || !framework.entries) return UNDEFINED;
  return framework.entries.find(([key]) => key === name)?.[1] ?? UNDEFINED;
}

/** The framework fields of `roles` in a view, by path (`framework.<name>`) and observation. */
export const frameworkValues = (view: ObservedAgent, scope: FieldScope, ...roles: Role[]): [string, Observed][] =>
  scope.frameworkOf(...roles).map((name) => [`framework.${name}`, frameworkValue(view, name)]);

/** Framework fields an override replaced: what a clone must keep of its source's does not apply to them. */
export type Overridden = ReadonlySet<string>;
const NONE: Overridden = new Set();

/** The first violation over every framework field of `roles`, those in `except` aside. */
function each(scope: FieldScope, roles: Role[], check: (name: string, path: string) => Violation | undefined, except: Overridden = NONE): Violation | undefined {
  for (const name of scope.frameworkOf(...roles)) {
    if (except.has(name)) continue;
    const violation = check(name, `framework.${name}`);
    if (violation) return violation;
  }
  return undefined;
}

/** `config` (and any `roles` given) fields of `actual` deeply equal to `expected`'s (as feature configs are compared). */
export const frameworkEqual = (expected: ObservedAgent, actual: ObservedAgent, scope: FieldScope, what: string, whose: string, roles: Role[] = ['config'], except?: Overridden) =>
  each(
    scope,
    roles,
    (name, path) => {
      const differs = firstDifference(frameworkValue(expected, name), frameworkValue(actual, name), { path });
      return differs ? new Violation(`${what}.${differs.path} = ${describe(differs.b, 3)}`, `a value deeply equal to ${whose}: ${describe(differs.a, 3)}`) : undefined;
    },
    except,
  );

/** `shared-list` fields of `actual`: a list of their own (not `expected`'s list object), where `expected` holds a list. */
export const frameworkListsNew = (expected: ObservedAgent, actual: ObservedAgent, scope: FieldScope, what: string, except?: Overridden) =>
  each(scope, ['shared-list'], (name, path) => {
    const source = frameworkValue(expected, name);
    const list = frameworkValue(actual, name);
    if (source.kind !== 'array') return undefined;
    if (list.kind !== 'array') return new Violation(`${what}.${path} = ${describe(list)}`, `${what}.${path} to be a list, as the source's is`);
    // A tuple can never change: held by both, it carries nothing from one to the other.
    return list.id === source.id && !isFixedList(list) ? new Violation(`${what}.${path} is the source's list itself`, 'a new list holding the same elements') : undefined;
  }, except);

/** `shared-list` fields of `actual` holding, in order, the very elements `expected`'s hold. */
export const frameworkListsSameElements = (expected: ObservedAgent, actual: ObservedAgent, scope: FieldScope, what: string, whose: string, except?: Overridden) =>
  each(scope, ['shared-list'], (name, path) => compareElements(frameworkValue(expected, name), frameworkValue(actual, name), `${what}.${path}`, `${whose} ${path}`), except);

/** Whether a route value is reset: null, undefined, or an empty list, set, map or object. */
const isReset = (route: Observed): boolean =>
  route.kind === 'null' || route.kind === 'undefined' || ((route.kind === 'array' || route.kind === 'set') && route.items.length === 0) || (route.kind === 'map' && route.entries.length === 0) || (route.kind === 'object' && route.entries?.length === 0);

/** `route` fields of `actual` reset: null, undefined, or an empty list or object. */
export const frameworkRoutesReset = (actual: ObservedAgent, scope: FieldScope, what: string) =>
  each(scope, ['route'], (name, path) => {
    const route = frameworkValue(actual, name);
    return isReset(route) ? undefined : new Violation(`${what}.${path} = ${describe(route, 1)}`, `${what}.${path} reset: null, or empty`);
  });

/** Whether some `route` field of `view` holds a route (so that resetting it compares something). */
export const frameworkRoutesHeld = (view: ObservedAgent, scope: FieldScope): boolean => scope.frameworkOf('route').some((name) => !isReset(frameworkValue(view, name)));

/** `route` fields of `actual` kept: the same elements as `expected`'s (as handoffs are kept). */
export const frameworkRoutesKept = (expected: ObservedAgent, actual: ObservedAgent, scope: FieldScope, what: string, whose: string, except?: Overridden) =>
  each(scope, ['route'], (name, path) => {
    const source = frameworkValue(expected, name);
    if (source.kind === 'array' || source.kind === 'null' || source.kind === 'undefined') return compareElements(source, frameworkValue(actual, name), `${what}.${path}`, `${whose} ${path}`);
    const differs = firstDifference(source, frameworkValue(actual, name), { path });
    return differs ? new Violation(`${what}.${differs.path} = ${describe(differs.b, 3)}`, `${whose} ${path} kept: ${describe(differs.a, 3)}`) : undefined;
  }, except);

/**
 * Each framework field an override gave holding it, as its role holds a value given: `config`
 * deeply equal to the override (as feature configs), `shared-list` exactly the given elements (as
 * tools), `route` the given elements, or a value deeply equal to the one given.
 */
export function frameworkApplied(given: ReadonlyMap<string, Observed>, actual: ObservedAgent, scope: FieldScope, what: string): Violation | undefined {
  for (const [name, value] of given) {
    const path = `framework.${name}`;
    const held = frameworkValue(actual, name);
    const role = scope.framework.get(name)?.role;
    const elements = role === 'shared-list' || (role === 'route' && (value.kind === 'array' || value.kind === 'null' || value.kind === 'undefined'));
    if (elements) {
      const violation = compareElements(value, held, `${what}.${path}`, `the overriding ${path}`);
      if (violation) return violation;
      continue;
    }
    const differs = firstDifference(value, held, { path });
    if (differs) return new Violation(`${what}.${differs.path} = ${describe(differs.b, 3)}`, `a value deeply equal to the override: ${describe(differs.a, 3)}`);
  }
  return undefined;
}

/** `runtime` fields of `actual`: an object of its own wherever `expected` holds one, never `expected`'s. */
export const frameworkRuntimeOwn = (expected: ObservedAgent, actual: ObservedAgent, scope: FieldScope, what: string) =>
  each(scope, ['runtime'], (name, path) => {
    const source = identityOf(frameworkValue(expected, name));
    if (source === undefined) return undefined;
    const own = frameworkValue(actual, name);
    if (identityOf(own) === undefined) return new Violation(`${what}.${path} = ${describe(own)}`, `a ${name} of its own, as the source has one`);
    return identityOf(own) === source ? new Violation(`${what}.${path} is the source's ${name} object`, `a fresh ${name}`) : undefined;
  });

/** Identity tokens of the objects of `roles` fields that belong to one agent alone (lists, runtime objects), by path. */
export function frameworkOwned(view: ObservedAgent, scope: FieldScope): [string, string][] {
  const owned: [string, string][] = [];
  for (const [path, value] of frameworkValues(view, scope, 'shared-list', 'runtime')) {
    const id = identityOf(value);
    // A tuple can never change: held by several agents, it carries nothing between them.
    if (id !== undefined && ((value.kind === 'array' && !isFixedList(value)) || scope.framework.get(path.slice('framework.'.length))?.role === 'runtime')) owned.push([path, id]);
  }
  return owned;
}
