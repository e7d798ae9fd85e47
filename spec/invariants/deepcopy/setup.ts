import { scenarioFor, type Scenario } from '../../generators/scenario.ts';
import type { Handle, ObservedAgent, Subject } from '../../model/subject.ts';
import type { Invariant } from '../invariant.ts';
import { Violation } from '../invariant.ts';
import { prepareSource, type PreparedSource } from '../channel/setup.ts';

/** A source, its view before and after the deep copy, and the copy's view. */
export interface DeepCopied {
  readonly subject: Subject;
  readonly source: PreparedSource;
  readonly before: ObservedAgent;
  readonly after: ObservedAgent;
  readonly copy: Handle;
  readonly copyView: ObservedAgent;
}

/** Builds a deep-copy invariant: copy a random source in a random runtime state, then check. */
export function deepCopyInvariant(
  clause: Pick<Invariant, 'id' | 'rule' | 'rationale' | 'reads'>,
  check: (copied: DeepCopied) => Violation | undefined | Promise<Violation | undefined>,
): Invariant<Scenario> {
  return {
    level: 'MUST',
    profile: 'deepcopy',
    needs: [],
    ...clause,
    input: ({ scope, accepts, domains }) => ({ arbitrary: scenarioFor(scope, accepts, domains) }),
    async check(subject, scenario) {
      const source = await prepareSource(subject, scenario);
      const before = await subject.view(source.handle);
      const copy = await subject.deepCopy(source.handle);
      const after = await subject.view(source.handle);
      const violation = await check({ subject, source, before, after, copy, copyView: await subject.view(copy) });
      if (violation) throw violation;
    },
  };
}

export { Violation };
