import type { AgentConfig, ViewField } from '../agent-config.ts';
import type { Domains } from '../domains.ts';
import type { BatchOutcome, Call } from './batch.ts';
import type { FieldScope } from './field-scope.ts';
import type { Observed } from './observed.ts';

/** Optional adapter operations that some invariants need in order to run. */
export const PROBES = ['interrupt', 'isInterrupted', 'tryAcquire', 'release', 'addTool', 'recordState'] as const;
export type Probe = (typeof PROBES)[number];

/** The clone operations, one per profile; an adapter has at least one. */
export const CLONE_OPERATIONS = ['cloneForChannel', 'cloneWith', 'deepCopy'] as const;
export type CloneOperation = (typeof CLONE_OPERATIONS)[number];

/** An agent held by the implementation under test; opaque to the specification. */
export type Handle = unknown;

/**
 * An agent view as observed: every top-level key of the view, with missing top-level optional
 * fields observed as `undefined`. `interruptController` and the locks are observed by identity only.
 */
export interface ObservedAgent {
  readonly fields: Readonly<Record<Exclude<ViewField, 'locks'>, Observed>>;
  /** The agent's locks by name, each observed by identity; `undefined` when `locks` is not an object. */
  readonly locks: Readonly<Record<string, Observed>> | undefined;
  /**
   * The agent object itself, observed by identity (in-process: the handle the adapter returned;
   * over the protocol: the view answer's `self`). `{ kind: 'undefined' }` when unknown: an adapter
   * process whose kit predates `self`.
   */
  readonly self: Observed;
}

/**
 * Thrown by a subject's `create()` or `cloneWith()` when the adapter rejects the configuration it
 * was given (the framework validates it): the case is discarded, neither passed nor failed.
 */
export class ConfigRejectedError extends Error {
  override readonly name = 'ConfigRejectedError';
}

/**
 * The implementation under test, as the invariants see it. A transport (in-process, or an adapter
 * process) implements it; every call may fail with an error naming the adapter call.
 */
export interface Subject {
  readonly probes: ReadonlySet<Probe>;
  readonly operations: ReadonlySet<CloneOperation>;
  /** The fields the adapter maps. */
  readonly scope: FieldScope;
  /** The configurations the framework accepts, when it restricts them. */
  readonly accepts?: (config: AgentConfig) => boolean;
  /** The values the framework takes, per field and feature, when the adapter declares them. */
  readonly domains?: Domains;
  /** Whether the adapter's deep copy shares tool objects or copies them. */
  readonly deepCopyTools: 'shared' | 'copied';
  create(config: AgentConfig): Promise<Handle>;
  view(agent: Handle): Promise<ObservedAgent>;
  cloneForChannel(agent: Handle): Promise<Handle>;
  cloneWith(agent: Handle, overrides: Partial<AgentConfig>): Promise<Handle>;
  deepCopy(agent: Handle): Promise<Handle>;
  /**
   * A value the suite handed to the adapter, observed as the adapter's views show it: the same
   * identity tokens for the objects the adapter received (where the transport can tell).
   */
  observeInput(value: unknown): Observed;
  interrupt(agent: Handle): Promise<void>;
  isInterrupted(agent: Handle): Promise<boolean>;
  tryAcquire(agent: Handle, lock: string, owner: string): Promise<boolean>;
  release(agent: Handle, lock: string, owner: string): Promise<void>;
  addTool(agent: Handle, tool: unknown): Promise<void>;
  /** Records an entry in one of the agent's conversation state places (spec/model/roles.ts). */
  recordState(agent: Handle, place: string, entry: string): Promise<void>;
  /**
   * Runs several calls in order, stopping at the first error (spec/model/batch.ts), in one round
   * trip where the transport can; without it, the calls are made one by one.
   */
  batch?(calls: readonly Call[]): Promise<BatchOutcome>;
  /**
   * Set by a runner that runs invariants side by side on one adapter process: the invariant on this
   * subject is on the run's critical path (the longest), and its calls go before the others'.
   */
  urgent?: boolean;
  /** Called before each invariant runs: a transport may restart a broken adapter process here. */
  beginInvariant?(): Promise<void>;
  /** Called after each scenario: a transport may let the adapter drop that scenario's agents. */
  endCase?(): Promise<void>;
}
