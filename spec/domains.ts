/**
 * Value domains: what a framework accepts, per configuration field and per feature, told to the
 * generators by the adapter (in-process `domains`, protocol `hello.domains`, Python kit class
 * attribute `domains`). Descriptors are plain JSON, the same in every language. The generators
 * then draw from the domains (their edge values first: see generators/domain-values.ts) while
 * keeping what makes them strong: one object in two places, falsy values, identity.
 */
import { CONFIG_FIELDS, FEATURE_NAMES, type ConfigField, type FeatureName } from './agent-config.ts';

/** The values one place of a configuration accepts. */
export type Domain =
  /** Whatever the generators draw by default for that place (the domain of an undeclared place). */
  | { readonly kind: 'any' }
  /** `true` or `false`. */
  | { readonly kind: 'boolean' }
  /** Any string, edge strings first: empty, blank, padded, each Unicode normal form. */
  | { readonly kind: 'string' }
  /**
   * A number; `integer` for whole numbers only, `min`/`max` inclusive bounds. Unbounded
   * non-integer domains include `-0`, `NaN` and infinities.
   */
  | { readonly kind: 'number'; readonly integer?: boolean; readonly min?: number; readonly max?: number }
  /** One of the listed JSON values (presets): e.g. `["strict", "permissive", true, false, null]`. */
  | { readonly kind: 'oneOf'; readonly values: readonly (string | number | boolean | null)[] }
  /** A value of any of the listed domains (e.g. a preset or a typed config). */
  | { readonly kind: 'anyOf'; readonly of: readonly Domain[] }
  /**
   * A plain object (a dict) of known keys, each with its own domain; keys listed in `optional`
   * may be left out. No other key is ever drawn.
   */
  | { readonly kind: 'object'; readonly keys: Readonly<Record<string, Domain>>; readonly optional?: readonly string[] }
  /** A list whose elements are of one domain; `maxLength` bounds it (default 4). */
  | { readonly kind: 'list'; readonly of: Domain; readonly maxLength?: number }
  /** A function (a callback, a hook), drawn as a named function. */
  | { readonly kind: 'function' }
  /**
   * A value the adapter builds from a drawn plain value of domain `from` (a typed config,
   * e.g. Python's `MemoryConfig(**d)`): the suite calls the adapter's `build(name, value)` once
   * per drawn value, so one drawn value held in two places is one built object.
   */
  | { readonly kind: 'built'; readonly name: string; readonly from: Domain };

export type DomainKind = Domain['kind'];

/** The domains an adapter declares: per configuration field, per feature. Undeclared places: `any`. */
export interface Domains {
  readonly fields?: Partial<Readonly<Record<ConfigField, Domain>>>;
  readonly features?: Partial<Readonly<Record<FeatureName, Domain>>>;
}

const KINDS: readonly DomainKind[] = ['any', 'boolean', 'string', 'number', 'oneOf', 'anyOf', 'object', 'list', 'function', 'built'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What is wrong with one domain descriptor, by path; empty when it is well formed. */
function domainProblems(value: unknown, path: string, problems: string[]): void {
  if (!isRecord(value) || !KINDS.includes(value.kind as DomainKind)) {
    problems.push(`${path} must be a domain: an object whose "kind" is one of ${KINDS.join(', ')} (it is ${JSON.stringify(value)?.slice(0, 80)})`);
    return;
  }
  switch (value.kind as DomainKind) {
    case 'number':
      for (const key of ['min', 'max'] as const) {
        if (value[key] !== undefined && (typeof value[key] !== 'number' || !Number.isFinite(value[key]))) problems.push(`${path}.${key} must be a finite number`);
      }
      if (value.integer !== undefined && typeof value.integer !== 'boolean') problems.push(`${path}.integer must be true or false`);
      if (typeof value.min === 'number' && typeof value.max === 'number' && value.min > value.max) problems.push(`${path}: min is above max`);
      break;
    case 'oneOf':
      if (!Array.isArray(value.values) || value.values.length === 0 || value.values.some((item) => item !== null && !['string', 'number', 'boolean'].includes(typeof item))) {
        problems.push(`${path}.values must be a non-empty list of strings, numbers, booleans or null`);
      }
      break;
    case 'anyOf':
      if (!Array.isArray(value.of) || value.of.length === 0) problems.push(`${path}.of must be a non-empty list of domains`);
      else value.of.forEach((item, index) => domainProblems(item, `${path}.of[${index}]`, problems));
      break;
    case 'object': {
      if (!isRecord(value.keys)) {
        problems.push(`${path}.keys must be an object mapping each key to its domain`);
        break;
      }
      for (const [key, inner] of Object.entries(value.keys)) domainProblems(inner, `${path}.keys.${key}`, problems);
      if (value.optional !== undefined && (!Array.isArray(value.optional) || value.optional.some((key) => typeof key !== 'string' || !Object.hasOwn(value.keys as object, key)))) {
        problems.push(`${path}.optional must list keys of ${path}.keys`);
      }
      break;
    }
    case 'list':
      domainProblems(value.of, `${path}.of`, problems);
      if (value.maxLength !== undefined && (!Number.isInteger(value.maxLength) || (value.maxLength as number) < 0)) problems.push(`${path}.maxLength must be a whole number`);
      break;
    case 'built':
      if (typeof value.name !== 'string' || value.name === '') problems.push(`${path}.name must be a non-empty string (the name build() receives)`);
      domainProblems(value.from, `${path}.from`, problems);
      break;
    default:
      break;
  }
}

/** Whether a domain (at any depth) holds a built value. */
export function hasBuilt(domain: Domain): boolean {
  switch (domain.kind) {
    case 'built':
      return true;
    case 'anyOf':
      return domain.of.some(hasBuilt);
    case 'object':
      return Object.values(domain.keys).some(hasBuilt);
    case 'list':
      return hasBuilt(domain.of);
    default:
      return false;
  }
}

/** Every domain the adapter declares, with the place it is declared for. */
export function declaredDomains(domains: Domains): Domain[] {
  return [...Object.values(domains.fields ?? {}), ...Object.values(domains.features ?? {})] as Domain[];
}

/**
 * Checks declared domains; returns what is wrong (empty when they are well formed): unknown field
 * or feature names, malformed descriptors (by path, e.g. `features.memory.keys.provider`), and a
 * domain for `features` itself (declare it per feature).
 */
/** What is wrong with one domain descriptor at `path` (e.g. a framework field's); empty when well formed. */
export function validateDomain(value: unknown, path: string): string[] {
  const problems: string[] = [];
  domainProblems(value, path, problems);
  return problems;
}

export function validateDomains(value: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(value)) return ['domains must be an object with "fields" and/or "features"'];
  for (const key of Object.keys(value)) if (key !== 'fields' && key !== 'features') problems.push(`domains has an unknown key "${key}" (expected "fields" and/or "features")`);
  for (const [group, names] of [['fields', CONFIG_FIELDS], ['features', FEATURE_NAMES]] as const) {
    const declared = value[group];
    if (declared === undefined) continue;
    if (!isRecord(declared)) {
      problems.push(`domains.${group} must be an object`);
      continue;
    }
    for (const [name, domain] of Object.entries(declared)) {
      if (!(names as readonly string[]).includes(name)) problems.push(`domains.${group} names "${name}", which is not a canonical ${group === 'fields' ? 'field' : 'feature'} (${names.join(', ')})`);
      else if (group === 'fields' && name === 'features') problems.push('domains.fields.features: declare the domain of each feature under domains.features');
      else domainProblems(domain, `domains.${group}.${name}`, problems);
    }
  }
  return problems;
}
