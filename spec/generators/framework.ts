/**
 * Values of an adapter's framework fields (spec/model/roles.ts): each configured field is drawn
 * from its declared domain, else from its role's usual values (those of the canonical fields of
 * that role: feature-config values for `config`, tool lists for `shared-list`, handoffs for `route`).
 */
import fc from 'fast-check';
import type { FieldScope } from '../model/field-scope.ts';
import { CONFIGURED_ROLES, type Role } from '../model/roles.ts';
import { domainModel, type ValueModel } from './domain-values.ts';
import { featureValue } from './features.ts';
import { handoffs, toolList } from './tools.ts';
import { trickyString } from './values.ts';

/** A role's usual values: always a value (a field given undefined is a field not configured). */
const USUAL: Record<(typeof CONFIGURED_ROLES)[number], ValueModel> = {
  config: { edges: [], random: fc.oneof(featureValue.filter((value) => value !== undefined), trickyString) },
  'shared-list': { edges: [], random: toolList },
  route: { edges: [], random: handoffs },
};

const configured = (role: Role): role is (typeof CONFIGURED_ROLES)[number] => (CONFIGURED_ROLES as readonly Role[]).includes(role);

/** One framework field's values: its domain's edge values and random ones, or its role's usual values. */
export function frameworkValue(scope: FieldScope, name: string): fc.Arbitrary<unknown> {
  const field = scope.framework.get(name)!;
  const usual = USUAL[field.role as keyof typeof USUAL];
  if (!field.domain) return usual.random;
  const model = domainModel(field.domain, usual);
  return model.edges.length === 0 ? model.random : fc.oneof(...model.edges.map((edge) => edge.arbitrary), model.random);
}

/** The names of the framework fields a configuration carries (configured roles), in declaration order. */
export const configuredFramework = (scope: FieldScope): string[] => [...scope.framework].filter(([, field]) => configured(field.role)).map(([name]) => name);

/**
 * The `framework` part of a configuration, or undefined when the adapter declares no configured
 * framework field (its configurations are then exactly what they were before framework fields).
 */
export function frameworkValuesFor(scope: FieldScope, names: readonly string[] = configuredFramework(scope)): fc.Arbitrary<Record<string, unknown>> | undefined {
  if (names.length === 0) return undefined;
  return fc.record(Object.fromEntries(names.map((name) => [name, frameworkValue(scope, name)])));
}
