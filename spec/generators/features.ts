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

/**
 * A set of feature configs: any subset of the 17 names, each holding a preset (`true`, `false`,
 * a string), an explicit `undefined`, or a nested config.
 */
/** One policy object configuring two features (guardrails and approval, say): copies must keep it one object. */
const sharedPolicy = fc
  .tuple(fc.uniqueArray(fc.constantFrom(...FEATURE_NAMES), { minLength: 2, maxLength: 2 }), configObject)
  .map(([[first, second], shared]) => [[first!, shared], [second!, shared]] as [FeatureName, unknown][]);

const someFeatures = fc.array(
  fc.tuple(
    fc.constantFrom(...FEATURE_NAMES),
    fc.oneof({ weight: 1, arbitrary: preset }, { weight: 3, arbitrary: configObject }, { weight: 1, arbitrary: settings }, { weight: 1, arbitrary: leaf }),
  ),
  { maxLength: 5 },
);

export const features: fc.Arbitrary<Partial<Record<FeatureName, unknown>>> = fc
  .oneof(
    { weight: 1, arbitrary: fc.constant([]) },
    { weight: 3, arbitrary: fc.tuple(sharedPolicy, someFeatures).map(([shared, rest]) => [...rest, ...shared]) },
    { weight: 2, arbitrary: someFeatures.filter((entries) => entries.length > 0) },
  )
  .map((entries) => Object.fromEntries(entries) as Partial<Record<FeatureName, unknown>>);
