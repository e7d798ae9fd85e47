import { deepEqual, describe, identityOf, isFixedList } from '../../model/observed.ts';
import { compareElements } from '../compare.ts';
import { deepCopyInvariant, Violation } from './setup.ts';

export const deepCopyTools = deepCopyInvariant(
  {
    id: 'deepcopy.tools',
    reads: ['tools'],
    rule: 'The copy\'s tools list is a new array (or the source\'s tuple: it can never change). Its elements are, as the adapter declares (deepCopyTools), the very same tool objects ("shared", the default) or deeply equal copies ("copied"; functions, which cannot be copied, stay the same).',
    rationale: 'Whether tools are shared is a deliberate choice with consequences (a tool with a connection pool should exist once; a tool with per-agent state should not); a deep copy must make the choice it declares, and never share the list itself (a tuple, which can never change, aside).',
  },
  ({ subject, before, copyView }) => {
    const source = before.fields.tools;
    const tools = copyView.fields.tools;
    if (tools.kind !== 'array') return new Violation(`copy.tools = ${describe(tools)}`, 'an array');
    if (source.kind === 'array' && source.id === tools.id && !isFixedList(tools)) return new Violation('copy.tools is the source\'s tools array itself', 'a new array');
    if (subject.deepCopyTools === 'shared') return compareElements(source, tools, 'copy.tools', "the source's tools (declared shared)");
    if (source.kind !== 'array' || source.items.length !== tools.items.length) return compareElements(source, tools, 'copy.tools', "the source's tools");
    const index = source.items.findIndex((tool, i) => !deepEqual(tool, tools.items[i]!) || (tool.kind !== 'function' && identityOf(tool) !== undefined && identityOf(tool) === identityOf(tools.items[i]!)));
    if (index === -1) return undefined;
    return new Violation(`copy.tools[${index}] = ${describe(tools.items[index]!)}`, `a copy of the source's tools[${index}] (declared copied): deeply equal, not the same object: ${describe(source.items[index]!)}`);
  },
);
