import { ALIASES } from '../../spec/invariants/aliases.ts';
import { closest } from '../did-you-mean.ts';
import { UsageError } from './usage-error.ts';

/** `*` matches any run of characters (dots included), so `channel.*` and `*.tools.*` both work. */
function matcher(pattern: string): RegExp {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`);
}

/** Splits repeatable, comma-separated flag values into trimmed, distinct patterns. */
export function patternList(values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  return [...new Set(values.flatMap((value) => value.split(',')).map((pattern) => pattern.trim()).filter(Boolean))];
}

/** The ids `--only` and `--exclude` leave to run, with the notices for old ids they were given. */
export interface Selection {
  readonly ids: string[];
  /** One per pattern that matched an invariant only through its old id (spec/invariants/aliases.ts). */
  readonly notices: string[];
}

/**
 * The invariant ids `--only` and `--exclude` select, in catalogue order. A pattern matches an id,
 * or an old id of it (a renamed invariant: `aliases`), which is then noticed. A pattern that
 * matches no id is a usage error, with the closest id when it looks like a slip: a typo must not
 * silently run nothing (or everything).
 */
export function selectIds(
  known: readonly string[],
  only: readonly string[] | undefined,
  exclude: readonly string[] | undefined,
  aliases: Readonly<Record<string, string>> = ALIASES,
): Selection {
  const renamed = Object.entries(aliases).filter(([, id]) => known.includes(id));
  const notices: string[] = [];
  const matches = (pattern: string, id: string) => matcher(pattern).test(id) || renamed.some(([old, current]) => current === id && matcher(pattern).test(old));
  const check = (flag: string, patterns: readonly string[]) => {
    for (const pattern of patterns) {
      const olds = renamed.filter(([old, id]) => matcher(pattern).test(old) && !matcher(pattern).test(id));
      if (olds.length > 0 && !known.some((id) => matcher(pattern).test(id))) {
        notices.push(`${flag} ${pattern}: ${olds.map(([old, id]) => `invariant ${old} was renamed ${id}`).join('; ')}; read as ${olds.map(([, id]) => id).join(', ')} (the old id stays accepted as an alias).`);
      }
    }
    const unmatched = patterns.filter((pattern) => !known.some((id) => matches(pattern, id)));
    if (unmatched.length > 0) {
      const suggestion = unmatched.length === 1 && !unmatched[0]!.includes('*') ? suggest(unmatched[0]!, known, renamed) : undefined;
      const hint = suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
      throw new UsageError(`${flag}: no invariant id matches ${unmatched.map((pattern) => `"${pattern}"`).join(', ')}${hint}. Known ids: ${known.join(', ')} (see --list).`);
    }
  };
  if (only !== undefined) check('--only', only);
  if (exclude !== undefined) check('--exclude', exclude);
  const included = only === undefined ? [...known] : known.filter((id) => only.some((pattern) => matches(pattern, id)));
  const selected = exclude === undefined ? included : included.filter((id) => !exclude.some((pattern) => matches(pattern, id)));
  if (selected.length === 0) throw new UsageError('--only and --exclude leave no invariant to run.');
  return { ids: selected, notices };
}

/** The current id closest to a mistyped one, through the old ids too (suggesting the id it was renamed to). */
export function suggest(name: string, known: readonly string[], renamed: readonly (readonly [string, string])[] = Object.entries(ALIASES)): string | undefined {
  const near = closest(name, [...known, ...renamed.map(([old]) => old)]);
  return near === undefined ? undefined : (renamed.find(([old]) => old === near)?.[1] ?? near);
}
