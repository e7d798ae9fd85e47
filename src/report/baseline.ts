import { readFileSync } from 'node:fs';

/** A known-failures baseline: the invariants a project expects to fail while it works on them. */
export interface Baseline {
  readonly expectedFailures: readonly string[];
}

export class BaselineError extends Error {
  override readonly name = 'BaselineError';
}

/** Reads and checks a baseline file; every problem, unknown ids included, is a BaselineError. */
export function readBaseline(file: string, knownIds: readonly string[]): Baseline {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BaselineError(`The baseline ${file} could not be read: ${(error as Error).message}.`);
  }
  const list = (parsed as { expectedFailures?: unknown })?.expectedFailures;
  if (!Array.isArray(list) || list.some((id) => typeof id !== 'string')) {
    throw new BaselineError(`The baseline ${file} must be a JSON object { "expectedFailures": ["channel.features", ...] }.`);
  }
  const unknown = list.filter((id) => !knownIds.includes(id));
  if (unknown.length > 0) throw new BaselineError(`The baseline ${file} lists invariant ids the catalogue does not know: ${unknown.join(', ')}.`);
  return { expectedFailures: [...new Set(list as string[])] };
}

/** The baseline text for a set of failures, as `--write-expect` records it. */
export function formatBaseline(failures: readonly string[]): string {
  return `${JSON.stringify({ expectedFailures: [...failures] }, null, 2)}\n`;
}
