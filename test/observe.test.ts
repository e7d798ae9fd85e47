import { describe, expect, it } from 'vitest';
import { compareFeatures } from '../spec/invariants/compare.ts';
import { mutableObjects } from '../spec/invariants/deepcopy/mutable-objects.ts';
import { FieldScope } from '../spec/model/field-scope.ts';
import { deepEqual, DESCRIBE_LIMIT, describe as render, firstDifference, identical, isImmutable, isRuntime, sameAsIs } from '../spec/model/observed.ts';
import { AdapterCallError } from '../src/transports/adapter-call.ts';
import { observeView } from '../src/transports/in-process.ts';
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

describe('sets and maps, by content', () => {
  it('compares sets in any order, and tells them apart by content and class', () => {
    expect(deepEqual(seen(new Set([1, 'a', { k: 1 }])), seen(new Set([{ k: 1 }, 'a', 1])))).toBe(true);
    expect(deepEqual(seen(new Set([1, 2])), seen(new Set([1, 3])))).toBe(false);
    expect(deepEqual(seen(new Set([1])), seen(new Set([1, 1 + 1])))).toBe(false);
    expect(deepEqual(seen(new Set([1])), seen([1]))).toBe(false);
    class TaggedSet extends Set {}
    expect(deepEqual(seen(new TaggedSet([1])), seen(new Set([1])))).toBe(false);
  });

  it('matches map keys by deep equality, in any order', () => {
    expect(deepEqual(seen(new Map<unknown, unknown>([[{ id: 1 }, 'a'], [2, 'b']])), seen(new Map<unknown, unknown>([[2, 'b'], [{ id: 1 }, 'a']])))).toBe(true);
    expect(deepEqual(seen(new Map([[1, 'a']])), seen(new Map([['1', 'a']])))).toBe(false);
    expect(deepEqual(seen(new Map([[1, 'a']])), seen(new Map([[1, 'b']])))).toBe(false);
  });

  it('identical also requires the same set and map objects and members', () => {
    const member = { k: 1 };
    const set = new Set([member]);
    expect(identical(seen(set), seen(set))).toBe(true);
    expect(identical(seen(set), seen(new Set([member])))).toBe(false);
    expect(identical(seen({ set }), seen({ set: new Set([{ k: 1 }]) }))).toBe(false);
    expect(deepEqual(seen({ set }), seen({ set: new Set([{ k: 1 }]) }))).toBe(true);
  });

  it('come over the protocol as the same JSON', () => {
    const value = seen({ set: new Set([1]), map: new Map([[1, new Set(['x'])]]) });
    expect(JSON.parse(JSON.stringify(value))).toEqual(value);
    expect(render(value, 3)).toBe('{"set": Set {1}, "map": Map {1 => Set {"x"}}}');
  });
});

describe('immutable and runtime values', () => {
  it('flags deeply frozen objects and arrays immutable, and only those', () => {
    const frozen = Object.freeze({ mode: 'strict', limits: Object.freeze([1, 2]) });
    expect(seen(frozen)).toMatchObject({ kind: 'object', immutable: true, entries: [['mode', {}], ['limits', { kind: 'array', immutable: true }]] });
    expect('immutable' in seen(Object.freeze({ list: [1] }))).toBe(false); // frozen, but holding a list that can change
    expect('immutable' in seen({ mode: 'strict' })).toBe(false);
    expect(isImmutable(seen(Object.freeze([() => 1, 'x'])))).toBe(true);
  });

  it('observes nested runtime objects without contents, compares them by type only', () => {
    const config = (controller: AbortController) => ({ agent: { signal: controller.signal, controller, cache: new WeakMap(), ready: Promise.resolve(), model: 'm' } });
    const a = seen(config(new AbortController()));
    const b = seen(config(new AbortController()));
    const agent = a.kind === 'object' ? new Map(a.entries).get('agent')! : a;
    expect(agent.kind === 'object' && agent.entries!.every(([key, item]) => key === 'model' || isRuntime(item))).toBe(true);
    expect(deepEqual(a, b)).toBe(true);
    expect(identical(a, b)).toBe(false); // the containing objects differ
    expect(deepEqual(seen({ lock: new AbortController() }), seen({ lock: new WeakMap() }))).toBe(false);
  });

  it('treats instances of declared runtime classes as runtime, and never flags shallow observations', () => {
    class Mutex {
      held = false;
    }
    const declared = observe(registry, { mutex: new Mutex() }, false, [Mutex]);
    expect(declared).toMatchObject({ entries: [['mutex', { kind: 'object', type: 'Mutex', runtime: true }]] });
    expect(seen({ mutex: new Mutex() })).toMatchObject({ entries: [['mutex', { kind: 'object', type: 'Mutex', entries: [['held', {}]] }]] });
    expect(isRuntime(observe(registry, new AbortController(), true))).toBe(false);
    const view = observeView(registry, { name: 'a', tools: [], handoffs: [{ mutex: new Mutex() }], interruptController: new AbortController() } as never, {}, [Mutex]);
    expect(view.fields.handoffs).toMatchObject({ items: [{ entries: [['mutex', { runtime: true }]] }] });
    expect(isRuntime(view.fields.interruptController)).toBe(false);
  });

  it('counts neither immutable nor runtime objects as mutable state', () => {
    const shared = Object.freeze({ policy: 'strict' });
    const value = seen({ shared, controller: new AbortController(), list: [shared], set: new Set([1]) });
    expect([...mutableObjects(value, 'x').keys()]).toEqual(['x', 'x.list', 'x.set']);
  });
});

describe('firstDifference', () => {
  it('names the first differing path and the two values there', () => {
    const source = seen({ handoffs: [{ name: 'a', config: { context_policy: 'lenient', 'odd key': 1 } }] });
    const copy = seen({ handoffs: [{ name: 'a', config: { context_policy: 'strict', 'odd key': 1 } }] });
    const found = firstDifference(source, copy, { path: 'copy' });
    expect(found?.path).toBe('copy.handoffs[0].config.context_policy');
    expect(found && [render(found.a), render(found.b)]).toEqual(['"lenient"', '"strict"']);
    expect(firstDifference(seen({ 'odd key': 1 }), seen({ 'odd key': 2 }))?.path).toBe('["odd key"]');
    expect(firstDifference(source, seen({ handoffs: [{ name: 'a', config: { context_policy: 'lenient', 'odd key': 1 } }] }))).toBeUndefined();
  });

  it('with identity, names the first object that is another one', () => {
    const inner = { a: 1 };
    const found = firstDifference(seen({ list: [inner] }), seen({ list: [{ a: 1 }] }), { identity: true });
    expect(found?.path).toBe(''); // the outer objects already differ
    const list = [inner];
    const outer = { list };
    expect(firstDifference(seen(outer), seen(outer), { identity: true })).toBeUndefined();
  });

  it('matches a cycle in a copy with the same cycle in the source', () => {
    const make = () => {
      const node: Record<string, unknown> = { name: 'n' };
      node.self = node;
      return node;
    };
    expect(deepEqual(seen(make()), seen(make()))).toBe(true);
    const other = make();
    const first = make();
    first.self = other; // a ref to an object that is not its counterpart
    expect(deepEqual(seen(first), seen(make()))).toBe(false);
  });

  it('makes feature comparisons name the differing path', () => {
    const violation = compareFeatures(seen({ context: { policy: 'lenient', window: 8 } }), seen({ context: { policy: 'strict', window: 8 } }), new FieldScope(undefined), 'copy', "the source's");
    expect(violation?.message).toBe('observed copy.features.context.policy = "strict"; required a value deeply equal to the source\'s: "lenient"');
  });

  it('keeps adapter error messages bounded', () => {
    const error = new AdapterCallError('create()', 'threw', `threw ValueError: ${'x'.repeat(20_000)}`);
    expect(error.message.length).toBeLessThanOrEqual(700);
    expect(error.message.startsWith('create() threw ValueError: xxx')).toBe(true);
    expect(new AdapterCallError('view()', 'invalid', 'answered 3').message).toBe('view() answered 3');
  });

  it('keeps descriptions bounded', () => {
    const big = seen({ items: Array.from({ length: 2000 }, (_, i) => ({ index: i, text: 'x'.repeat(50) })) });
    expect(render(big).length).toBeLessThanOrEqual(DESCRIBE_LIMIT);
    expect(render(big, 4, 80)).toHaveLength(80);
    expect(render(big).endsWith('…')).toBe(true);
  });
});
