import { VIEW_FIELDS } from '../../spec/agent-config.ts';
import { UNKNOWN_PROTOTYPE, type Observed } from '../../spec/model/observed.ts';
import type { ObservedAgent } from '../../spec/model/subject.ts';
import { AdapterCallError } from './adapter-call.ts';
import { PACKED_PROTOCOL, REACHES_PROTOCOL } from './adapter-process.ts';
import { unpack } from './packed.ts';
import { emptyFields, observedAgent } from './partial-view.ts';
import type { HeldIdLookup } from './held-ids.ts';

/**
 * What an adapter process answers, read: observations checked (protocol 1 and 2) or unpacked
 * (version 3 on), views with only the fields asked for, and the suite's own values re-labelled with
 * the adapter's tokens.
 */

const KINDS = new Set(['undefined', 'null', 'boolean', 'number', 'string', 'bigint', 'symbol', 'function', 'array', 'set', 'map', 'date', 'object', 'ref']);

/** Checks that an adapter's observation is well formed, at every depth. */
function isObserved(value: unknown): value is Observed {
  if (typeof value !== 'object' || value === null) return false;
  const node = value as { kind?: unknown; id?: unknown; items?: unknown; entries?: unknown };
  if (!KINDS.has(node.kind as string)) return false;
  if (['symbol', 'function', 'array', 'set', 'map', 'date', 'object', 'ref'].includes(node.kind as string) && typeof node.id !== 'string') return false;
  const flags = value as { immutable?: unknown; runtime?: unknown };
  if ((flags.immutable !== undefined && flags.immutable !== true) || (flags.runtime !== undefined && flags.runtime !== true)) return false;
  if (node.kind === 'array' || node.kind === 'set') return Array.isArray(node.items) && node.items.every(isObserved);
  if (node.kind === 'map') return Array.isArray(node.entries) && node.entries.every((entry) => Array.isArray(entry) && entry.length === 2 && isObserved(entry[0]) && isObserved(entry[1]));
  if (node.kind === 'object' && node.entries !== undefined) {
    return Array.isArray(node.entries) && node.entries.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && isObserved(entry[1]));
  }
  return true;
}

/** Reads one observation off the wire, or undefined when it is malformed. */
export type ObservationReader = (value: unknown) => Observed | undefined;
/** What an answer of protocol version 5 says besides its observations (§13). */
export interface CompactReading {
  /** The answer's `classes`: protoId -> type, for its `["O", ...]` objects. */
  readonly classes: unknown;
  /** The suite's ids the adapter holds objects for: the only tokens beginning with "#" it may write. */
  readonly suiteIds: HeldIdLookup;
}

/** Protocol versions 1 and 2 write observations as they are (§7); version 3 packs them (§11); version 5 may name classes once per answer (§13). */
export const readerFor = (protocol: number, compact?: CompactReading): ObservationReader => {
  if (protocol < PACKED_PROTOCOL) return (value) => (isObserved(value) ? value : undefined);
  const classes = compact && typeof compact.classes === 'object' && compact.classes !== null && !Array.isArray(compact.classes) ? (compact.classes as Record<string, unknown>) : undefined;
  const options = { reaches: protocol >= REACHES_PROTOCOL, ...(compact ? { suiteIds: compact.suiteIds, ...(classes ? { classes } : {}) } : {}) };
  return (value) => unpack(value, options);
};
const UNDEFINED_OBSERVED: Observed = { kind: 'undefined' };

/**
 * Reads a view answer. With `only` (protocol version 2: the suite asked for these fields), the
 * other fields were not observed: reading one throws, so that no check compares what was not seen.
 */
export function readView(result: Record<string, unknown>, read: ObservationReader, only?: readonly string[]): ObservedAgent {
  const view = result.view as { fields?: Record<string, unknown>; locks?: Record<string, unknown> | null; self?: unknown } | undefined;
  if (typeof view !== 'object' || view === null || typeof view.fields !== 'object' || view.fields === null) {
    throw new AdapterCallError('view()', 'invalid', 'answered without a "view" holding "fields" (spec/PROTOCOL.md §7)');
  }
  const fields = emptyFields(only);
  for (const field of VIEW_FIELDS) {
    if (field === 'locks' || (only && !only.includes(field))) continue;
    const raw = view.fields[field];
    const value = raw === undefined ? UNDEFINED_OBSERVED : read(raw);
    if (value === undefined) throw new AdapterCallError('view()', 'invalid', `reported field "${field}" as ${JSON.stringify(raw).slice(0, 200)}, not an observation`);
    fields[field] = value;
  }
  let locks: Record<string, Observed> | undefined;
  if (typeof view.locks === 'object' && view.locks !== null) {
    locks = {};
    for (const [name, raw] of Object.entries(view.locks)) {
      const lock = read(raw);
      if (lock === undefined) throw new AdapterCallError('view()', 'invalid', `reported lock "${name}" as ${JSON.stringify(raw).slice(0, 200)}, not an observation`);
      locks[name] = lock;
    }
  }
  // An adapter whose kit predates "self" does not say which agent it shows: unknown, never assumed distinct.
  const self = view.self === undefined ? UNDEFINED_OBSERVED : read(view.self);
  if (self === undefined) throw new AdapterCallError('view()', 'invalid', `reported "self" as ${JSON.stringify(view.self).slice(0, 200)}, not an observation`);
  return observedAgent(fields, locks, self, only);
}

/**
 * Re-labels an observation of the suite's own value with the adapter's tokens, where the adapter
 * told them; other objects get tokens no adapter object can have, and prototypes are left unknown.
 */
export function translate(value: Observed, tokens: ReadonlyMap<string, string>, built: ReadonlyMap<string, Observed> = new Map(), adopted?: HeldIdLookup): Observed {
  // Version 5 (§13): the adapter's token for what it holds is the suite's id, unless it echoed another.
  const id = (ours: string) => tokens.get(ours) ?? (adopted?.has(ours) ? ours : `suite:${ours}`);
  // A value the adapter built: what the adapter made of it, as it observed it.
  if ('id' in value && built.has(value.id)) return built.get(value.id)!;
  switch (value.kind) {
    case 'function':
      return { ...value, id: id(value.id), ...(value.reaches ? { reaches: value.reaches.map(([label, item]) => [label, translate(item, tokens, built, adopted)] as const) } : {}) };
    case 'symbol':
    case 'date':
    case 'ref':
      return { ...value, id: id(value.id) };
    case 'array':
      return { ...value, id: id(value.id), items: value.items.map((item) => translate(item, tokens, built, adopted)) };
    // The kind crosses languages, the class name does not (a JavaScript Set is a Python set): no type.
    case 'set': {
      const { type: _type, ...set } = value;
      return { ...set, id: id(value.id), items: value.items.map((item) => translate(item, tokens, built, adopted)) };
    }
    case 'map': {
      const { type: _type, ...map } = value;
      return { ...map, id: id(value.id), entries: value.entries.map(([key, item]) => [translate(key, tokens, built, adopted), translate(item, tokens, built, adopted)] as const) };
    }
    case 'object':
      return { ...value, id: id(value.id), protoId: UNKNOWN_PROTOTYPE, ...(value.entries ? { entries: value.entries.map(([key, item]) => [key, translate(item, tokens, built, adopted)] as const) } : {}) };
    default:
      return value;
  }
}
