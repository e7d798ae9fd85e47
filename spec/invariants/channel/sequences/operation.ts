/**
 * An operation of channel.sequences: its calls and the family check of its step go in one batch.
 * Each operation (commands.ts, lock-commands.ts) is one subclass.
 */
import fc from 'fast-check';
import { type AgentArg, Batch, type BatchResults, type Earlier } from '../../../model/batch.ts';
import type { Handle, ObservedAgent } from '../../../model/subject.ts';
import { Violation } from '../../invariant.ts';
import { atStep, type Family, type FamilyModel, memberAt, queueFamilyCheck } from './model.ts';
import { type FamilyShape, FamilyPlan, type PlannedMember } from './plan.ts';

export type Command = fc.AsyncCommand<FamilyModel, Family>;

/** An operation's calls, queued on the batch of its step, and how their results change the model. */
export interface Step {
  /**
   * The step's answers decide the family's shape (a source the framework may reject): nothing is
   * planned after it in its batch.
   */
  readonly last?: boolean;
  /**
   * Whether the operation turned out to add nothing after all (a source the framework rejected):
   * the family is then checked again, as it was, in a batch of its own.
   */
  addedNothing?(results: BatchResults, model: FamilyModel): boolean;
  /**
   * Whole views of members that the operation queued last, nothing after them: the family check
   * reads those instead of viewing the members again in the same round trip.
   */
  readonly viewed?: ReadonlyMap<AgentArg, Earlier<ObservedAgent>>;
  /** Reads the results into the model (the family as it is when the step runs), checking the operation's own. */
  apply(results: BatchResults, model: FamilyModel): void;
}

/** A step queued on a batch, with the family check after it, and the batch's answer. */
export interface PlannedStep {
  readonly operation: Operation;
  readonly step: Step;
  readonly checkFamily: ReturnType<typeof queueFamilyCheck>;
  readonly results: Promise<BatchResults>;
}

/**
 * Shared shape of every operation: run it, update the model, then compare the whole family with
 * the model. The operation's calls and the family's views go in one batch (one round trip where
 * the adapter process speaks protocol version 2), with the steps after it that can be planned
 * ahead (plan.ts). `label` is filled in when it is queued, so the shrunk sequence reads with member
 * names.
 */
export abstract class Operation implements Command {
  protected label = '?';

  /** Whether the operation can run on the family: most act on a member, so there must be one. */
  check(model: Readonly<FamilyShape>): boolean {
    return model.members.length > 0;
  }
  /**
   * Whether the operation can be queued before the answers to the steps ahead of it in the batch
   * (and without a look-up of its own first); otherwise it begins a batch.
   */
  plansAhead(_family: Family): boolean {
    return true;
  }
  /** Queues the operation's calls on the family as planned (after any look-up it needs first), and plans its own change of shape. */
  protected abstract queue(plan: FamilyPlan, family: Family, batch: Batch): Promise<Step>;
  abstract toString(): string;

  /** The member a generated `pick` names (model.ts, memberAt), which labels this operation from now on. */
  protected picked(plan: FamilyPlan, pick: number): { readonly index: number; readonly member: PlannedMember } {
    const index = memberAt(plan, pick);
    const member = plan.members[index]!;
    this.label = member.label;
    return { index, member };
  }
  abstract [fc.cloneMethod](): Operation;

  async run(model: FamilyModel, family: Family): Promise<void> {
    family.step += 1;
    const ahead = family.planned.shift();
    if (ahead !== undefined && ahead.operation !== this) {
      // Its calls ran: the answers no longer tell how the family was after this step.
      throw new Error(`channel.sequences planned "${ahead.operation}" to run next, but "${this}" ran (a bug in the suite, not in the adapter: please report it)`);
    }
    const planned = ahead ?? (await this.#send(model, family));
    let [results, checkFamily] = [await planned.results, planned.checkFamily];
    if (planned.step.addedNothing?.(results, model)) {
      const again = new Batch();
      checkFamily = queueFamilyCheck(family, again, family.handles);
      results = await again.run(family.subject);
    }
    await this.#placed(family, async () => planned.step.apply(results, model));
    checkFamily(model, results, this.toString());
  }

  /**
   * Queues this step, then the steps after it while they can be planned ahead, each followed by
   * its family check; sends the batch. The steps after this one find theirs in `family.planned`,
   * in order.
   */
  async #send(model: FamilyModel, family: Family): Promise<PlannedStep> {
    const batch = new Batch();
    const plan = new FamilyPlan(model, family.handles);
    const queued: Omit<PlannedStep, 'results'>[] = [];
    const queueStep = async (operation: Operation) => {
      // Only this step's queueing looks anything up (plansAhead), so only it can find a violation.
      const step = operation === this ? await this.#placed(family, () => this.queue(plan, family, batch)) : await operation.queue(plan, family, batch);
      queued.push({ operation, step, checkFamily: queueFamilyCheck(family, batch, plan.handles, step.viewed) });
      return step;
    };
    let last = (await queueStep(this)).last === true;
    for (const next of family.upcoming.slice(family.upcoming.indexOf(this) + 1)) {
      if (last) break;
      // fast-check asks the same of the family as it will be then, and skips the operation too.
      if (!next.check(plan)) continue;
      if (!next.plansAhead(family)) break;
      last = (await queueStep(next)).last === true;
    }
    const results = batch.run(family.subject);
    // A step before them may fail: the steps planned after it then never read the answer.
    results.catch(() => {});
    const [first, ...after] = queued.map((planned) => ({ ...planned, results }));
    family.planned.push(...after);
    return first!;
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
