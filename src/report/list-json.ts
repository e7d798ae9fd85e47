import type { AnyInvariant } from '../../spec/invariants/invariant.ts';
import { FIRST_SPEC_VERSION } from '../../spec/version.ts';

/**
 * `--list --reporter json`: the selected invariants as one JSON document, for scripts and CI
 * matrices. Shape: { invariants: [{ id, profile, level, since, rule, needs }] } (`since`: the specification version that added it), in catalogue order.
 */
export function formatListJson(invariants: readonly AnyInvariant[]): string {
  const listed = invariants.map((invariant) => ({ id: invariant.id, profile: invariant.profile, level: invariant.level, since: invariant.since ?? FIRST_SPEC_VERSION, rule: invariant.rule, needs: [...invariant.needs] }));
  return `${JSON.stringify({ invariants: listed }, null, 2)}\n`;
}
