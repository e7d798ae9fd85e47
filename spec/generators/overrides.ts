import fc from 'fast-check';
import { CONFIG_FIELDS, type AgentConfig, type ConfigField } from '../agent-config.ts';
import type { FieldScope } from '../model/field-scope.ts';
import type { Domains } from '../domains.ts';
import { ABSENT } from './edge.ts';
import { featuresFor, fieldModel, FIELD_VALUES } from './config.ts';
import { frameworkValue, frameworkValuesFor } from './framework.ts';
import { SCHEDULE_LENGTH, scheduled } from './schedule.ts';
import { scenarioFor, type Scenario } from './scenario.ts';
import { tool } from './tools.ts';
import { fallBack } from './value-kinds.ts';

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

/** An override value: one of the field's generated values, or (as often) a falsy one; under a declared domain, one of its values. */
function overrideValue(field: ConfigField, domains?: Domains): fc.Arbitrary<unknown> {
  if (field !== 'features' && domains?.fields?.[field]) {
    const model = fieldModel(field, domains);
    // An override is a value: never the key left out.
    const edges = model.edges.filter((edge) => !edge.matches(ABSENT)).map((edge) => edge.arbitrary);
    return fc.oneof(...edges, model.random.filter((value) => value !== ABSENT));
  }
  const values = FIELD_VALUES[field] as fc.Arbitrary<unknown>;
  const falsy = FALSY[field];
  return falsy ? fc.oneof(values, fc.constantFrom(...falsy)) : values;
}

/** Whether a field's declared domain (if any) takes this value. */
function allowed(field: ConfigField, value: unknown, domains?: Domains): boolean {
  if (field === 'features' || !domains?.fields?.[field]) return true;
  return fieldModel(field, domains).edges.some((edge) => edge.matches(value));
}

/** Whether the case extends the source's own tools with the overriding ones. */
interface DrawnOverrides {
  readonly overrides: Partial<AgentConfig>;
  readonly extendTools: boolean;
  /** A fresh object to replace the source's first object-valued feature config with, the other features kept. */
  readonly replaceFeature?: object;
}

/**
 * The override sets of the schedule's rows: nothing overridden, an empty tools list, an empty
 * handoffs list, every scalar falsy, new tools and no features, handoffs reset to null, the
 * source's tools extended, new features, one object-valued feature config replaced (the others
 * kept), the name alone. Where the adapter's cloneWith takes framework fields, rows 4 and 5
 * also override one alone (the others to be kept) and row 7 every one. The source
 * configurations of the same rows (config.ts) make each one bite: row 1's source has tools, row 2's has handoffs, row 8's has object-valued feature configs.
 */
function rowOverrides(scope: FieldScope, fields: readonly ConfigField[], row: number, domains?: Domains): fc.Arbitrary<DrawnOverrides> | undefined {
  const has = (field: ConfigField) => fields.includes(field);
  const constant = (field: ConfigField, value: unknown) => (allowed(field, value, domains) ? fc.constant(value) : overrideValue(field, domains));
  const only = (overrides: Record<string, fc.Arbitrary<unknown>>, extendTools = false) =>
    fc.record(Object.fromEntries(Object.entries(overrides).filter(([field]) => has(field as ConfigField)))).map((chosen) => ({ overrides: chosen as Partial<AgentConfig>, extendTools }));
  const empty = () => fc.constant(null).map(() => [] as unknown[]);
  switch (row) {
    case 0:
      return fc.constant(null).map(() => ({ overrides: {}, extendTools: false }));
    case 1:
      return only({ tools: allowed('tools', [], domains) ? empty() : overrideValue('tools', domains) });
    case 2:
      return only({ handoffs: allowed('handoffs', [], domains) ? empty() : overrideValue('handoffs', domains) });
    case 3:
      return only(Object.fromEntries(Object.entries(FALSY).map(([field, values]) => [field, constant(field as ConfigField, values[0])])));
    case 4:
      return withLoneFramework(scope, only({ tools: overrideValue('tools', domains), features: fc.constant(null).map(() => ({})) }));
    case 5:
      return withLoneFramework(scope, only({ handoffs: constant('handoffs', null), toolTimeout: constant('toolTimeout', -0), parallelToolCalls: constant('parallelToolCalls', false) }));
    case 6:
      return only({ tools: domains?.fields?.tools ? overrideValue('tools', domains) : fc.array(tool, { minLength: 1, maxLength: 2 }) }, true);
    case 7:
      // Every framework field the adapter's cloneWith takes, overridden at once.
      return withFramework(only({ features: featuresFor(scope, domains), toolTimeout: constant('toolTimeout', Number.NaN), apiKey: constant('apiKey', '') }), frameworkValuesFor(scope, scope.overriddenFramework));
    case 8:
      if (!has('features') || domains?.features) return undefined;
      return fc.record({ provider: fc.constantFrom('qdrant', 'pgvector'), limit: fc.integer({ min: 1, max: 50 }) }, { noNullPrototype: true }).map((replacement) => ({ overrides: {}, extendTools: false, replaceFeature: replacement }));
    case 9:
      // The name alone: a clone that resets role, goal or backstory on a rename shows here.
      return has('name') ? only({ name: domains?.fields?.name ? overrideValue('name', domains) : fc.constantFrom('support-renamed', 'Support (EU)') }) : undefined;
    default:
      return undefined;
  }
}

/**
 * `drawn` also overriding one framework field alone, where the adapter's cloneWith takes some: the
 * others must be kept. A route if there is one (a route the source may hold as null would show no
 * loss), else the last declared. In two rows: a kept field the source holds as null shows no loss
 * either, and two sources rarely both do.
 */
function withLoneFramework(scope: FieldScope, drawn: fc.Arbitrary<DrawnOverrides>): fc.Arbitrary<DrawnOverrides> {
  const names = scope.overriddenFramework;
  const lone = names.find((name) => scope.framework.get(name)?.role === 'route') ?? names.at(-1);
  return withFramework(drawn, lone === undefined ? undefined : frameworkValuesFor(scope, [lone]));
}

/** `drawn` with `overrides.framework` drawn from `framework`; `drawn` itself when there is none to draw. */
function withFramework(drawn: fc.Arbitrary<DrawnOverrides>, framework: fc.Arbitrary<Record<string, unknown>> | undefined): fc.Arbitrary<DrawnOverrides> {
  return framework ? fc.tuple(drawn, framework).map(([chosen, values]) => ({ ...chosen, overrides: { ...chosen.overrides, framework: values } })) : drawn;
}

/** Some of the framework fields the adapter's cloneWith takes (each one time in three), or none; undefined when it takes none. */
function someFramework(scope: FieldScope): fc.Arbitrary<Record<string, unknown> | undefined> | undefined {
  const names = scope.overriddenFramework;
  if (names.length === 0) return undefined;
  const each = names.map((name) => fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: frameworkValue(scope, name).map((value) => [name, value] as const) }));
  return fc.tuple(...each).map((chosen) => {
    const present = chosen.filter((entry) => entry !== undefined);
    return present.length === 0 ? undefined : Object.fromEntries(present);
  });
}

/** A configuration with overrides applied as a cloneWith applies them: framework fields one by one, the others kept. */
export function withOverrides(config: AgentConfig, overrides: Partial<AgentConfig>): AgentConfig {
  const merged = { ...config, ...overrides };
  if (overrides.framework !== undefined) merged.framework = { ...config.framework, ...overrides.framework };
  return merged;
}

/** `overrides` with `features`: the source's feature configs, its first object-valued one replaced by `replacement`. */
function withReplacedFeature(overrides: Partial<AgentConfig>, source: AgentConfig, replacement: object | undefined): Partial<AgentConfig> {
  if (replacement === undefined) return overrides;
  const entries = Object.entries(source.features);
  const at = entries.findIndex(([, value]) => typeof value === 'object' && value !== null);
  if (at === -1) return overrides;
  return { ...overrides, features: Object.fromEntries(entries.map(([name, value], i) => [name, i === at ? replacement : value])) };
}

/**
 * Random override sets over the mapped fields: often empty, sometimes overriding tools and
 * handoffs, and sometimes extending the source's own tools (`tools: [...base.tools, extra]`, the
 * way clones are specialised in practice). The first cases of a run follow the schedule
 * ({@link rowOverrides}).
 */
export function overrideCaseFor(scope: FieldScope, accepts?: (config: AgentConfig) => boolean, domains?: Domains): fc.Arbitrary<OverrideCase> {
  // Only the fields the adapter's cloneWith takes (all of them unless it declares `overridable`).
  const fields = CONFIG_FIELDS.filter((field) => scope.overrides(field) && field !== 'name');
  if (scope.overrides('name')) fields.push('name');
  const lists: ConfigField[] = fields.filter((field) => field === 'tools' || field === 'handoffs');
  const others = fields.filter((field) => !lists.includes(field));
  // Sparse sets: often empty, a few scalar fields, sometimes tools or handoffs. Values are concrete:
  // an override "to undefined" has no meaning in languages without undefined.
  // Each list overridden one time in three: "kept" is what most of the list invariants check.
  const listed = fc.tuple(...lists.map((field) => fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.constant([field]) })));
  const keys = fc.tuple(fc.subarray(others, { maxLength: Math.min(5, others.length) }), listed).map(([some, chosen]) => [...some, ...chosen.flat()]);
  const overrides = keys.chain((chosen) =>
    fc.record(Object.fromEntries(chosen.map((field) => [field, field === 'features' ? featuresFor(scope, domains) : overrideValue(field, domains)]))),
  ) as fc.Arbitrary<Partial<AgentConfig>>;
  const framework = someFramework(scope);
  // Framework fields join the random sets only where the adapter names some: the others draw as before.
  const randomOverrides = framework
    ? fc.tuple(overrides, framework).map(([chosen, values]) => (values === undefined ? chosen : { ...chosen, framework: values }))
    : overrides;
  const random: fc.Arbitrary<DrawnOverrides> = fc.record({ overrides: randomOverrides, extendTools: fc.boolean() });
  const rows = Array.from({ length: SCHEDULE_LENGTH }, (_, row) => rowOverrides(scope, fields, row, domains) ?? random);
  const drawn = scheduled('overrides', (row) => (row === undefined ? random : rows[row]!));
  const cases = fc.record({ scenario: scenarioFor(scope, accepts, domains), drawn }).map(({ scenario, drawn: { overrides: chosen, extendTools, replaceFeature } }) => ({
    scenario,
    overrides: fallBack(withReplacedFeature(extendTools && chosen.tools ? { ...chosen, tools: [...scenario.config.tools, ...chosen.tools] } : chosen, scenario.config, replaceFeature), scope.valueKinds),
  }));
  return accepts ? cases.filter(({ scenario, overrides: chosen }) => accepts(withOverrides(scenario.config, chosen))) : cases;
}
