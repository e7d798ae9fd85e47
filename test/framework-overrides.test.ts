import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONFIG_FIELDS } from '../spec/agent-config.ts';
import { overrideCaseFor, withOverrides, type OverrideCase } from '../spec/generators/overrides.ts';
import { firstCases } from '../spec/generators/schedule.ts';
import { FieldScope } from '../spec/model/field-scope.ts';
import { validateOverridable } from '../spec/model/overridable.ts';
import type { FrameworkFields } from '../spec/model/roles.ts';
import { notCheckedOf } from '../src/run/not-checked.ts';
import { runMain } from './support/cli.ts';

// Overrides of framework fields (spec/model/overridable.ts): drawn only for those an adapter names
// in `overridable` as `framework.<name>`; override.applied, .retained and .tools.* judge them by role.

const FIELDS: FrameworkFields = {
  model_settings: { role: 'config', domain: { kind: 'object', keys: { temperature: { kind: 'number', min: 0, max: 2 } }, optional: [] } },
  input_guardrails: 'shared-list',
  sub_agents: 'route',
  session: 'runtime',
  history: 'state',
};
const TAKEN = ['framework.model_settings', 'framework.input_guardrails', 'framework.sub_agents'] as const;
const optedIn = new FieldScope(undefined, FIELDS, [...CONFIG_FIELDS, ...TAKEN]);
const frameworkKeys = (input: OverrideCase) => Object.keys(input.overrides.framework ?? {});

describe('overridable framework fields', () => {
  it('are named as framework.<name>, of a declared field of a configured role', () => {
    expect(validateOverridable(['llm', 'memory', ...TAKEN], FIELDS, '`overridable`')).toEqual([]);
    expect(validateOverridable(['framework.temperature', 'framework.session', 'framework.history', 'baseURL', 3], FIELDS, '`overridable`')).toEqual([
      '`overridable`: "framework.temperature" names no declared framework field',
      '`overridable`: "framework.session" is a runtime field, which no configuration gives, so no override can replace it',
      '`overridable`: "framework.history" is a state field, which no configuration gives, so no override can replace it',
      expect.stringMatching(/^`overridable`: "baseURL" is neither a canonical field/),
      expect.stringMatching(/^`overridable`: 3 is neither/),
    ]);
    expect(validateOverridable(['framework.model_settings'], undefined, '"overridable"')).toEqual(['"overridable": "framework.model_settings" names no declared framework field']);
    expect(validateOverridable('llm', FIELDS, '"overridable"')[0]).toMatch(/must be a list/);
  });

  it('are overridden in the schedule on every seed: rows 4 and 5 one alone (a route if any), row 7 every one', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const first = await firstCases(overrideCaseFor(optedIn), seed, 10);
      for (const row of [4, 5]) expect(frameworkKeys(first[row]!), `seed ${seed}, row ${row}`).toEqual(['sub_agents']);
      expect(frameworkKeys(first[7]!), `seed ${seed}`).toEqual(['model_settings', 'input_guardrails', 'sub_agents']);
      for (const row of [0, 1, 2, 3, 9]) expect(frameworkKeys(first[row]!), `seed ${seed}, row ${row}`).toEqual([]);
    }
  });

  it('join random override sets one at a time, and never name a field the adapter did not', () => {
    const drawn = fc.sample(overrideCaseFor(optedIn), { seed: 7, numRuns: 300 }).slice(10).map(frameworkKeys);
    expect(drawn.some((keys) => keys.length === 0)).toBe(true);
    expect(drawn.some((keys) => keys.length === 1)).toBe(true);
    for (const name of ['model_settings', 'input_guardrails', 'sub_agents']) expect(drawn.some((keys) => keys.includes(name)), name).toBe(true);
    expect(drawn.flat().filter((name) => name === 'session' || name === 'history')).toEqual([]);
    // Without opting in, no override ever holds a framework field.
    const plain = new FieldScope(undefined, FIELDS);
    expect(fc.sample(overrideCaseFor(plain), { seed: 7, numRuns: 300 }).filter((input) => 'framework' in input.overrides)).toEqual([]);
  });

  it('merge into a configuration field by field, as a cloneWith applies them', () => {
    const config = { name: 'a', tools: [], handoffs: null, features: {}, framework: { model_settings: { temperature: 1 }, sub_agents: [] } };
    expect(withOverrides(config, { name: 'b', framework: { model_settings: { temperature: 0 } } })).toEqual({ ...config, name: 'b', framework: { model_settings: { temperature: 0 }, sub_agents: [] } });
    expect(withOverrides(config, { name: 'b' }).framework).toBe(config.framework);
  });

  it('leave the report\'s "not checked" list: only those not named stay there', () => {
    const partly = new FieldScope(undefined, FIELDS, [...CONFIG_FIELDS, 'framework.sub_agents']);
    expect(notCheckedOf({ scope: partly, operations: new Set(['cloneWith']) })).toEqual(['cloneWith(framework.model_settings)', 'cloneWith(framework.input_guardrails)']);
    expect(notCheckedOf({ scope: optedIn, operations: new Set(['cloneWith']) })).toEqual([]);
    // Every mapped field taken: nothing partial to note beside the override invariants.
    expect(optedIn.overridden).toBeUndefined();
    expect(new FieldScope(['name', 'tools', 'llm'], FIELDS, ['llm', 'framework.sub_agents']).overridden).toEqual(['llm', 'framework.sub_agents']);
  });

  it('are checked in-process: the TypeScript twin passes every invariant, none skipped, nothing left unchecked', async () => {
    const { code, stdout } = await runMain(['fixtures/framework-overrides.ts', '--seed', '20261121', '--runs', '10', '--reporter', 'json']);
    const report = JSON.parse(stdout);
    expect(report.summary).toEqual({ passed: 39, failed: 0, skipped: 0 });
    expect(report.notChecked ?? []).toEqual([]);
    expect(code).toBe(0);
  }, 120_000);

  it('are checked through the Python kit: the twin passes, its overrides named as declared (never camelCased)', async () => {
    const { code, stdout } = await runMain(['--command', 'python3 fixtures/python/framework_overrides_adapter.py', '--seed', '20261121', '--runs', '10', '--reporter', 'json']);
    const report = JSON.parse(stdout);
    expect(report.summary).toEqual({ passed: 39, failed: 0, skipped: 0 });
    expect(report.notChecked ?? []).toEqual([]);
    // It takes every mapped field: no "overrides drawn for ... only" note.
    expect(report.results.find((result: { id: string }) => result.id === 'override.applied').message).toBeUndefined();
    expect(code).toBe(0);
  }, 120_000);

  it('are refused at the handshake when they name no declared framework field', async () => {
    const script = 'import sys; sys.path.insert(0, "fixtures/python"); from framework_overrides_adapter import OverridableAdapter; from clone_conformance import run; a = OverridableAdapter(); a.overridable = ["name", "tools", "framework.temperature"]; run(a)';
    const { code, stderr } = await runMain(['--command', `python3 -c '${script}'`, '--seed', '1', '--runs', '1']);
    expect(stderr).toMatch(/"overridable": "framework\.temperature" names no declared framework field/);
    expect(code).toBe(2);
  }, 60_000);
});
