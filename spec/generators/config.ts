import fc from 'fast-check';
import { CONFIG_FIELDS, FEATURE_NAMES, type AgentConfig, type ConfigField, type FeatureName } from '../agent-config.ts';
import { FieldScope } from '../model/field-scope.ts';
import { ABSENT, shrinkingTo } from './edge.ts';
import { featureEdges, FEATURE_ROWS, FIELD_EDGES, FIELD_OFFSETS } from './field-edges.ts';
import { mutableValue, randomFeatures, SHARED_KINDS } from './features.ts';
import { ModelClient } from './model-client.ts';
import { edgeAt, SCHEDULE_LENGTH, scheduled } from './schedule.ts';
import { handoffs, toolList } from './tools.ts';
import { namedFunction, optional, trickyNumber, trickyString } from './values.ts';

export { ModelClient };

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
 * The value of each configuration field, as generated in random cases: values chosen to trip
 * falsy checks, trimming, Unicode normalisation and JSON round trips.
 */
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
  features: randomFeatures,
  toolTimeout: trickyNumber,
  parallelToolCalls: fc.boolean(),
  cliBackend: trickyString,
} satisfies { [K in ConfigField]-?: fc.Arbitrary<AgentConfig[K]> };

const REQUIRED = new Set<ConfigField>(['name', 'tools', 'handoffs', 'features']);
/** What a required field holds when the adapter does not map it. */
const UNMAPPED: Pick<AgentConfig, 'name' | 'tools' | 'handoffs' | 'features'> = { name: 'agent', tools: [], handoffs: null, features: {} };
/** What each required field shrinks to from an edge value. */
const SIMPLE: Partial<Record<ConfigField, unknown>> = { name: 'agent', handoffs: null };

const byScope = new Map<string, fc.Arbitrary<AgentConfig>>();

/** Random configurations restricted to the fields an adapter maps (and to those it accepts). */
export function agentConfigFor(scope: FieldScope, accepts?: (config: AgentConfig) => boolean): fc.Arbitrary<AgentConfig> {
  const mapped = mappedConfig(scope);
  return accepts ? mapped.filter(accepts) : mapped;
}

/** The features of one schedule row: every mapped feature at an edge, the row's shared value in its nested configs. */
function featuresRow(scope: FieldScope, row: number): fc.Arbitrary<Partial<Record<FeatureName, unknown>>> {
  const names = FEATURE_NAMES.filter((name) => scope.hasFeature(name));
  if (row >= FEATURE_ROWS || names.length === 0) return fc.constant(null).map(() => ({}));
  const kind = row < SHARED_KINDS.length ? fc.constant(SHARED_KINDS[row]!) : fc.constantFrom(...SHARED_KINDS);
  return kind.chain(mutableValue).chain((shared) => {
    const edges = featureEdges(shared);
    const entries = names.map((name) => {
      const edge = edges[(row + FEATURE_NAMES.indexOf(name)) % FEATURE_ROWS]!;
      return fc.tuple(fc.constant(name), shrinkingTo<unknown>(edge.arbitrary, ABSENT));
    });
    return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter(([, value]) => value !== ABSENT)) as Partial<Record<FeatureName, unknown>>);
  });
}

/** A configuration of one schedule row: each mapped field at one of its edge values. */
function rowConfig(scope: FieldScope, fields: readonly ConfigField[], row: number): fc.Arbitrary<Record<string, unknown>> {
  const model = Object.fromEntries(
    fields.map((field) => {
      if (field === 'features') return [field, featuresRow(scope, row)];
      const edge = edgeAt(FIELD_EDGES[field], row, FIELD_OFFSETS[field])!;
      const simple = REQUIRED.has(field) ? (field === 'tools' ? [] : SIMPLE[field]) : ABSENT;
      return [field, shrinkingTo<unknown>(edge.arbitrary, simple)];
    }),
  );
  return fc.record(model).map((config) => Object.fromEntries(Object.entries(config).filter(([, value]) => value !== ABSENT)));
}

/** A random configuration: optional fields sometimes missing, sometimes `undefined`, else a random value. */
function randomConfig(fields: readonly ConfigField[]): fc.Arbitrary<Record<string, unknown>> {
  const model = Object.fromEntries(
    fields.map((field) => [field, REQUIRED.has(field) ? FIELD_VALUES[field] : optional(FIELD_VALUES[field] as fc.Arbitrary<unknown>)]),
  ) as Record<string, fc.Arbitrary<unknown>>;
  return fc.record(model, { requiredKeys: fields.filter((field) => REQUIRED.has(field)) });
}

function mappedConfig(scope: FieldScope): fc.Arbitrary<AgentConfig> {
  const key = JSON.stringify(scope.mapped ?? null);
  let made = byScope.get(key);
  if (!made) {
    const fields = CONFIG_FIELDS.filter((field) => scope.has(field));
    const random = randomConfig(fields);
    const rows = Array.from({ length: SCHEDULE_LENGTH }, (_, row) => rowConfig(scope, fields, row));
    made = scheduled('config', (row) => (row === undefined ? random : rows[row]!)).map((config) => {
      const features = Object.fromEntries(Object.entries((config.features ?? {}) as object).filter(([name]) => scope.hasFeature(name as FeatureName)));
      return { ...UNMAPPED, ...config, features } as AgentConfig;
    });
    byScope.set(key, made);
  }
  return made;
}

export const agentConfig: fc.Arbitrary<AgentConfig> = agentConfigFor(FieldScope.ALL);
