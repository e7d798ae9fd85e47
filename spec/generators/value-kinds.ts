/**
 * Which value kinds an adapter can be sent (spec/PROTOCOL.md §6): every protocol version defines
 * the kinds of version 1; `set` and `map` descriptions are defined from version 3 (and an adapter
 * of an earlier version may declare in `hello.accepts` that it takes them). For an adapter that
 * takes fewer kinds, generated values fall back: a Map becomes a plain object, a Set an array, with
 * every identity and cycle of the value kept. Generation draws the same cases either way, so a
 * replay path means the same case.
 */

/** Every description kind of spec/PROTOCOL.md §6: what `hello.accepts` may name. */
export const DESCRIPTION_KINDS: readonly unknown[] = ['undefined', 'null', 'boolean', 'number', 'string', 'bigint', 'symbol', 'function', 'array', 'date', 'object', 'ref', 'built', 'set', 'map'];

/** Description kinds that only some adapters may be sent. */
export const GATED_KINDS = ['set', 'map'] as const;
export type GatedKind = (typeof GATED_KINDS)[number];

/** The protocol version from which each gated kind is defined. */
export const DEFINED_FROM: { readonly [K in GatedKind]: number } = { set: 3, map: 3 };

/**
 * The gated kinds an adapter takes: those its protocol version defines, and those it declares in
 * `hello.accepts` (which may name any description kind of §6; others than the gated ones change nothing).
 */
export function kindsTaken(protocol: number, accepts: readonly unknown[] = []): ReadonlySet<GatedKind> {
  return new Set(GATED_KINDS.filter((kind) => protocol >= DEFINED_FROM[kind] || accepts.includes(kind)));
}

/** The containers the fallback walks into: plain objects, arrays, maps and sets (class instances are kept whole). */
function children(value: object): unknown[] | undefined {
  if (value instanceof Map) return [...value].flat();
  if (value instanceof Set) return [...value];
  if (Array.isArray(value) || isPlain(value)) return Object.keys(value).map((key) => (value as Record<string, unknown>)[key]);
  return undefined;
}

/**
 * The containers of `value` that hold, at any depth, a kind not taken (themselves included): only
 * those are rebuilt. Found as a fixed point over the containers' graph, so that cycles count.
 */
function untakenHolders(value: unknown, taken: ReadonlySet<GatedKind>): Set<object> {
  const edges = new Map<object, object[]>();
  const walk = (current: unknown) => {
    if (typeof current !== 'object' || current === null || edges.has(current)) return;
    const inner = children(current);
    if (inner === undefined) return;
    const objects = inner.filter((item): item is object => typeof item === 'object' && item !== null);
    edges.set(current, objects);
    for (const item of objects) walk(item);
  };
  walk(value);
  const holders = new Set<object>([...edges.keys()].filter((node) => (node instanceof Map && !taken.has('map')) || (node instanceof Set && !taken.has('set'))));
  for (let grew = holders.size > 0; grew; ) {
    grew = false;
    for (const [node, inner] of edges) {
      if (!holders.has(node) && inner.some((item) => holders.has(item))) {
        holders.add(node);
        grew = true;
      }
    }
  }
  return holders;
}

const isPlain = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === Object.prototype || proto === null;
};

/** A Map's key as a plain object's key: strings as they are, other primitives spelled, objects by position. */
const keyOf = (key: unknown, index: number): string => (typeof key === 'string' ? key : typeof key === 'object' && key !== null ? `#${index}` : String(key));

/**
 * `value` with every Map and Set the adapter does not take replaced (a Map by a plain object, a Set
 * by an array). The plain objects, arrays, maps and sets holding one are rebuilt (one new object per
 * old one, so sharing and cycles are kept); everything else (what holds none, class instances,
 * dates, functions: the very tools of a source, say) is kept itself.
 */
export function fallBack<T>(value: T, taken: ReadonlySet<GatedKind>): T {
  if (taken.size === GATED_KINDS.length) return value;
  const holders = untakenHolders(value, taken);
  if (holders.size === 0) return value;
  const made = new Map<object, unknown>();
  const convert = (current: unknown): unknown => {
    if (typeof current !== 'object' || current === null || !holders.has(current)) return current;
    if (made.has(current)) return made.get(current);
    if (current instanceof Map && !taken.has('map')) {
      const object: Record<string, unknown> = {};
      made.set(current, object);
      [...current].forEach(([key, item], index) => Object.defineProperty(object, keyOf(key, index), { value: convert(item), enumerable: true, writable: true, configurable: true }));
      return object;
    }
    if (current instanceof Set && !taken.has('set')) {
      const array: unknown[] = [];
      made.set(current, array);
      for (const item of current) array.push(convert(item));
      return array;
    }
    if (current instanceof Map) {
      const map = new Map();
      made.set(current, map);
      for (const [key, item] of current) map.set(convert(key), convert(item));
      return map;
    }
    if (current instanceof Set) {
      const set = new Set();
      made.set(current, set);
      for (const item of current) set.add(convert(item));
      return set;
    }
    const copy: Record<string, unknown> = Array.isArray(current) ? [] : Object.create(Object.getPrototypeOf(current));
    made.set(current, copy);
    for (const key of Object.keys(current)) {
      Object.defineProperty(copy, key, { value: convert((current as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
    }
    return copy;
  };
  return convert(value) as T;
}
