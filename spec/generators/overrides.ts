import fc from 'fast-check';
import { CONFIG_FIELDS, type AgentConfig } from '../agent-config.ts';
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
export function overrideCaseFor(scope: FieldScope): fc.Arbitrary<OverrideCase> {
  const fields = CONFIG_FIELDS.filter((field) => scope.has(field) && field !== 'name');
  // Concrete values only: an override "to undefined" has no meaning in languages without undefined.
  const model: Record<string, fc.Arbitrary<unknown>> = Object.fromEntries(fields.map((field) => [field, FIELD_VALUES[field] as fc.Arbitrary<unknown>]));
  if (scope.has('name')) model.name = FIELD_VALUES.name;
  const overrides = fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<Partial<AgentConfig>>;
  return fc.record({ scenario: scenarioFor(scope), overrides, extendTools: fc.boolean() }).map(({ scenario, overrides: chosen, extendTools }) => ({
    scenario,
    overrides: extendTools && chosen.tools ? { ...chosen, tools: [...scenario.config.tools, ...chosen.tools] } : chosen,
  }));
}
