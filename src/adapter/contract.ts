import type { AgentConfig, AgentView, MappedField } from '../../spec/agent-config.ts';
import type { Domains } from '../../spec/domains.ts';
import type { FrameworkFields } from '../../spec/model/roles.ts';
import type { OverridableField } from '../../spec/model/overridable.ts';

export type { Domain, Domains } from '../../spec/domains.ts';

export type { AgentConfig, AgentView, FeatureName, MappedField } from '../../spec/agent-config.ts';
export type { OverridableField } from '../../spec/model/overridable.ts';
export type { FrameworkField, FrameworkFields, Role } from '../../spec/model/roles.ts';

// #region contract
/**
 * What an adapter gives the suite: how to create an agent of the implementation under test, how
 * to look at it, and how to clone it. Probes are optional; an invariant that needs a missing probe
 * is reported as skipped, with the reason.
 */
export interface CloneAdapter<A = unknown> {
  /** Shown in reports, e.g. `praisonai 1.4 (python)`. */
  name: string;
  /** Builds an agent from a configuration. Tools and handoffs are real values: keep them as given. */
  create(config: AgentConfig): A | Promise<A>;
  /** The agent as it is now, with its real objects (not copies): identities are what is checked. */
  view(agent: A): AgentView | Promise<AgentView>;
  /**
   * The canonical fields and feature names this adapter maps (e.g. `['name', 'instructions',
   * 'tools', 'handoffs', 'llm']`): generators produce only these, invariants compare only these,
   * and the report lists the rest as not checked. Absent: every field and feature.
   */
  fields?: readonly MappedField[];
  /**
   * The fields the framework holds beyond the canonical ones, by name, each with its role
   * (spec/model/roles.ts): `config`, `shared-list`, `route`, `runtime` or `state`, optionally with
   * the values it takes: e.g. `{ input_guardrails: 'shared-list', model_settings: { role:
   * 'config', domain: { kind: 'object', keys: { temperature: { kind: 'number' } } } }, memory:
   * 'state' }`. `create` receives the configured ones (config, shared-list, route) in
   * `config.framework`; `view` shows every one in `view.framework` (a state place: its content).
   * Each is checked by the invariants of its role, as the canonical fields of that role are.
   */
  frameworkFields?: FrameworkFields;
  /**
   * The configurations the framework accepts (e.g. it rejects empty names): generators keep only
   * these, for creating and for overriding. In-process adapters only; keep it as wide as the
   * framework is, since what it excludes is not checked.
   */
  accepts?(config: AgentConfig): boolean;
  /**
   * The values the framework takes, per configuration field and per feature (spec/domains.ts),
   * e.g. `{ features: { memory: { kind: 'anyOf', of: [{ kind: 'boolean' }, { kind: 'built',
   * name: 'MemoryConfig', from: { kind: 'object', keys: { provider: { kind: 'oneOf', values:
   * ['chroma', 'qdrant'] } } } }] } } }`: generators then draw only such values (edge values
   * first). Undeclared places keep the suite's usual values.
   */
  domains?: Domains;
  /**
   * Builds a value of a `built` domain from a drawn plain value (e.g. `new MemoryConfig(value)`).
   * Called once per drawn value: a value held in two places is built once and held in both.
   * Required when a declared domain has `built` values.
   */
  build?(name: string, value: unknown): unknown;
  /** The channel clone under test (profile `channel`). */
  cloneForChannel?(agent: A): A | Promise<A>;
  /**
   * The fields `cloneWith` takes, when it takes only some (AgentKit's `withModel(model)`: `['llm']`):
   * override cases then override only these, and the report names the others as not checked.
   * Absent: every mapped field. Framework fields (of a configured role) are overridden only when
   * named here, as `framework.<name>`: the overrides then carry `framework: { <name>: value }`,
   * holding only the framework fields overridden, and `cloneWith` keeps the others.
   */
  overridable?: readonly OverridableField[];
  /** The override clone (profile `override`): a copy with the given fields replaced. */
  cloneWith?(agent: A, overrides: Partial<AgentConfig>): A | Promise<A>;
  /** The deep copy (profile `deepcopy`). */
  deepCopy?(agent: A): A | Promise<A>;
  /** Whether a deep copy shares the tool objects (default) or copies them. */
  deepCopyTools?: 'shared' | 'copied';
  /**
   * Classes of runtime objects the framework keeps inside configuration values (e.g. a handoff
   * target agent's own mutex class), besides the built-in ones (AbortController, EventTarget,
   * WeakMap, WeakSet, WeakRef, Promise): compared by class only, never as configuration.
   */
  runtimeTypes?: readonly Function[];
  /** Interrupts the agent through its interrupt controller. */
  interrupt?(agent: A): void | Promise<void>;
  isInterrupted?(agent: A): boolean | Promise<boolean>;
  /** Tries to take the named lock for `owner` without waiting; true when it is now held by `owner`. */
  tryAcquire?(agent: A, lock: string, owner: string): boolean | Promise<boolean>;
  release?(agent: A, lock: string, owner: string): void | Promise<void>;
  /** Adds a tool to the agent's own tools list. */
  addTool?(agent: A, tool: unknown): void | Promise<void>;
  /**
   * Records `entry` (a string the suite makes unique) in the agent's conversation state place
   * `place` (a framework field of role `state`): appends a message to a history, stores a memory
   * entry, counts a usage. The view's `framework[place]` then shows it.
   */
  recordState?(agent: A, place: string, entry: string): void | Promise<void>;
}
// #endregion contract

/**
 * Every key of the adapter contract. An adapter key not among them is a mistake that would
 * otherwise pass silently (a misspelt probe is a missing probe: its invariants are skipped), so
 * loading refuses it, naming the closest key. Keys starting with `_` are the adapter's own helpers.
 * Checked against {@link CloneAdapter} by the compiler: a key added there must be added here.
 */
export const ADAPTER_KEYS = Object.keys({
  name: true,
  create: true,
  view: true,
  fields: true,
  accepts: true,
  domains: true,
  build: true,
  frameworkFields: true,
  overridable: true,
  cloneForChannel: true,
  cloneWith: true,
  deepCopy: true,
  deepCopyTools: true,
  runtimeTypes: true,
  interrupt: true,
  isInterrupted: true,
  tryAcquire: true,
  release: true,
  addTool: true,
  recordState: true,
} satisfies Record<keyof CloneAdapter, true>) as readonly (keyof CloneAdapter)[];

/**
 * Thrown by an adapter's `create()` or `cloneWith()` when the framework rejects the configuration
 * it was given (it validates it: unknown feature keys, a non-string model...). The suite discards
 * that case, neither passed nor failed, and counts it; an invariant whose every case was rejected
 * is reported as not checked. Recognised by its name, so a copy of this class works as well.
 */
export class RejectedConfig extends Error {
  override readonly name = 'RejectedConfig';
}

/** Identity helper that gives an adapter object literal its types. */
export function defineAdapter<A>(adapter: CloneAdapter<A>): CloneAdapter<A> {
  return adapter;
}
