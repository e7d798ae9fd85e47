import { identityOf } from '../../model/observed.ts';
import { relationInvariant, Violation } from './relation.ts';
import { lockNames } from './setup.ts';

export const locksFresh = relationInvariant(
  {
    id: 'channel.locks.fresh',
    rule: 'The clone owns locks under exactly the source\'s lock names, and none of its lock objects is one of the source\'s.',
    rationale: 'Locks guard an agent\'s cache and cost counters. A lock shared between channels serialises them (one busy channel stalls the others) and, worse, lets one channel release what another holds. A lock missing from the clone leaves its state unguarded.',
  },
  (source, clone) => {
    if (!clone.locks) return new Violation('clone.locks is not an object', 'a record of lock objects by name');
    const expected = lockNames(source);
    const actual = lockNames(clone);
    if (expected.join('\u0000') !== actual.join('\u0000')) {
      return new Violation(`clone lock names [${actual.join(', ')}]`, `the source's lock names [${expected.join(', ')}]`);
    }
    const sourceLocks = new Map(expected.map((name) => [identityOf(source.locks![name]!), name]));
    for (const name of actual) {
      const shared = sourceLocks.get(identityOf(clone.locks[name]!));
      if (identityOf(clone.locks[name]!) === undefined) return new Violation(`clone.locks.${name} is not an object`, 'a lock object');
      if (shared !== undefined) return new Violation(`clone.locks.${name} is the source's "${shared}" lock object`, `a fresh lock for "${name}"`);
    }
    return undefined;
  },
  ['locks'],
  // A framework whose agents hold no locks (BeeAI, the OpenAI SDK) gives this rule nothing to compare.
  (source) => (lockNames(source).length === 0 ? 'the agents hold no locks: there are none to renew' : undefined),
);
