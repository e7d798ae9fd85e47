import { CONFIG_FIELDS } from '../../agent-config.ts';
import { deepCopyInvariant, Violation } from './setup.ts';

import { mutableObjects } from './mutable-objects.ts';
import { frameworkValues } from '../framework-fields.ts';
import type { ObservedAgent } from '../../model/subject.ts';

export const noSharedState = deepCopyInvariant(
  {
    id: 'deepcopy.no-shared-state',
    rule: 'No mutable object of the configuration (an array, a set, a map, an object, a date, at any depth: llm, auth, handoffs, feature configs) is shared between the copy and the source; tools are governed by deepcopy.tools. Immutable values (Enum members, tuples and frozensets of immutables, frozen objects) may be shared, and runtime objects met inside configuration (a handoff agent\'s locks, events, weak dictionaries) are not configuration. Framework fields of role config and route are configuration.',
    roles: ['config', 'route'],
    rationale: 'The point of a deep copy is independence: mutating a nested feature config of the copy (say, its guardrail thresholds) must leave the source alone. A copy that stops one level deep shares everything below it.',
  },
  ({ subject, before, copyView }) => {
    const fields = CONFIG_FIELDS.filter((field) => field !== 'tools' && subject.scope.has(field));
    // Framework fields of role config and route are configuration too.
    const places = (view: ObservedAgent) => [
      ...fields.map((field) => [field, view.fields[field]] as const),
      ...frameworkValues(view, subject.scope, 'config', 'route'),
    ];
    const ofSource = new Map<string, string>();
    for (const [place, value] of places(before)) for (const [path, id] of mutableObjects(value, place)) ofSource.set(id, path);
    for (const [place, value] of places(copyView)) {
      for (const [path, id] of mutableObjects(value, place)) {
        if (ofSource.has(id)) return new Violation(`copy.${path} is the source's ${ofSource.get(id)} itself`, 'a copy: mutating it must leave the source alone');
      }
    }
    return undefined;
  },
);
