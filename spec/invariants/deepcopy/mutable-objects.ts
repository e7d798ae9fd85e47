import { isImmutable, type Observed } from '../../model/observed.ts';

/**
 * Every mutable object (array, set, map, object, date) in an observation: its path, and its
 * identity token. Objects flagged immutable (Enum members, tuples of immutables, frozen objects)
 * are not mutable state, and runtime objects (locks, events, weak dictionaries) are not
 * configuration: neither is listed. With `throughFunctions`, what functions reach (closure cells,
 * a partial's parts, a bound method's object) is walked too: it is state the function acts on,
 * inside immutable values as well (a tuple holding a partial is immutable; what the partial's
 * function returns need not be).
 */
export function mutableObjects(value: Observed, path: string, into = new Map<string, string>(), throughFunctions = false): Map<string, string> {
  const walk = (item: Observed, at: string) => mutableObjects(item, at, into, throughFunctions);
  const immutable = isImmutable(value);
  // An immutable value is not mutable state, nor is anything inside it (an Enum member's value is a
  // constant too), except what a function inside it reaches.
  if (immutable && !throughFunctions) return into;
  const list = (id: string) => {
    if (!immutable) into.set(path, id);
  };
  if (value.kind === 'array' || value.kind === 'set') {
    list(value.id);
    value.items.forEach((item, index) => walk(item, value.kind === 'array' ? `${path}[${index}]` : `${path}{${index}}`));
  } else if (value.kind === 'map') {
    into.set(path, value.id);
    value.entries.forEach(([key, item], index) => {
      walk(key, `${path}.keys()[${index}]`);
      walk(item, `${path}.values()[${index}]`);
    });
  } else if (value.kind === 'object') {
    if (value.runtime) return into;
    list(value.id);
    for (const [key, item] of value.entries ?? []) walk(item, `${path}.${key}`);
  } else if (value.kind === 'date') {
    into.set(path, value.id);
  } else if (value.kind === 'function' && throughFunctions) {
    for (const [label, item] of value.reaches ?? []) walk(item, `${path}.${label}`);
  }
  return into;
}
