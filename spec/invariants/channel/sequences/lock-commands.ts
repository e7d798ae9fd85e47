/** The lock operations of channel.sequences: acquire a member's lock for an owner, release one held. */
import fc from 'fast-check';
import type { Batch } from '../../../model/batch.ts';
import { Violation } from '../../invariant.ts';
import type { Family } from './model.ts';
import type { FamilyPlan, FamilyShape } from './plan.ts';
import { Operation, type Step } from './operation.ts';

const OWNERS = ['gateway', 'worker-1', 'worker-2'] as const;

export class Acquire extends Operation {
  #lock = '?';
  #owner = '?';

  constructor(
    readonly pick: number,
    readonly lock: number,
    readonly owner: number,
  ) {
    super();
  }

  /** Which lock depends on the names the member shows, as the family check after the last step saw them. */
  override plansAhead(): boolean {
    return false;
  }

  protected async queue(plan: FamilyPlan, family: Family, batch: Batch): Promise<Step> {
    const { index, member } = this.picked(plan, this.pick);
    const names = family.lockNames[index] ?? [];
    if (names.length === 0) return { apply: () => {} };
    const lock = names[this.lock % names.length]!;
    this.#lock = lock;
    const holder = member.held.get(lock);
    // Re-acquiring for the holder depends on whether the lock is re-entrant; ask for someone else.
    let owner = OWNERS[this.owner % OWNERS.length]!;
    if (owner === holder) owner = OWNERS[(this.owner + 1) % OWNERS.length]!;
    this.#owner = owner;
    const acquiring = batch.tryAcquire(plan.handles[index]!, lock, owner);
    // Planned as the answer must be: one that is not fails this step, which ends the sequence.
    if (holder === undefined) member.held.set(lock, owner);
    return {
      apply: (results, model) => {
        const acquired = results.get(acquiring);
        if (acquired && holder !== undefined) {
          throw new Violation(`(channel.locks.isolated) tryAcquire(${member.label}, "${lock}", ${owner}) succeeded while ${holder} held it`, 'a held lock refuses another owner');
        }
        if (!acquired && holder === undefined) {
          throw new Violation(`(channel.locks.isolated) tryAcquire(${member.label}, "${lock}", ${owner}) was refused`, `${member.label}'s "${lock}" free: no operation on ${member.label} holds it`);
        }
        if (acquired) model.members[index]!.held.set(lock, owner);
      },
    };
  }

  toString = () => `acquire ${this.label}.${this.#lock} for ${this.#owner}`;
  [fc.cloneMethod] = () => new Acquire(this.pick, this.lock, this.owner);
}

export class Release extends Operation {
  #lock = '?';

  constructor(readonly pick: number) {
    super();
  }

  override check(model: Readonly<FamilyShape>): boolean {
    return model.members.some((member) => member.held.size > 0);
  }

  protected async queue(plan: FamilyPlan, _family: Family, batch: Batch): Promise<Step> {
    const holders = plan.members.map((member, index) => ({ member, index })).filter(({ member }) => member.held.size > 0);
    const { member, index } = holders[this.pick % holders.length]!;
    this.label = member.label;
    const [lock, owner] = [...member.held][0]!;
    this.#lock = lock;
    const releasing = batch.release(plan.handles[index]!, lock, owner);
    member.held.delete(lock);
    return {
      apply: (results, model) => {
        results.get(releasing);
        model.members[index]!.held.delete(lock);
      },
    };
  }

  toString = () => `release ${this.label}.${this.#lock}`;
  [fc.cloneMethod] = () => new Release(this.pick);
}
