import type { Invariant } from './invariant.ts';
import { CHANNEL_INVARIANTS } from './channel/index.ts';

/** Every invariant of the specification, in report order. */
export const CATALOGUE: readonly Invariant<any>[] = [...CHANNEL_INVARIANTS];

export const INVARIANT_IDS: readonly string[] = CATALOGUE.map((invariant) => invariant.id);

export function findInvariant(id: string): Invariant<any> | undefined {
  return CATALOGUE.find((invariant) => invariant.id === id);
}
