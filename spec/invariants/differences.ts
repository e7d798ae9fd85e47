import { Violation } from './invariant.ts';

/** The differences of one failing case a report shows: the first, and this many in all. */
export const DIFFERENCES_SHOWN = 10;

/**
 * The first violation among `found`, carrying the observations of all the others (its own
 * `also` included), bounded to {@link DIFFERENCES_SHOWN} with a count of the rest: a case that
 * differs in two places says both, so that a second bug is not hidden behind the first.
 */
export function allOf(found: Iterable<Violation | undefined>): Violation | undefined {
  const violations = [...found].filter((violation): violation is Violation => violation !== undefined);
  const [first] = violations;
  if (first === undefined) return undefined;
  const observed = violations.flatMap((violation) => [violation.observed, ...violation.also]);
  const total = violations.reduce((count, violation) => count + 1 + violation.also.length + violation.more, 0);
  const shown = observed.slice(1, DIFFERENCES_SHOWN);
  return new Violation(first.observed, first.required, shown, total - 1 - shown.length);
}
