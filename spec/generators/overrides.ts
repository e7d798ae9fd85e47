import fc from 'fast-check';
import { CONFIG_FIELDS, type AgentConfig, type ConfigField } from '../agent-config.ts';
import type { FieldScope } from '../model/field-scope.ts';
import { FIELD_VALUES } from './config.ts';
import { scenarioFor, type Scenario } from './scenario.ts';

/** A case for the override clone: a source, and the overrides to clone it with. */
export interface OverrideCase {
  readonly scenario: Scenario;
  readonly overrides: Partial<AgentConfig>;
}

/** Falsy values of each field's type: overriding with them is where `override || current` goes wrong. */
const FALSY: Partial<Record<ConfigField, readonly unknown[]>> = {
  name: [''], role: [''], goal: [''], backstory: [''], instructions: [''], llm: [''], baseUrl: [''], apiKey: [''],
  auth: [null], toolTimeout: [0, -0, Number.NaN], parallelToolCalls: [false], cliBackend: [''],
};

/** An override value: one of the field's generated values, or (as often) a falsy one. */
function overrideValue(field: ConfigField): fc.Arbitrary<unknown> {
  const values = FIELD_VALUES[field] as fc.Arbitrary<unknown>;
  const falsy = FALSY[field];
  return falsy ? fc.oneof(values, fc.constantFrom(...falsy)) : values;
}

/**
 * Random override sets over the mapped fields: often empty, sometimes overriding tools and
 * handoffs, and sometimes extending the source's own tools (`tools: [...base.tools, extra]`, the
 * way clones are specialised in practice).
 */
export function overrideCaseFor(scope: FieldScope, accepts?: (config: AgentConfig) => boolean): fc.Arbitrary<OverrideCase> {
  const fields = CONFIG_FIELDS.filter((field) => scope.has(field) && field !== 'name');
  if (scope.has('name')) fields.push('name');
  const lists: ConfigField[] = fields.filter((field) => field === 'tools' || field === 'handoffs');
  const others = fields.filter((field) => !lists.includes(field));
  // Sparse sets: often empty, a few scalar fields, sometimes tools or handoffs. Values are concrete:
  // an override "to undefined" has no meaning in languages without undefined.
  // Each list overridden one time in three: "kept" is what most of the list invariants check.
  const listed = fc.tuple(...lists.map((field) => fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.constant([field]) })));
  const keys = fc.tuple(fc.subarray(others, { maxLength: Math.min(5, others.length) }), listed).map(([some, chosen]) => [...some, ...chosen.flat()]);
  const overrides = keys.chain((chosen) =>
    fc.record(Object.fromEntries(chosen.map((field) => [field, overrideValue(field)]))),
  ) as fc.Arbitrary<Partial<AgentConfig>>;
  const cases = fc.record({ scenario: scenarioFor(scope, accepts), overrides, extendTools: fc.boolean() }).map(({ scenario, overrides: chosen, extendTools }) => ({
    scenario,
    overrides: extendTools && chosen.tools ? { ...chosen, tools: [...scenario.config.tools, ...chosen.tools] } : chosen,
  }));
  return accepts ? cases.filter(({ scenario, overrides: chosen }) => accepts({ ...scenario.config, ...chosen })) : cases;
}
