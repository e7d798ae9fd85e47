import { PROBE_OWNERS } from '../../generators/scenario.ts';
import type { Invariant } from '../invariant.ts';
import { Violation } from '../invariant.ts';
import { Batch } from '../../model/batch.ts';
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
    // Only the lock names are read: the views observe nothing else.
    const { source, clone, sourceView, cloneView } = await cloneOnce(subject, scenario, ['locks']);
    const cloneLocks = new Set(lockNames(cloneView));
    // Every probe in one round trip, read in call order (the first violation is the one the same
    // calls made one by one would show): for each lock, its probes end by releasing what they took.
    const probes = new Batch();
    const locks = lockNames(sourceView)
      .filter((lock) => cloneLocks.has(lock))
      .map((name) => {
        const holder = source.held.get(name);
        const cloneFirst = probes.tryAcquire(clone, name, first);
        const cloneSecond = probes.tryAcquire(clone, name, second);
        const sourceSecond = holder ? undefined : [probes.tryAcquire(source.handle, name, second), probes.release(source.handle, name, second)] as const;
        const cloneRelease = probes.release(clone, name, first);
        return { name, holder, cloneFirst, cloneSecond, sourceSecond, cloneRelease };
      });
    const results = await probes.run(subject);
    for (const { name, holder, cloneFirst, cloneSecond, sourceSecond, cloneRelease } of locks) {
      if (!results.get(cloneFirst)) {
        throw new Violation(
          holder ? `the clone could not acquire "${name}" while the source held it for ${holder} since before cloning` : `the clone could not acquire its free lock "${name}"`,
          `the clone's "${name}" free to acquire`,
        );
      }
      if (results.get(cloneSecond)) {
        throw new Violation(`the clone's "${name}" was acquired by two owners at once`, 'a lock that refuses a second owner, or this check proves nothing');
      }
      if (sourceSecond) {
        if (!results.get(sourceSecond[0])) {
          throw new Violation(`the source could not acquire "${name}" while the clone held it`, `the source's "${name}" free to acquire`);
        }
        results.get(sourceSecond[1]);
      }
      results.get(cloneRelease);
    }
  },
};
