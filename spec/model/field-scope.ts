import { CONFIG_FIELDS, FEATURE_NAMES, type ConfigField, type FeatureName, type MappedField } from '../agent-config.ts';

/**
 * The part of the canonical configuration an adapter maps. Real frameworks lack some fields (the
 * OpenAI Agents SDK has no role or feature configs); generators then produce only mapped fields
 * and invariants compare only those.
 */
export class FieldScope {
  static readonly ALL = new FieldScope(undefined);

  readonly #fields: ReadonlySet<ConfigField>;
  readonly #features: ReadonlySet<FeatureName>;

  /** @param mapped the adapter's declared fields; undefined means everything. */
  constructor(readonly mapped: readonly MappedField[] | undefined) {
    const all = mapped === undefined;
    const names = new Set<string>(mapped ?? []);
    this.#features = new Set(FEATURE_NAMES.filter((name) => all || names.has('features') || names.has(name)));
    this.#fields = new Set(CONFIG_FIELDS.filter((field) => all || names.has(field) || (field === 'features' && this.#features.size > 0)));
  }

  has(field: ConfigField): boolean {
    return this.#fields.has(field);
  }

  hasFeature(name: FeatureName): boolean {
    return this.#features.has(name);
  }

  /** Fields and features not checked, for the report; empty when everything is mapped. */
  get unmapped(): MappedField[] {
    return [
      ...CONFIG_FIELDS.filter((field) => field !== 'features' && !this.#fields.has(field)),
      ...FEATURE_NAMES.filter((name) => !this.#features.has(name)),
    ];
  }
}
