import { readFileSync } from 'node:fs';
import { ALIASES, renamedNotice, resolveId } from '../../spec/invariants/aliases.ts';
import { closest } from '../did-you-mean.ts';

/**
 * A known-failures baseline: the invariants a project expects to fail while it works on them. An
 * entry may pin its finding (the fingerprint of the cause, src/report/findings.ts): the invariant
 * is then expected to fail for that reason only, so that a new bug under an already-failing
 * invariant fails the gate, and a fixed one is noticed.
 */
export interface Baseline {
  readonly expectedFailures: readonly string[];
  /** Invariant id to the finding fingerprint its entry pins; ids not here are expected to fail for any reason. */
  readonly pinned?: Readonly<Record<string, string>>;
  /** Entries that name an invariant by its old id (it was renamed): read as the current id, and said. */
  readonly notices?: readonly string[];
}

/** One baseline entry as written: an id alone, or an id with the finding it pins. */
export type BaselineEntry = string | { readonly id: string; readonly finding: string };

export class BaselineError extends Error {
  override readonly name = 'BaselineError';
}

const FINGERPRINT = /^[0-9a-f]{8}$/;

const isEntry = (entry: unknown): entry is BaselineEntry =>
  typeof entry === 'string' ||
  (typeof entry === 'object' && entry !== null && typeof (entry as { id?: unknown }).id === 'string' && typeof (entry as { finding?: unknown }).finding === 'string' && FINGERPRINT.test((entry as { finding: string }).finding));

/**
 * Reads and checks a baseline file; every problem, unknown ids included, is a BaselineError. An
 * entry naming a renamed invariant by its old id (`aliases`) counts for the current id, with a notice.
 */
export function readBaseline(file: string, knownIds: readonly string[], aliases: Readonly<Record<string, string>> = ALIASES): Baseline {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BaselineError(`The baseline ${file} could not be read: ${(error as Error).message}.`);
  }
  const list = (parsed as { expectedFailures?: unknown })?.expectedFailures;
  if (!Array.isArray(list) || !list.every(isEntry)) {
    throw new BaselineError(
      `The baseline ${file} must be a JSON object { "expectedFailures": ["channel.features", { "id": "channel.identity", "finding": "1a2b3c4d" }, ...] }: each entry an invariant id, or an id with the 8-hex-digit finding it pins.`,
    );
  }
  const resolved = list.map((entry) => resolveId(typeof entry === 'string' ? entry : entry.id, knownIds, aliases));
  const unknown = resolved.filter((resolution) => resolution.kind === 'unknown').map(({ id }) => {
    const near = closest(id, [...knownIds, ...Object.keys(aliases)]);
    return near === undefined ? id : `${id} (did you mean ${aliases[near] ?? near}?)`;
  });
  if (unknown.length > 0) throw new BaselineError(`The baseline ${file} lists invariant ids the catalogue does not know: ${unknown.join(', ')}.`);
  const ids = resolved.map((resolution) => resolution.id);
  const notices = [...new Set(resolved.flatMap((resolution) => (resolution.kind === 'renamed' ? [renamedNotice(resolution.from, resolution.id, `the baseline ${file}`)] : [])))];
  const pinned = Object.fromEntries(list.flatMap((entry, index) => (typeof entry === 'string' ? [] : [[ids[index]!, entry.finding] as const])));
  return { expectedFailures: [...new Set(ids)], ...(Object.keys(pinned).length > 0 ? { pinned } : {}), ...(notices.length > 0 ? { notices } : {}) };
}

/** The baseline text for a set of failures, as `--write-expect` records it: each with its finding pinned when known. */
export function formatBaseline(failures: readonly BaselineEntry[]): string {
  return `${JSON.stringify({ expectedFailures: [...failures] }, null, 2)}\n`;
}
