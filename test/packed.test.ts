import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentConfig } from '../spec/generators/config.ts';
import type { Observed } from '../spec/model/observed.ts';
import { describeInput } from '../src/transports/describe.ts';
import { IdentityRegistry, observe } from '../src/transports/observe.ts';
import { pack, packDescription, unpack, unpackDescription } from '../src/transports/packed.ts';
import { runWithKit } from './support/python-kit.ts';
import { withoutStreamedLines } from './support/streamed.ts';

// Protocol version 3 writes values and observations packed (spec/PROTOCOL.md §11). Packing must
// change the spelling only: what is read back is exactly what was packed, and nothing malformed is
// read as an observation.

const wire = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

class Agentish {
  constructor(readonly name: string) {}
}

describe('packed observations', () => {
  it('read back as exactly the observations packed, over JSON, for generated configurations (seed 11)', () => {
    const registry = new IdentityRegistry();
    fc.assert(
      fc.property(agentConfig, (config) => {
        const observed = observe(registry, config);
        expect(unpack(wire(pack(observed)))).toEqual(observed);
        const description = describeInput(registry, config);
        expect(unpackDescription(wire(packDescription(description)))).toEqual(description);
      }),
      { seed: 11, numRuns: 150 },
    );
  });

  it('keep what §7 flags and spells apart: odd numbers, immutables, runtime objects, identity only, null prototypes', () => {
    const registry = new IdentityRegistry();
    const frozen = Object.freeze([1, 'a']);
    const value = {
      odd: [Number.NaN, -0, Infinity, -Infinity, 0, 1.5],
      big: 12345678901234567890n,
      frozen,
      controller: new AbortController(),
      bare: Object.create(null) as object,
      set: new Set([1, 'x']),
      map: new Map<unknown, unknown>([[1, { a: undefined }]]),
      date: new Date(Number.NaN),
      agent: new Agentish('x'),
    };
    const observed = observe(registry, value);
    expect(unpack(wire(pack(observed)))).toEqual(observed);
    const shallow = observe(registry, new Agentish('y'), true);
    expect((shallow as { entries?: unknown }).entries).toBeUndefined();
    expect(unpack(wire(pack(shallow)))).toEqual(shallow);
  });

  it.each([
    ['an object that is not a list', { kind: 'string', value: 'x' }],
    ['an unknown tag', ['z', 'id']],
    ['an array without its id', ['a', null, 0, []]],
    ['an array with unknown flags', ['a', 'py1', 4, []]],
    ['an array whose items are not a list', ['a', 'py1', 0, 'x']],
    ['an object entry whose key is not a string', ['o', 'py1', 0, 'Object', 'py2', [[1, 'x']]]],
    ['an object with a runtime flag and too few items', ['o', 'py1', 2, 'Lock']],
    ['a number that is not one of the odd four', ['n', 'NaNa']],
    ['a malformed item deep inside', ['a', 'py1', 0, [['a', 'py2', 0, [{}]]]]],
    ['a map entry that is not a pair', ['m', 'py1', 'dict', [[1]]]],
    ['a value to build in an observation', ['B', 'py1', 'MemoryConfig', 1]],
  ])('reads %s as malformed', (_what, packed) => {
    expect(unpack(packed)).toBeUndefined();
  });

  it('the Python kit packs what it would write unpacked for versions 1 and 2, and reads the suite\'s packed descriptions as the verbose ones', () => {
    const registry = new IdentityRegistry();
    const configs = fc.sample(agentConfig, { seed: 5, numRuns: 40 });
    const descriptions = configs.map((config) => describeInput(registry, config));
    const script = `
import dataclasses, enum, json, sys, threading
class Color(enum.Enum):
    RED = "red"
@dataclasses.dataclass(frozen=True)
class Limits:
    calls: int
value = {"set": {1}, "frozen": frozenset({"a"}), "map": {1: "one"}, "color": Color.RED, "tuple": (1, "x"),
         "limits": Limits(3), "lock": threading.Lock(), "odd": [float("nan"), -0.0, float("inf"), 2 ** 70, True],
         "none": None, "undefined": kit.UNDEFINED, "nested": [[{"deep": [1]}]]}
observer = kit._Observer()
packed = observer.observe(value)
shallow = observer.observe(threading.Event(), shallow=True)
outline = observer.observe([value["limits"], value["nested"]], depth=kit._MAX_DEPTH - 1)
same = []
for verbose, packed_by_suite in json.loads(sys.stdin.read()):
    seen = []
    for description in (kit._packed_description(verbose), packed_by_suite):
        session = kit._Session(kit.Adapter())
        materialised = session.materialiser.materialise(description)
        seen.append(json.dumps(kit._unpacked(session.observer.observe(materialised)), sort_keys=True))
    same.append(seen[0] == seen[1])
kit._send({"packed": packed, "unpacked": kit._unpacked(packed), "shallow": shallow, "outline": outline, "same": same})
`;
    const result = runWithKit(script, JSON.stringify(descriptions.map((description) => [description, packDescription(description)])));
    expect(withoutStreamedLines(result.stderr)).toBe('');
    const answer = JSON.parse(result.stdout) as { packed: unknown; unpacked: Observed; shallow: unknown; outline: unknown; same: boolean[] };
    expect(unpack(answer.packed)).toEqual(answer.unpacked);
    expect(unpack(answer.shallow)).toMatchObject({ kind: 'object', type: 'Event' });
    // In outline, what the list holds is seen by identity only: an object without entries, a list as an object.
    const outline = unpack(answer.outline) as { kind: string; items: { kind: string; entries?: unknown; type: string }[] };
    expect(outline.kind).toBe('array');
    expect(outline.items.map((item) => [item.kind, item.type, item.entries])).toEqual([['object', 'Limits', undefined], ['object', 'list', undefined]]);
    expect(answer.same).toEqual(descriptions.map(() => true));
  });
});
