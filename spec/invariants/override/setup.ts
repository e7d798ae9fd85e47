import { overrideCaseFor, type OverrideCase } from '../../generators/overrides.ts';
import type { Handle, ObservedAgent, Subject } from '../../model/subject.ts';
import type { Invariant } from '../invariant.ts';
import { Violation } from '../invariant.ts';
import { prepareSource, type PreparedSource } from '../channel/setup.ts';

/** A source, its view before and after cloning with overrides, and the clone's view. */
export interface OverrideClone {
  readonly subject: Subject;
  readonly input: OverrideCase;
  readonly source: PreparedSource;
  readonly before: ObservedAgent;
  readonly after: ObservedAgent;
  readonly clone: Handle;
  readonly cloneView: ObservedAgent;
  /** Whether the case overrides this field (an own key of the overrides, even if undefined). */
  overridden(field: string): boolean;
}

async function cloneWithOverrides(subject: Subject, input: OverrideCase): Promise<OverrideClone> {
  const source = await prepareSource(subject, input.scenario);
  const before = await subject.view(source.handle);
  const clone = await subject.cloneWith(source.handle, input.overrides);
  const after = await subject.view(source.handle);
  const cloneView = await subject.view(clone);
  return { subject, input, source, before, after, clone, cloneView, overridden: (field) => Object.hasOwn(input.overrides, field) };
}

/** Builds an override invariant: clone a random source with random overrides, then check. */
export function overrideInvariant(
  clause: Pick<Invariant, 'id' | 'rule' | 'rationale' | 'reads'> & { needs?: Invariant['needs'] },
  check: (clone: OverrideClone) => Violation | undefined | Promise<Violation | undefined>,
): Invariant<OverrideCase> {
  return {
    level: 'MUST',
    profile: 'override',
    needs: [],
    ...clause,
    input: ({ scope, accepts, domains }) => ({ arbitrary: overrideCaseFor(scope, accepts, domains) }),
    async check(subject, input) {
      const violation = await check(await cloneWithOverrides(subject, input));
      if (violation) throw violation;
    },
  };
}

export { Violation };
