import { BuiltValue } from '../../spec/generators/built.ts';

/**
 * A value holding every kind a description can carry: numbers JSON cannot write, a bigint, a
 * symbol, undefined and null, frozen containers (one holding a value to build), a value to build
 * held twice, sets, maps with object keys, dates, class instances, a null-prototype object, a
 * runtime object, a cycle and a sparse array.
 */
export function everyKindOfValue() {
  class Settings {
    constructor(readonly provider: string) {}
  }
  const marker = Object.freeze(new BuiltValue('memory', Object.freeze({ provider: 'qdrant' })));
  const cycle: Record<string, unknown> = { name: 'loop' };
  cycle.self = cycle;
  return {
    odd: [Number.NaN, -0, Infinity, -Infinity, 1.5, 12345678901234567890n, Symbol('s'), undefined, null],
    frozen: Object.freeze({ list: Object.freeze([1, 'a', marker]), fn: Object.freeze(function tool() {}) }),
    thawed: Object.freeze({ inner: { open: true } }),
    built: marker,
    again: marker,
    collections: [new Set([1, marker]), new Map<unknown, unknown>([[{ key: 1 }, 'v']]), new Date(0), new Date(Number.NaN)],
    classes: [new Settings('qdrant'), Object.create(null) as object, new AbortController()],
    cycle,
    sparse: [1, , 3], // eslint-disable-line no-sparse-arrays
  };
}
