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

/** What each role is and what the profiles require of it, for the specification (SPEC.md). */
export const ROLE_DESCRIPTIONS: Readonly<Record<Role, { readonly what: string; readonly canonical: string; readonly requires: string }>> = {
  config: {
    what: 'a configuration value: model settings, presets, a list of fallback models',
    canonical: 'name, role, goal, backstory, instructions, llm, baseUrl, apiKey, auth, toolTimeout, parallelToolCalls, cliBackend, each feature config',
    requires: 'channel and override clones keep it (canonical fields as-is, feature configs and framework fields deeply equal); a deep copy holds an equal copy sharing no mutable object with the source',
  },
  'shared-list': {
    what: 'a list of shared elements: guardrails, MCP servers, apps',
    canonical: 'tools',
    requires: 'every clone and copy has a list of its own holding the very same elements (a deep copy: as `deepCopyTools` declares); no two clones share the list',
  },
  route: {
    what: 'where a conversation may be passed on: sub-agents, handoff targets',
    canonical: 'handoffs',
    requires: 'the channel clone resets it (canonical handoffs: null; a framework route: null, undefined or empty); the override clone keeps it; a deep copy holds an equal copy',
  },
  runtime: {
    what: 'an object made for one agent at run time: a client session, a lock, a controller',
    canonical: 'interruptController, locks',
    requires: 'every clone and copy has its own wherever the source has one, never the source\'s; no two clones share one',
  },
  state: {
    what: 'a conversation state place, reached with the `recordState` probe: a history, a memory store, a usage counter',
    canonical: '(none: every state place is the framework\'s own)',
    requires: 'isolated on every profile (what is recorded on one agent never appears on another); a channel or override clone starts with the state a new agent starts with, a deep copy with an equal, separate copy',
  },
};

/**
 * Why each profile's clone starts with the conversation state it does (SPEC.md, and the rules of
 * the state invariants).
 */
export const STATE_RATIONALE =
  'A channel clone serves another channel, user or tenant: it starts fresh, as a new agent of its configuration does, since carrying the source\'s conversation hands one user another\'s history. An override clone is a new agent specialised from a configured one (`clone(overrides)`, `withModel()`): overrides are configuration, so it starts fresh too; a framework that means to continue a conversation under another model hands the conversation over explicitly. A deep copy is the general-purpose duplicate, taken to fork or checkpoint an agent with everything it knows: it holds an equal copy of the state, separate from the source\'s. "Fresh" is what a new agent of the same configuration holds (an empty history, a zero counter), observed, never assumed.';

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
