import { BuiltValue } from '../../spec/generators/built.ts';

/**
 * Replaces the generators' {@link BuiltValue} markers by what the adapter builds from them
 * (`build(name, value)`), in-process. Each marker is built once: a marker held in two places of a
 * configuration becomes one built object held in both. A container holding a marker is replaced
 * by a new container of the same class and keys (the suite's own values are never changed); one
 * holding none is handed over as it is, so identities the invariants check are kept. The memo
 * lasts as long as the subject, so that `observeInput` observes exactly what the adapter received.
 */
export class BuiltValues {
  readonly #memo = new WeakMap<object, unknown>();

  /**
   * `declared`: the adapter's declarations (domains, framework fields). Without a build() and
   * without a `built` domain among them, no configuration can hold a marker, and values are handed
   * over without a walk (the walk and its memo were a tenth of an in-process run).
   */
  constructor(
    readonly build: ((name: string, value: unknown) => unknown) | undefined,
    declared?: unknown,
  ) {
    this.#none = build === undefined && !mentionsBuilt(declared);
  }

  readonly #none: boolean;

  materialise(value: unknown, inProgress?: Set<object>): unknown {
    if (this.#none || typeof value !== 'object' || value === null) return value;
    return this.#materialise(value, inProgress ?? new Set());
  }

  #materialise(value: unknown, inProgress: Set<object>): unknown {
    if (typeof value !== 'object' || value === null) return value;
    if (this.#memo.has(value)) return this.#memo.get(value);
    if (inProgress.has(value) || value instanceof Date || value instanceof Map || value instanceof Set) return value;
    if (value instanceof BuiltValue) {
      if (!this.build) throw new Error(`a configuration holds a built value "${value.name}", but the adapter has no build(name, value)`);
      const plain = this.#materialise(value.value, inProgress);
      let built: unknown;
      try {
        built = this.build(value.name, plain);
      } catch (error) {
        // A framework refusing the value (RejectedConfig) refuses the configuration: the case is discarded, as over the protocol.
        if (error instanceof Error && error.name === 'RejectedConfig') throw error;
        throw new Error(`build(${JSON.stringify(value.name)}, ...) threw: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      this.#memo.set(value, built);
      return built;
    }
    inProgress.add(value);
    const keys = Object.keys(value);
    const items = keys.map((key) => this.#materialise((value as Record<string, unknown>)[key], inProgress));
    inProgress.delete(value);
    // Object.is: a NaN is unchanged, and a needless copy would cut a cycle through this container.
    const changed = items.some((item, index) => !Object.is(item, (value as Record<string, unknown>)[keys[index]!]));
    if (!changed) {
      this.#memo.set(value, value);
      return value;
    }
    const copy: Record<string, unknown> = Array.isArray(value) ? [] : Object.create(Object.getPrototypeOf(value));
    keys.forEach((key, index) => Object.defineProperty(copy, key, { value: items[index], enumerable: true, writable: true, configurable: true }));
    this.#memo.set(value, copy);
    return copy;
  }
}

/** Whether declarations name a `built` domain anywhere (unreadable ones are assumed to). */
function mentionsBuilt(declared: unknown): boolean {
  if (declared === undefined) return false;
  try {
    return /"kind":\s*"built"/.test(JSON.stringify(declared) ?? '');
  } catch {
    return true;
  }
}
