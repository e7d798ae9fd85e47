/**
 * Drawing values from a declared domain (spec/domains.ts): each domain's edge values (for the
 * schedule) and random values. Objects are new on every draw; a list may hold one object twice;
 * built values are {@link BuiltValue} markers.
 */
import fc from 'fast-check';
import type { Domain } from '../domains.ts';
import { BuiltValue } from './built.ts';
import { fresh, primitiveEdge, type Edge } from './edge.ts';
import { featureValue, settingsConfig, StoreSettings } from './features.ts';
import { STRING_EDGE_VALUES } from './field-edges.ts';
import { namedFunction, trickyString } from './values.ts';

/** The values of one place: its edge values, and random ones. */
export interface ValueModel {
  readonly edges: readonly Edge[];
  readonly random: fc.Arbitrary<unknown>;
}

const isObject = (value: unknown): value is object => (typeof value === 'object' && value !== null) || typeof value === 'function';

function numberModel(domain: Extract<Domain, { kind: 'number' }>): ValueModel {
  const { integer = false, min, max } = domain;
  const fits = (value: number) => (!integer || Number.isInteger(value)) && (min === undefined || value >= min) && (max === undefined || value <= max);
  const bounded = min !== undefined || max !== undefined;
  const candidates = [0, ...(integer ? [] : [-0]), 1, -1, 0.5, ...(bounded || integer ? [] : [Number.NaN, Number.POSITIVE_INFINITY]), ...(min === undefined ? [] : [min]), ...(max === undefined ? [] : [max])];
  const edges = [...new Set(candidates.filter((value) => Number.isNaN(value) || fits(value)).map((value) => (Object.is(value, -0) ? '-0' : String(value))))].map((key) => primitiveEdge(key === '-0' ? -0 : Number(key)));
  const random = integer
    ? fc.integer({ min: Math.ceil(min ?? -1000), max: Math.floor(max ?? 120_000) })
    : fc.double({ min: min ?? -1e6, max: max ?? 1e6, noNaN: bounded, noDefaultInfinity: bounded });
  return { edges: edges.length > 0 ? edges : [{ label: 'a number in range', arbitrary: random, matches: (value) => typeof value === 'number' }], random };
}

function objectModel(domain: Extract<Domain, { kind: 'object' }>, fallback: (domain: Domain) => ValueModel): ValueModel {
  const keys = Object.keys(domain.keys);
  const optional = new Set(domain.optional ?? []);
  const models = Object.fromEntries(keys.map((key) => [key, fallback(domain.keys[key]!)]));
  const make = (pick: (key: string, model: ValueModel) => fc.Arbitrary<unknown> | undefined) =>
    fc
      .tuple(...keys.map((key) => pick(key, models[key]!)?.map((value) => [key, value] as const) ?? fc.constant(undefined)))
      .map((entries) => Object.fromEntries(entries.filter((entry) => entry !== undefined)));
  const hasKeys = (value: unknown, wanted: readonly string[]) => isObject(value) && wanted.every((key) => Object.hasOwn(value, key)) && Object.keys(value).length === wanted.length;
  const required = keys.filter((key) => !optional.has(key));
  // Every key at its first edge, every key at its second edge (its falsy one, often), required keys only.
  const edges: Edge[] = [
    { label: 'every key (first edges)', arbitrary: make((_key, model) => model.edges[0]?.arbitrary ?? model.random), matches: (value) => hasKeys(value, keys) },
    { label: 'every key (other edges)', arbitrary: make((_key, model) => (model.edges[1] ?? model.edges[0])?.arbitrary ?? model.random), matches: (value) => hasKeys(value, keys) },
  ];
  if (optional.size > 0) {
    edges.push({ label: 'required keys only', arbitrary: make((key, model) => (optional.has(key) ? undefined : model.random)), matches: (value) => hasKeys(value, required) });
  }
  const random = fc.record(Object.fromEntries(keys.map((key) => [key, models[key]!.random])), { requiredKeys: required, noNullPrototype: true });
  return { edges, random };
}

function listModel(domain: Extract<Domain, { kind: 'list' }>, fallback: (domain: Domain) => ValueModel): ValueModel {
  const element = fallback(domain.of);
  const maxLength = domain.maxLength ?? 4;
  const edges: Edge[] = [{ label: '[] (empty)', arbitrary: fresh(() => []), matches: (value) => Array.isArray(value) && value.length === 0 }];
  if (maxLength >= 1) {
    edges.push({ label: '[one]', arbitrary: (element.edges[0]?.arbitrary ?? element.random).map((one) => [one]), matches: (value) => Array.isArray(value) && value.length === 1 });
  }
  if (maxLength >= 3) {
    // One element twice: objects keep their identity, copies must keep them one object.
    edges.push({
      label: '[a, b, a]',
      arbitrary: fc.tuple(element.random, (element.edges[1] ?? element.edges[0])?.arbitrary ?? element.random).map(([a, b]) => [a, b, a]),
      matches: (value) => Array.isArray(value) && value.length === 3 && value[0] === value[2],
    });
  }
  return { edges, random: fc.array(element.random, { maxLength }) };
}

/**
 * The value model of a domain; `any` (at any depth) is `fallback`, the default model of the
 * place (a field's or a feature's usual values).
 */
export function domainModel(domain: Domain, fallback: ValueModel): ValueModel {
  const inner = (nested: Domain): ValueModel => domainModel(nested, ANY_NESTED);
  switch (domain.kind) {
    case 'any':
      return fallback;
    case 'boolean':
      return { edges: [primitiveEdge(true), primitiveEdge(false)], random: fc.boolean() };
    case 'string':
      return { edges: STRING_EDGE_VALUES.map((value) => primitiveEdge(value)), random: trickyString };
    case 'number':
      return numberModel(domain);
    case 'oneOf':
      return { edges: domain.values.map((value) => primitiveEdge(value)), random: fc.constantFrom(...domain.values) };
    case 'function':
      return {
        edges: [{ label: 'a function', arbitrary: fc.constantFrom('on_start', 'on_error').map((name) => namedFunction(name, `hook:${name}`)), matches: (value) => typeof value === 'function' }],
        random: fc.constantFrom('on_start', 'on_error', 'on_end').map((name) => namedFunction(name, `hook:${name}`)),
      };
    case 'anyOf': {
      const models = domain.of.map((option) => domainModel(option, fallback));
      return { edges: models.flatMap((model) => model.edges), random: fc.oneof(...models.map((model) => model.random)) };
    }
    case 'object':
      return objectModel(domain, inner);
    case 'list':
      return listModel(domain, inner);
    case 'built': {
      const from = domainModel(domain.from, fallback);
      const build = (value: unknown) => new BuiltValue(domain.name, value);
      return {
        edges: from.edges.map((edge) => ({
          label: `${domain.name}(${edge.label})`,
          arbitrary: edge.arbitrary.map(build),
          matches: (value: unknown) => value instanceof BuiltValue && value.name === domain.name && edge.matches(value.value),
        })),
        random: from.random.map(build),
      };
    }
  }
}

/**
 * `any` nested inside a declared domain: falsy primitives, a class instance, a nested object
 * holding a list, or any feature config value (dates, functions, keys such as `__proto__`).
 */
const ANY_NESTED: ValueModel = {
  edges: [
    primitiveEdge(''),
    primitiveEdge(0),
    primitiveEdge(false),
    primitiveEdge(null),
    { label: 'a class instance', arbitrary: settingsConfig, matches: (value) => value instanceof StoreSettings },
    { label: '{ items: [...] }', arbitrary: fc.array(featureValue, { maxLength: 2 }).map((items) => ({ items })), matches: (value) => isObject(value) && Array.isArray((value as { items?: unknown }).items) },
  ],
  random: featureValue,
};

/** Whether the values of a domain are objects (so that holding one in two places is sharing). */
export function holdsObjects(domain: Domain): boolean {
  return domain.kind === 'object' || domain.kind === 'list' || domain.kind === 'built';
}
