import { deepEqual, describe, identityOf, type Observed } from '../../model/observed.ts';
import { compareElements } from '../compare.ts';
import { frameworkValues } from '../framework-fields.ts';
import { deepCopyInvariant, Violation } from './setup.ts';

export const deepCopyTools = deepCopyInvariant(
  {
    id: 'deepcopy.tools',
    reads: ['tools'],
    roles: ['shared-list'],
    rule: 'The copy\'s tools list is a new array. Its elements are, as the adapter declares (deepCopyTools), the very same tool objects ("shared", the default) or deeply equal copies ("copied"; functions, which cannot be copied, stay the same). Each framework field of role shared-list holding a list is held likewise: a new list, its elements as declared.',
    rationale: 'Whether tools are shared is a deliberate choice with consequences (a tool with a connection pool should exist once; a tool with per-agent state should not); a deep copy must make the choice it declares, and never share the list itself.',
  },
  ({ subject, before, copyView }) => {
    const tools = subject.scope.has('tools') ? listCopied(before.fields.tools, copyView.fields.tools, 'tools', subject.deepCopyTools) : undefined;
    if (tools) return tools;
    const copies = new Map(frameworkValues(copyView, subject.scope, 'shared-list'));
    for (const [path, source] of frameworkValues(before, subject.scope, 'shared-list')) {
      // A framework list left unset (null, undefined) is compared as-is.
      const violation = source.kind === 'array' ? listCopied(source, copies.get(path)!, path, subject.deepCopyTools) : compareElements(source, copies.get(path)!, `copy.${path}`, `the source's ${path}`);
      if (violation) return violation;
    }
    return undefined;
  },
);

/** A list of a deep copy (`path`: `tools`, or a framework list): a new array, its elements shared or copied as declared. */
function listCopied(source: Observed, list: Observed, path: string, elements: 'shared' | 'copied'): Violation | undefined {
  if (list.kind !== 'array') return new Violation(`copy.${path} = ${describe(list)}`, 'an array');
  if (source.kind === 'array' && source.id === list.id) return new Violation(`copy.${path} is the source's ${path} array itself`, 'a new array');
  if (elements === 'shared') return compareElements(source, list, `copy.${path}`, `the source's ${path} (declared shared)`);
  if (source.kind !== 'array' || source.items.length !== list.items.length) return compareElements(source, list, `copy.${path}`, `the source's ${path}`);
  const index = source.items.findIndex((item, i) => !deepEqual(item, list.items[i]!) || (item.kind !== 'function' && identityOf(item) !== undefined && identityOf(item) === identityOf(list.items[i]!)));
  if (index === -1) return undefined;
  return new Violation(`copy.${path}[${index}] = ${describe(list.items[index]!)}`, `a copy of the source's ${path}[${index}] (declared copied): deeply equal, not the same object: ${describe(source.items[index]!)}`);
}
