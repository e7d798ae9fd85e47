import type { Description } from './describe.ts';

/**
 * Turns value descriptions (spec/PROTOCOL.md §6) back into live JavaScript values: the adapter
 * side of the protocol, for adapter processes written in JavaScript. Descriptions with the same
 * id become one object; classes are made once per name.
 */
export class Materialiser {
  readonly #classes = new Map<string, new () => object>();

  /** @param build the adapter's `build(name, value)`, for `built` descriptions. */
  constructor(readonly build?: (name: string, value: unknown) => unknown) {}

  classNamed(name: string): new () => object {
    let made = this.#classes.get(name);
    if (!made) {
      made = { [name]: class {} }[name]!;
      this.#classes.set(name, made);
    }
    return made;
  }

  /** Materialises one description; `seen` maps ids to objects within one request. */
  value(description: Description, seen = new Map<string, unknown>()): unknown {
    switch (description.kind) {
      case 'undefined':
        return undefined;
      case 'null':
        return null;
      case 'boolean':
      case 'string':
        return description.value;
      case 'number':
        return typeof description.value === 'number' ? description.value : Number(description.value);
      case 'bigint':
        return BigInt(description.value);
      case 'symbol':
        return Symbol(description.description);
      case 'ref':
        return seen.get(description.id);
    }
    if (seen.has(description.id)) return seen.get(description.id);
    switch (description.kind) {
      case 'built': {
        if (!this.build) throw new Error(`cannot build a "${description.name}": the adapter has no build(name, value)`);
        const built = this.build(description.name, this.value(description.value, seen));
        seen.set(description.id, built);
        return built;
      }
      case 'function': {
        const fn = { [description.name]: (...args: unknown[]) => args.length }[description.name]!;
        seen.set(description.id, fn);
        return fn;
      }
      case 'date': {
        const date = new Date(description.time === 'NaN' ? Number.NaN : description.time);
        seen.set(description.id, date);
        return date;
      }
      case 'array': {
        const array: unknown[] = [];
        seen.set(description.id, array);
        for (const item of description.items) array.push(this.value(item, seen));
        return array;
      }
      case 'set': {
        const set = new Set<unknown>();
        seen.set(description.id, set);
        for (const item of description.items) set.add(this.value(item, seen));
        return set;
      }
      case 'map': {
        const map = new Map<unknown, unknown>();
        seen.set(description.id, map);
        for (const [key, item] of description.entries) map.set(this.value(key, seen), this.value(item, seen));
        return map;
      }
      case 'object': {
        const object: Record<string, unknown> =
          description.type === 'Object' ? {} : description.type === null ? Object.create(null) : new (this.classNamed(description.type))();
        seen.set(description.id, object);
        for (const [key, item] of description.entries ?? []) {
          Object.defineProperty(object, key, { value: this.value(item, seen), enumerable: true, writable: true, configurable: true });
        }
        return object;
      }
    }
  }
}
