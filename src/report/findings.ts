import { createHash } from 'node:crypto';
import { INVARIANT_IDS } from '../../spec/invariants/catalogue.ts';
import { ALIASES, firstId } from '../../spec/invariants/aliases.ts';
import type { InvariantResult } from './model.ts';

type Failed = Extract<InvariantResult, { status: 'failed' }>;

/**
 * One cause of failures: the same violated rule at the same path, or the same adapter error. The
 * root is the invariant that states the cause most directly; the others follow from it (they
 * re-check the root's rule on another generation, need what it found missing, or broke on the
 * same adapter error).
 */
export interface Finding {
  /** A short fingerprint of the cause (the root's rule and the violated path, or the error): baselines may pin it. */
  readonly fingerprint: string;
  /** The cause in one line: the violated path and what was observed there, or the adapter error. */
  readonly cause: string;
  readonly root: string;
  /** Every invariant the finding explains, the root first, then the ones that follow from it, in catalogue order. */
  readonly invariants: readonly string[];
}

/**
 * Invariants that fail whenever another fails for the same reason: isolation cannot hold without
 * the fresh object it isolates. Listed under that root when both failed.
 */
const FOLLOWS: Readonly<Record<string, readonly string[]>> = {
  'channel.controller.isolated': ['channel.controller.fresh'],
  'channel.locks.isolated': ['channel.locks.fresh'],
  'channel.tools.isolated': ['channel.tools.new-list'],
  'channel.siblings-isolated': ['channel.tools.new-list', 'channel.controller.fresh', 'channel.locks.fresh'],
};

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8);

/** The invariant a failure names as the rule it re-checked (clone-of-clone and sequences say "(channel.x)"), if that one failed too. */
function embeddedRoot(failure: Failed, failed: ReadonlySet<string>): string | undefined {
  const text = failure.observed ?? failure.message;
  return INVARIANT_IDS.find((id) => id !== failure.id && failed.has(id) && text.includes(`(${id})`));
}

/** What was observed, without the prefixes that say where in a history or generation it was. */
function coreObservation(failure: Failed): string {
  const text = failure.observed ?? failure.message;
  return text.replace(/^at step \d+ \([^)]*\): /, '').replace(/^\([\w.-]+\) /, '').replace(/^clone of a clone, against its (parent|original) \([\w.-]+\): /, '');
}

/**
 * The violated path of an observation, e.g. `clone.features.sandbox` for `clone.features has no
 * "sandbox"`: list positions dropped (the case decides them), the missing key kept.
 */
export function violatedPath(observation: string): string | undefined {
  const match = /\b(?:clone|copy|source|agent|[A-H])((?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["[^"]*"\])+)(?: (?:has|lacks) (?:no )?"([^"]+)")?/.exec(observation);
  if (!match) return undefined;
  const path = match[1]!.replace(/\[\d+\]/g, '[]');
  return `${path}${match[2] === undefined ? '' : `.${match[2]}`}`;
}

/** An adapter error, without what varies from case to case (numbers, quoted values, object addresses). */
const errorKey = (message: string) => message.split('\n')[0]!.replace(/0x[0-9a-f]+/gi, '0x').replace(/"[^"]*"|'[^']*'/g, '"…"').replace(/\d+/g, '#');

/**
 * The cause of one failure, as grouping and fingerprints see it. A violation's key names the
 * invariant by its first id (before any rename: `aliases`), so that pinned baseline entries survive renames.
 */
export function causeOf(failure: Failed, aliases: Readonly<Record<string, string>> = ALIASES): { readonly key: string; readonly cause: string } {
  if (failure.observed === undefined) return { key: `error:${errorKey(failure.message)}`, cause: failure.message.split('\n')[0]! };
  const core = coreObservation(failure);
  const path = violatedPath(core);
  return { key: `${firstId(failure.id, aliases)}@${path ?? core.replace(/\d+/g, '#')}`, cause: core };
}

/**
 * Groups failures into findings, one per cause: failures on the same adapter error are one
 * finding (its root the first in catalogue order); a failure that re-checks a failed invariant's
 * rule (clone-of-clone, sequences) or cannot hold without it ({@link FOLLOWS}) is listed under
 * that invariant's finding. Every failure belongs to exactly one finding.
 */
export function groupFindings(results: readonly InvariantResult[], aliases: Readonly<Record<string, string>> = ALIASES): Finding[] {
  const failures = results.filter((result): result is Failed => result.status === 'failed');
  const failed = new Set(failures.map((failure) => failure.id));
  const order = (id: string) => INVARIANT_IDS.indexOf(id);
  const rootOf = new Map<string, string>();
  const findRoot = (failure: Failed, seen = new Set<string>()): string => {
    if (seen.has(failure.id)) return failure.id;
    seen.add(failure.id);
    const parent = embeddedRoot(failure, failed) ?? FOLLOWS[failure.id]?.find((id) => failed.has(id));
    if (parent === undefined) return failure.id;
    return findRoot(failures.find((other) => other.id === parent)!, seen);
  };
  for (const failure of failures) rootOf.set(failure.id, findRoot(failure));
  // Roots that broke on the same adapter error are one finding.
  const byKey = new Map<string, { key: string; cause: string; ids: string[] }>();
  for (const failure of [...failures].sort((a, b) => order(a.id) - order(b.id))) {
    const root = failures.find((other) => other.id === rootOf.get(failure.id))!;
    const { key, cause } = causeOf(root, aliases);
    const groupKey = key.startsWith('error:') ? key : `root:${root.id}`;
    const group = byKey.get(groupKey) ?? { key, cause, ids: [] };
    group.ids.push(failure.id);
    byKey.set(groupKey, group);
  }
  return [...byKey.values()].map(({ key, cause, ids }) => {
    const rootId = ids.find((id) => rootOf.get(id) === id) ?? ids[0]!;
    return { fingerprint: hash(key), cause, root: rootId, invariants: [rootId, ...ids.filter((id) => id !== rootId)] };
  });
}

/** The finding a failed invariant belongs to. */
export function findingFor(findings: readonly Finding[], id: string): Finding | undefined {
  return findings.find((finding) => finding.invariants.includes(id));
}
