/**
 * The edge-value schedule: the first {@link SCHEDULE_LENGTH} cases of every run carry, between
 * them, every edge value of every field (an empty string, `-0`, an empty list, each feature, a
 * shared array...), whatever the seed. Random generation alone left defects that need one
 * particular value uncaught on some seeds at `--runs 10`; the schedule makes few runs enough.
 *
 * The schedule needs the case number, which fast-check gives to a property's `generate` but not
 * to an arbitrary's. {@link caseNumbered} wraps a property so that scheduled arbitraries can read
 * it: generation stays a pure function of the seed and the case number, so a replay path still
 * reproduces its case. Outside a wrapped property (`fc.sample`, or a `chain` regenerating while
 * it shrinks) a scheduled arbitrary draws its row at random.
 */
import fc from 'fast-check';

/** How many cases the schedule spans: every edge value shows up within this many cases. */
export const SCHEDULE_LENGTH = 10;

interface Clock {
  readonly case: number;
  /** Draws so far in this case, per schedule: a run that draws several configurations cycles on. */
  readonly draws: Map<string, number>;
}

let clock: Clock | undefined;

/** Runs `generate` as the generation of case `index` (0-based) of a run. */
export function atCase<T>(index: number, generate: () => T): T {
  const saved = clock;
  clock = { case: index, draws: new Map() };
  try {
    return generate();
  } finally {
    clock = saved;
  }
}

/**
 * The row of the schedule for the next draw of schedule `name`: the case number (plus the draws
 * of this schedule already made in this case) while it is below {@link SCHEDULE_LENGTH}, else
 * `undefined` (a random case).
 */
function nextRow(name: string): number | undefined {
  if (!clock) return undefined;
  const draws = clock.draws.get(name) ?? 0;
  clock.draws.set(name, draws + 1);
  const row = clock.case + draws;
  return row < SCHEDULE_LENGTH ? row : undefined;
}

interface ScheduledContext {
  readonly arbitrary: fc.Arbitrary<unknown>;
  readonly context: unknown;
}

/**
 * An arbitrary whose draw depends on the schedule row: `pick(row)` gives the arbitrary to draw
 * from (row `undefined`: a random case). Shrinking goes through the arbitrary that was picked,
 * so scheduled values shrink as well as random ones.
 */
class ScheduledArbitrary<T> extends fc.Arbitrary<T> {
  constructor(
    readonly name: string,
    readonly pick: (row: number | undefined) => fc.Arbitrary<T>,
  ) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    const row = nextRow(this.name) ?? (clock ? undefined : randomRow(mrng));
    const arbitrary = this.pick(row);
    const value = arbitrary.generate(mrng, biasFactor);
    return new fc.Value(value.value_, { arbitrary, context: value.context } satisfies ScheduledContext);
  }

  canShrinkWithoutContext(_value: unknown): _value is T {
    return false;
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    if (context === undefined) return fc.Stream.nil();
    const { arbitrary, context: inner } = context as ScheduledContext;
    return (arbitrary as fc.Arbitrary<T>)
      .shrink(value, inner)
      .map((shrunk) => new fc.Value(shrunk.value_, { arbitrary, context: shrunk.context } satisfies ScheduledContext));
  }
}

/** Outside a run, half the draws follow a random row of the schedule, half are random cases. */
function randomRow(mrng: fc.Random): number | undefined {
  const draw = mrng.nextInt(0, 2 * SCHEDULE_LENGTH - 1);
  return draw < SCHEDULE_LENGTH ? draw : undefined;
}

/** A scheduled arbitrary: `pick(row)` for rows 0..SCHEDULE_LENGTH-1, `pick(undefined)` for random cases. */
export function scheduled<T>(name: string, pick: (row: number | undefined) => fc.Arbitrary<T>): fc.Arbitrary<T> {
  return new ScheduledArbitrary(name, pick);
}

/**
 * The edge value of a list for a row: the lists of different fields are offset so that a row
 * does not hold the first edge of every field at once.
 */
export function edgeAt<T>(edges: readonly T[], row: number, offset = 0): T | undefined {
  if (edges.length === 0) return undefined;
  const index = (row + offset) % SCHEDULE_LENGTH;
  // Lists shorter than the schedule repeat, so every row holds one of their edges.
  return edges[index % edges.length];
}

/** Wraps a property so that scheduled arbitraries know which case of the run they generate. */
export function caseNumbered<Ts>(property: fc.IAsyncProperty<Ts>): fc.IAsyncProperty<Ts> {
  return {
    isAsync: () => true,
    generate: (mrng, runId) => atCase(runId ?? 0, () => property.generate(mrng, runId)),
    shrink: (value) => property.shrink(value),
    run: (value) => property.run(value),
    runBeforeEach: () => property.runBeforeEach(),
    runAfterEach: () => property.runAfterEach(),
  };
}

/**
 * The first `count` cases a run with this seed draws from `arbitrary`, as a wrapped property
 * sees them: what the benchmark and the tests measure edge coverage on.
 */
export async function firstCases<T>(arbitrary: fc.Arbitrary<T>, seed: number, count: number): Promise<T[]> {
  const seen: T[] = [];
  const inner = fc.asyncProperty(arbitrary, async (value) => {
    seen.push(value);
  });
  await fc.check(caseNumbered(inner), { seed, numRuns: count });
  return seen;
}
