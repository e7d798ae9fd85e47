import { PROBE_OWNERS } from '../../generators/scenario.ts';
import { Batch } from '../../model/batch.ts';
import { NO_RUNTIME_OBJECTS, runtimeFresh } from '../override/runtime-fresh.ts';
import { identityOf } from '../../model/observed.ts';
import { lockNames } from '../channel/setup.ts';
import { frameworkRuntimeOwn, frameworkValues } from '../framework-fields.ts';
import { deepCopyInvariant, NothingCompared, Violation } from './setup.ts';

export const deepCopyRuntimeFresh = deepCopyInvariant(
  {
    id: 'deepcopy.runtime-fresh',
    roles: ['runtime'],
    rule: 'The copy has runtime state of its own: a controller and locks that are not the source\'s (under the source\'s lock names), not interrupted even if the source was, and holding no lock the source held (where the adapter has the probes to tell). Wherever the source holds an object in a framework field of role runtime, the copy holds one of its own.',
    rationale: 'Locks cannot be copied: PraisonAI\'s `copy.deepcopy` of an agent failed on its RLock until the agent renewed its own locks, and still fails when the agent\'s interrupt controller or memory store holds one. Copying them by reference shares them; copying their state hands the copy a lock held by nobody who will ever release it.',
  },
  async ({ subject, source, before, copy, copyView }) => {
    const violation = runtimeFresh(before, copyView, 'copy') ?? frameworkRuntimeOwn(before, copyView, subject.scope, 'copy');
    if (violation) return violation;
    // The probes in one round trip, read in call order.
    const probes = new Batch();
    const interrupted = subject.probes.has('isInterrupted') ? probes.isInterrupted(copy) : undefined;
    const locks = subject.probes.has('tryAcquire')
      ? [...source.held].map(([name, holder]) => ({
          name,
          holder,
          acquired: probes.tryAcquire(copy, name, PROBE_OWNERS[0]),
          released: subject.probes.has('release') ? probes.release(copy, name, PROBE_OWNERS[0]) : undefined,
        }))
      : [];
    const results = await probes.run(subject);
    if (interrupted && results.get(interrupted)) {
      return new Violation(`the copy of ${source.interrupted ? 'an interrupted' : 'a running'} source is interrupted`, 'the copy not interrupted');
    }
    for (const { name, holder, acquired, released } of locks) {
      if (!results.get(acquired)) {
        return new Violation(`the copy's "${name}" is held, as the source's was (by ${holder})`, `the copy's "${name}" free`);
      }
      if (released) results.get(released);
    }
    const none =
      identityOf(before.fields.interruptController) === undefined &&
      lockNames(before).length === 0 &&
      interrupted === undefined &&
      frameworkValues(before, subject.scope, 'runtime').every(([, value]) => identityOf(value) === undefined);
    return none ? new NothingCompared(NO_RUNTIME_OBJECTS) : undefined;
  },
  ['interruptController', 'locks', 'framework'],
);
