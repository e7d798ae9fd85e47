/**
 * What the suite sets in an adapter process's environment so that the same seed gives the same
 * report (spec/PROTOCOL.md §1). Python randomises string hashing per process: iterating a set or a
 * dict built from one (CrewAI merges stop words that way) then visits items in another order in
 * each run, and the adapter makes other cases, discards others, fails on others. PYTHONHASHSEED
 * fixes that order; it is derived from the run's seed (a replay line, which repeats the seed, gets
 * the same), unless the user set one, which is kept.
 */
export function adapterEnv(userEnv: Readonly<Record<string, string | undefined>>, seed: number): Record<string, string> {
  const set = userEnv.PYTHONHASHSEED;
  // PYTHONHASHSEED takes 0 to 4294967295 (0 turns randomisation off): the seed's 32 bits, unsigned.
  return { PYTHONHASHSEED: set !== undefined && set !== '' ? set : String(seed >>> 0) };
}
