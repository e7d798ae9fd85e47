/**
 * Whether to colour output, decided explicitly (picocolors' own detection turns colour on for
 * FORCE_COLOR=0): NO_COLOR non-empty turns it off (no-color.org); FORCE_COLOR turns it on, except
 * "0" and "false" which turn it off (as Node and supports-color read it; empty means on); TERM=dumb
 * turns it off; otherwise colour exactly when the output is a terminal.
 */
export function useColor(env: Readonly<Record<string, string | undefined>>, isTTY: boolean | undefined): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR.trim().toLowerCase());
  if (env.TERM === 'dumb') return false;
  return isTTY === true;
}
