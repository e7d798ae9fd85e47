import { CONFIG_FIELDS } from '../../agent-config.ts';
import { sameAsIs } from '../../model/observed.ts';
import { asIsViolation, compareElements, compareFeatures } from '../compare.ts';
import { allOf } from '../differences.ts';
import { frameworkEqual, frameworkRoutesKept } from '../framework-fields.ts';
import { overrideInvariant, type Violation } from './setup.ts';

export const retained = overrideInvariant(
  {
    id: 'override.retained',
    rule: 'Every field not overridden is the source\'s, as it was when cloned: values as-is, feature configs deeply equal, and handoffs kept (not reset), holding the same handoff objects. (Tools not overridden are checked by override.tools.*.) Framework fields not overridden are the source\'s: of role config deeply equal to the source\'s, of role route kept, holding the same elements.',
    roles: ['config', 'route'],
    rationale: 'An override clone promises "the same agent, but". A clone rebuilt from the overrides and a few known fields silently drops the rest: its guardrails, its model settings, its routing.',
  },
  ({ subject, before, cloneView, overridden, overriddenFramework }) => {
    // Every field not kept, not only the first.
    const found: (Violation | undefined)[] = [];
    for (const field of CONFIG_FIELDS) {
      if (overridden(field) || !subject.scope.has(field) || field === 'tools') continue;
      const expected = before.fields[field];
      const actual = cloneView.fields[field];
      if (field === 'features') {
        found.push(compareFeatures(expected, actual, subject.scope, 'clone', "the source's"));
      } else if (field === 'handoffs') {
        found.push(compareElements(expected, actual, 'clone.handoffs', "the source's handoffs"));
      } else if (!sameAsIs(expected, actual)) {
        found.push(asIsViolation(`clone.${field} (not overridden)`, expected, actual, `the source's ${field}`));
      }
    }
    found.push(
      frameworkEqual(before, cloneView, subject.scope, 'clone', "the source's", ['config'], overriddenFramework),
      frameworkRoutesKept(before, cloneView, subject.scope, 'clone', "the source's", overriddenFramework),
    );
    return allOf(found);
  },
);
