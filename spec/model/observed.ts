/**
 * The observation model: a language-neutral, JSON-safe picture of a value in which every object
 * carries an identity token. Two observations of the same live object carry the same token; two
 * different live objects never do. Every invariant compares observations, never live objects, so
 * that one implementation of each invariant serves in-process adapters and adapter processes alike.
 */
export type Observed =
  | { readonly kind: 'undefined' }
  | { readonly kind: 'null' }
  | { readonly kind: 'boolean'; readonly value: boolean }
  /** Non-finite numbers and negative zero are spelled as strings so the model stays JSON-safe. */
  | { readonly kind: 'number'; readonly value: number | 'NaN' | '-0' | 'Infinity' | '-Infinity' }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'bigint'; readonly value: string }
  | { readonly kind: 'symbol'; readonly id: string; readonly description: string }
  | { readonly kind: 'function'; readonly id: string; readonly name: string }
  | { readonly kind: 'array'; readonly id: string; readonly items: readonly Observed[] }
  | { readonly kind: 'date'; readonly id: string; readonly time: number | 'NaN' }
  /**
   * Any other object. `type` names its class (`Object` for a plain object, `null` for a
   * null-prototype object); `protoId` is the identity token of its prototype. `entries` holds its
   * own enumerable string keys; it is absent when the object was observed by identity only.
   */
  | {
      readonly kind: 'object';
      readonly id: string;
      readonly type: string | null;
      readonly protoId?: string;
      readonly entries?: readonly (readonly [string, Observed])[];
    }
  /** An object already being observed higher up (a cycle), by its token. */
  | { readonly kind: 'ref'; readonly id: string };

export type ObservedKind = Observed['kind'];

/** The `protoId` of an object whose prototype cannot be known here (the suite's own input, as an adapter process received it). */
export const UNKNOWN_PROTOTYPE = '?';

const UNDEFINED: Observed = { kind: 'undefined' };
export const observedUndefined = (): Observed => UNDEFINED;

/** The identity token of an observed object, or `undefined` for primitives. */
export function identityOf(value: Observed): string | undefined {
  return 'id' in value ? value.id : undefined;
}

/**
 * "As-is": the same primitive (SameValue: `NaN` is itself, `-0` is not `0`) or the very same
 * object.
 */
export function sameAsIs(a: Observed, b: Observed): boolean {
  const idA = identityOf(a);
  const idB = identityOf(b);
  if (idA !== undefined || idB !== undefined) return idA === idB;
  return a.kind === b.kind && 'value' in a && 'value' in b ? a.value === b.value : a.kind === b.kind;
}

/**
 * "Equal": deep strict equality of own keys. Key order does not matter; a key holding `undefined`
 * differs from a missing key; classes must match; functions and symbols compare by identity.
 * Objects observed by identity only compare by identity.
 */
export function deepEqual(a: Observed, b: Observed): boolean {
  return compare(a, b, false);
}

/**
 * "Exactly as it was": deep equality as {@link deepEqual}, and moreover every object at every
 * depth is the very same object.
 */
export function identical(a: Observed, b: Observed): boolean {
  return compare(a, b, true);
}

function compare(a: Observed, b: Observed, byIdentity: boolean): boolean {
  if (a.kind !== b.kind) return false;
  if (byIdentity && identityOf(a) !== identityOf(b)) return false;
  switch (a.kind) {
    case 'function':
    case 'symbol':
    case 'ref':
      return a.id === identityOf(b);
    case 'date':
      return a.time === (b as typeof a).time;
    case 'array': {
      const items = (b as typeof a).items;
      return a.items.length === items.length && a.items.every((item, i) => compare(item, items[i]!, byIdentity));
    }
    case 'object': {
      const other = b as typeof a;
      if (a.protoId === UNKNOWN_PROTOTYPE || other.protoId === UNKNOWN_PROTOTYPE) {
        // Seen from another process, whose language may have no prototype-less objects.
        if ((a.type ?? 'Object') !== (other.type ?? 'Object')) return false;
      } else if (a.type !== other.type || a.protoId !== other.protoId) {
        return false;
      }
      if (a.entries === undefined || other.entries === undefined) return a.id === other.id;
      if (a.entries.length !== other.entries.length) return false;
      const byKey = new Map(other.entries);
      return a.entries.every(([key, value]) => byKey.has(key) && compare(value, byKey.get(key)!, byIdentity));
    }
    default:
      return sameAsIs(a, b);
  }
}

/** A short, human-readable rendering of an observation, for violation messages. */
export function describe(value: Observed, depth = 2): string {
  switch (value.kind) {
    case 'undefined':
    case 'null':
      return value.kind;
    case 'string':
      return JSON.stringify(value.value);
    case 'number':
    case 'boolean':
      return String(value.value);
    case 'bigint':
      return `${value.value}n`;
    case 'symbol':
      return `Symbol(${value.description})`;
    case 'function':
      return `[Function ${value.name || '(anonymous)'}]`;
    case 'date':
      return `Date(${value.time === 'NaN' ? 'Invalid' : new Date(value.time).toISOString()})`;
    case 'ref':
      return '[Circular]';
    case 'array':
      if (depth <= 0) return `[Array(${value.items.length})]`;
      return `[${value.items.map((item) => describe(item, depth - 1)).join(', ')}]`;
    case 'object': {
      const prefix = value.type === 'Object' ? '' : `${value.type ?? '[null prototype]'} `;
      if (value.entries === undefined) return `${prefix}{…}`.trim();
      if (depth <= 0) return `${prefix}{…}`;
      const inner = value.entries.map(([key, item]) => `${JSON.stringify(key)}: ${describe(item, depth - 1)}`);
      return `${prefix}{${inner.join(', ')}}`;
    }
  }
}
