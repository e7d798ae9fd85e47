import { PROBE_OWNERS } from '../../generators/scenario.ts';
import type { Invariant } from '../invariant.ts';
import { Violation } from '../invariant.ts';
import { cloneOnce, lockNames } from './setup.ts';

const [first, second] = PROBE_OWNERS;

export const locksIsolated: Invariant = {
  id: 'channel.locks.isolated',
  level: 'MUST',
  profile: 'channel',
  needs: ['tryAcquire', 'release'],
  rule: 'A lock held on one side, including one the source holds at the moment of cloning, never keeps the other side from acquiring its lock of the same name for a different owner.',
  rationale: 'Fresh lock objects can still wrap one shared mutex, or a clone can be built while the source holds a lock and inherit the held state. Either way one channel\'s work blocks another\'s, or a channel waits forever on a lock nobody on it will release.',
  async check(subject, scenario) {
    const { source, clone, sourceView, cloneView } = await cloneOnce(subject, scenario);
    const cloneLocks = new Set(lockNames(cloneView));
    for (const name of lockNames(sourceView).filter((lock) => cloneLocks.has(lock))) {
      const holder = source.held.get(name);
      if (!(await subject.tryAcquire(clone, name, first))) {
        throw new Violation(
          holder ? `the clone could not acquire "${name}" while the source held it for ${holder} since before cloning` : `the clone could not acquire its free lock "${name}"`,
          `the clone's "${name}" free to acquire`,
        );
      }
      if (await subject.tryAcquire(clone, name, second)) {
        throw new Violation(`the clone's "${name}" was acquired by two owners at once`, 'a lock that refuses a second owner, or this check proves nothing');
      }
      if (!holder) {
        if (!(await subject.tryAcquire(source.handle, name, second))) {
          throw new Violation(`the source could not acquire "${name}" while the clone held it`, `the source's "${name}" free to acquire`);
        }
        await subject.release(source.handle, name, second);
      }
      await subject.release(clone, name, first);
    }
  },
};
