import { describe } from '../../model/observed.ts';
import { compareElements } from '../compare.ts';
import { frameworkListsNew, frameworkListsSameElements } from '../framework-fields.ts';
import { overrideInvariant, Violation } from './setup.ts';

export const toolsNewList = overrideInvariant(
  {
    id: 'override.tools.new-list',
    reads: ['tools'],
    rule: 'When tools are not overridden, the clone\'s tools list is an array, and not the source\'s array object; so is each framework field of role shared-list, where the source holds a list.',
    roles: ['shared-list'],
    rationale: 'A clone that shares its source\'s tools array (what `new Agent({ ...this, ...overrides })` does) changes the source when a tool is pushed onto the clone. The OpenAI Agents SDK does exactly this, in JavaScript and in Python (`dataclasses.replace`): its documentation first promised new lists, and now states that the lists not overridden are shared and advises passing new ones; shared lists remain a defect of the clone this specification defines.',
  },
  ({ subject, overridden, before, cloneView }) => {
    const framework = frameworkListsNew(before, cloneView, subject.scope, 'clone');
    if (framework) return framework;
    if (overridden('tools')) return undefined;
    const tools = cloneView.fields.tools;
    if (tools.kind !== 'array') return new Violation(`clone.tools = ${describe(tools)}`, 'an array');
    if (before.fields.tools.kind === 'array' && before.fields.tools.id === tools.id) {
      return new Violation('clone.tools is the source\'s tools array itself', 'a new array holding the same tools');
    }
    return undefined;
  },
);

export const toolsSameElements = overrideInvariant(
  {
    id: 'override.tools.same-elements',
    reads: ['tools'],
    rule: 'When tools are not overridden, the clone\'s tools list holds, in order, the very same tool objects as the source\'s; so does each framework field of role shared-list.',
    roles: ['shared-list'],
    rationale: 'Tools carry clients and registrations that should exist once; a clone that copies or rebuilds them calls other objects than the ones configured.',
  },
  ({ subject, overridden, before, cloneView }) =>
    frameworkListsSameElements(before, cloneView, subject.scope, 'clone', "the source's") ?? (overridden('tools') ? undefined : compareElements(before.fields.tools, cloneView.fields.tools, 'clone.tools', "the source's tools")),
);
