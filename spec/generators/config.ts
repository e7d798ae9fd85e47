import fc from 'fast-check';
import { CONFIG_FIELDS, type AgentConfig, type ConfigField, type FeatureName } from '../agent-config.ts';
import { FieldScope } from '../model/field-scope.ts';
import { features } from './features.ts';
import { handoffs, toolList } from './tools.ts';
import { namedFunction, optional, trickyNumber, trickyString } from './values.ts';

/** A model client object, as frameworks accept instead of a model name. */
export class ModelClient {
  constructor(readonly model: string, readonly temperature: number) {}

  [fc.toStringMethod](): string {
    return `new ModelClient(${JSON.stringify(this.model)}, ${fc.stringify(this.temperature)})`;
  }
}

const llm = fc.oneof(
  fc.constantFrom('gpt-4o-mini', 'claude-sonnet', ' gpt-4o ', ''),
  fc.record({ model: fc.constantFrom('gpt-4o', 'local'), temperature: trickyNumber }),
  fc.tuple(fc.constantFrom('gpt-4o', 'llama3'), trickyNumber).map(([model, t]) => new ModelClient(model, t)),
);

const auth = fc.oneof(
  fc.record({ token: trickyString }),
  fc.record({ scheme: fc.constant('bearer'), refresh: fc.constant(namedFunction('refresh_token', 'auth:refresh')) }),
  fc.constant(null),
);

/**
 * A random agent configuration. Optional fields are sometimes missing, sometimes present and
 * `undefined`, sometimes present with a value chosen to trip falsy checks, trimming, Unicode
 * normalisation and JSON round trips.
 */
/** The value of each configuration field, as generated. */
export const FIELD_VALUES = {
  name: trickyString,
  role: trickyString,
  goal: trickyString,
  backstory: trickyString,
  instructions: trickyString,
  llm,
  baseUrl: fc.constantFrom('http://localhost:11434/v1', '', ' https://api.example.test '),
  apiKey: trickyString,
  auth,
  tools: toolList,
  handoffs,
  features,
  toolTimeout: trickyNumber,
  parallelToolCalls: fc.boolean(),
  cliBackend: trickyString,
} satisfies { [K in ConfigField]-?: fc.Arbitrary<AgentConfig[K]> };

const REQUIRED = new Set<ConfigField>(['name', 'tools', 'handoffs', 'features']);
/** What a required field holds when the adapter does not map it. */
const UNMAPPED: Pick<AgentConfig, 'name' | 'tools' | 'handoffs' | 'features'> = { name: 'agent', tools: [], handoffs: null, features: {} };

const byScope = new Map<string, fc.Arbitrary<AgentConfig>>();

/** Random configurations restricted to the fields an adapter maps (and to those it accepts). */
export function agentConfigFor(scope: FieldScope, accepts?: (config: AgentConfig) => boolean): fc.Arbitrary<AgentConfig> {
  const mapped = mappedConfig(scope);
  return accepts ? mapped.filter(accepts) : mapped;
}

function mappedConfig(scope: FieldScope): fc.Arbitrary<AgentConfig> {
  const key = JSON.stringify(scope.mapped ?? null);
  let made = byScope.get(key);
  if (!made) {
    const fields = CONFIG_FIELDS.filter((field) => scope.has(field));
    const model = Object.fromEntries(
      fields.map((field) => [field, REQUIRED.has(field) ? FIELD_VALUES[field] : optional(FIELD_VALUES[field] as fc.Arbitrary<unknown>)]),
    ) as Record<string, fc.Arbitrary<unknown>>;
    made = fc.record(model, { requiredKeys: fields.filter((field) => REQUIRED.has(field)) }).map((config) => {
      const features = Object.fromEntries(Object.entries((config.features ?? {}) as object).filter(([name]) => scope.hasFeature(name as FeatureName)));
      return { ...UNMAPPED, ...config, features } as AgentConfig;
    });
    byScope.set(key, made);
  }
  return made;
}

export const agentConfig: fc.Arbitrary<AgentConfig> = agentConfigFor(FieldScope.ALL);
