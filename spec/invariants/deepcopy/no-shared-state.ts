import { CONFIG_FIELDS } from '../../agent-config.ts';
import type { Observed } from '../../model/observed.ts';
import { deepCopyInvariant, Violation } from './setup.ts';

/** Every mutable object (array, object, date) in an observation, by token, with where it sits. */
function mutableObjects(value: Observed, path: string, into: Map<string, string>): Map<string, string> {
  if (value.kind === 'array') {
    into.set(value.id, path);
    value.items.forEach((item, index) => mutableObjects(item, `${path}[${index}]`, into));
  } else if (value.kind === 'object') {
    into.set(value.id, path);
    for (const [key, item] of value.entries ?? []) mutableObjects(item, `${path}.${key}`, into);
  } else if (value.kind === 'date') {
    into.set(value.id, path);
  }
  return into;
}

export const noSharedState = deepCopyInvariant(
  {
    id: 'deepcopy.no-shared-state',
    rule: 'No mutable object of the configuration (an array, an object, a date, at any depth: llm, auth, handoffs, feature configs) is shared between the copy and the source; tools are governed by deepcopy.tools.',
    rationale: 'The point of a deep copy is independence: mutating a nested feature config of the copy (say, its guardrail thresholds) must leave the source alone. A copy that stops one level deep shares everything below it.',
  },
  ({ subject, before, copyView }) => {
    const fields = CONFIG_FIELDS.filter((field) => field !== 'tools' && subject.scope.has(field));
    const ofSource = new Map<string, string>();
    for (const field of fields) mutableObjects(before.fields[field], field, ofSource);
    const ofCopy = new Map<string, string>();
    for (const field of fields) mutableObjects(copyView.fields[field], field, ofCopy);
    for (const [id, path] of ofCopy) {
      if (ofSource.has(id)) return new Violation(`copy.${path} is the source's ${ofSource.get(id)} itself`, 'a copy: mutating it must leave the source alone');
    }
    return undefined;
  },
);
