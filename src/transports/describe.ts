import type { Observed } from '../../spec/model/observed.ts';
import { BuiltValue } from '../../spec/generators/built.ts';
import { IdentityRegistry, observe, WHOLE } from './observe.ts';
import { describeCompact } from './describe-compact.ts';
import type { HeldIdLookup } from './held-ids.ts';
import { packWith, type Packed } from './packed.ts';

/**
 * A value to build, as described over the protocol (spec/PROTOCOL.md §6): the adapter
 * materialises `value`, then builds the object `name` from it; one `id`, one built object.
 */
export interface BuiltDescription {
  readonly kind: 'built';
  readonly id: string;
  readonly name: string;
  readonly value: Description;
}

/** A value description: an observation, or a value to build. */
export type Description = Observed | BuiltDescription;

/**
 * Describes one of the suite's values for an adapter process: its observation, in which every
 * {@link BuiltValue} marker becomes a `built` description (protocol versions 1 and 2 send it so).
 */
export function describeInput(registry: IdentityRegistry, value: unknown): Description {
  const builtProto = registry.tokenOf(BuiltValue.prototype);
  const convert = (node: Observed): Description => {
    switch (node.kind) {
      case 'array':
      case 'set':
        return { ...node, items: node.items.map(convert) as Observed[] };
      case 'map':
        return { ...node, entries: node.entries.map(([key, item]) => [convert(key) as Observed, convert(item) as Observed] as const) };
      case 'object': {
        const built = builtOf(node, builtProto);
        if (built) return { kind: 'built', id: built.id, name: built.name, value: convert(built.value) };
        return node.entries ? { ...node, entries: node.entries.map(([key, item]) => [key, convert(item) as Observed] as const) } : node;
      }
      default:
        return node;
    }
  };
  return convert(observe(registry, value, false, [], 0, WHOLE));
}

/**
 * {@link describeInput}, packed (§11): what `packDescription(describeInput(...))` gives (versions 3
 * and 4). `held` (version 5, §13): ids of objects the adapter holds already, sent as refs, as is an
 * object met again in the value; `described` receives the id of every other object sent (see
 * {@link describeCompact}).
 */
export function describePacked(registry: IdentityRegistry, value: unknown, held?: HeldIdLookup, described: string[] = []): Packed {
  if (held) return describeCompact(registry, value, held, described);
  const builtProto = registry.tokenOf(BuiltValue.prototype);
  const pack = (node: Observed): Packed => {
    const built = node.kind === 'object' ? builtOf(node, builtProto) : undefined;
    return built ? ['B', built.id, built.name, pack(built.value)] : packWith(node, pack);
  };
  return pack(observe(registry, value, false, [], 0, WHOLE));
}

/** A {@link BuiltValue} marker's parts, if the object is one. */
function builtOf(node: Observed & { kind: 'object' }, builtProto: string): { id: string; name: string; value: Observed } | undefined {
  if (node.protoId !== builtProto || !node.entries) return undefined;
  const byKey = new Map(node.entries);
  const name = byKey.get('name');
  return { id: node.id, name: name?.kind === 'string' ? name.value : '', value: byKey.get('value') ?? { kind: 'undefined' } };
}
