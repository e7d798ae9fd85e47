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
    return new Agent({ ...deepCopyValue(rest), tools });
  }
}

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
