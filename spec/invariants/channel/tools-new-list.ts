import { describe, isFixedList } from '../../model/observed.ts';
import { frameworkListsNew } from '../framework-fields.ts';
import { relationInvariant, Violation } from './relation.ts';

export const toolsNewList = relationInvariant(
  {
    id: 'channel.tools.new-list',
    rule: 'The clone\'s tools list is an array, and not the source\'s array object (unless that list can never change: a tuple, which adding a tool replaces); so is each framework field of role shared-list, where the source holds a list.',
    reads: ['tools'],
    roles: ['shared-list'],
    rationale: 'A list shared between agents is one list: a tool added for one channel appears on every channel, and a tool removed from one disappears everywhere. Even where today\'s code never mutates the list, sharing it makes the next change that does a cross-channel leak. A list that can never change (a Python tuple, rebound to a new tuple when a tool is added) is the exception: no change to it exists, so holding one in both agents leaks nothing, and channel.tools.isolated still checks that adding a tool to one leaves the other as it was.',
  },
  (source, clone, scope) => {
    if (!scope.has('tools')) return frameworkListsNew(source, clone, scope, 'clone');
    const tools = clone.fields.tools;
    if (tools.kind !== 'array') return new Violation(`clone.tools = ${describe(tools)}`, 'clone.tools to be an array');
    // A tuple cannot change: held by both, it carries nothing from one to the other (adding a tool rebinds).
    if (source.fields.tools.kind === 'array' && source.fields.tools.id === tools.id && !isFixedList(tools)) {
      return new Violation('clone.tools is the source\'s tools array itself', 'a new array holding the same tools');
    }
    return frameworkListsNew(source, clone, scope, 'clone');
  },
);
