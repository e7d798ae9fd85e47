import type { AnyInvariant } from '../../spec/invariants/invariant.ts';

/**
 * `--list --reporter json`: the selected invariants as one JSON document, for scripts and CI
 * matrices. Shape: { invariants: [{ id, profile, level, rule, needs }] }, in catalogue order.
 */
export function formatListJson(invariants: readonly AnyInvariant[]): string {
  const listed = invariants.map((invariant) => ({ id: invariant.id, profile: invariant.profile, level: invariant.level, rule: invariant.rule, needs: [...invariant.needs] }));
  return `${JSON.stringify({ invariants: listed }, null, 2)}\n`;
}
