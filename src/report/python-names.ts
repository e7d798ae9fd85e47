/**
 * The words of a report for a Python adapter: its method and field names (snake_case), `None`
 * for null and undefined, lists for arrays. Pure text: counterexamples and replay lines, which are
 * the suite's own input and command, are left as they are by the caller.
 */
const IDENTIFIERS = [
  'cloneForChannel', 'cloneWith', 'deepCopyTools', 'deepCopy', 'isInterrupted', 'tryAcquire', 'addTool', 'interruptController',
  'baseUrl', 'apiKey', 'toolTimeout', 'parallelToolCalls', 'cliBackend', 'runtimeTypes', 'observeInput',
] as const;

const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

const REPLACEMENTS: readonly (readonly [RegExp, string])[] = [
  ...IDENTIFIERS.map((name) => [new RegExp(`\\b${name}\\b`, 'g'), snake(name)] as const),
  [/\bnull\b/g, 'None'],
  [/\bundefined\b/g, 'None'],
  [/\barrays\b/g, 'lists'],
  [/\ban array\b/g, 'a list'],
  [/\barray\b/g, 'list'],
  [/\bArray\(/g, 'list('],
];

/** `text` in a Python adapter's names. */
export function pythonNames(text: string): string {
  return REPLACEMENTS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

/** Whether an adapter command runs Python (`python3 adapter.py`, `uv run adapter.py`, `python -m ...`). */
export function runsPython(command: string | undefined): boolean {
  return command !== undefined && /(^|[\s/])python[\d.]*(\s|$)|\.py(\s|$)|(^|\s)-m\s+clone_conformance\b/.test(command);
}
