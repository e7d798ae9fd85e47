/**
 * The two rules on conversation state, as checks over one {@link StateCase}: isolation (every
 * profile) and the initial state (fresh for a clone, an equal copy for a deep copy).
 */
import { firstDifference } from '../../model/observed.ts';
import { frameworkValue } from '../framework-fields.ts';
import { Violation } from '../invariant.ts';
import { samePlace, sharedObject, type CaseWith, type StateCheck, type StateParts } from './setup.ts';

/** A check with the parts of a case it reads, typed by them. */
const stateCheck = <P extends StateParts>(parts: P, check: (state: CaseWith<P>) => Violation | undefined): StateCheck<P> => ({ parts, check });

/**
 * What is recorded on one agent never appears on another: no state object held by two of them,
 * an entry recorded on the first derived agent shows there and nowhere else, and one recorded on
 * the source afterwards shows on neither derived agent.
 */
export const isolated = stateCheck({ recordings: true } as const, (state) => {
  const { what } = state;
  for (const place of state.places) {
    const shared =
      sharedObject(state.source, state.first, place, 'the source', what) ??
      sharedObject(state.first, state.second, place, `${what} #1`, `${what} #2`);
    if (shared) return shared;
    if (firstDifference(frameworkValue(state.first, place), frameworkValue(state.firstRecorded, place)) === undefined) {
      return new Violation(`recording on the ${what} left its framework.${place} unchanged`, `the ${what}'s own ${place}, which shows what is recorded on it`);
    }
    const leaked =
      samePlace(state.source, state.sourceAfterFirst, place, `recording on the ${what} changed the source`, "the source's state as it was") ??
      samePlace(state.second, state.secondAfterFirst, place, `recording on ${what} #1 changed ${what} #2`, `${what} #2's state as it was`) ??
      samePlace(state.firstRecorded, state.firstAfterSource, place, `recording on the source changed the ${what}`, `the ${what}'s state as it was`) ??
      samePlace(state.secondAfterFirst, state.secondAfterSource, place, `recording on the source changed ${what} #2`, `${what} #2's state as it was`);
    if (leaked) return leaked;
  }
  return undefined;
});

/** A clone starts with the state of a new agent of its configuration: none of the source's conversation. */
export const fresh = stateCheck({ fresh: true } as const, (state) => {
  for (const place of state.places) {
    const carried =
      samePlace(state.fresh, state.first, place, `the clone of a source with recorded state starts with it`, 'the state a new agent starts with') ??
      samePlace(state.fresh, state.second, place, `a second clone of the source starts with its state`, 'the state a new agent starts with');
    if (carried) return carried;
  }
  return undefined;
});

/** A deep copy starts with an equal copy of the source's state (isolated() checks that it is separate). */
export const copied = stateCheck({} as const, (state) => {
  for (const place of state.places) {
    const lost = samePlace(state.source, state.first, place, 'the copy', "a state deeply equal to the source's");
    if (lost) return lost;
  }
  return undefined;
});
