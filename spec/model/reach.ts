/**
 * Reach: every kind of value the observation model can express, as classes a generated
 * configuration either reaches or not. The generators' reach is a tested property
 * (test/reach.test.ts): every class below occurs within the first ten cases of every seed, so a
 * kind added to the model (a class here) without a generator drawing it fails the tests.
 *
 * Classes are read off observations (what an adapter's view of the configuration shows), never
 * off what the generators meant to draw.
 */
import type { Observed, ObservedKind } from './observed.ts';

/** The observers' depth limit: what lies at this depth is observed by identity only (src/transports/observe.ts, the Python kit). */
export const OBSERVER_DEPTH = 12;

/**
 * The observation kinds a configuration holds. `bigint` and `symbol` are left out on purpose:
 * they have no counterpart in the other languages adapters are written in, and no protocol
 * version sends them (spec/PROTOCOL.md §6).
 */
export const CONFIG_KINDS = ['undefined', 'null', 'boolean', 'number', 'string', 'function', 'array', 'set', 'map', 'date', 'object', 'ref'] as const;
/** Every kind of the model, either a configuration kind or one left out above: a kind added to the model must be placed. */
const NOT_IN_CONFIGURATIONS = ['bigint', 'symbol'] as const;
type Placed = (typeof CONFIG_KINDS)[number] | (typeof NOT_IN_CONFIGURATIONS)[number];
// Fails to compile when the model gains a kind that is placed in neither list.
const everyKindPlaced: [Exclude<ObservedKind, Placed>] extends [never] ? true : never = true;
void everyKindPlaced;

/** Classes of strings where real code goes wrong, each with its test. */
export const STRING_CLASSES: Readonly<Record<string, (text: string) => boolean>> = {
  empty: (text) => text === '',
  blank: (text) => text !== '' && text.trim() === '',
  'surrounded by whitespace': (text) => text.trim() !== '' && text !== text.trim(),
  'changed by NFC': (text) => text.normalize('NFC') !== text,
  'combining mark': (text) => /\p{M}/u.test(text),
  'zero-width character': (text) => /[\u200b-\u200d\u2060]/.test(text),
  'byte-order mark': (text) => text.includes('\ufeff'),
  'astral (emoji)': (text) => /[\u{10000}-\u{10ffff}]/u.test(text),
  'lone surrogate': (text) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text),
  'reads as a number or boolean': (text) => text !== '' && (text === 'true' || text === 'false' || Number.isFinite(Number(text))),
  'URL with a trailing slash': (text) => /^https?:\/\/.+\/$/.test(text),
  'URL with a query': (text) => /^https?:\/\/[^?]+\?./.test(text),
  'URL with upper case': (text) => /^https?:\/\/[^/]*[A-Z]/.test(text),
};

/** The model's numbers, spelled (`'NaN'`, `'-0'`, `'Infinity'`, `'-Infinity'`) or plain. */
type ObservedNumber = Extract<Observed, { kind: 'number' }>['value'];

/** Classes of numbers that falsy checks, unit conversions, rounding and JSON change. */
export const NUMBER_CLASSES: Readonly<Record<string, (value: ObservedNumber) => boolean>> = {
  zero: (value) => value === 0,
  'negative zero': (value) => value === '-0',
  NaN: (value) => value === 'NaN',
  Infinity: (value) => value === 'Infinity',
  '-Infinity': (value) => value === '-Infinity',
  negative: (value) => typeof value === 'number' && value < 0,
  'positive integer': (value) => typeof value === 'number' && Number.isInteger(value) && value > 0,
  fraction: (value) => typeof value === 'number' && !Number.isInteger(value),
  'fraction of a millisecond (in seconds)': (value) => typeof value === 'number' && !Number.isInteger(value * 1000),
  'large (2**31 or more)': (value) => typeof value === 'number' && Math.abs(value) >= 2 ** 31,
};

/** Shapes of containers, besides their kinds. */
export const CONTAINER_CLASSES = ['empty list', 'list of one', 'plain object', 'null-prototype object', 'class instance', 'empty object'] as const;

/** Kinds of keys: of objects (own string keys), and of maps (any value). */
export const KEY_CLASSES = ['"__proto__" key', '"constructor" key', 'empty key', 'key holding null', 'key holding undefined', 'map: string key', 'map: number key', 'map: object key'] as const;

/** Pairs of places one object is held in, at once. */
export const SHARING_CLASSES = ['within one field', 'two fields', 'a field and a feature config', 'within one feature config', 'two feature configs', 'nine levels apart or more'] as const;

/** Depths at which an object is observed with its contents: every depth below the observers' limit. */
export const DEPTH_CLASSES = Array.from({ length: OBSERVER_DEPTH }, (_, depth) => `contents at depth ${depth}`);

/** Every class, prefixed by its family: what reach must cover. */
export const REACH_CLASSES: readonly string[] = [
  ...CONFIG_KINDS.map((kind) => `kind: ${kind}`),
  ...Object.keys(STRING_CLASSES).map((name) => `string: ${name}`),
  ...Object.keys(NUMBER_CLASSES).map((name) => `number: ${name}`),
  ...CONTAINER_CLASSES.map((name) => `container: ${name}`),
  ...KEY_CLASSES.map((name) => `key: ${name}`),
  ...SHARING_CLASSES.map((name) => `sharing: ${name}`),
  ...DEPTH_CLASSES.map((name) => `depth: ${name}`),
];

/** Where an object was met: which top-level field, which feature (under `features`), how deep. */
interface Place {
  readonly field: string;
  readonly feature: string | undefined;
  readonly depth: number;
}

function sharingOf(a: Place, b: Place): string[] {
  const found: string[] = [];
  if (Math.abs(a.depth - b.depth) >= 9) found.push('nine levels apart or more');
  if (a.feature !== undefined && b.feature !== undefined) found.push(a.feature === b.feature ? 'within one feature config' : 'two feature configs');
  else if (a.feature === undefined && b.feature === undefined) found.push(a.field === b.field ? 'within one field' : 'two fields');
  else found.push('a field and a feature config');
  return found;
}

/**
 * The reach classes that the observed fields of one configuration hold (each field observed as a
 * view shows it: the field's value at depth 0, the same identity tokens across fields).
 */
export function reachOf(fields: Readonly<Record<string, Observed>>, into = new Set<string>()): Set<string> {
  const places = new Map<string, Place[]>();
  const add = (family: string, name: string) => into.add(`${family}: ${name}`);
  const visit = (value: Observed, field: string, feature: string | undefined, depth: number): void => {
    add('kind', value.kind);
    switch (value.kind) {
      case 'string':
        for (const [name, test] of Object.entries(STRING_CLASSES)) if (test(value.value)) add('string', name);
        return;
      case 'number':
        for (const [name, test] of Object.entries(NUMBER_CLASSES)) if (test(value.value)) add('number', name);
        return;
      case 'undefined':
      case 'null':
      case 'boolean':
      case 'bigint':
      case 'symbol':
      case 'ref':
        return;
    }
    const seen = places.get(value.id);
    const here = { field, feature, depth };
    if (seen) {
      for (const other of seen) for (const name of sharingOf(other, here)) add('sharing', name);
      seen.push(here);
      return;
    }
    places.set(value.id, [here]);
    const inner = (item: Observed, name?: string) => visit(item, field, feature ?? (field === 'features' && depth === 0 ? name : undefined), depth + 1);
    switch (value.kind) {
      case 'array':
        add('container', value.items.length === 0 ? 'empty list' : value.items.length === 1 ? 'list of one' : 'list');
        add('depth', `contents at depth ${depth}`);
        value.items.forEach((item) => inner(item));
        return;
      case 'set':
        add('depth', `contents at depth ${depth}`);
        value.items.forEach((item) => inner(item));
        return;
      case 'map':
        add('depth', `contents at depth ${depth}`);
        for (const [key, item] of value.entries) {
          add('key', `map: ${key.kind === 'string' ? 'string' : key.kind === 'number' ? 'number' : 'object'} key`);
          inner(key);
          inner(item);
        }
        return;
      case 'object':
        if (value.entries === undefined) return;
        add('container', value.type === 'Object' ? 'plain object' : value.type === null ? 'null-prototype object' : 'class instance');
        if (value.entries.length === 0) add('container', 'empty object');
        add('depth', `contents at depth ${depth}`);
        for (const [key, item] of value.entries) {
          if (key === '__proto__' || key === 'constructor' || key === '') add('key', key === '' ? 'empty key' : `"${key}" key`);
          if (item.kind === 'null' || item.kind === 'undefined') add('key', `key holding ${item.kind}`);
          inner(item, key);
        }
        return;
      default:
        return;
    }
  };
  for (const [field, value] of Object.entries(fields)) visit(value, field, undefined, 0);
  return into;
}
