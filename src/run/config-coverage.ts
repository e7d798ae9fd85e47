import { CONFIG_FIELDS, type AgentConfig, type ConfigField } from '../../spec/agent-config.ts';
import type { FieldScope } from '../../spec/model/field-scope.ts';
import type { Call } from '../../spec/model/batch.ts';
import type { Subject } from '../../spec/model/subject.ts';

/**
 * Whether a configuration value gives a rule something to compare: not absent, not null, not an
 * empty string, list or object (features without any feature). `0` and `false` count: they are
 * the falsy values several rules are about.
 */
export function nonTrivial(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.keys(value).length > 0;
  return true;
}

/**
 * Which mapped fields held a non-trivial value in the configurations of the cases that were
 * checked: a run where accepts() or the adapter's rejections let only trivial values through
 * compares nothing on the others, and the report says so.
 */
export class ConfigCoverage {
  readonly #seen = new Set<ConfigField>();
  #pending: AgentConfig[] = [];

  constructor(private readonly scope: FieldScope) {}

  /** The subject, with every configuration it creates an agent from recorded for the current case. */
  watch(subject: Subject): Subject {
    const create = async (config: AgentConfig) => {
      const agent = await subject.create(config);
      this.#pending.push(config);
      return agent;
    };
    const inner = subject.batch?.bind(subject);
    // Batched creates (protocol 2) count as well: a configuration counts once its create answered.
    const batch = inner && (async (calls: readonly Call[]) => {
      const outcome = await inner(calls);
      calls.forEach((call, index) => {
        if (call.method === 'create' && index < outcome.results.length) this.#pending.push(call.config);
      });
      return outcome;
    });
    return Object.create(subject, { create: { value: create }, ...(batch ? { batch: { value: batch } } : {}) }) as Subject;
  }

  /** The current case was checked to the end: its configurations count. */
  caseChecked(): void {
    for (const config of this.#pending) for (const field of CONFIG_FIELDS) if (nonTrivial(config[field])) this.#seen.add(field);
    this.#pending = [];
  }

  /** The current case was discarded or failed: its configurations do not count. */
  caseDropped(): void {
    this.#pending = [];
  }

  /** Mapped fields that never held a non-trivial value in a checked case. */
  get trivial(): ConfigField[] {
    return CONFIG_FIELDS.filter((field) => this.scope.has(field) && !this.#seen.has(field));
  }
}
