/**
 * A generated case as reports print it: fast-check's notation (`fc.stringify`), except that an
 * object held in two places is printed in full once and, at each later place, as
 * `<same object as config.framework.session_state>`. Several rules are about such sharing (a deep
 * copy must keep one object held twice as one copy), and two equal printouts would hide it.
 * A case holding no object twice prints exactly as `fc.stringify` prints it.
 */
import fc from 'fast-check';

/** The containers walked into (and copied for printing): what the generators build. Class instances, dates and values printed their own way are kept whole. */
const walked = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null || proto === Array.prototype || proto === Map.prototype || proto === Set.prototype;
};

function children(value: object): unknown[] {
  if (!walked(value)) return [];
  if (value instanceof Map) return [...value].flat();
  if (value instanceof Set) return [...value];
  return Reflect.ownKeys(value).map((key) => Object.getOwnPropertyDescriptor(value, key)!.value);
}

/** How a path names a key: `.name`, or `["a key"]`. */
const step = (path: string, key: string | symbol): string =>
  typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key) ? (path === '' ? key : `${path}.${key}`) : `${path}[${typeof key === 'string' ? JSON.stringify(key) : String(key)}]`;

/** Stands for an object printed earlier. Functions are left as they are: they print by name. */
const sameAs = (path: string) => ({ [fc.toStringMethod]: () => `<same object as ${path === '' ? 'the whole case' : path}>` });

export function caseText(value: unknown): string {
  const met = new Map<object, number>();
  const count = (item: unknown): void => {
    if (typeof item !== 'object' || item === null) return;
    const times = (met.get(item) ?? 0) + 1;
    met.set(item, times);
    if (times === 1) for (const child of children(item)) count(child);
  };
  count(value);
  if (![...met.values()].some((times) => times > 1)) return fc.stringify(value);

  const first = new Map<object, string>();
  const copy = (item: unknown, path: string): unknown => {
    if (typeof item !== 'object' || item === null) return item;
    const seen = first.get(item);
    if (seen !== undefined) return sameAs(seen);
    first.set(item, path);
    if (!walked(item)) return item;
    if (item instanceof Map) return new Map([...item].map(([key, entry], index) => [copy(key, `${path}.keys()[${index}]`), copy(entry, `${path}.get(${fc.stringify(key)})`)]));
    if (item instanceof Set) return new Set([...item].map((entry, index) => copy(entry, `${path}.values()[${index}]`)));
    // Arrays and plain objects: the same keys (holes stay holes), in order, each value copied.
    const out: object = Array.isArray(item) ? new Array(item.length) : Object.create(Object.getPrototypeOf(item));
    for (const key of Reflect.ownKeys(item)) {
      const descriptor = Object.getOwnPropertyDescriptor(item, key)!;
      if (Array.isArray(item) && key === 'length') continue;
      const at = Array.isArray(item) && typeof key === 'string' && /^\d+$/.test(key) ? `${path}[${key}]` : step(path, key);
      Object.defineProperty(out, key, 'value' in descriptor ? { ...descriptor, value: copy(descriptor.value, at) } : descriptor);
    }
    return out;
  };
  return fc.stringify(copy(value, ''));
}
