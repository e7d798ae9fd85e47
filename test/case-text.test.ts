import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseText } from '../spec/model/case-text.ts';
import { runMain } from './support/cli.ts';

// Counterexamples print an object held in two places once, then by where it was first printed:
// the rules on sharing (one object held twice, one copy in the deep copy) are then readable.

describe('case text', () => {
  it('is fast-check\'s notation, exactly, for a case that holds no object twice', () => {
    const values = fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withSparseArray: true, withDate: true, withBoxedValues: true, withTypedArray: true, withObjectString: true });
    fc.assert(fc.property(values, (value) => caseText(value) === fc.stringify(value)), { seed: 20261206, numRuns: 2000 });
  });

  it('prints an object met again as the path where it was first printed: in objects, lists, maps and sets, and a cycle too', () => {
    const state = { plan: 'pro', cart: ['apple'] };
    expect(caseText({ config: { framework: { session_state: state, dependencies: state } } })).toBe(
      '{"config":{"framework":{"session_state":{"plan":"pro","cart":["apple"]},"dependencies":<same object as config.framework.session_state>}}}',
    );
    const since = new Date(0);
    expect(caseText({ 'a key': since, list: [1, since], set: new Set([since]) })).toBe(
      '{"a key":new Date("1970-01-01T00:00:00.000Z"),"list":[1,<same object as ["a key"]>],"set":new Set([<same object as ["a key"]>])}',
    );
    expect(caseText({ m: new Map([[state, state]]) })).toBe('{"m":new Map([[{"plan":"pro","cart":["apple"]},<same object as m.keys()[0]>]])}');
    const loop: Record<string, unknown> = { level: 1 };
    loop.parent = loop;
    expect(caseText([loop])).toBe('[{"level":1,"parent":<same object as [0]>}]');
    // Functions print by name, wherever they are held.
    const run = function search() {};
    expect(caseText({ a: run, b: run })).toBe(fc.stringify({ a: run, b: run }));
  });

  it('shows the sharing a failure is about in the report: one dict given as two framework fields', async () => {
    const { stdout } = await runMain(['fixtures/defective/deepcopy-framework-config-split.ts', '--seed', '1', '--only', 'deepcopy.config-equal']);
    expect(stdout).toMatch(/"dependencies":<same object as config\.framework\.session_state>/);
  }, 60_000);
});
