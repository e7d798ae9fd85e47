import fc from 'fast-check';
import { FEATURE_NAMES, type FeatureName } from '../agent-config.ts';
import { namedFunction, trickyNumber, trickyString } from './values.ts';

/** A configuration object with a class of its own: JSON round trips and `structuredClone` drop it. */
export class StoreSettings {
  constructor(readonly provider: string) {}

  [fc.toStringMethod](): string {
    return `new StoreSettings(${JSON.stringify(this.provider)})`;
  }
}

/** Keys that naive merging, `Object.assign` into `{}` or prototype-unaware copies mishandle. */
const configKey = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('__proto__', 'constructor') },
  { weight: 3, arbitrary: fc.constantFrom('enabled', 'provider', 'limit', 'nested', 'toString', '') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);

/** Settings with a class of their own, as a feature's whole config. */
const settings = fc.constantFrom('chroma', 'qdrant').map((provider) => new StoreSettings(provider));

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.boolean(),
  trickyNumber,
  trickyString,
  fc.constantFrom(null, undefined),
  fc.date(),
  fc.constantFrom('on_start', 'on_error').map((name) => namedFunction(name, `hook:${name}`)),
  settings,
);

/** Own properties only, `__proto__` included: `Object.fromEntries` defines keys, it never sets a prototype. */
const toObject = (entries: [string, unknown][]): Record<string, unknown> => Object.fromEntries(entries);

const nested = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', maxDepth: 3 }, leaf, tie('object'), tie('array')),
  object: fc.array(fc.tuple(configKey, tie('value')), { maxLength: 4 }).map(toObject),
  array: fc.array(tie('value'), { maxLength: 3 }),
}));

/** A nested feature config value, at most three levels deep. */
export const featureValue: fc.Arbitrary<unknown> = nested.value;

/** A feature's own config object (the usual shape: `{ provider: ..., limit: ... }`), never empty. */
const configObject: fc.Arbitrary<unknown> = fc.array(fc.tuple(configKey, nested.value), { minLength: 1, maxLength: 4 }).map(toObject);

/** The shorthand a feature is often configured with: on, off, or a named preset. */
const preset = fc.constantFrom<unknown>(true, false, 'strict', '', undefined);

/** Kinds of mutable value that a configuration may hold in two places. */
export const SHARED_KINDS = ['array', 'object', 'date', 'map', 'set', 'class instance'] as const;
export type SharedKind = (typeof SHARED_KINDS)[number];

const primitive = fc.oneof(fc.boolean(), trickyNumber, trickyString);

/** A fresh mutable value of the given kind, with a little random content. */
export function mutableValue(kind: SharedKind): fc.Arbitrary<object> {
  switch (kind) {
    case 'array':
      return fc.array(leaf, { minLength: 1, maxLength: 3 });
    case 'object':
      return configObject as fc.Arbitrary<object>;
    case 'date':
      return fc.date();
    case 'map':
      // Keys that are values: strings, a number, and an object (a class instance: hashable in
      // every language, so that the same map can be built in Python too).
      return fc
        .tuple(fc.constantFrom('limit', 'provider', ''), primitive, primitive, settings, primitive)
        .map(([key, byString, byNumber, keyObject, byObject]) => new Map<unknown, unknown>([[key, byString], [1, byNumber], [keyObject, byObject]]));
    case 'set':
      // Items distinct in every language: Python's set holds one of `true` and `1` (they are equal there).
      return fc.uniqueArray(primitive, { maxLength: 3, selector: (item) => (typeof item === 'boolean' ? Number(item) : Object.is(item, -0) ? 0 : item) }).map((items) => new Set(items));
    case 'class instance':
      return settings;
  }
}

const anyMutable = fc.constantFrom(...SHARED_KINDS).chain(mutableValue);

/**
 * One mutable value configuring two features (one policy for guardrails and approval, one
 * allow-list array for web and sandbox...): copies must keep it one value. Any kind of mutable
 * value: a copy that keeps shared objects shared may still copy a shared array or date twice.
 */
const sharedPolicy = fc
  .tuple(fc.uniqueArray(fc.constantFrom(...FEATURE_NAMES), { minLength: 2, maxLength: 2 }), fc.oneof(configObject, anyMutable), fc.boolean())
  .map(([[first, second], shared, nestedInSecond]) => [[first!, shared], [second!, nestedInSecond ? { policy: shared } : shared]] as [FeatureName, unknown][]);

const someFeatures = fc.array(
  fc.tuple(
    fc.constantFrom(...FEATURE_NAMES),
    fc.oneof({ weight: 1, arbitrary: preset }, { weight: 3, arbitrary: configObject }, { weight: 1, arbitrary: settings }, { weight: 1, arbitrary: leaf }),
  ),
  { maxLength: 5 },
);

/**
 * A random set of feature configs: any subset of the 17 names, each holding a preset (`true`,
 * `false`, a string), an explicit `undefined`, or a nested config; often two of them hold one
 * shared value.
 */
export const randomFeatures: fc.Arbitrary<Partial<Record<FeatureName, unknown>>> = fc
  .oneof(
    { weight: 1, arbitrary: fc.constant([]) },
    { weight: 3, arbitrary: fc.tuple(sharedPolicy, someFeatures).map(([shared, rest]) => [...rest, ...shared]) },
    { weight: 2, arbitrary: someFeatures.filter((entries) => entries.length > 0) },
  )
  .map((entries) => Object.fromEntries(entries) as Partial<Record<FeatureName, unknown>>);

/** Kept for readers of the old name: the random feature sets. */
export const features = randomFeatures;

/**
 * How many objects deep the nested config's chain goes: with the feature config at depth 1 of
 * the `features` view field, the chain's last object lies at depth 11, the deepest level the
 * observers (src/transports/observe.ts, the Python kit) show with its contents (their limit is 12).
 */
export const DEEP_CHAIN = 9;

/**
 * A nested feature config as real ones are: random settings, a nested object holding an array,
 * a date, keys holding `null` and `undefined` (left unset), a back reference to the config (a
 * cycle: a parent link), a chain of objects ten levels deep whose last object the config also
 * holds at its top (one object at two depths), and the row's two shared values each held under
 * two keys (`policy` and `fallback`, `rules` and `backup`; the row's other nested configs hold
 * them too).
 */
export function nestedConfig(shared: readonly [unknown, unknown]): fc.Arbitrary<Record<string, unknown>> {
  const [first, second] = shared;
  return fc
    .record({ own: fc.array(fc.tuple(configKey, leaf), { maxLength: 2 }), limit: trickyNumber, items: fc.array(leaf, { maxLength: 2 }), since: fc.date() })
    .map(({ own, limit, items, since }) => {
      const bottom: Record<string, unknown> = { level: DEEP_CHAIN + 1, label: 'deepest' };
      let chain: Record<string, unknown> = bottom;
      for (let level = DEEP_CHAIN; level >= 1; level--) chain = { level, next: chain };
      const config: Record<string, unknown> = { ...toObject(own), nested: { limit, floor: Number.NEGATIVE_INFINITY, items }, since, ttl: null, region: undefined, deep: chain, deepest: bottom, policy: first, fallback: first, rules: second, backup: second };
      (config.nested as Record<string, unknown>).parent = config;
      return config;
    });
}

/** A config whose keys trip naive merging: own `__proto__`, `constructor` and empty keys, and a hook function. */
export const trickyKeysConfig: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(primitive, fc.constantFrom('on_start', 'on_error'))
  .map(([value, hook]) => toObject([['__proto__', { enabled: value }], ['constructor', value], ['', value], [hook, namedFunction(hook, `hook:${hook}`)]]));

export { settings as settingsConfig };
