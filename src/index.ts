/** The package root: the adapter contract, and the specification for those who build on it. */
export { defineAdapter, RejectedConfig, type CloneAdapter, type AgentConfig, type AgentView, type FeatureName } from './adapter/contract.ts';
export { CONFIG_FIELDS, FEATURE_NAMES, type MappedField } from '../spec/agent-config.ts';
export type { OverridableField } from '../spec/model/overridable.ts';
export type { Domain, Domains } from '../spec/domains.ts';
export { ROLES, type FrameworkField, type FrameworkFields, type Role } from '../spec/model/roles.ts';
export { CATALOGUE, INVARIANT_IDS } from '../spec/invariants/catalogue.ts';
export type { AnyInvariant, Invariant, Level } from '../spec/invariants/invariant.ts';
export { Agent } from '../spec/reference/agent.ts';
export { referenceAdapter } from './adapter/reference-adapter.ts';
