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

/**
 * The invariant ids `--only` and `--exclude` select, in catalogue order. A pattern that matches
 * no id is a usage error: a typo must not silently run nothing (or everything).
 */
export function selectIds(known: readonly string[], only: readonly string[] | undefined, exclude: readonly string[] | undefined): string[] {
  const check = (flag: string, patterns: readonly string[]) => {
    const unmatched = patterns.filter((pattern) => !known.some((id) => matcher(pattern).test(id)));
    if (unmatched.length > 0) {
      throw new UsageError(`${flag}: no invariant id matches ${unmatched.map((pattern) => `"${pattern}"`).join(', ')}. Known ids: ${known.join(', ')} (see --list).`);
    }
  };
  if (only !== undefined) check('--only', only);
  if (exclude !== undefined) check('--exclude', exclude);
  const included = only === undefined ? [...known] : known.filter((id) => only.some((pattern) => matcher(pattern).test(id)));
  const selected = exclude === undefined ? included : included.filter((id) => !exclude.some((pattern) => matcher(pattern).test(id)));
  if (selected.length === 0) throw new UsageError('--only and --exclude leave no invariant to run.');
  return selected;
}
