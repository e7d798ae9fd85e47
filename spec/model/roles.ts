/**
 * Field roles: what every clone profile requires of a field, stated once per role. The canonical
 * fields are the built-in declaration ({@link CANONICAL_ROLES}); an adapter declares the fields
 * its framework holds beyond them (framework fields: the OpenAI SDK's `input_guardrails`,
 * CrewAI's `apps`, PraisonAI's `fallback_models`...) with one of these roles, and the invariants
 * of that role check them: no invariant is written per framework.
 */
import type { ViewField } from '../agent-config.ts';
import { validateDomain, type Domain } from '../domains.ts';

export const ROLES = ['config', 'shared-list', 'route', 'runtime', 'state'] as const;

/**
 * - `config`: a configuration value (a model setting, a preset, a feature config, a list of
 *   settings): a channel clone and an override clone keep it (deeply equal), a deep copy holds an
 *   equal copy sharing no mutable object with the source.
 * - `shared-list`: a list of shared elements (tools, guardrails, MCP servers): every clone and copy
 *   has a new list holding the very same elements.
 * - `route`: where a conversation may be passed on (handoffs, sub-agents): reset by the channel
 *   clone (null, undefined, or an empty list or object), kept (the same elements) by the override
 *   clone, an equal copy in a deep copy.
 * - `runtime`: an object made for one agent at run time (a lock, a controller, a client session):
 *   every clone and copy has its own, never the source's.
 * - `state`: a conversation state place (a history, a memory store, a usage counter), reached with
 *   the `recordState` probe: isolated between an agent and its clones and copies, and what each
 *   profile requires of its initial state (state/*.ts).
 */
export type Role = (typeof ROLES)[number];

/** Roles whose values the generators draw and the configuration carries (`config.framework`). */
export const CONFIGURED_ROLES = ['config', 'shared-list', 'route'] as const satisfies readonly Role[];

/** One framework field: its role, and (for configured roles) the values the framework takes. */
export interface FrameworkField {
  readonly role: Role;
  /** The values drawn for it (spec/domains.ts); the role's usual values when absent. */
  readonly domain?: Domain;
}

/** An adapter's framework fields, by name: a role, or a role with a domain. */
export type FrameworkFields = Readonly<Record<string, Role | FrameworkField>>;

/** The canonical fields' roles: the built-in declaration (features: each feature config is a `config`). */
export const CANONICAL_ROLES: Readonly<Record<ViewField, Role | undefined>> = {
  name: 'config', role: 'config', goal: 'config', backstory: 'config', instructions: 'config',
  llm: 'config', baseUrl: 'config', apiKey: 'config', auth: 'config', features: 'config',
  toolTimeout: 'config', parallelToolCalls: 'config', cliBackend: 'config',
  tools: 'shared-list', handoffs: 'route', interruptController: 'runtime', locks: 'runtime',
  // The view key that holds the framework fields themselves: each has its declared role.
  framework: undefined,
};

/** A declaration in its long form. */
export const frameworkField = (declared: Role | FrameworkField): FrameworkField => (typeof declared === 'string' ? { role: declared } : declared);

/** Names an adapter may not give a framework field: they would be read as canonical ones. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What is wrong with an adapter's framework field declarations; empty when well formed. */
export function validateFrameworkFields(value: unknown, where = 'frameworkFields'): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${where} must be an object mapping each field name to its role (${ROLES.join(', ')})`];
  const problems: string[] = [];
  for (const [name, declared] of Object.entries(value)) {
    if (!NAME.test(name)) problems.push(`${where}: "${name}" is not a field name (letters, digits and _)`);
    const long = typeof declared === 'string' ? { role: declared } : declared;
    if (typeof long !== 'object' || long === null || !ROLES.includes((long as { role?: unknown }).role as Role)) {
      problems.push(`${where}.${name} must be a role (${ROLES.join(', ')}) or { role, domain }`);
      continue;
    }
    const domain = (long as { domain?: unknown }).domain;
    if (domain !== undefined) {
      if (!(CONFIGURED_ROLES as readonly string[]).includes((long as FrameworkField).role)) problems.push(`${where}.${name}: a ${(long as FrameworkField).role} field is not configured, so it takes no domain`);
      else problems.push(...validateDomain(domain, `${where}.${name}.domain`));
    }
  }
  return problems;
}
