import { describe, identityOf } from '../../model/observed.ts';
import type { ObservedAgent } from '../../model/subject.ts';
import { lockNames } from '../channel/setup.ts';
import { NothingCompared, Violation } from '../invariant.ts';

/**
 * Runtime state of a copy against its source: whatever controller and locks the source has, the
 * copy has its own. Shared by the override clone and the deep copy.
 */
export function runtimeFresh(source: ObservedAgent, copy: ObservedAgent, what: string): Violation | undefined {
  return runtimeFreshViolation(source, copy, what);
}

/** The reason given when a source has no runtime objects at all. */
export const NO_RUNTIME_OBJECTS = 'the agents hold no interrupt controller and no locks: there is no runtime state to renew';

/** As {@link runtimeFresh}, or {@link NothingCompared} when the source has neither controller nor locks. */
export function runtimeFreshOrNothing(source: ObservedAgent, copy: ObservedAgent, what: string): Violation | NothingCompared | undefined {
  const violation = runtimeFreshViolation(source, copy, what);
  if (violation) return violation;
  const none = identityOf(source.fields.interruptController) === undefined && lockNames(source).length === 0;
  return none ? new NothingCompared(NO_RUNTIME_OBJECTS) : undefined;
}

function runtimeFreshViolation(source: ObservedAgent, copy: ObservedAgent, what: string): Violation | undefined {
  const controller = identityOf(source.fields.interruptController);
  if (controller !== undefined) {
    const own = identityOf(copy.fields.interruptController);
    if (own === undefined) return new Violation(`${what}.interruptController = ${describe(copy.fields.interruptController)}`, 'an interrupt controller of its own, as the source has one');
    if (own === controller) return new Violation(`${what}.interruptController is the source's controller object`, 'a fresh interrupt controller');
  }
  const sourceLocks = new Map(lockNames(source).map((name) => [identityOf(source.locks![name]!), name]));
  const names = new Set(lockNames(copy));
  const missing = lockNames(source).filter((name) => !names.has(name));
  if (missing.length > 0) return new Violation(`${what} has no lock named ${missing.map((name) => `"${name}"`).join(', ')}`, 'the source\'s locks, each its own');
  for (const name of names) {
    const shared = sourceLocks.get(identityOf(copy.locks![name]!));
    if (shared !== undefined) return new Violation(`${what}.locks.${name} is the source's "${shared}" lock object`, `a fresh lock for "${name}"`);
  }
  return undefined;
}
