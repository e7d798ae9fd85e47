import { describe, identityOf, sameAsIs } from '../../model/observed.ts';
import { relationInvariant, Violation } from './relation.ts';

const plural = (count: number) => `${count} tool${count === 1 ? '' : 's'}`;

export const toolsSameElements = relationInvariant(
  {
    id: 'channel.tools.same-elements',
    rule: 'The clone\'s tools list has the same length as the source\'s and holds, in the same order, the very same tool objects (a tool listed twice stays listed twice).',
    rationale: 'Tools are shared on purpose: they hold clients, caches and registrations that should exist once. A clone that copies, rebuilds, deduplicates or reorders tools calls different objects than the source, or calls them in a different order of preference.',
  },
  (source, clone) => {
    const expected = source.fields.tools;
    const actual = clone.fields.tools;
    if (expected.kind !== 'array') return new Violation(`source.tools = ${describe(expected)}`, 'the view to report tools as an array');
    if (actual.kind !== 'array') return new Violation(`clone.tools = ${describe(actual)}`, 'clone.tools to be an array');
    if (actual.items.length !== expected.items.length) {
      return new Violation(`${plural(actual.items.length)}: ${describe(actual, 1)}`, `${plural(expected.items.length)}, as the source has: ${describe(expected, 1)}`);
    }
    const index = expected.items.findIndex((tool, i) => !sameAsIs(tool, actual.items[i]!));
    if (index === -1) return undefined;
    const got = actual.items[index]!;
    const copied = identityOf(got) !== undefined && actual.items.every((tool) => identityOf(tool) !== identityOf(expected.items[index]!));
    return new Violation(
      `clone.tools[${index}] = ${describe(got)}${copied ? ', a different object' : ''}`,
      `the source's tools[${index}] itself: ${describe(expected.items[index]!)}`,
    );
  },
);
