/** The lock operations of channel.sequences: acquire a member's lock for an owner, release one held. */
import fc from 'fast-check';
import type { Batch } from '../../../model/batch.ts';
import { Violation } from '../../invariant.ts';
import type { Family, FamilyModel } from './model.ts';
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

  protected async queue(model: FamilyModel, family: Family, batch: Batch): Promise<Step> {
    const { index, member } = this.picked(model, this.pick);
    // Which lock depends on the names the member shows, as the family check after the last step saw them.
    const names = family.lockNames[index] ?? [];
    if (names.length === 0) return { apply: () => {} };
    const lock = names[this.lock % names.length]!;
    this.#lock = lock;
    const holder = member.held.get(lock);
    // Re-acquiring for the holder depends on whether the lock is re-entrant; ask for someone else.
    let owner = OWNERS[this.owner % OWNERS.length]!;
    if (owner === holder) owner = OWNERS[(this.owner + 1) % OWNERS.length]!;
    this.#owner = owner;
    const acquiring = batch.tryAcquire(family.handles[index], lock, owner);
    return {
      apply: (results) => {
        const acquired = results.get(acquiring);
        if (acquired && holder !== undefined) {
          throw new Violation(`(channel.locks.isolated) tryAcquire(${member.label}, "${lock}", ${owner}) succeeded while ${holder} held it`, 'a held lock refuses another owner');
        }
        if (!acquired && holder === undefined) {
          throw new Violation(`(channel.locks.isolated) tryAcquire(${member.label}, "${lock}", ${owner}) was refused`, `${member.label}'s "${lock}" free: no operation on ${member.label} holds it`);
        }
        if (acquired) member.held.set(lock, owner);
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

  override check(model: Readonly<FamilyModel>): boolean {
    return model.members.some((member) => member.held.size > 0);
  }

  protected async queue(model: FamilyModel, family: Family, batch: Batch): Promise<Step> {
    const holders = model.members.map((member, index) => ({ member, index })).filter(({ member }) => member.held.size > 0);
    const { member, index } = holders[this.pick % holders.length]!;
    this.label = member.label;
    const [lock, owner] = [...member.held][0]!;
    this.#lock = lock;
    const releasing = batch.release(family.handles[index], lock, owner);
    return {
      apply: (results) => {
        results.get(releasing);
        member.held.delete(lock);
      },
    };
  }

  toString = () => `release ${this.label}.${this.#lock}`;
  [fc.cloneMethod] = () => new Release(this.pick);
}
