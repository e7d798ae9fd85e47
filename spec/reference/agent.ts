import type { AgentConfig, FeatureName } from '../agent-config.ts';
import { InterruptController } from './interrupt-controller.ts';
import { OwnedLock } from './locks.ts';

/**
 * The reference agent: an ordinary agent class whose `cloneForChannel()` satisfies every channel
 * invariant. It is deliberately plain; what makes it conform is what it copies, what it shares
 * and what it renews, not any cleverness.
 */
export class Agent {
  readonly name: string;
  readonly role?: string;
  readonly goal?: string;
  readonly backstory?: string;
  readonly instructions?: string;
  readonly llm?: unknown;
  readonly baseUrl?: string;
  readonly apiKey?: string;
  readonly auth?: unknown;
  readonly tools: unknown[];
  readonly handoffs: unknown[] | null;
  readonly features: Partial<Record<FeatureName, unknown>>;
  readonly toolTimeout?: number;
  readonly parallelToolCalls?: boolean;
  readonly cliBackend?: string;

  /** Runtime state: never shared between agents. */
  readonly interruptController = new InterruptController();
  readonly locks = {
    /** Guards the response cache; re-entrant because cached calls may nest. */
    cache: new OwnedLock(true),
    /** Guards the cost counters. */
    cost: new OwnedLock(false),
  };

  /**
   * Conversation state (framework fields of role state): what this agent's conversations left,
   * never its configuration. A new agent, and so every clone, starts with none.
   */
  readonly state: ConversationState = { history: [], memory: new Map(), usage: { calls: 0 } };

  constructor(config: AgentConfig) {
    this.name = config.name;
    this.role = config.role;
    this.goal = config.goal;
    this.backstory = config.backstory;
    this.instructions = config.instructions;
    this.llm = config.llm;
    this.baseUrl = config.baseUrl;
    this.apiKey = config.apiKey;
    this.auth = config.auth;
    // The agent owns its lists; the tool and handoff objects themselves are shared by design.
    this.tools = [...config.tools];
    this.handoffs = config.handoffs === null ? null : [...config.handoffs];
    // Spread keeps every own key, including `__proto__`, and keys holding `undefined`.
    this.features = { ...config.features };
    this.toolTimeout = config.toolTimeout;
    this.parallelToolCalls = config.parallelToolCalls;
    this.cliBackend = config.cliBackend;
  }

  addTool(tool: unknown): void {
    this.tools.push(tool);
  }

  /** Records an entry in one state place: a message in the history, a memory entry, a counted call. */
  recordState(place: string, entry: string): void {
    if (place === 'history') this.state.history.push(entry);
    else if (place === 'memory') this.state.memory.set(entry, { entry });
    else if (place === 'usage') this.state.usage.calls += 1;
    else throw new Error(`the agent has no state place named ${JSON.stringify(place)}`);
  }

  /** The configuration this agent was built from, as it stands now. */
  config(): AgentConfig {
    return {
      name: this.name,
      role: this.role,
      goal: this.goal,
      backstory: this.backstory,
      instructions: this.instructions,
      llm: this.llm,
      baseUrl: this.baseUrl,
      apiKey: this.apiKey,
      auth: this.auth,
      tools: this.tools,
      handoffs: this.handoffs,
      features: this.features,
      toolTimeout: this.toolTimeout,
      parallelToolCalls: this.parallelToolCalls,
      cliBackend: this.cliBackend,
    };
  }

  /**
   * What the reference adapter shows: the configuration, the runtime objects, and the state places
   * as framework fields. Added to config()'s literal, not spread from it: this runs for every view.
   */
  view(): AgentConfig & { interruptController: InterruptController; locks: Agent['locks']; framework: ConversationState } {
    const framework: ConversationState = { history: this.state.history, memory: this.state.memory, usage: this.state.usage };
    return Object.assign(this.config(), { interruptController: this.interruptController, locks: this.locks, framework });
  }

  /**
   * A new agent for one channel: the same configuration, its own tools list holding the same
   * tools, no handoffs (routing between channels belongs to the gateway), and fresh runtime state.
   */
  cloneForChannel(): Agent {
    return new Agent({ ...this.config(), handoffs: null });
  }

  /**
   * A copy with some fields replaced and the rest kept: lists not overridden become new lists of
   * the same elements (the constructor copies them), handoffs included; runtime state is fresh.
   */
  cloneWith(overrides: Partial<AgentConfig>): Agent {
    return new Agent({ ...this.config(), ...overrides });
  }

  /**
   * An independent copy: the configuration copied deeply (tools and functions stay shared: they
   * are behaviour, not state), runtime state fresh.
   */
  deepCopy(): Agent {
    const { tools, ...rest } = this.config();
    const copy = new Agent({ ...deepCopyValue(rest), tools });
    // The conversation so far, copied too: a deep copy is this agent, duplicated.
    Object.assign(copy.state, deepCopyValue(this.state));
    return copy;
  }
}

/** The reference agent's conversation state places. */
export interface ConversationState {
  history: string[];
  memory: Map<string, { entry: string }>;
  usage: { calls: number };
}

/** The state places, as the reference adapter declares them (framework fields of role state). */
export const STATE_PLACES = ['history', 'memory', 'usage'] as const;

/** Copies arrays, plain objects, class instances, dates, maps and sets deeply; functions are shared. */
export function deepCopyValue<T>(value: T, seen = new Map<object, unknown>()): T {
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return seen.get(value) as T;
  if (value instanceof Date) {
    // Memoised like every other object: a date held in two places stays one date.
    const date = new Date(value.getTime());
    seen.set(value, date);
    return date as T;
  }
  if (value instanceof Map) {
    const map = new Map();
    seen.set(value, map);
    for (const [key, item] of value) map.set(deepCopyValue(key, seen), deepCopyValue(item, seen));
    return map as T;
  }
  if (value instanceof Set) {
    const set = new Set();
    seen.set(value, set);
    for (const item of value) set.add(deepCopyValue(item, seen));
    return set as T;
  }
  const copy: Record<string, unknown> = Array.isArray(value) ? [] : Object.create(Object.getPrototypeOf(value));
  seen.set(value, copy);
  for (const key of Object.keys(value)) {
    // defineProperty, not assignment: an own "__proto__" key stays a key.
    Object.defineProperty(copy, key, { value: deepCopyValue((value as Record<string, unknown>)[key], seen), enumerable: true, writable: true, configurable: true });
  }
  return copy as T;
}
