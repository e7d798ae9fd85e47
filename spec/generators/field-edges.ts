/**
 * The edge values of every configuration field and of every feature, as the schedule
 * (schedule.ts) hands them out: within ten cases, each field holds each of its edges at least
 * once, whatever the seed.
 */
import fc from 'fast-check';
import { FEATURE_NAMES, type ConfigField } from '../agent-config.ts';
import { ABSENT_EDGE, fresh, primitiveEdge, type Edge } from './edge.ts';
import { nestedConfig, settingsConfig, SHARED_KINDS, StoreSettings, trickyKeysConfig, type SharedKind } from './features.ts';
import { ModelClient } from './model-client.ts';
import { FunctionTool, handoff, tool } from './tools.ts';
import { namedFunction, trickyNumber } from './values.ts';

/**
 * Strings where clone code goes wrong: empty, blank, surrounded by whitespace (trimming), in
 * each Unicode normal form and one that NFC changes (`cafe\u0301`, the Ohm sign), and text a
 * lax parser reads as a number or a boolean.
 */
export const STRING_EDGE_VALUES = ['', ' ', ' padded\t', 'caf\u00e9', 'cafe\u0301', '\u2126', '0', 'false'] as const;

/**
 * Strings beyond printable ASCII that tidying code strips or breaks: zero-width characters and a
 * byte-order mark (invisible, so "cleaning" them looks harmless), an emoji (astral: two UTF-16
 * units), a lone surrogate (not valid UTF-8: encoders refuse or replace it) and stacked combining
 * marks. The name, the identity field, holds them within the first ten cases.
 */
export const UNICODE_EDGE_VALUES = ['\ufeffsupport\u200b\u200d', 'bo\u0308t\u0301 \u{1F916} \ud83d'] as const;

/** A timeout with a fraction of a millisecond, and one of 2**31 seconds. */
export const TIMEOUT_FRACTION = 1.0004;
export const TIMEOUT_LARGE = 2 ** 31;

const stringEdges = STRING_EDGE_VALUES.map((value) => primitiveEdge(value));
const unicodeEdges = UNICODE_EDGE_VALUES.map((value) => primitiveEdge(value));
const optionalEdges = [ABSENT_EDGE, primitiveEdge(undefined)];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

const toolKinds = {
  function: (value: unknown) => typeof value === 'function',
  object: isPlainObject,
  'class instance': (value: unknown) => value instanceof FunctionTool,
};

/** One tool of each kind: a function, a plain object with a handler, a class instance. */
const toolOf = (kind: keyof typeof toolKinds) => tool.filter(toolKinds[kind]);

const TOOLS_EDGES: readonly Edge[] = [
  { label: '[] (empty)', arbitrary: fresh(() => []), matches: (value) => Array.isArray(value) && value.length === 0 },
  ...(['function', 'object', 'class instance'] as const).map((kind) => ({
    label: `[one ${kind}]`,
    arbitrary: toolOf(kind).map((one) => [one]),
    matches: (value: unknown) => Array.isArray(value) && value.length === 1 && toolKinds[kind](value[0]),
  })),
  {
    label: 'long, one tool twice',
    arbitrary: fc
      .tuple(toolOf('function'), toolOf('object'), toolOf('class instance'), fc.array(tool, { minLength: 2, maxLength: 4 }))
      .map(([a, b, c, more]) => [a, b, ...more, c, a]),
    matches: (value) => Array.isArray(value) && value.length >= 6 && new Set(value).size < value.length,
  },
];

const HANDOFFS_EDGES: readonly Edge[] = [
  primitiveEdge(null),
  { label: '[] (empty)', arbitrary: fresh(() => []), matches: (value) => Array.isArray(value) && value.length === 0 },
  // Exactly one: code that special-cases a single handoff (unwraps it, keeps it) goes wrong here only.
  { label: '[one object]', arbitrary: handoff.filter(isPlainObject).map((one) => [one]), matches: (value) => Array.isArray(value) && value.length === 1 && isPlainObject(value[0]) },
  {
    label: '[objects]',
    arbitrary: fc.array(handoff.filter(isPlainObject), { minLength: 1, maxLength: 3 }),
    matches: (value) => Array.isArray(value) && value.length > 0 && value.every(isPlainObject),
  },
  {
    label: '[a function, an object]',
    arbitrary: fc.tuple(handoff.filter((value) => typeof value === 'function'), handoff.filter(isPlainObject)),
    matches: (value) => Array.isArray(value) && value.some((item) => typeof item === 'function') && value.some(isPlainObject),
  },
];

const LLM_EDGES: readonly Edge[] = [
  primitiveEdge(''),
  primitiveEdge(' gpt-4o '),
  {
    label: '{ model, temperature }',
    arbitrary: fc.tuple(fc.constantFrom('gpt-4o', 'local'), trickyNumber).map(([model, temperature]) => ({ model, temperature })),
    matches: isPlainObject,
  },
  {
    label: 'a null-prototype object',
    arbitrary: fc.tuple(fc.constantFrom('gpt-4o', 'local'), trickyNumber).map(([model, temperature]) => Object.assign(Object.create(null) as object, { model, temperature })),
    matches: (value) => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === null,
  },
  {
    label: 'a ModelClient instance',
    arbitrary: fc.tuple(fc.constantFrom('gpt-4o', 'llama3'), trickyNumber).map(([model, t]) => new ModelClient(model, t)),
    matches: (value) => value instanceof ModelClient,
  },
  ...optionalEdges,
];

const AUTH_EDGES: readonly Edge[] = [
  primitiveEdge(null),
  { label: '{ token: "" }', arbitrary: fresh(() => ({ token: '' })), matches: (value) => isPlainObject(value) && value.token === '' },
  {
    label: '{ refresh: function }',
    arbitrary: fresh(() => ({ scheme: 'bearer', refresh: namedFunction('refresh_token', 'auth:refresh') })),
    matches: (value) => isPlainObject(value) && typeof value.refresh === 'function',
  },
  ...optionalEdges,
];

/** The edge values of each field, features aside (see {@link FEATURE_EDGES}). */
export const FIELD_EDGES: { readonly [K in Exclude<ConfigField, 'features'>]: readonly Edge[] } = {
  name: [...stringEdges, ...unicodeEdges],
  role: [...stringEdges, ...optionalEdges],
  goal: [...stringEdges, ...optionalEdges],
  backstory: [...stringEdges, ...optionalEdges],
  instructions: [...stringEdges, ...optionalEdges],
  llm: LLM_EDGES,
  // Shapes that URL-normalising code changes: a trailing slash, a path, a query, upper case.
  baseUrl: [
    primitiveEdge(''),
    primitiveEdge(' https://api.example.test '),
    primitiveEdge('http://localhost:11434/v1'),
    primitiveEdge('https://API.Example.test/v1/'),
    primitiveEdge('https://api.example.test/openai/deployments/gpt?api-version=2024-06-01'),
    ...optionalEdges,
  ],
  apiKey: [...stringEdges, ...optionalEdges],
  auth: AUTH_EDGES,
  tools: TOOLS_EDGES,
  handoffs: HANDOFFS_EDGES,
  // A fraction below a millisecond and 2**31 (past int32 and past setTimeout's limit in ms):
  // what converting seconds to milliseconds, rounding or `| 0` changes.
  toolTimeout: [0, -0, Number.NaN, Number.POSITIVE_INFINITY, -1, 0.5, TIMEOUT_FRACTION, TIMEOUT_LARGE].map((value) => primitiveEdge(value)).concat(optionalEdges),
  parallelToolCalls: [primitiveEdge(true), primitiveEdge(false), ...optionalEdges],
  cliBackend: [...stringEdges, ...optionalEdges],
};

/**
 * Where each field's edge list starts in the schedule, so that one row does not hold the first
 * edge of every field. Tools and handoffs start at 0: row 1 then has a non-empty tools list and
 * an empty handoffs list, which the override schedule relies on.
 */
export const FIELD_OFFSETS: { readonly [K in Exclude<ConfigField, 'features'>]: number } = {
  name: 0, role: 1, goal: 2, backstory: 3, instructions: 4, llm: 5, baseUrl: 1, apiKey: 5, auth: 2,
  tools: 0, handoffs: 0, toolTimeout: 3, parallelToolCalls: 1, cliBackend: 6,
};

const holds = (value: unknown, test: (value: unknown) => boolean, seen = new Set<unknown>()): boolean => {
  if (test(value)) return true;
  if (typeof value !== 'object' || value === null || seen.has(value)) return false;
  seen.add(value);
  return Reflect.ownKeys(value).some((key) => typeof key === 'string' && holds((value as Record<string, unknown>)[key], test, seen));
};

/**
 * The edge values of each feature's config, one per schedule row (rows 0 to 8; row 9 has no
 * features at all). The nested config holds the row's shared values.
 */
export function featureEdges(shared: readonly [unknown, unknown]): readonly Edge[] {
  return [
    primitiveEdge(true),
    primitiveEdge(false),
    {
      label: 'a bare function',
      arbitrary: fc.constantFrom('on_event', 'policy_hook').map((name) => namedFunction(name, `hook:${name}`)),
      matches: (value) => typeof value === 'function',
    },
    primitiveEdge(''),
    primitiveEdge(undefined),
    {
      label: 'nested config (object, array, date, null, undefined, a cycle, ten levels deep)',
      arbitrary: nestedConfig(shared),
      matches: (value) => isPlainObject(value) && Object.values(value).some((inner) => isPlainObject(inner) && Object.values(inner).some(Array.isArray)),
    },
    { label: 'a class instance', arbitrary: settingsConfig, matches: (value) => value instanceof StoreSettings },
    {
      label: 'own __proto__ and constructor keys, a hook function',
      arbitrary: trickyKeysConfig,
      matches: (value) => isPlainObject(value) && Object.hasOwn(value, '__proto__') && Object.hasOwn(value, 'constructor') && holds(value, (inner) => typeof inner === 'function'),
    },
    ABSENT_EDGE,
  ];
}

/** The feature edges' labels and matchers (their arbitraries need a shared value: see {@link featureEdges}). */
export const FEATURE_EDGES: readonly Edge[] = featureEdges([null, null]);

/** Where the nested config stands among the feature edges: the edge that holds the row's shared values. */
export const NESTED_EDGE = FEATURE_EDGES.findIndex((edge) => edge.label.startsWith('nested config'));

/** Rows of the schedule in which the features hold edges; the last row has none at all. */
export const FEATURE_ROWS = FEATURE_EDGES.length;

export { FEATURE_NAMES, SHARED_KINDS, type SharedKind };

/** Recognises a value of a shared kind, for measuring which kinds were shared. */
export function kindOf(value: unknown): SharedKind | undefined {
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (value instanceof Map) return 'map';
  if (value instanceof Set) return 'set';
  if (isPlainObject(value)) return 'object';
  if (typeof value === 'object' && value !== null) return 'class instance';
  return undefined;
}
