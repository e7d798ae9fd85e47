import { deepEqual, describe, identityOf, isFixedList, type Observed } from '../../model/observed.ts';
import { compareTools, SAME_OBJECTS, TOOLS_RULE_FIELDS, type ElementRule } from '../agent-bound.ts';
import { compareElements } from '../compare.ts';
import { frameworkValues } from '../framework-fields.ts';
import type { ObservedAgent } from '../../model/subject.ts';
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
    roles: ['shared-list'],
    rule: 'The copy\'s tools list is a new array (or the source\'s tuple: it can never change). Its elements are, as the adapter declares (deepCopyTools), the very same tool objects ("shared", the default) or deeply equal copies ("copied"; functions, which cannot be copied, stay the same); either way, a tool bound to the source agent (derived from it by the framework: it reaches the source through a closure, a partial, a bound method or an attribute) is the copy\'s own, rebound to the copy, and no tool of the copy reaches the source agent, its interrupt controller or its locks. Each framework field of role shared-list holding a list is held likewise: a new list (or the source\'s tuple), its elements as declared.',
    rationale: 'Whether tools are shared is a deliberate choice with consequences (a tool with a connection pool should exist once; a tool with per-agent state should not); a deep copy must make the choice it declares, and never share the list itself (a tuple, which can never change, aside). A tool made for the source agent acts on the source: a copy that keeps it is not independent of its source.',
  },
  ({ subject, before, copyView }) => {
    const tools = subject.scope.has('tools') ? toolsCopied(before, copyView, subject.deepCopyTools) : undefined;
    if (tools) return tools;
    const copies = new Map(frameworkValues(copyView, subject.scope, 'shared-list'));
    for (const [path, source] of frameworkValues(before, subject.scope, 'shared-list')) {
      // A framework list left unset (null, undefined) is compared as-is.
      const violation = source.kind === 'array' ? listCopied(source, copies.get(path)!, path, subject.deepCopyTools) : compareElements(source, copies.get(path)!, `copy.${path}`, `the source's ${path}`);
      if (violation) return violation;
    }
    return undefined;
  },
  TOOLS_RULE_FIELDS,
);

/** The copy's tools: a new array (or the source's tuple), its tools shared or copied as declared, tools bound to the source rebound. */
function toolsCopied(before: ObservedAgent, copyView: ObservedAgent, elements: 'shared' | 'copied'): Violation | undefined {
  const source = before.fields.tools;
  const tools = copyView.fields.tools;
  if (tools.kind !== 'array') return new Violation(`copy.tools = ${describe(tools)}`, 'an array');
  if (source.kind === 'array' && source.id === tools.id && !isFixedList(tools)) return new Violation('copy.tools is the source\'s tools array itself', 'a new array');
  const shared = elements === 'shared';
  return compareTools(source, tools, before, copyView, 'copy', shared ? "the source's tools (declared shared)" : "the source's tools", shared ? SAME_OBJECTS : COPIES);
}

/** A framework list of a deep copy: a new array, its elements shared or copied as declared. */
function listCopied(source: Observed, list: Observed, path: string, elements: 'shared' | 'copied'): Violation | undefined {
  if (list.kind !== 'array') return new Violation(`copy.${path} = ${describe(list)}`, 'an array');
  if (source.kind === 'array' && source.id === list.id && !isFixedList(list)) return new Violation(`copy.${path} is the source's ${path} array itself`, 'a new array');
  if (elements === 'shared') return compareElements(source, list, `copy.${path}`, `the source's ${path} (declared shared)`);
  if (source.kind !== 'array' || source.items.length !== list.items.length) return compareElements(source, list, `copy.${path}`, `the source's ${path}`);
  const index = source.items.findIndex((item, i) => !deepEqual(item, list.items[i]!) || (item.kind !== 'function' && identityOf(item) !== undefined && identityOf(item) === identityOf(list.items[i]!)));
  if (index === -1) return undefined;
  return new Violation(`copy.${path}[${index}] = ${describe(list.items[index]!)}`, `a copy of the source's ${path}[${index}] (declared copied): deeply equal, not the same object: ${describe(source.items[index]!)}`);
}
