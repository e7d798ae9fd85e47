/**
 * What an adapter's `cloneWith` takes (`overridable`): canonical fields and features by name, and
 * framework fields as `framework.<name>`. A framework field is overridden only when named: a
 * cloneWith written before framework fields existed may pass its overrides straight to the
 * framework, which would not know a `framework` key.
 */
import { MAPPED_FIELDS, type MappedField } from '../agent-config.ts';
import { CONFIGURED_ROLES, frameworkField, type FrameworkField, type Role } from './roles.ts';

/** A framework field named in `overridable`: `framework.model_settings`. */
export type OverridableFrameworkField = `framework.${string}`;

/** An entry of `overridable`. */
export type OverridableField = MappedField | OverridableFrameworkField;

const PREFIX = 'framework.';
const CANONICAL: readonly unknown[] = MAPPED_FIELDS;

/** The framework field an `overridable` entry names, or undefined for a canonical entry. */
export const frameworkNameOf = (entry: string): string | undefined => (entry.startsWith(PREFIX) ? entry.slice(PREFIX.length) : undefined);

/**
 * What is wrong with an adapter's `overridable`, given its declared framework fields (which may
 * themselves be malformed: then only the canonical entries are judged); empty when well formed.
 */
export function validateOverridable(value: unknown, frameworkFields: unknown, where: string): string[] {
  if (!Array.isArray(value)) return [`${where}, when present, must be a list of canonical field or feature names (${CANONICAL.join(', ')}) and framework fields as "framework.<name>"`];
  const declared = typeof frameworkFields === 'object' && frameworkFields !== null ? (frameworkFields as Record<string, unknown>) : {};
  const problems: string[] = [];
  for (const entry of value) {
    if (CANONICAL.includes(entry)) continue;
    const name = typeof entry === 'string' ? frameworkNameOf(entry) : undefined;
    if (name === undefined) {
      problems.push(`${where}: ${JSON.stringify(entry)} is neither a canonical field or feature name (${CANONICAL.join(', ')}) nor "framework.<name>"`);
      continue;
    }
    const field = Object.hasOwn(declared, name) ? roleOf(declared[name]) : undefined;
    if (field === undefined) problems.push(`${where}: "${entry}" names no declared framework field`);
    else if (!(CONFIGURED_ROLES as readonly Role[]).includes(field)) problems.push(`${where}: "${entry}" is a ${field} field, which no configuration gives, so no override can replace it`);
  }
  return problems;
}

function roleOf(declared: unknown): Role | undefined {
  if (typeof declared !== 'string' && (typeof declared !== 'object' || declared === null)) return undefined;
  return frameworkField(declared as Role | FrameworkField).role;
}
