/**
 * Planning steps ahead. An operation's calls depend on the family's shape (how many members, their
 * labels, who holds which lock), never on what the adapter answers, except where a step says so.
 * So the steps after one go in its batch as long as their shape is known: a run of them costs one
 * round trip, and each is still checked against the family as it was right after it (its views
 * are queued after its calls, before the next step's). The calls and their order are exactly those
 * of running the steps one by one; only the waiting between them goes.
 */
import type { AgentArg, Earlier } from '../../../model/batch.ts';
import type { Handle } from '../../../model/subject.ts';
import type { FamilyModel, MemberModel } from './model.ts';

/** What an operation may read of a member when it queues its calls: what no answer can change. */
export type PlannedMember = Pick<MemberModel, 'label' | 'held'>;

/** The family's shape, as fast-check's `check` and an operation's queueing read it. */
export interface FamilyShape {
  readonly members: readonly PlannedMember[];
}

/**
 * The family as it will be when an operation runs, while the steps before it in its batch have no
 * answers yet: each member's label and held locks (as the model will have them on every path where
 * the steps before it pass: an answer that differs fails its own step, which ends the sequence),
 * and each member's handle (the agent an earlier call of the batch returns, for members it adds).
 */
export class FamilyPlan implements FamilyShape {
  readonly members: PlannedMember[];
  readonly handles: AgentArg[];

  constructor(model: FamilyModel, handles: readonly Handle[]) {
    this.members = model.members.map(({ label, held }) => ({ label, held: new Map(held) }));
    this.handles = [...handles];
  }

  /** A member a step of the batch adds. */
  add(handle: Earlier<Handle>, label: string): void {
    this.members.push({ label, held: new Map() });
    this.handles.push(handle);
  }
}
