import { CONFIG_FIELDS } from '../../agent-config.ts';
import { deepEqual, describe } from '../../model/observed.ts';
import { compareFeatures } from '../compare.ts';
import { deepCopyInvariant, Violation } from './setup.ts';

export const configEqual = deepCopyInvariant(
  {
    id: 'deepcopy.config-equal',
    rule: 'Every configuration field of the copy (tools aside: see deepcopy.tools) is deeply equal to the source\'s: the same values, classes, dates, keys (a key holding undefined kept), handoffs, and feature configs; functions by identity.',
    rationale: 'A deep copy is the general-purpose duplicate: callers expect an agent that behaves as the original. Copies built by serialising (JSON, structured clone) lose classes, dates, functions and keys holding undefined, and the copy quietly runs with another configuration.',
  },
  ({ subject, before, copyView }) => {
    for (const field of CONFIG_FIELDS) {
      if (field === 'tools' || !subject.scope.has(field)) continue;
      if (field === 'features') {
        const violation = compareFeatures(before.fields.features, copyView.fields.features, subject.scope, 'copy', "the source's");
        if (violation) return violation;
      } else if (!deepEqual(before.fields[field], copyView.fields[field])) {
        return new Violation(`copy.${field} = ${describe(copyView.fields[field], 4)}`, `a value deeply equal to the source's: ${describe(before.fields[field], 4)}`);
      }
    }
    return undefined;
  },
);
