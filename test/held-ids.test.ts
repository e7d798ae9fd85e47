import { describe, expect, it } from 'vitest';
import { readerFor } from '../src/transports/answers.ts';
import { HeldIds } from '../src/transports/held-ids.ts';
import { IdentityRegistry } from '../src/transports/observe.ts';

describe('the ids an adapter process holds (version 5)', () => {
  it('holds exactly the registry ids added, however many, until cleared', () => {
    const registry = new IdentityRegistry();
    const ids = Array.from({ length: 20_000 }, () => registry.tokenOf({}));
    const held = new HeldIds();
    ids.filter((_, index) => index % 3 === 0).forEach((id) => held.add(id));
    expect(ids.filter((id) => held.has(id))).toEqual(ids.filter((_, index) => index % 3 === 0));
    held.clear();
    expect(ids.some((id) => held.has(id))).toBe(false);
  });

  it('never takes another spelling of a held id, or another token, for it', () => {
    const held = new HeldIds();
    held.add('#1');
    held.add('#12');
    expect(['#1', '#12'].map((id) => held.has(id))).toEqual([true, true]);
    for (const other of ['#01', '#012', '#1 ', ' #1', '#1.0', '#+1', '#-1', '#', '1', 'py1', '#0', '#2', '#120', '#1e1', '#١']) expect(held.has(other), other).toBe(false);
    expect(() => held.add('py1')).toThrow(RangeError);
  });

  it('let an answer name only a held object by a suite id', () => {
    const held = new HeldIds();
    held.add('#8');
    const read = readerFor(5, { classes: {}, suiteIds: held });
    expect(read(['a', '#8', 0, []])).toEqual({ kind: 'array', id: '#8', items: [] });
    expect(read(['a', '#08', 0, []])).toBeUndefined();
    expect(read(['a', '#9', 0, []])).toBeUndefined();
  });
});
