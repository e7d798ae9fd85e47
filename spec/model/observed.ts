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
  /**
   * A function. `reaches` (protocol version 4, and in-process): what it holds on to, each under a
   * label that is its path segment: a Python closure's cells (`<closure>.agent`), a
   * `functools.partial`'s parts (`<partial>.func`, `<partial>.args`, `<partial>.keywords`), a bound
   * method's (`<bound>.__self__`, `<bound>.__func__`), a JavaScript function's own enumerable
   * properties (by name). Absent: nothing seen (a JavaScript closure or bound function cannot be
   * seen through). `composite`: the function is made of its parts (a partial, a bound method), so
   * that a copy made of equal parts is equal (Python's `copy.deepcopy` makes such copies).
   */
  | { readonly kind: 'function'; readonly id: string; readonly name: string; readonly reaches?: readonly (readonly [string, Observed])[]; readonly composite?: true }
  /**
   * A list (JavaScript array, Python list or tuple). `type` is `"tuple"` for a sequence that can
   * never change (a Python tuple), absent for a list: a list and a tuple of the same items differ.
   * `immutable`: it cannot change and holds only immutable values (a frozen array, a tuple of immutables).
   */
  | { readonly kind: 'array'; readonly id: string; readonly items: readonly Observed[]; readonly type?: 'tuple'; readonly immutable?: true }
  /**
   * A set, compared by content in any order. `type` names its class when known (`Set`, Python
   * `set` or `frozenset`); `immutable` as for arrays (a frozenset of immutables).
   */
  | { readonly kind: 'set'; readonly id: string; readonly type?: string; readonly items: readonly Observed[]; readonly immutable?: true }
  /**
   * A map whose keys are values, not only strings (JavaScript `Map`, a Python dict with
   * non-string keys), compared by content: keys matched by deep equality, in any order.
   */
  | { readonly kind: 'map'; readonly id: string; readonly type?: string; readonly entries: readonly (readonly [Observed, Observed])[] }
  | { readonly kind: 'date'; readonly id: string; readonly time: number | 'NaN' }
  /**
   * Any other object. `type` names its class (`Object` for a plain object, `null` for a
   * null-prototype object); `protoId` is the identity token of its prototype. `entries` holds its
   * own enumerable string keys; it is absent when the object was observed by identity only.
   * `immutable`: the object cannot change and holds only immutable values (an Enum member, a
   * frozen dataclass or namedtuple of immutables, a deeply frozen JavaScript object): never
   * counted as shared mutable state. `runtime`: a runtime object met inside configuration (a
   * lock, an event, a thread, a weak dictionary, an abort controller), observed without
   * `entries` and compared by `type` only: it is state of the running agent, not configuration.
   */
  | {
      readonly kind: 'object';
      readonly id: string;
      readonly type: string | null;
      readonly protoId?: string;
      readonly entries?: readonly (readonly [string, Observed])[];
      readonly immutable?: true;
      readonly runtime?: true;
    }
  /** An object already being observed higher up (a cycle), by its token. */
  | { readonly kind: 'ref'; readonly id: string };

export type ObservedKind = Observed['kind'];

/** The `protoId` of an object whose prototype cannot be known here (the suite's own input, as an adapter process received it). */
export const UNKNOWN_PROTOTYPE = '?';

const UNDEFINED: Observed = { kind: 'undefined' };
export const observedUndefined = (): Observed => UNDEFINED;

/** Whether an observation is a runtime object nested in configuration (compared by type only). */
export function isRuntime(value: Observed): boolean {
  return value.kind === 'object' && value.runtime === true;
}

/** Whether an observation is flagged immutable: never counted as shared mutable state. */
/**
 * Whether a list can never change, whatever it holds (a Python tuple): one such list held by two
 * agents cannot carry a change from one to the other; adding to it means rebinding to a new one.
 */
export function isFixedList(value: Observed): boolean {
  return value.kind === 'array' && value.type === 'tuple';
}

export function isImmutable(value: Observed): boolean {
  return (value.kind === 'object' || value.kind === 'array' || value.kind === 'set') && value.immutable === true;
}

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
/** Where two observations first differ: the path from the compared values down, and the two values there. */
export interface Difference {
  /** E.g. `[0].features.context_policy`, to append to the compared value's own name; empty at the top. */
  readonly path: string;
  readonly a: Observed;
  readonly b: Observed;
}

/**
 * "Equal": deep strict equality of own keys. Key order does not matter; a key holding `undefined`
 * differs from a missing key; classes must match; functions and symbols compare by identity.
 * Sets compare by content in any order, maps by content with keys matched by deep equality.
 * Objects observed by identity only compare by identity; runtime objects compare by type only.
 */
export function deepEqual(a: Observed, b: Observed): boolean {
  return difference(a, b, false, '', new Map()) === undefined;
}

/**
 * "Exactly as it was": deep equality as {@link deepEqual}, and moreover every object at every
 * depth is the very same object (runtime objects aside: they compare by type only).
 */
export function identical(a: Observed, b: Observed): boolean {
  return difference(a, b, true, '', new Map()) === undefined;
}

/**
 * The first place where `a` and `b` differ under {@link deepEqual} (or {@link identical} with
 * `identity`), or undefined when they do not. `path` is prefixed to the path found, e.g.
 * `copy.handoffs` gives `copy.handoffs[0].features.context_policy`.
 */
export function firstDifference(a: Observed, b: Observed, options: { readonly path?: string; readonly identity?: boolean } = {}): Difference | undefined {
  return difference(a, b, options.identity === true, options.path ?? '', new Map());
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const keyPath = (path: string, key: string) => (IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);

/**
 * `pairs` maps each object of `a` being compared higher up to its counterpart in `b`, so that a
 * cycle in a copy (a ref to the copy's own ancestor) matches the same cycle in the original.
 */
function difference(a: Observed, b: Observed, byIdentity: boolean, path: string, pairs: Map<string, string>): Difference | undefined {
  const here: Difference = { path, a, b };
  if (isRuntime(a) || isRuntime(b)) {
    // State of a running agent met inside configuration: only its kind of object matters.
    return isRuntime(a) && isRuntime(b) && typeOf(a) === typeOf(b) ? undefined : here;
  }
  if (a.kind !== b.kind) return here;
  if (byIdentity && identityOf(a) !== identityOf(b)) return here;
  const nested = (run: () => Difference | undefined): Difference | undefined => {
    const id = identityOf(a)!;
    pairs.set(id, identityOf(b)!);
    try {
      return run();
    } finally {
      pairs.delete(id);
    }
  };
  switch (a.kind) {
    case 'function': {
      if (a.id === identityOf(b)) return undefined;
      // A partial or bound method made again of equal parts (a deep copy's) is equal; any other function is itself only.
      const other = b as typeof a;
      if (byIdentity || !a.composite || !other.composite || a.name !== other.name || !a.reaches || !other.reaches || a.reaches.length !== other.reaches.length) return here;
      const parts = new Map(other.reaches);
      if (a.reaches.some(([label]) => !parts.has(label))) return here;
      return nested(() => firstOf(a.reaches!, ([label, part]) => difference(part, parts.get(label)!, byIdentity, `${path}.${label}`, pairs)));
    }
    case 'symbol':
      return a.id === identityOf(b) ? undefined : here;
    case 'ref':
      return a.id === identityOf(b) || pairs.get(a.id) === identityOf(b) ? undefined : here;
    case 'date':
      return a.time === (b as typeof a).time ? undefined : here;
    case 'array': {
      const items = (b as typeof a).items;
      if (a.items.length !== items.length || a.type !== (b as typeof a).type) return here;
      return nested(() => firstOf(a.items, (item, i) => difference(item, items[i]!, byIdentity, `${path}[${i}]`, pairs)));
    }
    case 'set': {
      const other = b as typeof a;
      if ((a.type !== undefined && other.type !== undefined && a.type !== other.type) || a.items.length !== other.items.length) return here;
      const unmatched = [...other.items];
      return nested(() => {
        for (const item of a.items) {
          const index = unmatched.findIndex((candidate) => difference(item, candidate, byIdentity, path, pairs) === undefined);
          if (index === -1) return here;
          unmatched.splice(index, 1);
        }
        return undefined;
      });
    }
    case 'map': {
      const other = b as typeof a;
      if ((a.type !== undefined && other.type !== undefined && a.type !== other.type) || a.entries.length !== other.entries.length) return here;
      const unmatched = [...other.entries];
      return nested(() => {
        for (const [key, value] of a.entries) {
          const sameKey = (candidate: readonly [Observed, Observed]) => difference(key, candidate[0], byIdentity, path, pairs) === undefined;
          const index = unmatched.findIndex((candidate) => sameKey(candidate) && difference(value, candidate[1], byIdentity, path, pairs) === undefined);
          if (index === -1) {
            const keyed = unmatched.find(sameKey);
            return keyed ? difference(value, keyed[1], byIdentity, `${path}.get(${describe(key, 0, 60)})`, pairs) : here;
          }
          unmatched.splice(index, 1);
        }
        return undefined;
      });
    }
    case 'object': {
      const other = b as typeof a;
      if (a.protoId === UNKNOWN_PROTOTYPE || other.protoId === UNKNOWN_PROTOTYPE) {
        // Seen from another process, whose language may have no prototype-less objects.
        if ((a.type ?? 'Object') !== (other.type ?? 'Object')) return here;
      } else if (a.type !== other.type || a.protoId !== other.protoId) {
        return here;
      }
      if (a.entries === undefined || other.entries === undefined) return a.id === other.id ? undefined : here;
      if (a.entries.length !== other.entries.length) return here;
      const byKey = new Map(other.entries);
      if (a.entries.some(([key]) => !byKey.has(key))) return here;
      return nested(() => firstOf(a.entries!, ([key, value]) => difference(value, byKey.get(key)!, byIdentity, keyPath(path, key), pairs)));
    }
    default:
      return sameAsIs(a, b) ? undefined : here;
  }
}

function typeOf(value: Observed): string | null | undefined {
  return 'type' in value ? value.type : undefined;
}

function firstOf<T>(items: readonly T[], find: (item: T, index: number) => Difference | undefined): Difference | undefined {
  for (let i = 0; i < items.length; i++) {
    const found = find(items[i]!, i);
    if (found) return found;
  }
  return undefined;
}

/** The longest rendering {@link describe} gives by default: failure messages stay readable. */
export const DESCRIBE_LIMIT = 240;

/** A short, human-readable rendering of an observation, for violation messages; at most `limit` characters. */
export function describe(value: Observed, depth = 2, limit = DESCRIBE_LIMIT): string {
  const text = render(value, depth);
  return text.length <= limit ? text : `${text.slice(0, Math.max(0, limit - 1))}…`;
}

function render(value: Observed, depth: number): string {
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
      if (value.type === 'tuple') return depth <= 0 ? `tuple(${value.items.length})` : `tuple (${value.items.map((item) => render(item, depth - 1)).join(', ')})`;
      if (depth <= 0) return `[Array(${value.items.length})]`;
      return `[${value.items.map((item) => render(item, depth - 1)).join(', ')}]`;
    case 'set': {
      const type = value.type ?? 'Set';
      if (depth <= 0) return `${type}(${value.items.length})`;
      return `${type} {${value.items.map((item) => render(item, depth - 1)).join(', ')}}`;
    }
    case 'map': {
      const type = value.type ?? 'Map';
      if (depth <= 0) return `${type}(${value.entries.length})`;
      return `${type} {${value.entries.map(([key, item]) => `${render(key, 0)} => ${render(item, depth - 1)}`).join(', ')}}`;
    }
    case 'object': {
      if (value.runtime) return `[runtime ${value.type ?? 'object'}]`;
      const prefix = value.type === 'Object' ? '' : `${value.type ?? '[null prototype]'} `;
      if (value.entries === undefined) return `${prefix}{…}`.trim();
      if (depth <= 0) return `${prefix}{…}`;
      const inner = value.entries.map(([key, item]) => `${JSON.stringify(key)}: ${render(item, depth - 1)}`);
      return `${prefix}{${inner.join(', ')}}`;
    }
  }
}
