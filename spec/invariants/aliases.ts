/**
 * Renamed invariant ids: each old id, to the current id of the same rule. Ids are API (CHANGELOG.md,
 * "Policy for invariants"): a rename keeps the old id here, and `--only`, `--exclude`, baselines
 * (`--expect`, plain and pinned entries) and the suggestions for mistyped ids keep accepting it,
 * with a notice naming the current id. An old id is never reused for another rule.
 *
 * Oldest renames first: an invariant renamed twice has both old ids here, each to its current id.
 * No invariant has been renamed yet (specification 1.0).
 */
export const ALIASES: Readonly<Record<string, string>> = {};

/** What an id given by a user is: a current id, the old id of one, or unknown. */
export type IdResolution =
  | { readonly kind: 'current'; readonly id: string }
  | { readonly kind: 'renamed'; readonly from: string; readonly id: string }
  | { readonly kind: 'unknown'; readonly id: string };

/** Resolves an id against the catalogue's ids and the renames. */
export function resolveId(id: string, known: readonly string[], aliases: Readonly<Record<string, string>> = ALIASES): IdResolution {
  if (known.includes(id)) return { kind: 'current', id };
  const renamed = Object.hasOwn(aliases, id) ? aliases[id] : undefined;
  return renamed !== undefined && known.includes(renamed) ? { kind: 'renamed', from: id, id: renamed } : { kind: 'unknown', id };
}

/** The notice for an old id read as its current one. */
export const renamedNotice = (from: string, id: string, where: string): string => `${where}: invariant ${from} was renamed ${id}; read as ${id} (update it: the old id stays accepted as an alias).`;

/**
 * The id an invariant's finding fingerprints are made from: its first id, so that a baseline entry
 * pinning a finding (`{ id, finding }`) still matches after a rename.
 */
export function firstId(id: string, aliases: Readonly<Record<string, string>> = ALIASES): string {
  return Object.keys(aliases).find((old) => aliases[old] === id) ?? id;
}
