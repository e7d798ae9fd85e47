import fc from 'fast-check';

/** A key left out of a configuration (as opposed to a key holding `undefined`). */
export const ABSENT: unique symbol = Symbol('absent');
export type Absent = typeof ABSENT;

/**
 * One edge value of a field: a value where real clone code goes wrong (an empty string, `-0`,
 * an empty list, a feature holding `false`...). `matches` recognises it in a generated value (or
 * {@link ABSENT} for a key left out), so that coverage is measured on what was generated, not on
 * what was meant to be.
 */
export interface Edge {
  /** Short name for reports, e.g. `""` or `[] (empty)`. */
  readonly label: string;
  /** Draws the value; objects are new on every draw, so identity checks mean something. */
  readonly arbitrary: fc.Arbitrary<unknown>;
  matches(value: unknown): boolean;
}

/** A fresh value on every draw (never `fc.constant` of an object, which hands out one object). */
export const fresh = <T>(make: () => T): fc.Arbitrary<T> => fc.constant(null).map(make);

/** An edge that is one primitive value (SameValue: `-0` is not `0`, `NaN` is itself). */
export function primitiveEdge(value: unknown, label = labelOf(value)): Edge {
  return { label, arbitrary: fc.constant(value), matches: (actual) => Object.is(actual, value) };
}

/** The key left out. */
export const ABSENT_EDGE: Edge = { label: '(absent)', arbitrary: fc.constant(ABSENT), matches: (value) => value === ABSENT };

export function labelOf(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

interface ShrinkContext {
  readonly simple: boolean;
  readonly context: unknown;
}

/**
 * Draws from `edge`, and shrinks first to `simple` (e.g. the key left out): a counterexample
 * keeps only the edge values its failure needs.
 */
class ShrinksTo<T> extends fc.Arbitrary<T> {
  constructor(
    readonly edge: fc.Arbitrary<T>,
    readonly simple: T,
  ) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    const value = this.edge.generate(mrng, biasFactor);
    return new fc.Value(value.value_, { simple: false, context: value.context } satisfies ShrinkContext);
  }

  canShrinkWithoutContext(_value: unknown): _value is T {
    return false;
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    const own = context as ShrinkContext | undefined;
    if (own === undefined || own.simple || Object.is(value, this.simple)) return fc.Stream.nil();
    const toSimple = fc.Stream.of(new fc.Value(this.simple, { simple: true, context: undefined } satisfies ShrinkContext));
    const inner = this.edge.shrink(value, own.context).map((shrunk) => new fc.Value(shrunk.value_, { simple: false, context: shrunk.context } satisfies ShrinkContext));
    return toSimple.join(inner);
  }
}

/** `edge`, shrinking to `simple`. */
export const shrinkingTo = <T>(edge: fc.Arbitrary<T>, simple: T): fc.Arbitrary<T> => new ShrinksTo(edge, simple);
