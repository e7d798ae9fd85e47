import { BuiltValue } from '../../spec/generators/built.ts';
import { IdentityRegistry, isBranded, NO_TYPES, protoFactsOf, type RegistryEntry } from './observe.ts';
import type { HeldIdLookup } from './held-ids.ts';
import { IMMUTABLE, RUNTIME, type Packed } from './packed.ts';

/** A number as a description packs it: itself, or `["n", ...]` for what JSON cannot write. */
function packNumber(value: number): Packed {
  if (Number.isNaN(value)) return ['n', 'NaN'];
  if (Object.is(value, -0)) return ['n', '-0'];
  if (value === Infinity) return ['n', 'Infinity'];
  if (value === -Infinity) return ['n', '-Infinity'];
  return value;
}

/**
 * One of the suite's values described for an adapter that speaks protocol version 5 (§13), packed
 * (§11), in one walk: what `packDescription(describeInput(...))` gives, except that an object the
 * adapter holds already (`held`, by id) is a ref without looking inside, and so is an object met
 * again in the value. `described` receives the id of every other object sent, in the order sent.
 * A function is described by name (a description never carries what it reaches). Describing is
 * most of the suite's own work per create over the protocol: each object costs one registry
 * lookup, the walk marking what it sent on the object's entry.
 */
export function describeCompact(registry: IdentityRegistry, value: unknown, held: HeldIdLookup, described: string[]): Packed {
  const builtProto = registry.tokenOf(BuiltValue.prototype);
  const walk = {}; // this description, as marked on the entries of what it sent
  /** Whether what was packed last holds still: what a frozen container may hold and stay immutable. */
  let still = true;
  /** Whether the object was sent already (the adapter holds it, or it came earlier in this value); marks it sent if not. */
  const sent = (entry: RegistryEntry): boolean => {
    if (entry.seenIn === walk || held.has(entry.id)) return true;
    entry.seenIn = walk;
    described.push(entry.id);
    return false;
  };
  const visit = (current: unknown): Packed => {
    still = true;
    switch (typeof current) {
      case 'undefined':
        return ['u'];
      case 'boolean':
      case 'string':
        return current;
      case 'number':
        return packNumber(current);
      case 'bigint':
        return ['b', current.toString()];
      case 'symbol':
        return ['y', `symbol:${current.toString()}`, current.description ?? ''];
      case 'function': {
        const entry = registry.entryOf(current);
        if (sent(entry)) return (still = false), ['r', entry.id];
        return ['f', entry.id, current.name];
      }
    }
    if (current === null) return null;
    const object = current as object;
    const entry = registry.entryOf(object);
    const id = entry.id;
    still = false;
    if (sent(entry)) return ['r', id];
    if (object instanceof Date) return ['d', id, Number.isNaN(object.getTime()) ? 'NaN' : object.getTime()];
    const { type, protoId, runtime } = protoFactsOf(registry, object, NO_TYPES);
    if (runtime) return ['o', id, RUNTIME, type, protoId ?? null, null];
    const frozen = Object.isFrozen(object);
    let allStill = true;
    const item = (held: unknown): Packed => {
      const packed = visit(held);
      allStill &&= still;
      return packed;
    };
    if (Array.isArray(object)) {
      const items = Array.from(object, (held) => item(held));
      still = frozen && allStill;
      return ['a', id, still ? IMMUTABLE : 0, items];
    }
    if (object instanceof Set && isBranded(object, Set.prototype.has)) {
      const items = Array.from(object, (held) => visit(held));
      still = false;
      return ['S', id, 0, type ?? 'Set', items];
    }
    if (object instanceof Map && isBranded(object, Map.prototype.has)) {
      const entries = Array.from(object, ([key, held]) => [visit(key), visit(held)]);
      still = false;
      return ['m', id, type ?? 'Map', entries];
    }
    const keys = Object.keys(object);
    const entries = keys.map((key) => [key, item((object as Record<string, unknown>)[key])] as const);
    still = frozen && allStill;
    if (protoId === builtProto) {
      // A value to build (§6): its name and value, as `["B", id, name, value]`.
      const name = entries.find(([key]) => key === 'name')?.[1];
      return ['B', id, typeof name === 'string' ? name : '', entries.find(([key]) => key === 'value')?.[1] ?? ['u']];
    }
    return ['o', id, still ? IMMUTABLE : 0, type, protoId ?? null, entries];
  };
  return visit(value);
}
