import { describe, sameAsIs } from '../model/observed.ts';
import type { ObservedAgent } from '../model/subject.ts';
import { NotCheckable, Violation } from './invariant.ts';

/** The clause every profile shares: what an operation returns is another agent than its source. */
export const DISTINCT_AGENT_RATIONALE =
  'Every other clause compares a source with its clone. When the "clone" is the source itself, those comparisons hold trivially wherever the adapter maps little (no runtime state, few fields), and the gateway serves every channel with one agent object: one history, one state, one set of settings that each channel changes for all.';

/** What the clause reads of each view: which agent object it shows (`self`), no field. */
export const DISTINCT_AGENT_VIEWED = [] as const;

/**
 * The copy is not the source's agent object. Throws {@link NotCheckable} when the views do not say
 * which object they show (an adapter process whose kit predates `self`): unknown is never a pass.
 */
export function distinctAgent(source: ObservedAgent, copy: ObservedAgent, what: string): Violation | undefined {
  if (source.self.kind === 'undefined' || copy.self.kind === 'undefined') {
    throw new NotCheckable('the adapter\'s views do not say which agent object they show (no "self" in the view answer: update the adapter kit)');
  }
  return sameAsIs(source.self, copy.self)
    ? new Violation(`the ${what} is the source agent itself (${describe(copy.self, 0)})`, `another agent object than the source`)
    : undefined;
}
