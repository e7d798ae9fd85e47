import type { MappedField } from '../../spec/agent-config.ts';

/** The protocol's versions, and what an adapter process says of itself in its handshake (spec/PROTOCOL.md). */

/** The first protocol version (spec/PROTOCOL.md): every adapter speaks it. */
export const PROTOCOL_VERSION = 1;
/**
 * The protocol versions this suite speaks; version 2 adds batches (spec/PROTOCOL.md §10), version 3
 * requests sent before earlier ones are answered (§11), version 4 what functions reach (§12),
 * version 5 fewer bytes for what both sides know already (§13).
 */
export const SUPPORTED_PROTOCOLS: readonly number[] = [1, 2, 3, 4, 5];
/** The first version in which the suite may send a request before the previous one is answered. */
export const PIPELINED_PROTOCOL = 3;
/** The first version in which adapters write observations packed (src/transports/packed.ts). */
export const PACKED_PROTOCOL = 3;
/** The first version in which function observations may say what the function reaches (closures, partials, bound methods). */
export const REACHES_PROTOCOL = 4;
/**
 * The first version in which the adapter takes the suite's ids as its tokens for what it
 * materialised, the suite sends what the adapter holds already as a ref, and an answer may name
 * each class once (§13).
 */
export const COMPACT_PROTOCOL = 5;

/** What an adapter process says about itself in its `hello` answer. */
export interface Hello {
  readonly protocol: number;
  readonly name: string;
  readonly operations: readonly string[];
  readonly probes: readonly string[];
  /** The fields and feature names the adapter maps; absent means all. */
  readonly fields?: readonly MappedField[];
  readonly deepCopyTools?: 'shared' | 'copied';
  /** Description kinds the adapter takes beyond those its version defines (spec/PROTOCOL.md §6), e.g. `["set", "map"]`. */
  readonly accepts?: readonly string[];
  /** The adapter's language, as a kit announces it (`"python"`): reports then use its names. */
  readonly language?: string;
}
