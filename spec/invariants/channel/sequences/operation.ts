/**
 * An operation of channel.sequences: its calls and the family check of its step go in one batch.
 * Each operation (commands.ts, lock-commands.ts) is one subclass.
 */
import fc from 'fast-check';
import { type AgentArg, Batch, type BatchResults, type Earlier } from '../../../model/batch.ts';
import type { Handle, ObservedAgent } from '../../../model/subject.ts';
import { Violation } from '../../invariant.ts';
import { atStep, type Family, type FamilyModel, memberAt, type MemberModel, queueFamilyCheck } from './model.ts';

export type Command = fc.AsyncCommand<FamilyModel, Family>;

/** An operation's calls, queued on the batch of its step, and how their results change the model. */
export interface Step {
  /** The member the operation adds, when it adds one. */
  readonly added?: Earlier<Handle> | Handle;
  /**
   * Whether the operation turned out to add nothing after all (a source the framework rejected):
   * the family is then checked again, as it was, in a batch of its own.
   */
  addedNothing?(results: BatchResults): boolean;
  /**
   * Whole views of members that the operation queued last, nothing after them: the family check
   * reads those instead of viewing the members again in the same round trip.
   */
  readonly viewed?: ReadonlyMap<AgentArg, Earlier<ObservedAgent>>;
  apply(results: BatchResults): void;
}

/**
 * Shared shape of every operation: run it, update the model, then compare the whole family with
 * the model. The operation's calls and the family's views go in one batch (one round trip where
 * the adapter process speaks protocol version 2). `label` is filled in when it runs, so the shrunk
 * sequence reads with member names.
 */
export abstract class Operation implements Command {
  protected label = '?';

  /** Whether the operation can run on the family: most act on a member, so there must be one. */
  check(model: Readonly<FamilyModel>): boolean {
    return model.members.length > 0;
  }
  /** Queues the operation's calls (after any look-up it needs first). */
  protected abstract queue(model: FamilyModel, family: Family, batch: Batch): Promise<Step>;
  abstract toString(): string;

  /** The member a generated `pick` names (model.ts, memberAt), which labels this operation from now on. */
  protected picked(model: FamilyModel, pick: number): { readonly index: number; readonly member: MemberModel } {
    const index = memberAt(model, pick);
    const member = model.members[index]!;
    this.label = member.label;
    return { index, member };
  }
  abstract [fc.cloneMethod](): Operation;

  async run(model: FamilyModel, family: Family): Promise<void> {
    family.step += 1;
    const batch = new Batch();
    const step = await this.#placed(family, () => this.queue(model, family, batch));
    let checkFamily = queueFamilyCheck(family, batch, step.added ? [...family.handles, step.added] : family.handles, step.viewed);
    let results = await batch.run(family.subject);
    if (step.addedNothing?.(results)) {
      const again = new Batch();
      checkFamily = queueFamilyCheck(family, again, family.handles);
      results = await again.run(family.subject);
    }
    await this.#placed(family, async () => step.apply(results));
    checkFamily(model, results, this.toString());
  }

  /** Runs part of the operation, placing its violations at this step of the sequence. */
  async #placed<T>(family: Family, part: () => Promise<T>): Promise<T> {
    try {
      return await part();
    } catch (error) {
      if (error instanceof Violation) throw atStep(family, this.toString(), error);
      throw error;
    }
  }
}
