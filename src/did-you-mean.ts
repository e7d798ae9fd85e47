/**
 * "Did you mean": the known name closest to a mistyped one, for adapter keys, flags and
 * subcommands. A small module of its own rather than a dependency: the suggestions need one edit
 * distance (optimal string alignment: insertions, deletions, substitutions and swaps of two
 * neighbours, the usual typing mistakes) over a few dozen names, about twenty lines.
 */

/** The optimal string alignment distance between two strings, case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...new Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[s.length]![t.length]!;
}

/**
 * The known name closest to `name`, when it is close enough to be a slip (at most a third of its
 * letters off, and at least one), or one that differs only in case or separators; else undefined.
 */
export function closest(name: string, known: readonly string[]): string | undefined {
  const squash = (text: string) => text.toLowerCase().replace(/[-_]/g, '');
  const same = known.find((candidate) => squash(candidate) === squash(name));
  if (same !== undefined) return same;
  let best: { readonly name: string; readonly distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (best === undefined || distance < best.distance) best = { name: candidate, distance };
  }
  const allowed = Math.max(1, Math.floor(name.length / 3));
  return best !== undefined && best.distance <= allowed ? best.name : undefined;
}

/** " (did you mean X?)" for a suggestion, or nothing. `quote` wraps the name (a backtick, a quote). */
export function didYouMean(name: string, known: readonly string[], quote = ''): string {
  const suggestion = closest(name, known);
  return suggestion === undefined ? '' : ` (did you mean ${quote}${suggestion}${quote}?)`;
}
