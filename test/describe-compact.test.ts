import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentConfig } from '../spec/generators/config.ts';
import type { Observed } from '../spec/model/observed.ts';
import { describeCompact } from '../src/transports/describe-compact.ts';
import { describeInput, type Description } from '../src/transports/describe.ts';
import { IdentityRegistry } from '../src/transports/observe.ts';
import { packDescription } from '../src/transports/packed.ts';
import { everyKindOfValue } from './support/every-kind-of-value.ts';

// Version 5 descriptions (spec/PROTOCOL.md §13) are made in one walk that marks what it sent on the
// registry's entries. They must say exactly what the full description says, with every object the
// adapter holds, or that came earlier in the value, as a ref: this oracle makes that from the full
// description (versions 1 to 4), in the same registry so that both name each object alike.

/** A description node holds still (a frozen container holding it stays immutable); a built value counts as its marker did. */
const holdsStill = (node: Description): boolean =>
  node.kind === 'array' || node.kind === 'set' || node.kind === 'object' ? node.immutable === true : !['map', 'date', 'ref'].includes(node.kind);

function oracle(registry: IdentityRegistry, value: unknown, held: ReadonlySet<string>) {
  const described: string[] = [];
  const seen = new Set<string>();
  const convert = (node: Description): Description => {
    if (node.kind === 'ref' || !('id' in node) || !node.id.startsWith('#')) return node;
    if (held.has(node.id) || seen.has(node.id)) return { kind: 'ref', id: node.id };
    seen.add(node.id);
    described.push(node.id);
    switch (node.kind) {
      case 'built':
        return { ...node, value: convert(node.value) };
      case 'function':
        return { kind: 'function', id: node.id, name: node.name };
      case 'set':
        return { ...node, items: node.items.map(convert) as Observed[] };
      case 'map':
        return { ...node, entries: node.entries.map(([key, item]) => [convert(key) as Observed, convert(item) as Observed] as const) };
      case 'array': {
        const items = node.items.map(convert);
        const { immutable: _, ...rest } = node;
        return node.immutable && items.every(holdsStill) ? { ...rest, items: items as Observed[], immutable: true } : { ...rest, items: items as Observed[] };
      }
      case 'object': {
        if (!node.entries) return node;
        const entries = node.entries.map(([key, item]) => [key, convert(item) as Observed] as const);
        const { immutable: _, ...rest } = node;
        return node.immutable && entries.every(([, item]) => holdsStill(item)) ? { ...rest, entries, immutable: true } : { ...rest, entries };
      }
      default:
        return node;
    }
  };
  return { packed: packDescription(convert(describeInput(registry, value))), described };
}

/** The compact description and the oracle's, of one value, with `held` chosen from its ids. */
function both(value: unknown, pickHeld: (ids: readonly string[]) => string[] = () => []) {
  const registry = new IdentityRegistry();
  const ids = oracle(registry, value, new Set()).described;
  const held = new Set(pickHeld(ids));
  const expected = oracle(registry, value, held);
  const described: string[] = [];
  const packed = describeCompact(registry, value, held, described);
  return { packed, described, expected };
}

describe('version 5 descriptions, in one walk', () => {
  it('say what the full description says, each object sent once, for generated configurations (seed 13)', () => {
    fc.assert(
      fc.property(agentConfig, fc.nat(), (config, every) => {
        for (const pick of [() => [], (ids: readonly string[]) => ids.filter((_, index) => index % (2 + (every % 5)) === 1)]) {
          const { packed, described, expected } = both(config, pick);
          expect(packed).toEqual(expected.packed);
          expect(described).toEqual(expected.described);
        }
      }),
      { seed: 13, numRuns: 300 },
    );
  });

  it('say what the full description says for every kind of value, an object held twice or in a cycle a ref after its first', () => {
    const leaf = Object.freeze({ level: 1 });
    const hook = Object.freeze(function hook() {});
    const value = {
      ...everyKindOfValue(),
      // Frozen, but holding an object (or a function) sent earlier: a ref, so no longer immutable as sent.
      twice: Object.freeze([leaf, Object.freeze([leaf])]),
      hook: Object.freeze([hook, hook]),
      reaching: Object.assign(function search() {}, { settings: { provider: 'chroma' } }),
    };
    for (const pick of [() => [], (ids: readonly string[]) => ids.filter((_, index) => index % 3 === 2)]) {
      const { packed, described, expected } = both(value, pick);
      expect(packed).toEqual(expected.packed);
      expect(described).toEqual(expected.described);
    }
    const { packed } = both(value);
    // The inner list holds `leaf`, sent before it: not immutable as sent (flags 0), the outer neither.
    expect(JSON.stringify(packed)).toMatch(/\["hook",\["a","#\d+",0,\[\["f","#\d+","hook"\],\["r","#\d+"\]\]\]\]/);
    expect(JSON.stringify(packed)).toMatch(/\["twice",\["a","#\d+",0,\[\["o","#\d+",1,"Object","#\d+",\[\["level",1\]\]\],\["a","#\d+",0,\[\["r","#\d+"\]\]\]\]\]\]/);
  });
});
