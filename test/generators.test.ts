import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenario, type Scenario } from '../spec/generators/scenario.ts';
import { FunctionTool } from '../spec/generators/tools.ts';

// The edge cases where real clone code breaks must show up within fast-check's default 100 runs.
const samples: Scenario[] = fc.sample(scenario, { seed: 7, numRuns: 100 });

function anyValue(value: unknown, test: (value: unknown) => boolean, seen = new Set<unknown>()): boolean {
  if (test(value)) return true;
  if (typeof value !== 'object' || value === null || seen.has(value)) return false;
  seen.add(value);
  return Object.keys(value).some((key) => anyValue((value as Record<string, unknown>)[key], test, seen));
}

const reaches = (what: (s: Scenario) => boolean) => samples.filter(what).length;

describe('the scenario generator reaches, within 100 runs', () => {
  it.each<[string, (s: Scenario) => boolean]>([
    ['an empty tools list', (s) => s.config.tools.length === 0],
    ['a long tools list (6 or more)', (s) => s.config.tools.length >= 6],
    ['one tool object listed twice', (s) => new Set(s.config.tools).size < s.config.tools.length],
    ['tools that are functions', (s) => s.config.tools.some((tool) => typeof tool === 'function')],
    ['tools that are plain objects', (s) => s.config.tools.some((tool) => Object.getPrototypeOf(tool) === Object.prototype)],
    ['tools that are class instances', (s) => s.config.tools.some((tool) => tool instanceof FunctionTool)],
    ['null handoffs', (s) => s.config.handoffs === null],
    ['non-empty handoffs', (s) => (s.config.handoffs?.length ?? 0) > 0],
    ['an empty handoffs list', (s) => s.config.handoffs?.length === 0],
    ['a missing optional field', (s) => !('role' in s.config)],
    ['an optional field present as undefined', (s) => 'role' in s.config && s.config.role === undefined],
    ['an empty string', (s) => [s.config.name, s.config.instructions].includes('')],
    ['a string with surrounding whitespace', (s) => [s.config.name, s.config.goal, s.config.apiKey].some((v) => typeof v === 'string' && v !== v.trim())],
    ['an unnormalised Unicode string', (s) => [s.config.name, s.config.role, s.config.backstory].some((v) => typeof v === 'string' && v !== v.normalize())],
    ['toolTimeout 0', (s) => s.config.toolTimeout === 0],
    ['toolTimeout -0', (s) => Object.is(s.config.toolTimeout, -0)],
    ['toolTimeout NaN', (s) => Number.isNaN(s.config.toolTimeout)],
    ['parallelToolCalls false', (s) => s.config.parallelToolCalls === false],
    ['an object-valued llm', (s) => typeof s.config.llm === 'object' && s.config.llm !== null],
    ['an object-valued auth', (s) => typeof s.config.auth === 'object' && s.config.auth !== null],
    ['a feature holding false', (s) => Object.values(s.config.features).includes(false)],
    ['a feature key holding undefined', (s) => Object.entries(s.config.features).some(([, v]) => v === undefined)],
    ['an own __proto__ key in a feature config', (s) => anyValue(s.config.features, (v) => typeof v === 'object' && v !== null && Object.hasOwn(v, '__proto__'))],
    ['an own constructor key in a feature config', (s) => anyValue(s.config.features, (v) => typeof v === 'object' && v !== null && Object.hasOwn(v, 'constructor'))],
    ['a function inside a feature config', (s) => anyValue(s.config.features, (v) => typeof v === 'function')],
    ['a Date inside a feature config', (s) => anyValue(s.config.features, (v) => v instanceof Date)],
    ['-0 inside a feature config', (s) => anyValue(s.config.features, (v) => Object.is(v, -0))],
    ['an interrupted source', (s) => s.interrupted],
    ['a source holding locks', (s) => s.held.length > 0],
    ['three or more siblings', (s) => s.siblings >= 3],
  ])('%s', (_what, test) => {
    expect(reaches(test)).toBeGreaterThan(0);
  });
});

describe('override cases stay within the fields and features an adapter maps', () => {
  it('never override a feature the adapter does not map, with or without declared domains', async () => {
    const { overrideCaseFor } = await import('../spec/generators/overrides.ts');
    const { FieldScope } = await import('../spec/model/field-scope.ts');
    const scope = new FieldScope(['name', 'tools', 'guardrails', 'hooks']);
    const domains = { features: { guardrails: { kind: 'boolean' } } } as const;
    for (const declared of [undefined, domains]) {
      const cases = fc.sample(overrideCaseFor(scope, undefined, declared as never), { seed: 1, numRuns: 300 });
      const overridden = new Set(cases.flatMap((one) => Object.keys(one.overrides.features ?? {})));
      expect([...overridden].filter((name) => name !== 'guardrails' && name !== 'hooks')).toEqual([]);
      expect(overridden.size).toBeGreaterThan(0);
    }
  });
});

// Defects that need a source interrupted when it is cloned (a clone that copies the interrupt
// state, or has no controller then) were missed on one seed in 100 at --runs 10 while
// `interrupted` was drawn at random in every case.
describe('the schedule interrupts the source', () => {
  it('within the first ten cases, and not in all of them, on every seed of 1 to 100', async () => {
    const { firstCases, SCHEDULE_LENGTH } = await import('../spec/generators/schedule.ts');
    for (let seed = 1; seed <= 100; seed++) {
      const interrupted = (await firstCases(scenario, seed, SCHEDULE_LENGTH)).map((drawn) => drawn.interrupted);
      expect(interrupted.includes(true), `seed ${seed}`).toBe(true);
      expect(interrupted.includes(false), `seed ${seed}`).toBe(true);
    }
  });
});
