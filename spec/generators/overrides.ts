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
  // Sparse sets: often empty, a few scalar fields, and tools and handoffs each overridden in about
  // half the cases, so that "not overridden" is as common as "overridden". Values are concrete: an
  // override "to undefined" has no meaning in languages without undefined.
  const keys = fc.tuple(fc.subarray(others, { maxLength: 3 }), fc.subarray(lists)).map(([some, listed]) => [...some, ...listed]);
  const overrides = keys.chain((chosen) =>
    fc.record(Object.fromEntries(chosen.map((field) => [field, FIELD_VALUES[field] as fc.Arbitrary<unknown>]))),
  ) as fc.Arbitrary<Partial<AgentConfig>>;
  const cases = fc.record({ scenario: scenarioFor(scope, accepts), overrides, extendTools: fc.boolean() }).map(({ scenario, overrides: chosen, extendTools }) => ({
    scenario,
    overrides: extendTools && chosen.tools ? { ...chosen, tools: [...scenario.config.tools, ...chosen.tools] } : chosen,
  }));
  return accepts ? cases.filter(({ scenario, overrides: chosen }) => accepts({ ...scenario.config, ...chosen })) : cases;
}
