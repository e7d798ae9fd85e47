import type { Probe, Subject } from '../model/subject.ts';
import type { Scenario } from '../generators/scenario.ts';

/** MUST invariants decide conformance; SHOULD invariants are reported but do not fail a run by default. */
export type Level = 'MUST' | 'SHOULD';

/** One clause of the specification, with the check that enforces it. */
export interface Invariant {
  /** Stable public name, e.g. `channel.tools.new-list`. */
  readonly id: string;
  readonly level: Level;
  /** The clone semantics this clause belongs to. */
  readonly profile: 'channel';
  /** The rule, stated in one or two sentences. */
  readonly rule: string;
  /** Why the rule matters to someone running agents behind a gateway. */
  readonly rationale: string;
  /** Optional adapter probes without which the invariant cannot run (it is then skipped). */
  readonly needs: readonly Probe[];
  /** Resolves when the scenario conforms; rejects with a {@link Violation} when it does not. */
  check(subject: Subject, scenario: Scenario): Promise<void>;
}

/** What was observed against what the rule requires. */
export class Violation extends Error {
  override readonly name = 'Violation';

  constructor(
    readonly observed: string,
    readonly required: string,
  ) {
    super(`observed ${observed}; required ${required}`);
  }
}
