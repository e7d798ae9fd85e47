import type { AnyInvariant } from './invariant.ts';
import { AGENT_INVARIANTS } from './agent/index.ts';
import { CHANNEL_INVARIANTS } from './channel/index.ts';
import { DEEPCOPY_INVARIANTS } from './deepcopy/index.ts';
import { OVERRIDE_INVARIANTS } from './override/index.ts';

/** Every invariant of the specification, in report order. */
export const CATALOGUE: readonly AnyInvariant[] = [...AGENT_INVARIANTS, ...CHANNEL_INVARIANTS, ...OVERRIDE_INVARIANTS, ...DEEPCOPY_INVARIANTS];

export const INVARIANT_IDS: readonly string[] = CATALOGUE.map((invariant) => invariant.id);

export function findInvariant(id: string): AnyInvariant | undefined {
  return CATALOGUE.find((invariant) => invariant.id === id);
}
