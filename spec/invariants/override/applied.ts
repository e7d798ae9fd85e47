import { CONFIG_FIELDS } from '../../agent-config.ts';
import { describe, sameAsIs } from '../../model/observed.ts';
import { compareElements, compareFeatures } from '../compare.ts';
import { withoutOwnTools } from '../agent-bound.ts';
import { frameworkApplied } from '../framework-fields.ts';
import { overrideInvariant, Violation } from './setup.ts';

export const applied = overrideInvariant(
  {
    id: 'override.applied',
    rule: 'Each overridden field of the clone holds the override: the value as-is (the very object for objects), for tools and handoffs a list of exactly the given elements (or null; tools the framework derived from the clone itself, bound to it, aside), for features exactly the given feature configs; each overridden framework field as its role holds a value given (config: deeply equal to the override; shared-list and route: exactly the given elements).',
    rationale: 'Overrides are how one base agent is specialised into a support agent, a sales agent, an engineering agent. An override that is merged, defaulted, dropped or applied to the wrong field gives an agent that was never configured.',
  },
  ({ subject, input, cloneView }) => {
    for (const field of CONFIG_FIELDS) {
      if (!Object.hasOwn(input.overrides, field) || !subject.scope.has(field)) continue;
      const given = subject.observeInput(input.overrides[field]);
      const actual = cloneView.fields[field];
      if (field === 'features') {
        const violation = compareFeatures(given, actual, subject.scope, 'clone', 'the override');
        if (violation) return violation;
      } else if (field === 'tools' || field === 'handoffs') {
        // Tools the framework derived from the clone itself (bound to it) are its own, not the override's.
        const violation = compareElements(given, field === 'tools' ? withoutOwnTools(actual, cloneView.self) : actual, `clone.${field}`, `the overriding ${field}`);
        if (violation) return violation;
      } else if (!sameAsIs(given, actual)) {
        return new Violation(`clone.${field} = ${describe(actual)}`, `the override as-is: ${describe(given)}`);
      }
    }
    const framework = input.overrides.framework ?? {};
    return frameworkApplied(new Map(Object.keys(framework).map((name) => [name, subject.observeInput(framework[name])])), cloneView, subject.scope, 'clone');
  },
);
