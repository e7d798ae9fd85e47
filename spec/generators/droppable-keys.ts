/**
 * Shrinking that leaves out what a failure does not need. fast-check shrinks each value of a
 * configuration, but a field drawn from an edge row or a declared domain stays in the shrunk case
 * with its simplest value: a counterexample would name a dozen fields unrelated to its failure.
 * Wrapped in {@link droppingKeys}, a configuration also shrinks by leaving out one optional field,
 * feature config or framework field at a time; a case that still fails without it is kept, so
 * what remains is what the failure needs. The replay path replays these steps like any other.
 */
import fc from 'fast-check';

/** A key that can be left out: a top-level one, or one inside a nested map (`features.memory`). */
type KeyPath = readonly [string] | readonly [string, string];

/** What a shrunk value was made from: the inner arbitrary's value, and the keys left out of it. */
interface Dropped {
  readonly full: fc.Value<Record<string, unknown>>;
  readonly dropped: readonly KeyPath[];
}

/** Which keys may go. */
export interface DroppableKeysOptions {
  /** Top-level keys that stay (the fields every configuration holds). */
  readonly keep: ReadonlySet<string>;
  /** Top-level keys holding a map each of whose entries may go (`features`, `framework`). */
  readonly nested: readonly string[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** The value without one key; only the containers on the way are copied, so sharing is kept. */
function without(value: Record<string, unknown>, path: KeyPath): Record<string, unknown> {
  const { [path[0]]: removed, ...rest } = value;
  if (path.length === 1) return rest;
  if (!isPlainObject(removed)) return value;
  const { [path[1]]: _, ...inner } = removed;
  return Object.fromEntries(Object.entries(value).map(([key, held]) => [key, key === path[0] ? inner : held]));
}

/** The value without each of the keys. */
const withoutAll = (value: Record<string, unknown>, paths: readonly KeyPath[]) => paths.reduce(without, value);

class DroppableKeys<T extends Record<string, unknown>> extends fc.Arbitrary<T> {
  constructor(
    private readonly inner: fc.Arbitrary<T>,
    private readonly options: DroppableKeysOptions,
  ) {
    super();
  }

  override generate(random: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    const full = this.inner.generate(random, biasFactor);
    return new fc.Value(full.value_, { full, dropped: [] } satisfies Dropped);
  }

  override canShrinkWithoutContext(value: unknown): value is T {
    return false; // the keys left out cannot be told from keys never drawn
  }

  /** The keys of a value that may still go, top-level ones first. */
  private droppable(value: Record<string, unknown>): KeyPath[] {
    const top = Object.keys(value).filter((key) => !this.options.keep.has(key) && !this.options.nested.includes(key));
    const nested = this.options.nested.flatMap((key) => (isPlainObject(value[key]) ? Object.keys(value[key]).map((entry): KeyPath => [key, entry]) : []));
    return [...top.map((key): KeyPath => [key]), ...nested];
  }

  override shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    if (context === undefined) return fc.Stream.nil();
    const { full, dropped } = context as Dropped;
    const leaveOne = this.droppable(value).map((path) => new fc.Value(without(value, path) as T, { full, dropped: [...dropped, path] } satisfies Dropped));
    // Then the inner shrinks, with the same keys left out; a step that only changed a key already
    // left out would change nothing shown and cost a check, so it is passed over.
    const shown = fc.stringify(value);
    const smaller = this.inner
      .shrink(full.value_ as T, full.context)
      .map((next) => new fc.Value(withoutAll(next.value_, dropped) as T, { full: next, dropped } satisfies Dropped))
      .filter((next) => fc.stringify(next.value_) !== shown);
    return fc.Stream.of(...leaveOne).join(smaller);
  }
}

/** The arbitrary, shrinking also by leaving keys out (see the module's comment). */
export function droppingKeys<T extends Record<string, unknown>>(inner: fc.Arbitrary<T>, options: DroppableKeysOptions): fc.Arbitrary<T> {
  return new DroppableKeys(inner, options);
}
