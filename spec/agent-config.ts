/**
 * The canonical agent configuration: the fields every clone semantics in this specification talks
 * about. Framework adapters map their own agent onto these names.
 */

/** The 17 feature configs an agent forwards to its clones. */
export const FEATURE_NAMES = [
  'memory', 'knowledge', 'planning', 'reflection', 'guardrails', 'web', 'context', 'autonomy',
  'output', 'execution', 'templates', 'caching', 'hooks', 'skills', 'approval', 'learn', 'sandbox',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

// #region config
/** The configuration an agent is created from. */
export interface AgentConfig {
  name: string;
  role?: string;
  goal?: string;
  backstory?: string;
  instructions?: string;
  llm?: unknown;
  baseUrl?: string;
  apiKey?: string;
  auth?: unknown;
  /** Tool values made by the generators: functions, plain objects, class instances. */
  tools: readonly unknown[];
  /** Handoff values made by the generators, or `null` for none. */
  handoffs: readonly unknown[] | null;
  features: Partial<Record<FeatureName, unknown>>;
  toolTimeout?: number;
  parallelToolCalls?: boolean;
  cliBackend?: string;
  /**
   * Values of the adapter's framework fields of configured roles (config, shared-list, route:
   * spec/model/roles.ts), by name; present only when the adapter declares framework fields.
   */
  framework?: Readonly<Record<string, unknown>>;
}

/** The agent as it is now, with its real objects (not copies), as an adapter's `view` reports it. */
export interface AgentView extends AgentConfig {
  interruptController: object | null;
  /** Every lock the agent owns, by name. */
  locks: Readonly<Record<string, object>>;
  /**
   * Every declared framework field as the agent holds it now, by name: configured values, runtime
   * objects, and each state place's content (a list of messages, a memory store, a counter).
   */
  framework?: Readonly<Record<string, unknown>>;
}
// #endregion config

/** Every field of an {@link AgentConfig}. */
export const CONFIG_FIELDS = [
  'name', 'role', 'goal', 'backstory', 'instructions', 'llm', 'baseUrl', 'apiKey', 'auth', 'tools', 'handoffs',
  'features', 'toolTimeout', 'parallelToolCalls', 'cliBackend',
] as const;

export type ConfigField = (typeof CONFIG_FIELDS)[number];

/**
 * What an adapter can declare it maps: a configuration field, or one feature by name (`features`
 * itself means every feature).
 */
export type MappedField = ConfigField | FeatureName;

/** Every name an adapter may declare it maps (or its cloneWith takes), as `fields` and `overridable` list them. */
export const MAPPED_FIELDS: readonly MappedField[] = [...CONFIG_FIELDS, ...FEATURE_NAMES];

/** Fields a channel clone copies as-is, grouped as the invariants check them. */
export const IDENTITY_FIELDS = ['name', 'role', 'goal', 'backstory', 'instructions'] as const;
export const MODEL_ACCESS_FIELDS = ['llm', 'baseUrl', 'apiKey', 'auth'] as const;
export const EXECUTION_FIELDS = ['toolTimeout', 'parallelToolCalls', 'cliBackend'] as const;

/** Top-level fields for which a missing key and a key holding `undefined` mean the same. */
export const OPTIONAL_FIELDS = [
  'role', 'goal', 'backstory', 'instructions', ...MODEL_ACCESS_FIELDS, ...EXECUTION_FIELDS,
] as const;

/** Every top-level key of an {@link AgentView}. */
export const VIEW_FIELDS = [
  ...IDENTITY_FIELDS, ...MODEL_ACCESS_FIELDS, 'tools', 'handoffs', 'features', ...EXECUTION_FIELDS,
  'interruptController', 'locks', 'framework',
] as const;

export type ViewField = (typeof VIEW_FIELDS)[number];
