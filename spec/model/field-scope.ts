import { CONFIG_FIELDS, FEATURE_NAMES, type ConfigField, type FeatureName, type MappedField } from '../agent-config.ts';
import { GATED_KINDS, type GatedKind } from '../generators/value-kinds.ts';

/**
 * The fields every adapter must map, whatever its profiles: `name` and `tools`. agent.config-held
 * needs something the agent must hold, and the rules on lists (a clone's own tools list of the
 * same tools) need a list; a clone check over no field at all compares nothing and passes vacuously.
 */
export const MINIMUM_FIELDS = ['name', 'tools'] as const satisfies readonly ConfigField[];

/** Why {@link MINIMUM_FIELDS} are required, for the message that names the missing ones. */
export const MINIMUM_FIELDS_REASON =
  'agent.config-held needs a value the agent must hold, the tools-list rules need a list, and a clone check over no field compares nothing: it passes vacuously';

/** The minimum fields an adapter's declared `fields` leave out (none when it declares none: everything is mapped). */
export function missingMinimumFields(mapped: readonly string[] | undefined): string[] {
  return mapped === undefined ? [] : MINIMUM_FIELDS.filter((field) => !mapped.includes(field));
}

/**
 * The part of the canonical configuration an adapter maps. Real frameworks lack some fields (the
 * OpenAI Agents SDK has no role or feature configs); generators then produce only mapped fields
 * and invariants compare only those.
 */
export class FieldScope {
  static readonly ALL = new FieldScope(undefined);

  readonly #fields: ReadonlySet<ConfigField>;
  readonly #features: ReadonlySet<FeatureName>;

  /**
   * @param mapped the adapter's declared fields; undefined means everything.
   * @param valueKinds the gated value kinds (`set`, `map`) the adapter can be sent, by its protocol
   *   version or its `hello.accepts` (spec/generators/value-kinds.ts); every kind by default.
   */
  constructor(
    readonly mapped: readonly MappedField[] | undefined,
    readonly valueKinds: ReadonlySet<GatedKind> = new Set(GATED_KINDS),
  ) {
    const all = mapped === undefined;
    const names = new Set<string>(mapped ?? []);
    this.#features = new Set(FEATURE_NAMES.filter((name) => all || names.has('features') || names.has(name)));
    this.#fields = new Set(CONFIG_FIELDS.filter((field) => all || names.has(field) || (field === 'features' && this.#features.size > 0)));
  }

  has(field: ConfigField): boolean {
    return this.#fields.has(field);
  }

  /** What tells generated values apart for this scope: the fields mapped, and the kinds taken. */
  get key(): string {
    return JSON.stringify([this.mapped ?? null, [...this.valueKinds].sort()]);
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
