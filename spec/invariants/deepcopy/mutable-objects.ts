import { isImmutable, type Observed } from '../../model/observed.ts';

/**
 * Every mutable object (array, set, map, object, date) in an observation: its path, and its
 * identity token. Objects flagged immutable (Enum members, tuples of immutables, frozen objects)
 * are not mutable state, and runtime objects (locks, events, weak dictionaries) are not
 * configuration: neither is listed.
 */
export function mutableObjects(value: Observed, path: string, into = new Map<string, string>()): Map<string, string> {
  if (isImmutable(value)) return into; // nor is anything inside it: an Enum member's value is a constant too
  if (value.kind === 'array' || value.kind === 'set') {
    into.set(path, value.id);
    value.items.forEach((item, index) => mutableObjects(item, value.kind === 'array' ? `${path}[${index}]` : `${path}{${index}}`, into));
  } else if (value.kind === 'map') {
    into.set(path, value.id);
    value.entries.forEach(([key, item], index) => {
      mutableObjects(key, `${path}.keys()[${index}]`, into);
      mutableObjects(item, `${path}.values()[${index}]`, into);
    });
  } else if (value.kind === 'object') {
    if (value.runtime) return into;
    into.set(path, value.id);
    for (const [key, item] of value.entries ?? []) mutableObjects(item, `${path}.${key}`, into);
  } else if (value.kind === 'date') {
    into.set(path, value.id);
  }
  return into;
}
