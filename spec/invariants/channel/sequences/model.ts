import { describe, identityOf, isFixedList, type Observed } from '../../../model/observed.ts';
import type { AgentArg, Batch, BatchResults, Earlier } from '../../../model/batch.ts';
import type { Handle, ObservedAgent, Subject } from '../../../model/subject.ts';
import { Violation } from '../../invariant.ts';
import { lockNames } from '../setup.ts';
import { frameworkValue } from '../../framework-fields.ts';
import { mutableObjects } from '../../deepcopy/mutable-objects.ts';
import { firstDifference } from '../../../model/observed.ts';
import type { Operation, PlannedStep } from './operation.ts';
import type { FamilyShape } from './plan.ts';

/**
 * The specification's state of a family of agents: for each member, which tool objects its own
 * list must hold, whether it is interrupted, and which of its locks are held by whom. Runtime
 * objects (tools lists, controllers, locks) must never be shared between members.
 */
export interface MemberModel {
  readonly label: string;
  /** Identity tokens of the tools the member's list must hold, in order. */
  tools: (string | undefined)[];
  /** Tokens of the tools a created source derived from its handoffs: its clones must not hold them. */
  readonly routes: ReadonlySet<string>;
  interrupted: boolean;
  /** Lock name to the owner holding it. */
  readonly held: Map<string, string>;
  /**
   * Each conversation state place as the member last showed it (spec/invariants/state): only
   * recording on the member itself may change it. Empty until the family check first sees the member.
   */
  readonly state: Map<string, Observed>;
}

export interface FamilyModel {
  readonly members: MemberModel[];
}

/** The implementation's side: the members' handles, in the model's order. */
export interface Family {
  readonly subject: Subject;
  readonly handles: Handle[];
  /**
   * Each member's lock names, as the family check after the last step saw them (in the handles'
   * order): an operation on a lock picks among these, with no look-up of its own.
   */
  lockNames: string[][];
  /** Operations done so far, for messages. */
  step: number;
  /** Entries recorded so far: each entry names its own (per sequence, so that a replay records the same). */
  entries: number;
  /** Whether the framework holds "no handoffs" as an empty list (channel/no-handoffs.ts), learned with the first source. */
  noHandoffsAsEmptyList?: boolean;
  /** The sequence's operations in fast-check's order, for planning steps ahead (plan.ts); none: one step per batch. */
  readonly upcoming: readonly Operation[];
  /** Steps already queued on a batch that was sent, in order: run, each waits for its answer. */
  readonly planned: PlannedStep[];
}

export const MAX_MEMBERS = 8;

export const labelOf = (index: number): string => String.fromCharCode(65 + index);

export const toolTokens = (view: ObservedAgent): (string | undefined)[] =>
  view.fields.tools.kind === 'array' ? view.fields.tools.items.map(identityOf) : [];

/** Picks a member by a generated number: 0 is the newest, so that chains of clones come often. */
export const memberAt = (model: FamilyShape, pick: number): number => model.members.length - 1 - (pick % model.members.length);

/** A violation, placed at the step of the sequence where it showed. */
export function atStep(family: Family, operation: string, violation: Violation): Violation {
  return new Violation(`at step ${family.step} (${operation}): ${violation.observed}`, violation.required);
}

/**
 * A tool as messages name it: by what it is, never by what it holds (the family check asks for
 * tools in outline, which a transport may observe without their contents).
 */
function renderTool(tool: Observed): string {
  switch (tool.kind) {
    case 'array':
    case 'set':
    case 'map':
      return `${tool.kind} {…}`;
    case 'object':
      return `${tool.type === 'Object' ? '' : `${tool.type ?? '[null prototype]'} `}{…}`;
    default:
      return describe(tool, 0);
  }
}

function renderTools(tokens: readonly (string | undefined)[], known: ReadonlyMap<string, Observed>): string {
  return `[${tokens.map((token) => (token === undefined ? '?' : renderTool(known.get(token) ?? { kind: 'undefined' }))).join(', ')}]`;
}

/** What the family check reads of each member: its own tools (their identities: in outline), its runtime objects and its state. */
export const FAMILY_FIELDS = ['tools', 'interruptController', 'locks', 'framework'] as const;
/** Without a state place, `framework` holds only configuration, which the family check never reads: not viewed at every step. */
const FAMILY_FIELDS_WITHOUT_STATE = ['tools', 'interruptController', 'locks'] as const;
const FAMILY_OUTLINE = ['tools'] as const;

/**
 * Queues, on the batch of a step, what compares the whole family with the model after it: a view of
 * every member (`members`: the family's handles, and the member the step adds), then every
 * interrupt state (where the adapter can tell). The returned check compares them: every member's
 * tools, no runtime object shared between two members, every interrupt state.
 */
export function queueFamilyCheck(
  family: Family,
  batch: Batch,
  members: readonly AgentArg[],
  /** Whole views of some members, queued on this batch just before: read instead of viewing again. */
  viewedAlready: ReadonlyMap<AgentArg, Earlier<ObservedAgent>> = new Map(),
): (model: FamilyModel, results: BatchResults, operation: string) => void {
  const fields = family.subject.scope.frameworkOf('state').length > 0 ? FAMILY_FIELDS : FAMILY_FIELDS_WITHOUT_STATE;
  const viewed = members.map((member) => viewedAlready.get(member) ?? batch.view(member, fields, FAMILY_OUTLINE));
  const interrupted = family.subject.probes.has('isInterrupted') ? members.map((member) => batch.isInterrupted(member)) : undefined;
  return (model, results, operation) => {
    const views = viewed.map((slot) => results.get(slot));
    family.lockNames = views.map(lockNames);
    const known = new Map<string, Observed>();
    for (const view of views) {
      if (view.fields.tools.kind === 'array') for (const tool of view.fields.tools.items) if (identityOf(tool)) known.set(identityOf(tool)!, tool);
    }
    const owners = new Map<string, string>();
    for (const [index, member] of model.members.entries()) {
      const view = views[index]!;
      const actual = toolTokens(view);
      if (actual.length !== member.tools.length || actual.some((token, i) => token !== member.tools[i])) {
        throw atStep(family, operation, new Violation(
          `(channel.tools.isolated) ${member.label}.tools = ${renderTools(actual, known)}`,
          `${member.label}'s own tools: those its parent had when it was cloned, plus those added to it since: ${renderTools(member.tools, known)}`,
        ));
      }
      const runtime: [string, string, Observed | undefined][] = [
        ['tools list', 'channel.tools.new-list', view.fields.tools],
        ['interrupt controller', 'channel.controller.fresh', view.fields.interruptController],
        ...Object.entries(view.locks ?? {}).map(([name, lock]): [string, string, Observed] => [`"${name}" lock`, 'channel.locks.fresh', lock]),
      ];
      for (const [what, id, value] of runtime) {
        // A tools tuple can never change: held by several members, it carries nothing between them.
        const token = value === undefined || isFixedList(value) ? undefined : identityOf(value);
        if (token === undefined) continue;
        const other = owners.get(token);
        if (other !== undefined) {
          throw atStep(family, operation, new Violation(`(${id}) ${other} and ${member.label} share one ${what}`, `every member of a family its own ${what}`));
        }
        owners.set(token, member.label);
      }
    }
    checkState(family, model, views, operation);
    if (interrupted === undefined) return;
    for (const [index, member] of model.members.entries()) {
      const state = results.get(interrupted[index]!);
      if (state !== member.interrupted) {
        throw atStep(family, operation, new Violation(
          `(channel.controller.isolated) ${member.label} is ${state ? '' : 'not '}interrupted`,
          member.interrupted ? `${member.label} interrupted, as it was interrupted itself` : `${member.label} not interrupted: only interrupting it can stop it`,
        ));
      }
    }
  };
}

/**
 * Conversation state over the family (channel.state.isolated at every step): each member's state
 * places as they were after the member's own last recording (a member first seen is taken as it
 * is), and no state object held by two members.
 */
function checkState(family: Family, model: FamilyModel, views: readonly ObservedAgent[], operation: string): void {
  const places = family.subject.scope.frameworkOf('state');
  if (places.length === 0) return;
  const owners = new Map<string, string>();
  for (const [index, member] of model.members.entries()) {
    const view = views[index]!;
    for (const place of places) {
      const now = frameworkValue(view, place);
      const was = member.state.get(place);
      const differs = was === undefined ? undefined : firstDifference(was, now, { path: `${member.label}.framework.${place}` });
      if (differs) {
        throw atStep(family, operation, new Violation(`(channel.state.isolated) ${differs.path} = ${describe(differs.b, 3)}, with nothing recorded on ${member.label}`, `${member.label}'s state as it was: ${describe(differs.a, 3)}`));
      }
      member.state.set(place, now);
      for (const [path, id] of mutableObjects(now, `${member.label}.framework.${place}`)) {
        const other = owners.get(id);
        if (other !== undefined) throw atStep(family, operation, new Violation(`(channel.state.isolated) ${path} is ${other} itself`, 'every member of a family its own state'));
        owners.set(id, path);
      }
    }
  }
}
