import { CONFIG_FIELDS, FEATURE_NAMES, type ConfigField, type FeatureName, type MappedField } from '../agent-config.ts';
import { GATED_KINDS, type GatedKind } from '../generators/value-kinds.ts';
import { CONFIGURED_ROLES, frameworkField, type FrameworkField, type FrameworkFields, type Role } from './roles.ts';
import type { OverridableField } from './overridable.ts';

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

  /** The adapter's framework fields (spec/model/roles.ts), by name, in declaration order. */
  readonly framework: ReadonlyMap<string, FrameworkField>;

  /**
   * @param mapped the adapter's declared fields; undefined means everything.
   * @param framework the adapter's framework fields, by name, each with its role.
   * @param overridable the fields the adapter's cloneWith takes (a partial override clone such as
   *   AgentKit's `withModel(model)`); undefined means every mapped field. Framework fields are
   *   taken only when named, as `framework.<name>`.
   * @param valueKinds the gated value kinds (`set`, `map`) the adapter can be sent, by its protocol
   *   version or its `hello.accepts` (spec/generators/value-kinds.ts); every kind by default.
   */
  constructor(
    readonly mapped: readonly MappedField[] | undefined,
    framework: FrameworkFields = {},
    readonly overridable?: readonly OverridableField[],
    readonly valueKinds: ReadonlySet<GatedKind> = new Set(GATED_KINDS),
  ) {
    this.framework = new Map(Object.entries(framework).map(([name, declared]) => [name, frameworkField(declared)]));
    const all = mapped === undefined;
    const names = new Set<string>(mapped ?? []);
    this.#features = new Set(FEATURE_NAMES.filter((name) => all || names.has('features') || names.has(name)));
    this.#fields = new Set(CONFIG_FIELDS.filter((field) => all || names.has(field) || (field === 'features' && this.#features.size > 0)));
  }

  has(field: ConfigField): boolean {
    return this.#fields.has(field);
  }

  /** The framework fields of a role (of any of `roles`), by name. */
  frameworkOf(...roles: Role[]): string[] {
    return [...this.framework].filter(([, field]) => roles.includes(field.role)).map(([name]) => name);
  }

  /** What tells generated values apart for this scope (and caches keyed by what an adapter declares): the fields mapped, the framework fields, the overridable fields, and the kinds taken. */
  get key(): string {
    return JSON.stringify([this.mapped ?? null, [...this.framework], this.overridable ?? null, [...this.valueKinds].sort()]);
  }

  /** Whether override clones may override a mapped field (features: when any feature is overridable). */
  overrides(field: ConfigField): boolean {
    if (!this.has(field)) return false;
    if (this.overridable === undefined) return true;
    return this.overridable.includes(field) || (field === 'features' && this.overridable.some((name) => (FEATURE_NAMES as readonly string[]).includes(name)));
  }

  /** Whether override clones may override framework field `name`: one of a configured role, named in `overridable` as `framework.<name>`. */
  overridesFramework(name: string): boolean {
    const role = this.framework.get(name)?.role;
    return role !== undefined && (CONFIGURED_ROLES as readonly Role[]).includes(role) && this.overridable?.includes(`framework.${name}`) === true;
  }

  /** The framework fields override clones override, in declaration order. */
  get overriddenFramework(): string[] {
    return [...this.framework.keys()].filter((name) => this.overridesFramework(name));
  }

  /**
   * The mapped fields (and `framework.<name>`s) override clones override, when the adapter's
   * cloneWith takes only some of its mapped fields; undefined when it takes them all (an
   * `overridable` that names every mapped field, to add framework fields, leaves out nothing).
   */
  get overridden(): string[] | undefined {
    if (this.overridable === undefined || CONFIG_FIELDS.every((field) => !this.has(field) || this.overrides(field))) return undefined;
    return [...CONFIG_FIELDS.filter((field) => this.overrides(field)), ...this.overriddenFramework.map((name) => `framework.${name}`)];
  }

  hasFeature(name: FeatureName): boolean {
    return this.#features.has(name);
  }

  /** Fields and features not checked, for the report; empty when everything is mapped. */
  get unmapped(): string[] {
    return [
      // Overriding what a partial cloneWith does not take is not checked either.
      ...(this.overridable === undefined ? [] : CONFIG_FIELDS.filter((field) => this.has(field) && !this.overrides(field)).map((field) => `cloneWith(${field})`)),
      ...CONFIG_FIELDS.filter((field) => field !== 'features' && !this.#fields.has(field)),
      ...FEATURE_NAMES.filter((name) => !this.#features.has(name)),
    ];
  }
}
