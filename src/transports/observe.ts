import type { Observed } from '../../spec/model/observed.ts';

/**
 * Turns live JavaScript values into observations. One registry hands out identity tokens for a
 * whole run; tokens come from a counter and objects are held weakly, so a token is never reused
 * for a different object.
 */
export class IdentityRegistry {
  readonly #tokens = new WeakMap<object, string>();
  #next = 1;

  tokenOf(value: object): string {
    let token = this.#tokens.get(value);
    if (token === undefined) {
      token = `#${this.#next++}`;
      this.#tokens.set(value, token);
    }
    return token;
  }
}

const MAX_DEPTH = 12;

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

/**
 * Observes a value. Deep by default: arrays and objects are observed with their contents (own
 * enumerable string keys), cycles become refs. With `shallow`, objects are observed by identity only.
 */
export function observe(registry: IdentityRegistry, value: unknown, shallow = false): Observed {
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
        return { kind: 'function', id: registry.tokenOf(current), name: current.name };
    }
    if (current === null) return { kind: 'null' };
    const object = current as object;
    const id = registry.tokenOf(object);
    if (path.has(object)) return { kind: 'ref', id };
    if (object instanceof Date) return { kind: 'date', id, time: Number.isNaN(object.getTime()) ? 'NaN' : object.getTime() };
    const proto = Object.getPrototypeOf(object) as object | null;
    const type = className(object);
    const protoId = proto === null ? undefined : registry.tokenOf(proto);
    if (shallow || depth >= MAX_DEPTH) {
      return Array.isArray(object) ? { kind: 'object', id, type: 'Array', protoId } : { kind: 'object', id, type, protoId };
    }
    path.add(object);
    try {
      if (Array.isArray(object)) return { kind: 'array', id, items: Array.from(object, (item) => visit(item, depth + 1)) };
      const entries = Object.keys(object).map((key) => [key, visit((object as Record<string, unknown>)[key], depth + 1)] as const);
      return { kind: 'object', id, type, protoId, entries };
    } finally {
      path.delete(object);
    }
  };
  return visit(value, 0);
}
