/**
 * One object held in two places under declared domains. Where two places are declared with one
 * domain that may hold objects, the second holds the first one's value (in schedule rows always,
 * in random cases often), as a user who hands one object to two settings does:
 * - two features ({@link sharingGroups}: `guardrails` and `approval` given one preset object);
 * - a framework field and another framework field, a feature or a canonical field
 *   ({@link frameworkSharing}: Agno's `session_state` and `dependencies` given one dict, its
 *   `pre_hooks` (the feature `hooks`) and `post_hooks` given one list).
 * Places of the same role may share any such value. A `shared-list` place and a `config` or
 * `route` place share only a list whose elements hold no object (functions, strings): a deep copy
 * keeps a shared list's elements as declared (the same objects by default) and copies a
 * configuration's, so a list of objects held by both asks a deep copy for two things at once.
 */
import fc from 'fast-check';
import { CONFIG_FIELDS, FEATURE_NAMES, type ConfigField, type FeatureName } from '../agent-config.ts';
import type { Domain, Domains } from '../domains.ts';
import type { FieldScope } from '../model/field-scope.ts';
import { CANONICAL_ROLES, type Role } from '../model/roles.ts';
import { holdsObjects } from './domain-values.ts';
import { configuredFramework } from './framework.ts';
import { scheduled } from './schedule.ts';

/** Whether some values of a domain are objects. */
export function mayHoldObjects(domain: Domain): boolean {
  return holdsObjects(domain) || domain.kind === 'any' || (domain.kind === 'anyOf' && domain.of.some(mayHoldObjects));
}

/**
 * Pairs of features with one declared domain that may hold objects: the second of each pair
 * holds the first one's value. Follower -> leader.
 */
export function sharingGroups(names: readonly FeatureName[], domains?: Domains): Map<FeatureName, FeatureName> {
  const leader = new Map<FeatureName, FeatureName>();
  const open = new Map<string, FeatureName>();
  for (const name of names) {
    const domain = domains?.features?.[name];
    if (!domain || !mayHoldObjects(domain)) continue;
    const key = JSON.stringify(domain);
    const first = open.get(key);
    if (first === undefined) open.set(key, name);
    else {
      leader.set(name, first);
      open.delete(key);
    }
  }
  return leader;
}

/** A place of a configuration: a canonical field, a feature config, or a framework field. */
export type Place = { readonly kind: 'field'; readonly name: ConfigField } | { readonly kind: 'feature'; readonly name: FeatureName } | { readonly kind: 'framework'; readonly name: string };

/** A framework field that holds the value of another place. */
export interface FrameworkShare {
  readonly follower: string;
  readonly leader: Place;
}

interface Candidate {
  readonly place: Place;
  readonly role: Role;
  readonly domain: Domain;
}

/** Whether a value of `domain` may stand in a place of role `a` and one of role `b` at once. */
function compatible(a: Role, b: Role, domain: Domain): boolean {
  const copiedDeeply = (role: Role) => role === 'config' || role === 'route';
  if (a === b || (copiedDeeply(a) && copiedDeeply(b))) return true;
  return domain.kind === 'list' && !mayHoldObjects(domain.of);
}

/**
 * Pairs in which a framework field holds the value of another place of one declared domain (a
 * domain that may hold objects, `any` aside): each framework field, in declaration order, follows
 * the first open place of its domain (canonical fields, then features not already paired with
 * each other, then framework fields), and closes it. Empty when the adapter declares no such pair:
 * its configurations are then exactly what they were without this.
 */
export function frameworkSharing(scope: FieldScope, domains?: Domains): FrameworkShare[] {
  const usable = (domain: Domain | undefined): domain is Domain => domain !== undefined && domain.kind !== 'any' && mayHoldObjects(domain);
  const open: Candidate[] = [];
  for (const name of CONFIG_FIELDS) {
    const domain = domains?.fields?.[name];
    if (name !== 'features' && scope.has(name) && usable(domain)) open.push({ place: { kind: 'field', name }, role: CANONICAL_ROLES[name]!, domain });
  }
  const features = FEATURE_NAMES.filter((name) => scope.hasFeature(name));
  const paired = sharingGroups(features, domains);
  const pairedFeatures = new Set([...paired.keys(), ...paired.values()]);
  for (const name of features) {
    const domain = domains?.features?.[name];
    if (!pairedFeatures.has(name) && usable(domain)) open.push({ place: { kind: 'feature', name }, role: 'config', domain });
  }
  const shares: FrameworkShare[] = [];
  for (const name of configuredFramework(scope)) {
    const { role, domain } = scope.framework.get(name)!;
    if (!usable(domain)) continue;
    const key = JSON.stringify(domain);
    const at = open.findIndex((candidate) => JSON.stringify(candidate.domain) === key && compatible(candidate.role, role, domain));
    if (at === -1) open.push({ place: { kind: 'framework', name }, role, domain });
    else shares.push({ follower: name, leader: open.splice(at, 1)[0]!.place });
  }
  return shares;
}

/** The value a configuration holds at a place, or undefined when it holds none there. */
function valueAt(config: Record<string, unknown>, place: Place): unknown {
  const holder = place.kind === 'field' ? config : config[place.kind === 'feature' ? 'features' : 'framework'];
  if (typeof holder !== 'object' || holder === null || !Object.hasOwn(holder, place.name)) return undefined;
  return (holder as Record<string, unknown>)[place.name];
}

const isObject = (value: unknown): value is object => (typeof value === 'object' && value !== null) || typeof value === 'function';

/** The configuration with each follower holding its leader's object (where the leader holds one; a primitive is no sharing). */
export function withFrameworkShared<T extends Record<string, unknown>>(config: T, shares: readonly FrameworkShare[]): T {
  const framework: Record<string, unknown> = { ...(config.framework as Record<string, unknown>) };
  for (const { follower, leader } of shares) {
    const value = valueAt({ ...config, framework }, leader);
    if (isObject(value)) framework[follower] = value;
  }
  return { ...config, framework };
}

/** Whether a case shares: in the schedule's rows always, in random cases one in two. */
export const sharingThisCase: fc.Arbitrary<boolean> = scheduled('framework-sharing', (row) => (row === undefined ? fc.boolean() : fc.constant(true)));
