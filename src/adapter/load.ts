import { existsSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MAPPED_FIELDS } from '../../spec/agent-config.ts';
import { declaredDomains, hasBuilt, validateDomains } from '../../spec/domains.ts';
import { CLONE_OPERATIONS, PROBES } from '../../spec/model/subject.ts';
import { validateFrameworkFields } from '../../spec/model/roles.ts';
import { validateOverridable } from '../../spec/model/overridable.ts';
import { MINIMUM_FIELDS_REASON, missingMinimumFields } from '../../spec/model/field-scope.ts';

const MAPPABLE: readonly unknown[] = MAPPED_FIELDS;
import { ADAPTER_KEYS, type CloneAdapter } from './contract.ts';
import { didYouMean, editDistance } from '../did-you-mean.ts';
import { ensureTypeScriptLoader, TYPESCRIPT_EXTENSIONS } from './typescript-loader.ts';

/** The adapter could not be loaded or is not an adapter: the run cannot start (exit 2). */
export class AdapterLoadError extends Error {
  override readonly name = 'AdapterLoadError';

  constructor(message: string, readonly detail?: unknown) {
    super(message);
  }
}

export const ADAPTER_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  (typeof value === 'object' && value !== null) || typeof value === 'function';

/** The first meaningful line of a loader error: esbuild and Node wrap the useful part. */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const located = lines.find((line) => /:\d+:\d+: ERROR:/.test(line));
  return located ?? lines[0] ?? 'unknown error';
}

/** Picks the adapter out of a module namespace: the default export, else the named `adapter`. */
function pickExport(namespace: Record<string, unknown>): unknown {
  let candidate = namespace.default ?? namespace.adapter;
  // A CommonJS module arrives wrapped once more: `module.exports = { default: ... }` or `{ adapter: ... }`.
  if (isObject(candidate) && !('create' in candidate) && isObject(candidate.default ?? candidate.adapter)) {
    candidate = candidate.default ?? candidate.adapter;
  }
  return candidate;
}

/**
 * The adapter's keys that the contract does not have, each with the closest key it has. Own keys
 * (an object literal, defineAdapter()) must all be known, except the adapter's `_helpers`; methods
 * of a class are its own business unless one is a slip away from a contract key (`isInterupted`).
 */
function unknownKeys(candidate: Record<string, unknown>): string[] {
  const known: readonly string[] = ADAPTER_KEYS;
  const inherited: string[] = [];
  for (let prototype = Object.getPrototypeOf(candidate); prototype !== null && prototype !== Object.prototype && prototype !== Function.prototype; prototype = Object.getPrototypeOf(prototype)) {
    inherited.push(...Object.getOwnPropertyNames(prototype).filter((key) => key !== 'constructor'));
  }
  const own = typeof candidate === 'function' ? [] : Object.keys(candidate);
  const slip = (key: string) => known.some((name) => editDistance(key, name) <= 2);
  const unknown = [...new Set([...own, ...inherited.filter(slip)])].filter((key) => !known.includes(key) && !key.startsWith('_'));
  return unknown.map((key) => `\`${key}\` is not a key of the adapter contract${didYouMean(key, known, '`')}`);
}

/** Checks that a value has the adapter contract's shape; says exactly what is wrong if not. */
export function validateAdapter(candidate: unknown, where: string): CloneAdapter {
  if (!isObject(candidate)) {
    throw new AdapterLoadError(`${where} exports ${candidate === null ? 'null' : typeof candidate} as its adapter; an adapter is an object with name, create() and view() (see defineAdapter()).`);
  }
  const problems: string[] = [...unknownKeys(candidate)];
  if (typeof candidate.name !== 'string' || candidate.name.trim() === '') problems.push('`name` must be a non-empty string');
  for (const required of ['create', 'view'] as const) {
    if (typeof candidate[required] !== 'function') problems.push(`\`${required}\` must be a function (it is ${typeof candidate[required]})`);
  }
  for (const optional of [...CLONE_OPERATIONS, ...PROBES, 'accepts', 'build'] as const) {
    if (candidate[optional] !== undefined && typeof candidate[optional] !== 'function') {
      problems.push(`\`${optional}\`, when present, must be a function (it is ${typeof candidate[optional]})`);
    }
  }
  if (candidate.deepCopyTools !== undefined && candidate.deepCopyTools !== 'shared' && candidate.deepCopyTools !== 'copied') {
    problems.push('`deepCopyTools`, when present, must be "shared" or "copied"');
  }
  const fields = candidate.fields;
  if (fields !== undefined && (!Array.isArray(fields) || fields.some((field) => !MAPPABLE.includes(field)))) {
    problems.push(`\`fields\`, when present, must list canonical field or feature names (${MAPPABLE.join(', ')})`);
  }
  if (candidate.domains !== undefined) {
    const wrong = validateDomains(candidate.domains);
    problems.push(...wrong);
    if (wrong.length === 0 && declaredDomains(candidate.domains as never).some(hasBuilt) && typeof candidate.build !== 'function') {
      problems.push('`domains` declares built values, so the adapter needs `build(name, value)` to build them');
    }
  }
  const overridable = candidate.overridable;
  if (overridable !== undefined) problems.push(...validateOverridable(overridable, candidate.frameworkFields, '`overridable`'));
  if (candidate.frameworkFields !== undefined) problems.push(...validateFrameworkFields(candidate.frameworkFields, '`frameworkFields`'));
  if (problems.length > 0) throw new AdapterLoadError(`${where} does not export a valid adapter: ${problems.join('; ')}.`);
  const missing = missingMinimumFields(fields as readonly string[] | undefined);
  if (missing.length > 0) {
    throw new AdapterLoadError(`${where} declares \`fields\` without ${missing.map((field) => `"${field}"`).join(' and ')}: every profile needs at least name and tools, since ${MINIMUM_FIELDS_REASON}. Map ${missing.join(' and ')} in the adapter.`);
  }
  if (CLONE_OPERATIONS.every((operation) => candidate[operation] === undefined)) {
    throw new AdapterLoadError(`${where} has no clone operation to check: implement cloneForChannel(agent), cloneWith(agent, overrides) or deepCopy(agent) on the adapter.`);
  }
  return candidate as unknown as CloneAdapter;
}

/**
 * Loads an adapter module from a path (TypeScript needs no build step: a TypeScript loader is
 * registered first, for TypeScript adapters only). Every way this can fail becomes an {@link AdapterLoadError} with a
 * one-paragraph message.
 */
export async function loadAdapter(path: string, cwd = process.cwd()): Promise<CloneAdapter> {
  const file = resolve(cwd, path);
  if (!existsSync(file)) throw new AdapterLoadError(`Adapter file not found: ${path} (looked for ${file}).`);
  if (!statSync(file).isFile()) throw new AdapterLoadError(`The adapter path ${path} is not a file.`);
  const extension = extname(file);
  if (!(ADAPTER_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new AdapterLoadError(`The adapter ${path} has the extension "${extension}"; use one of ${ADAPTER_EXTENSIONS.join(', ')}.`);
  }
  if (TYPESCRIPT_EXTENSIONS.includes(extension)) {
    await ensureTypeScriptLoader().catch((error: unknown) => {
      throw new AdapterLoadError(`The adapter ${path} is TypeScript, and the TypeScript loader (tsx, a dependency of clone-conformance) could not be loaded: ${firstLine(error)}. Reinstall clone-conformance, or compile the adapter to JavaScript.`, error);
    });
  }
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    const syntax = error instanceof SyntaxError || /Transform failed|ERROR:|SyntaxError/.test(String((error as Error)?.message ?? error));
    throw new AdapterLoadError(
      syntax ? `The adapter ${path} could not be parsed: ${firstLine(error)}` : `The adapter ${path} threw while loading: ${firstLine(error)}`,
      error,
    );
  }
  const candidate = pickExport(namespace);
  // A CommonJS module that assigns nothing to module.exports arrives as an empty default export.
  const emptyCommonJs = namespace.default !== undefined && isObject(candidate) && Object.getPrototypeOf(candidate) === Object.prototype && Object.keys(candidate).length === 0;
  if (candidate === undefined || emptyCommonJs) {
    const names = Object.keys(namespace).filter((name) => name !== 'default');
    throw new AdapterLoadError(
      `The adapter ${path} has no default export and no export named "adapter"${names.length ? ` (it exports: ${names.join(', ')})` : ''}. Export the adapter object: ${extension === '.cjs' || extension === '.cts' ? 'module.exports = adapter' : 'export default defineAdapter({ ... })'}.`,
    );
  }
  return validateAdapter(candidate, `The adapter ${path}`);
}
