/**
 * Conversation state (framework fields of role `state`, spec/model/roles.ts): a history, a memory
 * store, a usage counter, reached with the adapter's `recordState(agent, place, entry)` probe and
 * shown in `view.framework[place]`. One case, in one batch: a source with an entry recorded in every
 * place, and two agents made from it by the profile's operation, with views between the steps. Then,
 * for the rules that read them: an entry recorded on the first derived agent, then another on the
 * source, with views between (isolation); or a new agent created from the same configuration, for
 * what "starts fresh" means for this framework (an empty list, a zero counter).
 */
import fc from 'fast-check';
import type { AgentConfig } from '../../agent-config.ts';
import { overrideCaseFor, withOverrides, type OverrideCase } from '../../generators/overrides.ts';
import { scenarioFor } from '../../generators/scenario.ts';
import { Batch, type AgentArg, type Earlier } from '../../model/batch.ts';
import { describe, firstDifference, type Observed } from '../../model/observed.ts';
import type { Handle, ObservedAgent, Subject } from '../../model/subject.ts';
import { mutableObjects } from '../deepcopy/mutable-objects.ts';
import { frameworkValue } from '../framework-fields.ts';
import type { Invariant, InputContext, InputPlan } from '../invariant.ts';
import { NotCheckable, Violation } from '../invariant.ts';
import type { ProfileName } from '../profiles.ts';

/** What every state case observed, each view of every state place. */
export interface StateCase {
  readonly places: readonly string[];
  /** The source before anything was recorded on it, and with its first entries. */
  readonly blank: ObservedAgent;
  readonly source: ObservedAgent;
  /** The two derived agents (clones or copies) right after they were made. */
  readonly first: ObservedAgent;
  readonly second: ObservedAgent;
  /** What the derived agents are, in messages: `clone`, `copy`. */
  readonly what: string;
}

/** Then, where a check reads them: an entry recorded on the first derived agent, then one on the source. */
export interface AfterRecording {
  /** After an entry was recorded on the first: the first, the source, the second. */
  readonly firstRecorded: ObservedAgent;
  readonly sourceAfterFirst: ObservedAgent;
  readonly secondAfterFirst: ObservedAgent;
  /** After a further entry was recorded on the source: the first, the second. */
  readonly firstAfterSource: ObservedAgent;
  readonly secondAfterSource: ObservedAgent;
}

/** And, where a check reads it: a new agent created from the configuration the derived agents have, after them. */
export interface WithFresh {
  readonly fresh: ObservedAgent;
}

/**
 * The parts of a case a check reads beyond {@link StateCase}. A case makes only those calls: each
 * part costs a dozen adapter calls (the fresh agent, a configuration described once more).
 */
export interface StateParts {
  readonly recordings?: boolean;
  readonly fresh?: boolean;
}

/** A case with the parts `P` asks for. */
export type CaseWith<P extends StateParts> = StateCase & (P['recordings'] extends true ? AfterRecording : unknown) & (P['fresh'] extends true ? WithFresh : unknown);

/** A state rule's check and the parts of a case it reads. */
export interface StateCheck<P extends StateParts = StateParts> {
  readonly parts: P;
  readonly check: (state: CaseWith<P>) => Violation | undefined;
}

/** The input of a state invariant: a source configuration and, for the override clone, the overrides. */
export interface StateInput {
  readonly config: AgentConfig;
  readonly overrides?: Partial<AgentConfig>;
}

const OPERATIONS = {
  channel: { what: 'clone', derive: (batch: Batch, source: AgentArg, _input: StateInput) => batch.cloneForChannel(source) },
  override: { what: 'clone', derive: (batch: Batch, source: AgentArg, input: StateInput) => batch.cloneWith(source, input.overrides ?? {}) },
  deepcopy: { what: 'copy', derive: (batch: Batch, source: AgentArg) => batch.deepCopy(source) },
} as const satisfies Partial<Record<ProfileName, { what: string; derive: (batch: Batch, source: AgentArg, input: StateInput) => Earlier<Handle> }>>;

export type StateProfile = keyof typeof OPERATIONS;

/** Runs one state case on `subject` (see the module comment), with the parts a check reads. */
export async function runStateCase<P extends StateParts>(subject: Subject, profile: StateProfile, input: StateInput, parts: P): Promise<CaseWith<P>> {
  const places = subject.scope.frameworkOf('state');
  const { what, derive } = OPERATIONS[profile];
  const batch = new Batch();
  const only = ['framework'] as const;
  const record = (agent: AgentArg, tag: string) => places.forEach((place) => batch.recordState(agent, place, `${tag}:${place}`));
  const source = batch.create(input.config);
  const blank = batch.view(source, only);
  record(source, 'source-entry-1');
  const sourceView = batch.view(source, only);
  const first = derive(batch, source, input);
  const second = derive(batch, source, input);
  const firstView = batch.view(first, only);
  const secondView = batch.view(second, only);
  const fresh = parts.fresh ? batch.view(batch.create(withOverrides(input.config, input.overrides ?? {})), only) : undefined;
  let recordings: Record<keyof AfterRecording, Earlier<ObservedAgent>> | undefined;
  if (parts.recordings) {
    record(first, `${what}-entry`);
    const firstRecorded = batch.view(first, only);
    const sourceAfterFirst = batch.view(source, only);
    const secondAfterFirst = batch.view(second, only);
    record(source, 'source-entry-2');
    recordings = { firstRecorded, sourceAfterFirst, secondAfterFirst, firstAfterSource: batch.view(first, only), secondAfterSource: batch.view(second, only) };
  }
  const results = await batch.run(subject);
  const get = (slot: Earlier<ObservedAgent>) => results.get(slot);
  return {
    places, what,
    blank: get(blank), source: get(sourceView), first: get(firstView), second: get(secondView),
    ...(fresh ? { fresh: get(fresh) } : {}),
    ...(recordings ? Object.fromEntries(Object.entries(recordings).map(([name, slot]) => [name, get(slot)])) : {}),
  } as CaseWith<P>;
}

/** A state place of two views that must be equal, or the violation naming the first difference. */
export function samePlace(expected: ObservedAgent, actual: ObservedAgent, place: string, observed: string, required: string): Violation | undefined {
  const differs = firstDifference(frameworkValue(expected, place), frameworkValue(actual, place), { path: `framework.${place}` });
  return differs ? new Violation(`${observed}: ${differs.path} = ${describe(differs.b, 3)}`, `${required}: ${describe(differs.a, 3)}`) : undefined;
}

/** The mutable objects of one state place, by identity token, to the path where they are. */
const objectsOf = (view: ObservedAgent, place: string): Map<string, string> => {
  const byId = new Map<string, string>();
  for (const [path, id] of mutableObjects(frameworkValue(view, place), `framework.${place}`)) byId.set(id, path);
  return byId;
};

/** The first mutable object of a state place that two agents hold both, as a violation. */
export function sharedObject(a: ObservedAgent, b: ObservedAgent, place: string, whoA: string, whoB: string): Violation | undefined {
  const ofA = objectsOf(a, place);
  for (const [id, path] of objectsOf(b, place)) {
    if (ofA.has(id)) return new Violation(`${whoB}.${path} is ${whoA}'s ${ofA.get(id)} itself`, `each agent its own ${place}`);
  }
  return undefined;
}

/** The recording probe shows in the view; otherwise nothing about state can be told. */
export function probeShows(state: StateCase): void {
  const unseen = state.places.filter((place) => firstDifference(frameworkValue(state.blank, place), frameworkValue(state.source, place)) === undefined);
  if (unseen.length > 0) {
    throw new NotCheckable(`recordState() on an agent left its view's framework.${unseen[0]} unchanged ({ ${unseen.map((place) => `${place}: ${describe(frameworkValue(state.source, place), 1)}`).join(', ')} }): the view must show what is recorded in each state place`);
  }
}

/** Builds a state invariant of a profile: the check gets the case's observations. */
export function stateInvariant(
  clause: Pick<Invariant, 'id' | 'rule' | 'rationale'> & { readonly profile: StateProfile },
  rule: StateCheck,
): Invariant<StateInput> {
  return {
    level: 'MUST',
    needs: [],
    roles: ['state'],
    ...clause,
    input: (context: InputContext): InputPlan<StateInput> => {
      const arbitrary: fc.Arbitrary<StateInput> =
        clause.profile === 'override'
          ? overrideCaseFor(context.scope, context.accepts, context.domains).map(({ scenario, overrides }: OverrideCase) => ({ config: scenario.config, overrides }))
          : scenarioFor(context.scope, context.accepts, context.domains).map(({ config }) => ({ config }));
      if (context.scope.frameworkOf('state').length === 0) return { arbitrary, skip: 'the adapter declares no conversation state place (a framework field of role state)' };
      if (!context.probes.has('recordState')) return { arbitrary, skip: "needs the adapter's recordState() probe, which it does not implement, to record in its state places" };
      return { arbitrary };
    },
    async check(subject, input) {
      const state = await runStateCase(subject, clause.profile, input, rule.parts);
      probeShows(state);
      const violation = rule.check(state);
      if (violation) throw violation;
    },
  };
}

export type { Observed };
