import type fc from 'fast-check';
import type { ProfileName } from './profiles.ts';
import type { AgentConfig, ConfigField, ViewField } from '../agent-config.ts';
import type { Domains } from '../domains.ts';
import type { FieldScope } from '../model/field-scope.ts';
import type { Role } from '../model/roles.ts';
import type { Probe, Subject } from '../model/subject.ts';
import type { Scenario } from '../generators/scenario.ts';

/** MUST invariants decide conformance; SHOULD invariants are reported but do not fail a run by default. */
export type Level = 'MUST' | 'SHOULD';

/** What an invariant's input generator may depend on. */
export interface InputContext {
  /** The probes the adapter under test has. */
  readonly probes: ReadonlySet<Probe>;
  /** The fields the adapter maps: generate only these. */
  readonly scope: FieldScope;
  /** The configurations the adapter accepts: generate only these. */
  readonly accepts?: (config: AgentConfig) => boolean;
  /** The values the adapter's framework takes, per field and feature: draw from these. */
  readonly domains?: Domains;
  /** A fast-check commands replay path, when replaying a failure of a model-based invariant. */
  readonly replayPath?: string;
}

/** How an invariant draws its inputs, for one adapter. */
export interface InputPlan<Input> {
  readonly arbitrary: fc.Arbitrary<Input>;
  /** Set when the invariant cannot mean anything for this adapter: it is skipped with this reason. */
  readonly skip?: string;
  /** Said in the report next to the verdict (e.g. which operations were left out). */
  readonly note?: string;
  /** Renders a counterexample for the report; fast-check's rendering otherwise. */
  describe?(input: Input): string;
  /** The commands replay path of a counterexample, for the replay line. */
  replayPath?(input: Input): string | undefined;
}

/** One clause of the specification, with the check that enforces it. */
export interface Invariant<Input = Scenario> {
  /** Stable public name, e.g. `channel.tools.new-list`. */
  readonly id: string;
  readonly level: Level;
  /**
   * The specification version (MAJOR.MINOR, spec/version.ts) that added it; absent: 1.0, the first.
   * A run pinned to an older version (`--spec`) reports its failures without failing on them.
   */
  readonly since?: string;
  /** The clone semantics this clause belongs to. */
  readonly profile: ProfileName;
  /** The rule, stated in one or two sentences. */
  readonly rule: string;
  /** Why the rule matters to someone running agents behind a gateway. */
  readonly rationale: string;
  /** Optional adapter probes without which the invariant cannot run (it is then skipped). */
  readonly needs: readonly Probe[];
  /** The configuration fields it compares; skipped when the adapter maps none of them. */
  readonly reads?: readonly ConfigField[];
  /**
   * The roles (spec/model/roles.ts) of the framework fields it compares too, as it compares the
   * canonical fields of those roles: it applies when the adapter maps one of `reads` or declares a
   * framework field of one of these roles.
   */
  readonly roles?: readonly Role[];
  /** The inputs to check; the shared random {@link Scenario} when absent. */
  input?(context: InputContext): InputPlan<Input>;
  /**
   * Resolves when the input conforms; rejects with a {@link Violation} when it does not. Resolves
   * with {@link NothingCompared} when the case gave the rule nothing to compare on this adapter.
   */
  check(subject: Subject, input: Input): Promise<void | NothingCompared>;
}

/** Whether an invariant compares anything for an adapter mapping `scope` (see {@link Invariant.reads}). */
export const comparesAnything = (invariant: Pick<Invariant, 'reads' | 'roles'>, scope: FieldScope): boolean =>
  invariant.reads === undefined || invariant.reads.some((field) => scope.has(field)) || scope.frameworkOf(...(invariant.roles ?? [])).length > 0;

/** The view fields a check reads: `viewed`, and the framework fields when it compares some by role. */
export const viewedWithRoles = (viewed: readonly ViewField[] | undefined, roles: readonly Role[] | undefined): readonly ViewField[] | undefined =>
  viewed === undefined || roles === undefined || viewed.includes('framework') ? viewed : [...viewed, 'framework'];

/** What was observed against what the rule requires. */
export class Violation extends Error {
  override readonly name = 'Violation';

  constructor(
    readonly observed: string,
    readonly required: string,
    /** The case's other differences, observed as this one (the first few; see spec/invariants/differences.ts). */
    readonly also: readonly string[] = [],
    /** How many more differences the case had beyond `also`. */
    readonly more = 0,
  ) {
    super(`observed ${observed}; required ${required}`);
  }
}

/** An invariant whatever its input: the catalogue holds invariants whose inputs differ. */
export type AnyInvariant = Invariant<any>;

/**
 * Thrown by a check that cannot decide for this adapter (e.g. its views lack what the rule
 * compares): the invariant is reported as skipped with this message, never as passed.
 */
export class NotCheckable extends Error {
  override readonly name = 'NotCheckable';
}

/**
 * What a check resolves with when its case compared nothing on this adapter (no interrupt
 * controller or locks to compare, no handoffs to reset): an invariant none of whose cases compared
 * anything is reported as not applicable, never as passed.
 */
export class NothingCompared {
  constructor(readonly reason: string) {}
}
