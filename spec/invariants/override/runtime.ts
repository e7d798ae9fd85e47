import { identityOf } from '../../model/observed.ts';
import { runtimeFresh, runtimeFreshOrNothing } from './runtime-fresh.ts';
import { frameworkRuntimeOwn, frameworkValues } from '../framework-fields.ts';
import { overrideInvariant } from './setup.ts';

export const overrideRuntimeFresh = overrideInvariant(
  {
    id: 'override.runtime-fresh',
    roles: ['runtime'],
    rule: 'Whatever interrupt controller and locks the source has, the clone has its own: a controller that is not the source\'s, locks under the same names, none of them the source\'s; and wherever the source holds an object in a framework field of role runtime, one of its own.',
    rationale: 'A specialised clone runs next to its base agent. Sharing the controller stops both when one is stopped; sharing a lock serialises them and lets one release what the other holds.',
  },
  ({ subject, before, cloneView }) => {
    const violation = runtimeFresh(before, cloneView, 'clone') ?? frameworkRuntimeOwn(before, cloneView, subject.scope, 'clone');
    if (violation) return violation;
    // A runtime object in a framework field is something compared, even without controller and locks.
    const framework = frameworkValues(before, subject.scope, 'runtime').some(([, value]) => identityOf(value) !== undefined);
    return framework ? undefined : runtimeFreshOrNothing(before, cloneView, 'clone');
  },
  ['interruptController', 'locks', 'framework'],
);
