/**
 * Edge coverage: for every field and every edge value, on how many seeds the first ten cases of
 * a run contain it. Measured on what was generated (each edge's own matcher, the sharing found
 * by walking the configuration), not on what the schedule meant to generate. Shared by the
 * benchmark (100 seeds) and the tests (a few seeds).
 */
import { FEATURE_NAMES, type AgentConfig, type ConfigField } from '../spec/agent-config.ts';
import { ABSENT } from '../spec/generators/edge.ts';
import { FEATURE_EDGES, FIELD_EDGES, kindOf, SHARED_KINDS } from '../spec/generators/field-edges.ts';
import { overrideCaseFor, type OverrideCase } from '../spec/generators/overrides.ts';
import { firstCases, SCHEDULE_LENGTH } from '../spec/generators/schedule.ts';
import { scenarioFor } from '../spec/generators/scenario.ts';
import { FieldScope } from '../spec/model/field-scope.ts';

/** One edge value of one field, and the seeds whose first cases held it. */
export interface EdgeCoverage {
  /** A configuration field, `features.<name>`, `sharing` or `overrides`. */
  readonly field: string;
  readonly edge: string;
  readonly seeds: number;
}

interface Check {
  readonly field: string;
  readonly edge: string;
  readonly holds: (configs: readonly AgentConfig[], overrides: readonly OverrideCase[]) => boolean;
}

const valueOf = (config: object, key: string): unknown => (Object.hasOwn(config, key) ? (config as Record<string, unknown>)[key] : ABSENT);

/** The kinds of mutable value that one configuration holds in two places or more (tools aside). */
export function sharedKinds(config: AgentConfig): Set<string> {
  const places = new Map<object, number>();
  const walk = (value: unknown, path: Set<object>) => {
    if (typeof value !== 'object' || value === null || path.has(value)) return;
    places.set(value, (places.get(value) ?? 0) + 1);
    if (places.get(value)! > 1) return; // already walked inside
    path.add(value);
    const inner = value instanceof Map ? [...value.values()] : value instanceof Set ? [...value] : Object.keys(value).map((key) => (value as Record<string, unknown>)[key]);
    for (const item of inner) walk(item, path);
    path.delete(value);
  };
  for (const [field, value] of Object.entries(config)) if (field !== 'tools') walk(value, new Set());
  return new Set([...places].filter(([, count]) => count > 1).map(([value]) => kindOf(value)!));
}

const SCALARS: readonly ConfigField[] = ['name', 'role', 'goal', 'backstory', 'instructions', 'llm', 'baseUrl', 'apiKey', 'auth', 'toolTimeout', 'parallelToolCalls', 'cliBackend'];
const isFalsy = (value: unknown) => !value && value !== undefined;

const CHECKS: readonly Check[] = [
  ...Object.entries(FIELD_EDGES).flatMap(([field, edges]) =>
    edges.map((edge) => ({ field, edge: edge.label, holds: (configs: readonly AgentConfig[]) => configs.some((config) => edge.matches(valueOf(config, field))) })),
  ),
  { field: 'features', edge: '{} (none)', holds: (configs) => configs.some((config) => Object.keys(config.features).length === 0) },
  { field: 'features', edge: 'ten or more at once', holds: (configs) => configs.some((config) => Object.keys(config.features).length >= 10) },
  ...FEATURE_NAMES.flatMap((name) =>
    FEATURE_EDGES.map((edge) => ({ field: `features.${name}`, edge: edge.label, holds: (configs: readonly AgentConfig[]) => configs.some((config) => edge.matches(valueOf(config.features, name))) })),
  ),
  ...SHARED_KINDS.map((kind) => ({ field: 'sharing', edge: `one ${kind} in two places`, holds: (configs: readonly AgentConfig[]) => configs.some((config) => sharedKinds(config).has(kind)) })),
  { field: 'overrides', edge: '{} (nothing overridden)', holds: (_configs, cases) => cases.some(({ overrides }) => Object.keys(overrides).length === 0) },
  {
    field: 'overrides',
    edge: 'tools: [] over a source with tools',
    holds: (_configs, cases) => cases.some(({ overrides, scenario }) => Array.isArray(overrides.tools) && overrides.tools.length === 0 && scenario.config.tools.length > 0),
  },
  {
    field: 'overrides',
    edge: 'handoffs: [] over a source with handoffs',
    holds: (_configs, cases) => cases.some(({ overrides, scenario }) => overrides.handoffs?.length === 0 && (scenario.config.handoffs?.length ?? 0) > 0),
  },
  { field: 'overrides', edge: 'handoffs: null', holds: (_configs, cases) => cases.some(({ overrides }) => Object.hasOwn(overrides, 'handoffs') && overrides.handoffs === null) },
  {
    field: 'overrides',
    edge: "source's empty handoffs kept",
    holds: (_configs, cases) => cases.some(({ overrides, scenario }) => !Object.hasOwn(overrides, 'handoffs') && scenario.config.handoffs?.length === 0),
  },
  {
    field: 'overrides',
    edge: 'features: {} over a source with features',
    holds: (_configs, cases) => cases.some(({ overrides, scenario }) => overrides.features !== undefined && Object.keys(overrides.features).length === 0 && Object.keys(scenario.config.features).length > 0),
  },
  {
    field: 'overrides',
    edge: 'every scalar falsy at once',
    holds: (_configs, cases) => cases.some(({ overrides }) => SCALARS.every((field) => isFalsy(overrides[field]))),
  },
  { field: 'overrides', edge: 'name alone', holds: (_configs, cases) => cases.some(({ overrides }) => Object.keys(overrides).length === 1 && Object.hasOwn(overrides, 'name')) },
  {
    field: 'overrides',
    edge: 'one object-valued feature config replaced, the others kept',
    holds: (_configs, cases) =>
      cases.some(({ overrides, scenario }) => {
        const given = overrides.features as Record<string, unknown> | undefined;
        if (!given) return false;
        const source = scenario.config.features as Record<string, unknown>;
        const replaced = Object.keys(given).filter((name) => given[name] !== source[name]);
        return replaced.length === 1 && typeof source[replaced[0]!] === 'object' && source[replaced[0]!] !== null && Object.keys(given).length === Object.keys(source).length;
      }),
  },
  { field: 'sharing', edge: 'llm also the auth', holds: (configs) => configs.some((config) => typeof config.llm === 'object' && config.llm !== null && config.llm === config.auth) },
  {
    field: 'sharing',
    edge: 'llm also held by a feature config',
    holds: (configs) => configs.some((config) => typeof config.llm === 'object' && config.llm !== null && Object.values(config.features).some((value) => typeof value === 'object' && value !== null && (value as { llm?: unknown }).llm === config.llm)),
  },
  {
    field: 'overrides',
    edge: "the source's tools extended",
    holds: (_configs, cases) => cases.some(({ overrides, scenario }) => scenario.config.tools.length > 0 && (overrides.tools?.length ?? 0) > scenario.config.tools.length && scenario.config.tools.every((tool, i) => overrides.tools![i] === tool)),
  },
];

/** Edge coverage of the first `cases` cases of runs on seeds 1..seeds, every field mapped. */
export async function edgeCoverage(seeds: number, cases = SCHEDULE_LENGTH): Promise<EdgeCoverage[]> {
  const counts = new Map<Check, number>(CHECKS.map((check) => [check, 0]));
  const scenarios = scenarioFor(FieldScope.ALL);
  const overrideCases = overrideCaseFor(FieldScope.ALL);
  for (let seed = 1; seed <= seeds; seed++) {
    const configs = (await firstCases(scenarios, seed, cases)).map((scenario) => scenario.config);
    const overrides = await firstCases(overrideCases, seed, cases);
    for (const check of CHECKS) if (check.holds(configs, overrides)) counts.set(check, counts.get(check)! + 1);
  }
  return CHECKS.map((check) => ({ field: check.field, edge: check.edge, seeds: counts.get(check)! }));
}
