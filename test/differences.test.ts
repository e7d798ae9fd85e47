import { describe, expect, it } from 'vitest';
import { compareFeatures } from '../spec/invariants/compare.ts';
import { allOf, DIFFERENCES_SHOWN } from '../spec/invariants/differences.ts';
import { Violation } from '../spec/invariants/invariant.ts';
import { FieldScope } from '../spec/model/field-scope.ts';
import { IdentityRegistry, observe } from '../src/transports/observe.ts';
import { formatHuman } from '../src/report/human.ts';
import { buildReport } from '../src/report/model.ts';
import { verdict } from '../src/report/verdict.ts';

// Every difference of a failing case is reported, bounded: a second bug never hides behind the first.

describe('every difference of a failing case', () => {
  it('a clone that loses two feature configs names both, not only the first', () => {
    const registry = new IdentityRegistry();
    const source = observe(registry, { memory: { provider: 'chroma' }, sandbox: { enabled: true }, web: true });
    const clone = observe(registry, { web: true });
    const violation = compareFeatures(source, clone, FieldScope.ALL, 'clone', "the source's")!;
    expect(violation.observed).toBe('clone.features has no "memory"');
    expect(violation.also).toEqual(['clone.features has no "sandbox"']);
    expect(violation.more).toBe(0);
  });

  it(`shows the first ${DIFFERENCES_SHOWN} and counts the rest`, () => {
    const many = Array.from({ length: 14 }, (_, i) => new Violation(`clone.f${i} = 1`, 'something'));
    const violation = allOf([undefined, ...many])!;
    expect(violation.observed).toBe('clone.f0 = 1');
    expect(violation.also).toEqual(many.slice(1, DIFFERENCES_SHOWN).map((each) => each.observed));
    expect(violation.more).toBe(14 - DIFFERENCES_SHOWN);
    expect(allOf([undefined])).toBeUndefined();
  });

  it('the human report lists them under the first', () => {
    const report = buildReport('demo', 1, 100, [
      { id: 'deepcopy.no-shared-state', level: 'MUST', status: 'failed', rule: 'r', message: 'm', observed: "copy.llm is the source's llm itself", required: 'a copy', also: ["copy.features.memory is the source's features.memory itself"], moreDifferences: 3, counterexample: '', path: '', shrunk: true },
    ]);
    const text = formatHuman(report, verdict(report, { strict: false }), { color: false });
    expect(text).toContain(["   Observed:  copy.llm is the source's llm itself", "        and:  copy.features.memory is the source's features.memory itself", '        and:  3 more differences', '   Required:  a copy'].join('\n'));
  });
});
