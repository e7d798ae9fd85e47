import type { Observed } from '../../spec/model/observed.ts';
import type { Description } from './describe.ts';
import type { HeldIdLookup } from './held-ids.ts';

/**
 * Packed observations, as adapter processes write them from protocol version 3 (spec/PROTOCOL.md
 * §11): a string, a finite number, a boolean or null stands for itself; anything else is a list
 * whose first item says what it is. They carry what the observations of §7 carry, in a third of
 * the bytes and with far fewer objects for the adapter to build and the suite to parse.
 *
 * | packed                                   | observation                                |
 * |------------------------------------------|--------------------------------------------|
 * | `"text"`, `1.5`, `true`, `null`          | string, number, boolean, null              |
 * | `["u"]`                                  | undefined                                  |
 * | `["n", "NaN"]`                           | number `NaN`, `-0`, `Infinity`, `-Infinity` |
 * | `["b", "12345678901234567890"]`          | bigint                                     |
 * | `["y", id, description]`                 | symbol                                     |
 * | `["f", id, name]`                        | function                                   |
 * | `["d", id, time]`                        | date (`time` a number or `"NaN"`)          |
 * | `["r", id]`                              | ref                                        |
 * | `["a", id, flags, [item, ...]]`          | array (`["a", id, flags, [...], "tuple"]`: a tuple) |
 * | `["S", id, flags, type, [item, ...]]`    | set (`type` a string or null)              |
 * | `["m", id, type, [[key, item], ...]]`    | map (`type` a string or null)              |
 * | `["o", id, flags, type, protoId, entries]` | object (`protoId` may be null; `entries` `[[key, item], ...]`, or null: identity only) |
 * | `["O", id, flags, protoId, entries]`     | object whose type the answer's class table gives (version 5, §13) |
 *
 * `flags` adds 1 for `immutable` and 2 for `runtime` (objects only). Descriptions (§6) are packed
 * the same way, with one more form: `["B", id, name, value]` for a value the adapter builds.
 *
 * From protocol version 4 (§12), a function may say what it reaches:
 * `["f", id, name, flags, [[label, item], ...]]`, `flags` 4 when it is `composite` (a partial, a
 * bound method: made of its parts), else 0. Version 3 knows only the three-item form.
 */
export type Packed = string | number | boolean | null | readonly unknown[];

const SPECIAL_NUMBERS: readonly unknown[] = ['NaN', '-0', 'Infinity', '-Infinity'];
/** Flags of the packed forms: immutable, runtime (objects), composite (functions). */
export const IMMUTABLE = 1;
export const RUNTIME = 2;
const COMPOSITE = 4;

/** What packing and unpacking may carry beyond version 3's forms. */
export interface PackOptions {
  /** What functions reach (protocol version 4, §12). */
  readonly reaches?: boolean;
  /**
   * Version 5 (§13): the class table of the answer being read, protoId -> type, which the
   * `["O", id, flags, protoId, entries]` form refers to. Without it, that form is malformed.
   */
  readonly classes?: Readonly<Record<string, unknown>>;
  /**
   * Version 5 (§13): the suite's ids the adapter holds objects for. A token that begins with "#"
   * is one of these (the adapter took it from the suite) or malformed: an adapter never mints one.
   */
  readonly suiteIds?: HeldIdLookup;
}

/** What the observation being read may hold beyond version 3's forms: set for the length of one synchronous {@link unpack}. */
let reading: PackOptions = {};

/** Why a packed value cannot be read: thrown inside {@link unpack}, caught there. */
class Malformed extends Error {}

const fail = (): never => {
  throw new Malformed();
};
const id = (value: unknown): string =>
  typeof value !== 'string' || (value.charCodeAt(0) === 35 && reading.suiteIds !== undefined && !reading.suiteIds.has(value)) ? fail() : value;
const typeName = (value: unknown): string | undefined => (value === null ? undefined : typeof value === 'string' ? value : fail());
const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : fail());
const flagsOf = (value: unknown, allowed: number): number => (typeof value === 'number' && Number.isInteger(value) && (value & ~allowed) === 0 ? value : fail());

/** The observation a packed value stands for, or undefined when it is not a well-formed packed value (at any depth). */
export function unpack(value: unknown, options: PackOptions = {}): Observed | undefined {
  const before = reading;
  reading = options;
  try {
    return unpackWith(read, value) as Observed | undefined;
  } finally {
    reading = before;
  }
}

/** The description a packed description stands for (an adapter process reads them), or undefined when malformed. */
export function unpackDescription(value: unknown): Description | undefined {
  return unpackWith(readDescription, value);
}

function unpackWith(reader: (value: unknown) => Description, value: unknown): Description | undefined {
  try {
    return reader(value);
  } catch (error) {
    if (error instanceof Malformed) return undefined;
    throw error;
  }
}

function readDescription(value: unknown): Description {
  if (Array.isArray(value) && value[0] === 'B') {
    return value.length === 4 && typeof value[2] === 'string' ? { kind: 'built', id: id(value[1]), name: value[2], value: readDescription(value[3]) } : fail();
  }
  return read(value, readDescription as (value: unknown) => Observed);
}

/** `nested` reads what a value holds: observations, or descriptions (which may hold values to build). */
function read(value: unknown, nested: (value: unknown) => Observed = read): Observed {
  switch (typeof value) {
    case 'string':
      return { kind: 'string', value };
    case 'number':
      return { kind: 'number', value };
    case 'boolean':
      return { kind: 'boolean', value };
    case 'object':
      if (value === null) return { kind: 'null' };
      if (Array.isArray(value)) return readTagged(value, nested);
      return fail();
    default:
      return fail();
  }
}

function readTagged(packed: readonly unknown[], read: (value: unknown) => Observed): Observed {
  switch (packed[0]) {
    case 'u':
      return packed.length === 1 ? { kind: 'undefined' } : fail();
    case 'n':
      return packed.length === 2 && SPECIAL_NUMBERS.includes(packed[1]) ? { kind: 'number', value: packed[1] as 'NaN' } : fail();
    case 'b':
      return packed.length === 2 && typeof packed[1] === 'string' ? { kind: 'bigint', value: packed[1] } : fail();
    case 'y':
      return packed.length === 3 && typeof packed[2] === 'string' ? { kind: 'symbol', id: id(packed[1]), description: packed[2] } : fail();
    case 'f': {
      if (typeof packed[2] !== 'string') fail();
      if (packed.length === 3) return { kind: 'function', id: id(packed[1]), name: packed[2] as string };
      if (packed.length !== 5 || reading.reaches !== true) fail();
      const flags = flagsOf(packed[3], COMPOSITE);
      const reaches = list(packed[4]).map((entry) => {
        const pair = list(entry);
        return pair.length === 2 && typeof pair[0] === 'string' ? ([pair[0], read(pair[1])] as const) : fail();
      });
      return { kind: 'function', id: id(packed[1]), name: packed[2] as string, reaches, ...(flags & COMPOSITE ? { composite: true as const } : {}) };
    }
    case 'd':
      return packed.length === 3 && (typeof packed[2] === 'number' || packed[2] === 'NaN') ? { kind: 'date', id: id(packed[1]), time: packed[2] } : fail();
    case 'r':
      return packed.length === 2 ? { kind: 'ref', id: id(packed[1]) } : fail();
    case 'a': {
      if (packed.length !== 4 && !(packed.length === 5 && packed[4] === 'tuple')) fail();
      const flags = flagsOf(packed[2], IMMUTABLE);
      return {
        kind: 'array',
        id: id(packed[1]),
        items: list(packed[3]).map((item) => read(item)),
        ...(packed.length === 5 ? { type: 'tuple' as const } : {}),
        ...(flags & IMMUTABLE ? { immutable: true as const } : {}),
      };
    }
    case 'S': {
      if (packed.length !== 5) fail();
      const flags = flagsOf(packed[2], IMMUTABLE);
      const type = typeName(packed[3]);
      return { kind: 'set', id: id(packed[1]), ...(type === undefined ? {} : { type }), items: list(packed[4]).map((item) => read(item)), ...(flags & IMMUTABLE ? { immutable: true as const } : {}) };
    }
    case 'm': {
      if (packed.length !== 4) fail();
      const type = typeName(packed[2]);
      const entries = list(packed[3]).map((entry) => {
        const pair = list(entry);
        return pair.length === 2 ? ([read(pair[0]), read(pair[1])] as const) : fail();
      });
      return { kind: 'map', id: id(packed[1]), ...(type === undefined ? {} : { type }), entries };
    }
    case 'o':
      return packed.length === 6 ? readObject(packed[1], packed[2], packed[3] === null ? null : typeof packed[3] === 'string' ? packed[3] : fail(), packed[4], packed[5], read) : fail();
    case 'O': {
      // Version 5: the type is the one the answer's class table gives the prototype.
      const type = packed.length === 5 && typeof packed[3] === 'string' && reading.classes !== undefined && Object.hasOwn(reading.classes, packed[3]) ? reading.classes[packed[3]] : fail();
      return readObject(packed[1], packed[2], typeof type === 'string' ? type : fail(), packed[3], packed[4], read);
    }
    default:
      return fail();
  }
}

function readObject(rawId: unknown, rawFlags: unknown, type: string | null, protoId: unknown, rawEntries: unknown, read: (value: unknown) => Observed): Observed {
  const flags = flagsOf(rawFlags, IMMUTABLE | RUNTIME);
  const entries =
    rawEntries === null
      ? undefined
      : list(rawEntries).map((entry) => {
          const pair = list(entry);
          return pair.length === 2 && typeof pair[0] === 'string' ? ([pair[0], read(pair[1])] as const) : fail();
        });
  // Built up in place, not spread from parts: views are mostly objects, and each spread allocated.
  const object: { -readonly [K in keyof ObservedObject]: ObservedObject[K] } = { kind: 'object', id: id(rawId), type };
  if (protoId !== null) object.protoId = id(protoId);
  if (entries !== undefined) object.entries = entries;
  if (flags & IMMUTABLE) object.immutable = true;
  if (flags & RUNTIME) object.runtime = true;
  return object;
}

type ObservedObject = Extract<Observed, { kind: 'object' }>;

/** An observation packed (the TypeScript host writes views this way from protocol version 3). */
export function pack(value: Observed, options: PackOptions = {}): Packed {
  return options.reaches ? packReaching(value) : packPlain(value);
}

const packPlain = (value: Observed): Packed => packWith(value, packPlain);
const packReaching = (value: Observed): Packed => packWith(value, packReaching, true);

/** A description packed (the suite writes configurations this way from protocol version 3). */
export function packDescription(value: Description): Packed {
  return value.kind === 'built' ? ['B', value.id, value.name, packDescription(value.value)] : packWith(value, packDescription as (value: Observed) => Packed);
}

/** One observation packed, what it holds packed by `pack` (which may pack some of it otherwise: a description's built values). */
export function packWith(value: Observed, pack: (value: Observed) => Packed, reaches = false): Packed {
  switch (value.kind) {
    case 'undefined':
      return ['u'];
    case 'null':
      return null;
    case 'boolean':
    case 'string':
      return value.value;
    case 'number':
      return typeof value.value === 'number' ? value.value : ['n', value.value];
    case 'bigint':
      return ['b', value.value];
    case 'symbol':
      return ['y', value.id, value.description];
    case 'function':
      return reaches && value.reaches ? ['f', value.id, value.name, value.composite ? COMPOSITE : 0, value.reaches.map(([label, item]) => [label, pack(item)])] : ['f', value.id, value.name];
    case 'date':
      return ['d', value.id, value.time];
    case 'ref':
      return ['r', value.id];
    case 'array':
      return value.type === 'tuple' ? ['a', value.id, value.immutable ? IMMUTABLE : 0, value.items.map((item) => pack(item)), 'tuple'] : ['a', value.id, value.immutable ? IMMUTABLE : 0, value.items.map((item) => pack(item))];
    case 'set':
      return ['S', value.id, value.immutable ? IMMUTABLE : 0, value.type ?? null, value.items.map((item) => pack(item))];
    case 'map':
      return ['m', value.id, value.type ?? null, value.entries.map(([key, item]) => [pack(key), pack(item)])];
    case 'object':
      return [
        'o',
        value.id,
        (value.immutable ? IMMUTABLE : 0) | (value.runtime ? RUNTIME : 0),
        value.type,
        value.protoId ?? null,
        value.entries ? value.entries.map(([key, item]) => [key, pack(item)]) : null,
      ];
  }
}
