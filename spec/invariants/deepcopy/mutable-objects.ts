import type { Observed } from '../../model/observed.ts';

/** Every mutable object (array, object, date) in an observation: its path, and its identity token. */
export function mutableObjects(value: Observed, path: string, into = new Map<string, string>()): Map<string, string> {
  if (value.kind === 'array') {
    into.set(path, value.id);
    value.items.forEach((item, index) => mutableObjects(item, `${path}[${index}]`, into));
  } else if (value.kind === 'object') {
    into.set(path, value.id);
    for (const [key, item] of value.entries ?? []) mutableObjects(item, `${path}.${key}`, into);
  } else if (value.kind === 'date') {
    into.set(path, value.id);
  }
  return into;
}
