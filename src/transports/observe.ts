import type { Observed } from '../../spec/model/observed.ts';

/**
 * Turns live JavaScript values into observations. One registry hands out identity tokens for a
 * whole run; tokens come from a counter and objects are held weakly, so a token is never reused
 * for a different object.
 */
export class IdentityRegistry {
  readonly #entries = new WeakMap<object, RegistryEntry>();
  #next = 1;

  tokenOf(value: object): string {
    return this.entryOf(value).id;
  }

  /** The object's entry: its token, and room for what one walk notes on it (see {@link RegistryEntry}). */
  entryOf(value: object): RegistryEntry {
    let entry = this.#entries.get(value);
    if (entry === undefined) {
      entry = { id: `#${this.#next++}`, seenIn: undefined };
      this.#entries.set(value, entry);
    }
    return entry;
  }
}

/**
 * An object's token, and the walk that last met it: a description marks what it sent on the entry
 * itself (one lookup per object, where a set of ids per description cost two more).
 */
export interface RegistryEntry {
  readonly id: string;
  seenIn: object | undefined;
}

/** How deep views are observed (both transports: the Python kit's `_MAX_DEPTH` too); what lies at this depth is observed by identity only. */
export const MAX_DEPTH = 12;

/**
 * The suite's own inputs (configurations, overrides, tools) are observed and described whole,
 * however deep: a description cut at a depth would hand the adapter an empty object for what lies
 * below (cycles end in refs, so this terminates).
 */
export const WHOLE = Number.POSITIVE_INFINITY;

function observeNumber(value: number): Observed {
  if (Number.isNaN(value)) return { kind: 'number', value: 'NaN' };
  if (Object.is(value, -0)) return { kind: 'number', value: '-0' };
  if (value === Infinity) return { kind: 'number', value: 'Infinity' };
  if (value === -Infinity) return { kind: 'number', value: '-Infinity' };
  return { kind: 'number', value };
}

function className(value: object): string | null {
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null;
  if (proto === null) return null;
  const name = Object.prototype.hasOwnProperty.call(proto, 'constructor') ? proto.constructor?.name : undefined;
  return typeof name === 'string' && name !== '' ? name : 'anonymous class';
}

/** Classes whose instances are state of a running program, never configuration. */
const RUNTIME_CLASSES: readonly Function[] = [AbortController, EventTarget, WeakMap, WeakSet, WeakRef, Promise];

/** Whether a nested object is a runtime object: a built-in one, or an instance of a class the adapter declared. */
export function isRuntimeObject(value: object, declared: readonly Function[] = []): boolean {
  return RUNTIME_CLASSES.some((type) => value instanceof type) || declared.some((type) => value instanceof type);
}

/** Whether an object is a real Set (or Map), not merely an object whose prototype is one (a naive copy's). */
export function isBranded(object: object, has: (this: unknown, key: unknown) => boolean): boolean {
  try {
    has.call(object, undefined);
    return true;
  } catch {
    return false;
  }
}

/** A primitive, a function, or an observation flagged immutable: what a frozen container may hold and stay immutable. */
function holdsStill(value: Observed): boolean {
  switch (value.kind) {
    case 'array':
    case 'set':
    case 'object':
      return value.immutable === true;
    case 'map':
    case 'date':
    case 'ref':
      return false;
    default:
      return true;
  }
}

/** What every object of one prototype shares: its class name, the prototype's token, whether it is a runtime object. */
export interface ProtoFacts {
  readonly type: string | null;
  readonly protoId: string | undefined;
  readonly runtime: boolean;
}

/**
 * Facts per prototype, per list of declared runtime classes: views are observed many times per
 * case, and most of their objects share a few prototypes. Whether a value is an instance of a
 * class depends only on its prototype chain, fixed once the prototype is.
 */
const PROTO_FACTS = new WeakMap<IdentityRegistry, WeakMap<readonly Function[], WeakMap<object, ProtoFacts>>>();
const NULL_PROTO = {};
export const NO_TYPES: readonly Function[] = [];

export function protoFactsOf(registry: IdentityRegistry, object: object, runtimeTypes: readonly Function[]): ProtoFacts {
  const proto = Object.getPrototypeOf(object) as object | null;
  let byTypes = PROTO_FACTS.get(registry);
  if (!byTypes) PROTO_FACTS.set(registry, (byTypes = new WeakMap()));
  const types = runtimeTypes.length === 0 ? NO_TYPES : runtimeTypes; // one key for every empty list
  let byProto = byTypes.get(types);
  if (!byProto) byTypes.set(types, (byProto = new WeakMap()));
  const key = proto ?? NULL_PROTO;
  let facts = byProto.get(key);
  if (!facts) {
    facts = { type: className(object), protoId: proto === null ? undefined : registry.tokenOf(proto), runtime: isRuntimeObject(object, runtimeTypes) };
    byProto.set(key, facts);
  }
  return facts;
}

/**
 * Observes a value. Deep by default: arrays, sets, maps and objects are observed with their
 * contents (own enumerable string keys), cycles become refs; a deeply frozen array or object is
 * flagged immutable; a runtime object (an AbortController, a WeakMap, an
 * instance of one of `runtimeTypes`) is flagged runtime, without contents. With `shallow`,
 * objects are observed by identity only. `depth`: how deep the value lies already (what lies at
 * the depth limit, `limit`, is observed by identity only).
 */
export function observe(registry: IdentityRegistry, value: unknown, shallow = false, runtimeTypes: readonly Function[] = NO_TYPES, depth = 0, limit = MAX_DEPTH): Observed {
  const path = new Set<object>();
  const visit = (current: unknown, depth: number): Observed => {
    switch (typeof current) {
      case 'undefined':
        return { kind: 'undefined' };
      case 'boolean':
        return { kind: 'boolean', value: current };
      case 'number':
        return observeNumber(current);
      case 'string':
        return { kind: 'string', value: current };
      case 'bigint':
        return { kind: 'bigint', value: current.toString() };
      case 'symbol':
        return { kind: 'symbol', id: `symbol:${current.toString()}`, description: current.description ?? '' };
      case 'function':
        return observeFunction(current, depth);
    }
    if (current === null) return { kind: 'null' };
    const object = current as object;
    const id = registry.tokenOf(object);
    if (path.has(object)) return { kind: 'ref', id };
    if (object instanceof Date) return { kind: 'date', id, time: Number.isNaN(object.getTime()) ? 'NaN' : object.getTime() };
    const { type, protoId, runtime } = protoFactsOf(registry, object, runtimeTypes);
    if (shallow || depth >= limit) {
      return Array.isArray(object) ? { kind: 'object', id, type: 'Array', protoId } : { kind: 'object', id, type, protoId };
    }
    if (runtime) return { kind: 'object', id, type, protoId, runtime: true };
    path.add(object);
    try {
      const frozen = Object.isFrozen(object);
      if (Array.isArray(object)) {
        const items = Array.from(object, (item) => visit(item, depth + 1));
        return frozen && items.every(holdsStill) ? { kind: 'array', id, items, immutable: true } : { kind: 'array', id, items };
      }
      if (object instanceof Set && isBranded(object, Set.prototype.has)) return { kind: 'set', id, type: type ?? 'Set', items: Array.from(object, (item) => visit(item, depth + 1)) };
      if (object instanceof Map && isBranded(object, Map.prototype.has)) {
        return { kind: 'map', id, type: type ?? 'Map', entries: Array.from(object, ([key, item]) => [visit(key, depth + 1), visit(item, depth + 1)] as const) };
      }
      const entries = Object.keys(object).map((key) => [key, visit((object as Record<string, unknown>)[key], depth + 1)] as const);
      if (frozen && entries.every(([, item]) => holdsStill(item))) return { kind: 'object', id, type, protoId, entries, immutable: true };
      return { kind: 'object', id, type, protoId, entries };
    } finally {
      path.delete(object);
    }
  };
  /**
   * A function, and what it reaches: its own enumerable properties (a tool's `agent`, a handoff's
   * target). What a closure or a bound function (`fn.bind(agent)`) holds, JavaScript never shows.
   */
  const observeFunction = (fn: Function, depth: number): Observed => {
    const id = registry.tokenOf(fn);
    const observed: Observed = { kind: 'function', id, name: fn.name };
    if (shallow || depth >= MAX_DEPTH || path.has(fn)) return path.has(fn) ? { kind: 'ref', id } : observed;
    const keys = Object.keys(fn);
    if (keys.length === 0) return observed;
    path.add(fn);
    try {
      return { ...observed, reaches: keys.map((key) => [key, visit((fn as unknown as Record<string, unknown>)[key], depth + 1)] as const) };
    } finally {
      path.delete(fn);
    }
  };
  return visit(value, depth);
}

/** The depth from which a field asked for in outline is observed: what it holds lies at the depth limit, identity only. */
export const OUTLINE_DEPTH = MAX_DEPTH - 1;
