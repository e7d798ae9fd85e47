/**
 * Standard error without the result lines a run streams there outside a terminal (src/cli/progress.ts):
 * what the adapter or the command said besides.
 */
export function withoutStreamedLines(stderr: string): string {
  return stderr.replace(/^clone-conformance( \[\d+\/\d+\] \S+ \w+( \(\d+(\.\d)? m?s\))?|: \d+ of \d+ invariants finished in \d+(\.\d)? m?s)\n/gm, '');
}
