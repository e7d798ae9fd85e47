import { VIEW_FIELDS } from '../../spec/agent-config.ts';
import type { Observed } from '../../spec/model/observed.ts';
import type { ObservedAgent } from '../../spec/model/subject.ts';

/**
 * Views asked for only some fields (spec/model/batch.ts): on both transports, the fields not asked
 * for were never observed, and reading one throws, so that no check compares what was not seen.
 */

/**
 * The prototype of a partial view's `fields`: a getter that throws for each field not asked for.
 * One per set of fields asked for (a handful in a run): the fields observed are plain own properties.
 */
const unaskedFields = new Map<string, object>();
function fieldsPrototype(only: readonly string[]): object {
  const key = only.join(',');
  let prototype = unaskedFields.get(key);
  if (!prototype) {
    prototype = {};
    for (const field of VIEW_FIELDS) {
      if (field === 'locks' || only.includes(field)) continue;
      Object.defineProperty(prototype, field, {
        enumerable: true,
        get: () => {
          throw new Error(`view field "${field}" was read, but only ${only.join(', ')} were asked for (spec/model/batch.ts)`);
        },
      });
    }
    unaskedFields.set(key, prototype);
  }
  return prototype;
}

/** An empty `fields` record for a view: plain when whole, with throwing getters for the fields not asked for. */
export const emptyFields = (only?: readonly string[]): Record<string, Observed> => (only ? Object.create(fieldsPrototype(only)) : {}) as Record<string, Observed>;

/** Whether a view asked for `only` these fields observes `field` (every field when whole). */
export const asked = (field: string, only?: readonly string[]): boolean => !only || only.includes(field);

/** The observed agent; when the locks were not asked for, reading them throws. */
export function observedAgent(fields: Record<string, Observed>, locks: Record<string, Observed> | undefined, self: Observed, only?: readonly string[]): ObservedAgent {
  if (asked('locks', only)) return { fields: fields as ObservedAgent['fields'], locks, self };
  return Object.defineProperty({ fields: fields as ObservedAgent['fields'], self }, 'locks', {
    enumerable: true,
    get: () => {
      throw new Error(`view locks were read, but only ${only!.join(', ')} were asked for (spec/model/batch.ts)`);
    },
  }) as ObservedAgent;
}

/** A view observed for `only` some fields (its other fields absent), made so that reading one of those throws. */
export function restrictTo(view: ObservedAgent, only?: readonly string[]): ObservedAgent {
  if (!only) return view;
  const fields = emptyFields(only);
  for (const field of only) if (field !== 'locks' && field in view.fields) fields[field] = view.fields[field as keyof ObservedAgent['fields']];
  return observedAgent(fields, view.locks, view.self, only);
}
