import fc from 'fast-check';
import { CONFIG_FIELDS, FEATURE_NAMES, type AgentConfig, type ConfigField, type FeatureName } from '../agent-config.ts';
import type { Domain, Domains } from '../domains.ts';
import { FieldScope } from '../model/field-scope.ts';
import { domainModel, type ValueModel } from './domain-values.ts';
import { ABSENT, ABSENT_EDGE, shrinkingTo, type Edge } from './edge.ts';
import { featureEdges, FEATURE_ROWS, FIELD_EDGES, FIELD_OFFSETS, NESTED_EDGE } from './field-edges.ts';
import { featureValue, mutableValue, randomFeatures, SHARED_KINDS } from './features.ts';
import { ModelClient } from './model-client.ts';
import { edgeAt, SCHEDULE_LENGTH, scheduled } from './schedule.ts';
import { handoffs, toolList } from './tools.ts';
import { frameworkValuesFor } from './framework.ts';
import { frameworkSharing, sharingGroups, sharingThisCase, withFrameworkShared } from './sharing.ts';
import { fallBack } from './value-kinds.ts';
import { droppingKeys, type DroppableKeysOptions } from './droppable-keys.ts';
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
/** What shrinking may leave out of a configuration: every field but the required ones, and entries of its maps. */
const DROPPABLE: DroppableKeysOptions = { keep: REQUIRED, nested: ['features', 'framework'] };
const UNMAPPED: Pick<AgentConfig, 'name' | 'tools' | 'handoffs' | 'features'> = { name: 'agent', tools: [], handoffs: null, features: {} };
/** What each required field shrinks to from an edge value. */
const SIMPLE: Partial<Record<ConfigField, unknown>> = { name: 'agent', handoffs: null };

const cache = new Map<string, fc.Arbitrary<AgentConfig>>();

/**
 * Random configurations restricted to the fields an adapter maps (and to those it accepts), drawn
 * from the domains it declares.
 */
export function agentConfigFor(scope: FieldScope, accepts?: (config: AgentConfig) => boolean, domains?: Domains): fc.Arbitrary<AgentConfig> {
  const mapped = mappedConfig(scope, domains);
  return accepts ? mapped.filter(accepts) : mapped;
}

/** A field's values: its declared domain, else its usual edge and random values. */
export function fieldModel(field: Exclude<ConfigField, 'features'>, domains?: Domains): ValueModel {
  const usual: ValueModel = { edges: FIELD_EDGES[field], random: FIELD_VALUES[field] };
  const domain = domains?.fields?.[field];
  if (!domain || domain.kind === 'any') return usual;
  const model = domainModel(domain, usual);
  // An optional field may always be left out; a declared domain says what it holds when given.
  return REQUIRED.has(field) ? model : { edges: [...model.edges, ABSENT_EDGE], random: fc.oneof(fc.constant(ABSENT), model.random) };
}

/** A feature's values under a declared domain (nested `any`: the usual feature config values). */
function featureModel(domain: Domain): ValueModel {
  const model = domainModel(domain, { edges: [], random: featureValue });
  return { edges: [...model.edges, ABSENT_EDGE], random: model.random };
}

/** The features of one schedule row: every mapped feature at an edge, the row's shared value in its nested configs. */
function featuresRow(scope: FieldScope, row: number, domains?: Domains): fc.Arbitrary<Partial<Record<FeatureName, unknown>>> {
  const names = FEATURE_NAMES.filter((name) => scope.hasFeature(name));
  if (row >= FEATURE_ROWS || names.length === 0) return fc.constant(null).map(() => ({}));
  const leaders = sharingGroups(names, domains);
  // The rows in which some feature holds a nested config share two kinds of value each, in turn,
  // so that even an adapter mapping two features sees most kinds shared within ten cases.
  const undeclared = names.filter((name) => !domains?.features?.[name] || domains.features[name]!.kind === 'any');
  const nestedRows = Array.from({ length: FEATURE_ROWS }, (_, at) => at).filter((at) => undeclared.some((name) => (at + FEATURE_NAMES.indexOf(name)) % FEATURE_ROWS === NESTED_EDGE));
  const turn = nestedRows.indexOf(row);
  const kinds =
    turn === -1
      ? fc.tuple(fc.constantFrom(...SHARED_KINDS), fc.constantFrom(...SHARED_KINDS))
      : fc.constant([SHARED_KINDS[(2 * turn) % SHARED_KINDS.length]!, SHARED_KINDS[(2 * turn + 1) % SHARED_KINDS.length]!] as const);
  return kinds.chain(([first, second]) => fc.tuple(mutableValue(first), mutableValue(second))).chain((shared) => {
    const usual = featureEdges(shared);
    const edgeOf = (name: FeatureName): Edge => {
      const domain = domains?.features?.[name];
      const edges = domain && domain.kind !== 'any' ? featureModel(domain).edges : usual;
      return edges[(row + FEATURE_NAMES.indexOf(name)) % edges.length]!;
    };
    const own = names.filter((name) => !leaders.has(name));
    const entries = own.map((name) => fc.tuple(fc.constant(name), shrinkingTo<unknown>(edgeOf(name).arbitrary, ABSENT)));
    return fc.tuple(...entries).map((pairs) => {
      const drawn = new Map(pairs);
      // Followers hold their leader's value: the same object in two places.
      for (const [follower, leader] of leaders) drawn.set(follower, drawn.get(leader));
      return Object.fromEntries([...drawn].filter(([, value]) => value !== ABSENT)) as Partial<Record<FeatureName, unknown>>;
    });
  });
}

/** Random feature sets: the usual ones, with each feature that has a declared domain drawn from it instead. */
function randomFeaturesFor(scope: FieldScope, domains?: Domains): fc.Arbitrary<Partial<Record<FeatureName, unknown>>> {
  const declared = FEATURE_NAMES.filter((name) => scope.hasFeature(name) && domains?.features?.[name] && domains.features[name]!.kind !== 'any');
  // Only the features the adapter maps: overrides are drawn from here too, and must not hold others.
  const mapped = (features: Partial<Record<FeatureName, unknown>>) => Object.fromEntries(Object.entries(features).filter(([name]) => scope.hasFeature(name as FeatureName))) as Partial<Record<FeatureName, unknown>>;
  if (declared.length === 0) return randomFeatures.map(mapped);
  const leaders = sharingGroups(declared, domains);
  const models = Object.fromEntries(declared.map((name) => [name, featureModel(domains!.features![name]!).random]));
  return fc.tuple(randomFeatures, fc.record(models, { requiredKeys: [] }), fc.boolean()).map(([usual, drawn, share]) => {
    const features: Record<string, unknown> = Object.fromEntries(Object.entries(mapped(usual)).filter(([name]) => !declared.includes(name as FeatureName)));
    for (const [name, value] of Object.entries(drawn)) features[name] = value;
    if (share) for (const [follower, leader] of leaders) if (Object.hasOwn(features, leader)) features[follower] = features[leader];
    return features as Partial<Record<FeatureName, unknown>>;
  });
}

/** Random feature sets for an adapter: its declared feature domains kept. */
export const featuresFor = (scope: FieldScope, domains?: Domains) => randomFeaturesFor(scope, domains);

/** A drawn configuration without the fields drawn ABSENT (a loop: it runs for every case). Its keys are field names. */
function present(config: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(config)) if (config[key] !== ABSENT) kept[key] = config[key];
  return kept;
}

/** A configuration of one schedule row: each mapped field at one of its edge values. */
function rowConfig(scope: FieldScope, fields: readonly ConfigField[], row: number, domains?: Domains): fc.Arbitrary<Record<string, unknown>> {
  const model = Object.fromEntries(
    fields.map((field) => {
      if (field === 'features') return [field, featuresRow(scope, row, domains)];
      const edge = edgeAt(fieldModel(field, domains).edges, row, FIELD_OFFSETS[field])!;
      const simple = REQUIRED.has(field) ? (field === 'tools' ? [] : SIMPLE[field]) : ABSENT;
      // Under a declared domain the simple value may not be accepted: shrink within the domain only.
      return [field, domains?.fields?.[field] ? edge.arbitrary : shrinkingTo<unknown>(edge.arbitrary, simple)];
    }),
  );
  return fc.record(model).map((config) => shareAcrossPlaces(present(config), row, domains));
}

/** The row in which the model settings are also held by a feature config (`features.memory.llm`). */
export const LLM_IN_FEATURE_ROW = 7;
/** The row in which one object is both the `llm` and the `auth` (a client that authenticates too). */
export const LLM_AS_AUTH_ROW = 9;

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * One object in two places across the configuration, not only between two feature configs: in
 * its rows, the `llm` object is held by a feature config too, or is the `auth` as well. Places
 * with a declared domain keep their drawn values.
 */
function shareAcrossPlaces(config: Record<string, unknown>, row: number, domains?: Domains): Record<string, unknown> {
  const llm = config.llm;
  if (domains?.fields?.llm || typeof llm !== 'object' || llm === null) return config;
  if (row === LLM_IN_FEATURE_ROW && isPlainObject(config.features)) {
    const holder = Object.entries(config.features).find(([name, value]) => isPlainObject(value) && !domains?.features?.[name as FeatureName]);
    if (holder) (holder[1] as Record<string, unknown>).llm = llm;
  }
  if (row === LLM_AS_AUTH_ROW && Object.hasOwn(config, 'auth') && !domains?.fields?.auth) config.auth = llm;
  return config;
}

/** A random configuration: optional fields sometimes missing, sometimes `undefined`, else a random value. */
function randomConfig(scope: FieldScope, fields: readonly ConfigField[], domains?: Domains): fc.Arbitrary<Record<string, unknown>> {
  const model = Object.fromEntries(
    fields.map((field) => {
      if (field === 'features') return [field, randomFeaturesFor(scope, domains)];
      if (domains?.fields?.[field]) return [field, fieldModel(field, domains).random];
      return [field, REQUIRED.has(field) ? FIELD_VALUES[field] : optional(FIELD_VALUES[field] as fc.Arbitrary<unknown>)];
    }),
  ) as Record<string, fc.Arbitrary<unknown>>;
  return fc
    .record(model, { requiredKeys: fields.filter((field) => REQUIRED.has(field) || domains?.fields?.[field] !== undefined) })
    .map(present);
}

function mappedConfig(scope: FieldScope, domains?: Domains): fc.Arbitrary<AgentConfig> {
  const key = JSON.stringify([scope.key, domains ?? null]);
  let made = cache.get(key);
  if (!made) {
    const fields = CONFIG_FIELDS.filter((field) => scope.has(field));
    const random = randomConfig(scope, fields, domains);
    const rows = Array.from({ length: SCHEDULE_LENGTH }, (_, row) => rowConfig(scope, fields, row, domains));
    const canonical = scheduled('config', (row) => (row === undefined ? random : rows[row]!)).map((config) => {
      // A loop, not entries/filter/fromEntries: this runs for every case of every invariant.
      const features: Record<string, unknown> = {};
      const drawn = (config.features ?? {}) as Record<string, unknown>;
      // Mapped names are feature names (never `__proto__`), so assigning defines them.
      for (const name of Object.keys(drawn)) if (scope.hasFeature(name as FeatureName)) features[name] = drawn[name];
      // Object.assign, not a spread: spreading configurations of ever-changing shapes cost several
      // times more (measured), and their keys are field names, which assigning defines.
      // The keys in the spread's order: UNMAPPED's first (features among them), then the drawn ones.
      const made = Object.assign({ name: UNMAPPED.name, tools: UNMAPPED.tools, handoffs: UNMAPPED.handoffs, features: UNMAPPED.features }, config);
      made.features = features;
      return made as AgentConfig;
    });
    // Framework fields, only when declared: an adapter that declares none draws exactly what it drew before.
    const framework = frameworkValuesFor(scope);
    // A framework field may hold the object another place holds (./sharing.ts); an adapter
    // declaring no such pair draws exactly what it drew before.
    const shares = frameworkSharing(scope, domains);
    const joined = (config: AgentConfig, values: Record<string, unknown>, share: boolean): AgentConfig => (share ? withFrameworkShared({ ...config, framework: values }, shares) : { ...config, framework: values });
    const drawn = !framework
      ? canonical
      : shares.length === 0
        ? fc.tuple(canonical, framework).map(([config, values]) => joined(config, values, false))
        : fc.tuple(canonical, framework, sharingThisCase).map(([config, values, share]) => joined(config, values, share));
    // Kinds the adapter cannot be sent (a Map to a version 1 adapter) fall back to kinds it takes,
    // in framework fields too; one fallback over the whole configuration keeps its sharing.
    // Shrinking also leaves out optional fields, feature configs and framework fields the
    // failure does not need (./droppable-keys.ts): a counterexample shows what matters.
    made = droppingKeys(drawn.map((config) => fallBack(config, scope.valueKinds)) as fc.Arbitrary<AgentConfig & Record<string, unknown>>, DROPPABLE);
    cache.set(key, made);
  }
  return made;
}

export const agentConfig: fc.Arbitrary<AgentConfig> = agentConfigFor(FieldScope.ALL);
