import { deepEqual, describe, identityOf, isFixedList } from '../../model/observed.ts';
import { compareTools, SAME_OBJECTS, TOOLS_RULE_FIELDS, type ElementRule } from '../agent-bound.ts';
import { deepCopyInvariant, Violation } from './setup.ts';

/** Declared copied: a deeply equal copy, not the same object (functions, which cannot be copied, stay the same). */
const COPIES: ElementRule = (tool, mine, what, whose) =>
  deepEqual(tool, mine) && (tool.kind === 'function' || identityOf(tool) === undefined || identityOf(tool) !== identityOf(mine))
    ? undefined
    : new Violation(`${what} = ${describe(mine)}`, `a copy of ${whose} (declared copied): deeply equal, not the same object: ${describe(tool)}`);

export const deepCopyTools = deepCopyInvariant(
  {
    id: 'deepcopy.tools',
    reads: ['tools'],
    rule: 'The copy\'s tools list is a new array (or the source\'s tuple: it can never change). Its elements are, as the adapter declares (deepCopyTools), the very same tool objects ("shared", the default) or deeply equal copies ("copied"; functions, which cannot be copied, stay the same); either way, a tool bound to the source agent (derived from it by the framework: it reaches the source through a closure, a partial, a bound method or an attribute) is the copy\'s own, rebound to the copy, and no tool of the copy reaches the source agent, its interrupt controller or its locks.',
    rationale: 'Whether tools are shared is a deliberate choice with consequences (a tool with a connection pool should exist once; a tool with per-agent state should not); a deep copy must make the choice it declares, and never share the list itself (a tuple, which can never change, aside). A tool made for the source agent acts on the source: a copy that keeps it is not independent of its source.',
  },
  ({ subject, before, copyView }) => {
    const source = before.fields.tools;
    const tools = copyView.fields.tools;
    if (tools.kind !== 'array') return new Violation(`copy.tools = ${describe(tools)}`, 'an array');
    if (source.kind === 'array' && source.id === tools.id && !isFixedList(tools)) return new Violation('copy.tools is the source\'s tools array itself', 'a new array');
    const shared = subject.deepCopyTools === 'shared';
    return compareTools(source, tools, before, copyView, 'copy', shared ? "the source's tools (declared shared)" : "the source's tools", shared ? SAME_OBJECTS : COPIES);
  },
  TOOLS_RULE_FIELDS,
);
