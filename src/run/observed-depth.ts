import { CONFIG_FIELDS, type ViewField } from '../../spec/agent-config.ts';
import type { Call } from '../../spec/model/batch.ts';
import type { Observed } from '../../spec/model/observed.ts';
import { OBSERVER_DEPTH } from '../../spec/model/reach.ts';
import type { ObservedAgent, Subject } from '../../spec/model/subject.ts';

/** At most this many paths are kept: enough to name where, few enough to read. */
const KEEP = 5;

const segment = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);
/** A step of a path: an object's key (spelt only when a path is), or a step already spelt. */
type Step = { readonly key: string } | string;
const spell = (steps: readonly Step[]) => steps.map((step) => (typeof step === 'string' ? step : segment(step.key))).join('');

/**
 * The paths, in one observed configuration field, of objects cut at the observers' depth limit:
 * observed by identity only (no contents) at depth {@link OBSERVER_DEPTH}, so that nothing below
 * them (a change, an object shared with the source) can be seen. Runtime objects are meant to be
 * seen by identity only and are not counted. Every view of every case is walked: a path is
 * spelt only when one is found.
 */
export function cutPaths(value: Observed, path: string, depth = 0, into: string[] = []): string[] {
  const trail: Step[] = [];
  const walk = (current: Observed, depth: number): void => {
    if (into.length >= KEEP) return;
    switch (current.kind) {
      case 'object':
        if (current.entries === undefined) {
          if (depth >= OBSERVER_DEPTH && !current.runtime) into.push(path + spell(trail));
          return;
        }
        for (const [key, item] of current.entries) {
          trail.push({ key });
          walk(item, depth + 1);
          trail.pop();
        }
        return;
      case 'array':
      case 'set':
        current.items.forEach((item, index) => {
          trail.push(current.kind === 'array' ? `[${index}]` : `{${index}}`);
          walk(item, depth + 1);
          trail.pop();
        });
        return;
      case 'map':
        current.entries.forEach(([key, item], index) => {
          trail.push(`.keys()[${index}]`);
          walk(key, depth + 1);
          trail.pop();
          trail.push(`.values()[${index}]`);
          walk(item, depth + 1);
          trail.pop();
        });
        return;
      default:
        return;
    }
  };
  walk(value, depth);
  return into;
}

/**
 * Watches the views a run's checks read, and keeps the paths of configuration values the
 * observer cut at its depth limit: a check that passes there compared nothing below, and the
 * report says so (a warning; a failure under --strict), never a silent pass.
 */
export class ObservedDepth {
  readonly #paths = new Set<string>();

  /** The subject, with every view it answers inspected (views in batches too; outlined fields are cut on purpose and skipped). */
  watch(subject: Subject): Subject {
    const view = async (agent: Parameters<Subject['view']>[0]) => {
      const seen = await subject.view(agent);
      this.#inspect(seen, CONFIG_FIELDS);
      return seen;
    };
    const inner = subject.batch?.bind(subject);
    const batch = inner && (async (calls: readonly Call[]) => {
      const outcome = await inner(calls);
      calls.forEach((call, index) => {
        if (call.method !== 'view' || index >= outcome.results.length) return;
        const read = (call.fields ?? CONFIG_FIELDS).filter((field) => !(call.outline ?? []).includes(field));
        this.#inspect(outcome.results[index] as ObservedAgent, read);
      });
      return outcome;
    });
    return Object.create(subject, { view: { value: view }, ...(batch ? { batch: { value: batch } } : {}) }) as Subject;
  }

  #inspect(view: ObservedAgent | undefined, fields: readonly ViewField[]): void {
    if (typeof view !== 'object' || view === null || typeof view.fields !== 'object' || this.#paths.size >= KEEP) return;
    for (const field of fields) {
      if (!(CONFIG_FIELDS as readonly string[]).includes(field)) continue;
      const value = view.fields[field as (typeof CONFIG_FIELDS)[number]];
      if (value !== undefined) for (const path of cutPaths(value, field)) if (this.#paths.size < KEEP) this.#paths.add(path);
    }
  }

  /** Where views were cut, e.g. `features.memory.a.b.c.d.e.f.g.h.i.j.k`. */
  get paths(): string[] {
    return [...this.#paths];
  }
}
