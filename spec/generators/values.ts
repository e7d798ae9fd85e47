import fc from 'fast-check';

/**
 * Strings where real clone code goes wrong: empty, surrounded by whitespace (trimming), and the
 * same text in two Unicode normal forms (normalising), besides arbitrary ones.
 */
export const trickyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('', ' ', ' padded ', '\tTab\n', 'caf\u00e9', 'cafe\u0301', 'Ω', '\u2126', '0', 'false', 'null', 'undefined') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** Numbers that falsy checks, `||` defaults and JSON round trips lose or change. */
export const trickyNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(0, -0, Number.NaN, 1, -1, 0.5, Number.POSITIVE_INFINITY) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 120_000 }) },
);

/** An optional value: absent, present as `undefined`, or present. */
export function optional<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof(fc.constant(undefined), arb);
}

/** A function with a given name whose counterexample rendering names it. */
export function namedFunction(name: string, label: string): (...args: unknown[]) => unknown {
  const fn = { [name]: (...args: unknown[]) => args.length }[name]!;
  Object.defineProperty(fn, fc.toStringMethod, { value: () => label, enumerable: false });
  return fn;
}
