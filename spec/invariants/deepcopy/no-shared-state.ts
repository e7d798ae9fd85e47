import { CONFIG_FIELDS } from '../../agent-config.ts';
import { routeToSource } from '../agent-bound.ts';
import { allOf } from '../differences.ts';
import { deepCopyInvariant, Violation } from './setup.ts';

import { mutableObjects } from './mutable-objects.ts';
import { frameworkValues } from '../framework-fields.ts';
import type { ObservedAgent } from '../../model/subject.ts';

export const noSharedState = deepCopyInvariant(
  {
    id: 'deepcopy.no-shared-state',
    rule: 'No mutable object of the configuration (an array, a set, a map, an object, a date, at any depth: llm, auth, handoffs, feature configs, and what their functions reach through closures, partials and bound methods) is shared between the copy and the source, and nothing in it reaches the source agent, its interrupt controller or its locks; tools are governed by deepcopy.tools. Immutable values (Enum members, tuples and frozensets of immutables, frozen objects) may be shared, and runtime objects met inside configuration (a handoff agent\'s locks, events, weak dictionaries) are not configuration. Framework fields of role config and route are configuration.',
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
    const copied = places(copyView);
    const route = routeToSource(copied.map(([, value]) => value), (i) => `copy.${copied[i]![0]}`, before, copyView.self);
    if (route) return route;
    const ofSource = new Map<string, string>();
    for (const [place, value] of places(before)) for (const [path, id] of mutableObjects(value, place, new Map(), true)) ofSource.set(id, path);
    // Every shared object, not only the first: shared memory must not hide behind a shared llm.
    const found: Violation[] = [];
    const reported: string[] = [];
    // What lies inside a shared object is shared with it: said once, at the outermost.
    const inside = (path: string) => reported.some((outer) => path.startsWith(`${outer}.`) || path.startsWith(`${outer}[`));
    for (const [place, value] of copied) {
      for (const [path, id] of mutableObjects(value, place, new Map(), true)) {
        if (!ofSource.has(id) || inside(path)) continue;
        reported.push(path);
        found.push(new Violation(`copy.${path} is the source's ${ofSource.get(id)} itself`, 'a copy: mutating it must leave the source alone'));
      }
    }
    return allOf(found);
  },
);
