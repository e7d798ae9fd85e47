import { CONFIG_FIELDS, type ConfigField } from '../../agent-config.ts';
import type { ObservedAgent } from '../../model/subject.ts';
import type { FieldScope } from '../../model/field-scope.ts';
import { mutableObjects } from './mutable-objects.ts';
import { describe, firstDifference } from '../../model/observed.ts';
import { compareFeatures } from '../compare.ts';
import { allOf } from '../differences.ts';
import { frameworkEqual, frameworkValues } from '../framework-fields.ts';
import { deepCopyInvariant, Violation } from './setup.ts';

const IN_A_SET = /\{\d+\}/;

/** Objects held in two places of the source's configuration must be one copy held in both places. */
function sharingKept(source: ObservedAgent, copy: ObservedAgent, fields: readonly ConfigField[], scope: FieldScope): Violation | undefined {
  const paths = (view: ObservedAgent) => {
    const all = new Map<string, string>();
    for (const field of fields) mutableObjects(view.fields[field], field, all);
    // Framework lists of shared elements too: one list in two places is one list in the copy.
    for (const [path, value] of frameworkValues(view, scope, 'config', 'route', 'shared-list')) mutableObjects(value, path, all);
    return all;
  };
  const inCopy = paths(copy);
  const firstPath = new Map<string, string>();
  for (const [path, id] of paths(source)) {
    if (IN_A_SET.test(path)) continue; // a set's members have no position to find again in the copy
    const first = firstPath.get(id);
    if (first === undefined) firstPath.set(id, path);
    else if (inCopy.get(path) !== inCopy.get(first)) {
      return new Violation(`copy.${first} and copy.${path} are two different objects`, `one copy in both places, as the source holds one object at ${first} and ${path}`);
    }
  }
  return undefined;
}

export const configEqual = deepCopyInvariant(
  {
    id: 'deepcopy.config-equal',
    rule: 'Every configuration field of the copy (tools aside: see deepcopy.tools) is deeply equal to the source\'s: the same values, classes, dates, keys (a key holding undefined kept), handoffs, and feature configs; sets and maps by content; functions by identity; runtime objects met inside configuration (locks, events) by class only. An object the source\'s configuration holds in two places is, in the copy, one copy held in both places. Framework fields of role config and route are compared the same way; framework fields of role shared-list count as places of the configuration for that sharing: a list (or an element) held in two of them, or in one of them and a feature config, is one in the copy (deepcopy.tools says whether their elements are copied at all).',
    roles: ['config', 'route', 'shared-list'],
    rationale: 'A deep copy is the general-purpose duplicate: callers expect an agent that behaves as the original. Copies built by serialising (JSON, structured clone) lose classes, dates, functions and keys holding undefined, and the copy quietly runs with another configuration. One object held in two places is how a user ties two settings together (one hooks list run before and after, one dict as session state and dependencies): a copy that makes two of it unties them, so a change made through one place no longer reaches the other, as it does on the source. Python\'s copy.deepcopy keeps them one, with one memo over the whole object; a copy made field by field, each with its own memo, does not.',
  },
  ({ subject, before, copyView }) => {
    const found: (Violation | undefined)[] = [];
    for (const field of CONFIG_FIELDS) {
      if (field === 'tools' || !subject.scope.has(field)) continue;
      if (field === 'features') {
        found.push(compareFeatures(before.fields.features, copyView.fields.features, subject.scope, 'copy', "the source's"));
      } else {
        const differs = firstDifference(before.fields[field], copyView.fields[field], { path: field });
        if (differs) found.push(new Violation(`copy.${differs.path} = ${describe(differs.b, 3)}`, `a value deeply equal to the source's: ${describe(differs.a, 3)}`));
      }
    }
    found.push(frameworkEqual(before, copyView, subject.scope, 'copy', "the source's", ['config', 'route']));
    const differences = allOf(found);
    if (differences) return differences;
    return sharingKept(before, copyView, CONFIG_FIELDS.filter((field) => field !== 'tools' && subject.scope.has(field)), subject.scope);
  },
);
