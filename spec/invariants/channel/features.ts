import { FEATURE_NAMES } from '../../agent-config.ts';
import { deepEqual, describe, type Observed } from '../../model/observed.ts';
import { relationInvariant, Violation } from './relation.ts';

const entriesOf = (value: Observed): Map<string, Observed> | undefined =>
  value.kind === 'object' && value.entries ? new Map(value.entries) : undefined;

export const features = relationInvariant(
  {
    id: 'channel.features',
    rule: `Every feature config of the clone (${FEATURE_NAMES.join(', ')}) is deeply equal to the source's: the same keys, a key holding undefined kept as such, equal nested values, the same classes, functions by identity. No feature is added and none is lost.`,
    rationale: 'Feature configs carry guardrails, approval presets, sandboxing and memory. A clone that loses one runs with weaker permissions or no memory on its channel; one that gains a default it was not given behaves differently from the agent that was reviewed.',
  },
  (source, clone) => {
    const expected = entriesOf(source.fields.features);
    const actual = entriesOf(clone.fields.features);
    if (!expected) return new Violation(`source.features = ${describe(source.fields.features)}`, 'the view to report features as an object');
    if (!actual) return new Violation(`clone.features = ${describe(clone.fields.features)}`, 'clone.features to be an object');
    for (const [name, value] of expected) {
      if (!actual.has(name)) return new Violation(`clone.features has no "${name}"`, `"${name}" forwarded: ${describe(value)}`);
      const got = actual.get(name)!;
      if (!deepEqual(value, got)) {
        return new Violation(`clone.features.${name} = ${describe(got, 4)}`, `a value deeply equal to the source's: ${describe(value, 4)}`);
      }
    }
    for (const [name, value] of actual) {
      if (!expected.has(name)) return new Violation(`clone.features has "${name}" = ${describe(value)}, which the source lacks`, 'no feature added');
    }
    return undefined;
  },
);
