import { describe, isFixedList } from '../../model/observed.ts';
import { compareTools, TOOLS_RULE_FIELDS } from '../agent-bound.ts';
import { frameworkListsNew, frameworkListsSameElements } from '../framework-fields.ts';
import { overrideInvariant, Violation } from './setup.ts';

export const toolsNewList = overrideInvariant(
  {
    id: 'override.tools.new-list',
    reads: ['tools'],
    rule: 'When tools are not overridden, the clone\'s tools list is an array, and not the source\'s array object (unless that list can never change: a tuple, which adding a tool replaces); so is each framework field of role shared-list not overridden, where the source holds a list.',
    roles: ['shared-list'],
    rationale: 'A clone that shares its source\'s tools array (what `new Agent({ ...this, ...overrides })` does) changes the source when a tool is pushed onto the clone. The OpenAI Agents SDK does exactly this, in JavaScript and in Python (`dataclasses.replace`): its documentation first promised new lists, and now states that the lists not overridden are shared and advises passing new ones; shared lists remain a defect of the clone this specification defines. A tuple is the exception: it cannot change, so sharing it leaks nothing.',
  },
  ({ subject, overridden, overriddenFramework, before, cloneView }) => {
    const framework = frameworkListsNew(before, cloneView, subject.scope, 'clone', overriddenFramework);
    if (framework) return framework;
    if (overridden('tools')) return undefined;
    const tools = cloneView.fields.tools;
    if (tools.kind !== 'array') return new Violation(`clone.tools = ${describe(tools)}`, 'an array');
    if (before.fields.tools.kind === 'array' && before.fields.tools.id === tools.id && !isFixedList(tools)) {
      return new Violation('clone.tools is the source\'s tools array itself', 'a new array holding the same tools');
    }
    return undefined;
  },
);

export const toolsSameElements = overrideInvariant(
  {
    id: 'override.tools.same-elements',
    reads: ['tools'],
    rule: 'When tools are not overridden, the clone\'s tools list holds, in order, the very same tool objects as the source\'s, except the tools bound to the source agent (derived from it by the framework), which the clone holds rebound to itself; no tool of the clone reaches the source agent, its interrupt controller or its locks. Each framework field of role shared-list not overridden holds, in order, the very elements of the source\'s.',
    roles: ['shared-list'],
    rationale: 'Tools carry clients and registrations that should exist once; a clone that copies or rebuilds them calls other objects than the ones configured. A tool made for the source agent is the source\'s: kept by the clone, it acts on the source (see channel.tools.same-elements).',
  },
  ({ subject, overridden, overriddenFramework, before, cloneView }) =>
    frameworkListsSameElements(before, cloneView, subject.scope, 'clone', "the source's", overriddenFramework) ??
    (overridden('tools') ? undefined : compareTools(before.fields.tools, cloneView.fields.tools, before, cloneView, 'clone', "the source's tools")),
  TOOLS_RULE_FIELDS,
);
