import { describe, expect, it } from 'vitest';
import { deepEqual, describe as render, identical, sameAsIs } from '../spec/model/observed.ts';
import { IdentityRegistry, observe } from '../src/transports/observe.ts';

const registry = new IdentityRegistry();
const seen = (value: unknown) => observe(registry, value);
class Box {
  constructor(readonly value: unknown) {}
}

describe('as-is (sameAsIs)', () => {
  it('follows SameValue for primitives', () => {
    expect(sameAsIs(seen(Number.NaN), seen(Number.NaN))).toBe(true);
    expect(sameAsIs(seen(0), seen(-0))).toBe(false);
    expect(sameAsIs(seen('café'), seen('cafe\u0301'))).toBe(false);
    expect(sameAsIs(seen(undefined), seen(null))).toBe(false);
    expect(sameAsIs(seen(false), seen(0))).toBe(false);
  });

  it('requires the very same object, not an equal one', () => {
    const llm = { model: 'x' };
    expect(sameAsIs(seen(llm), seen(llm))).toBe(true);
    expect(sameAsIs(seen(llm), seen({ model: 'x' }))).toBe(false);
  });
});

describe('equal (deepEqual)', () => {
  it('tells a key holding undefined from a missing key', () => {
    expect(deepEqual(seen({ a: undefined }), seen({}))).toBe(false);
    expect(deepEqual(seen({ a: 1, b: 2 }), seen({ b: 2, a: 1 }))).toBe(true);
  });

  it('keeps own __proto__ and constructor keys', () => {
    const withProto = Object.fromEntries([['__proto__', 1]]);
    expect(deepEqual(seen(withProto), seen({}))).toBe(false);
    expect(deepEqual(seen(withProto), seen(Object.fromEntries([['__proto__', 1]])))).toBe(true);
  });

  it('compares classes, dates by time, functions by identity', () => {
    expect(deepEqual(seen(new Box(1)), seen({ value: 1 }))).toBe(false);
    expect(deepEqual(seen(new Box(1)), seen(new Box(1)))).toBe(true);
    expect(deepEqual(seen(new Date(5)), seen(new Date(5)))).toBe(true);
    expect(deepEqual(seen(new Date(Number.NaN)), seen(new Date(5)))).toBe(false);
    const fn = () => 1;
    expect(deepEqual(seen({ fn }), seen({ fn }))).toBe(true);
    expect(deepEqual(seen({ fn }), seen({ fn: () => 1 }))).toBe(false);
    expect(deepEqual(seen([-0]), seen([0]))).toBe(false);
  });

  it('identical also requires every nested object to be the same', () => {
    const inner = { a: 1 };
    const outer = { inner };
    expect(identical(seen(outer), seen(outer))).toBe(true);
    expect(identical(seen(outer), seen({ inner }))).toBe(false);
    expect(deepEqual(seen(outer), seen({ inner: { a: 1 } }))).toBe(true);
  });
});

describe('observe', () => {
  it('gives one token per live object and never reuses one', () => {
    const a = {};
    const first = seen(a);
    expect(seen(a)).toEqual(first);
    expect(seen({})).not.toEqual(first);
  });

  it('survives cycles and is JSON-safe', () => {
    const cyclic: Record<string, unknown> = { n: -0, x: Number.NaN, big: 10n };
    cyclic.self = cyclic;
    const value = seen(cyclic);
    expect(JSON.parse(JSON.stringify(value))).toEqual(value);
    expect(render(value)).toBe('{"n": -0, "x": NaN, "big": 10n, "self": [Circular]}');
  });
});
