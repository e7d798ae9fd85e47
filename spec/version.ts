/**
 * The specification's version, MAJOR.MINOR: a minor version adds invariants (or widens what one
 * checks in a way every conforming implementation already meets); a major version changes or
 * removes a rule. Every report names it, next to the suite's own version; CHANGELOG.md says what
 * changed between versions.
 */
export const SPEC_VERSION = '1.0';

/** Every published specification version, oldest first (CHANGELOG.md has a section for each); the last is {@link SPEC_VERSION}. */
export const SPEC_VERSIONS: readonly string[] = ['1.0'];

/** The version an invariant that declares no `since` was added in: the first. */
export const FIRST_SPEC_VERSION = '1.0';

/** MAJOR.MINOR, digits only, no leading zeros. */
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** A version's major and minor numbers, or undefined when it is not MAJOR.MINOR. */
export function parseSpecVersion(text: string): { readonly major: number; readonly minor: number } | undefined {
  const match = VERSION.exec(text);
  return match === null ? undefined : { major: Number(match[1]), minor: Number(match[2]) };
}

/** Negative when `a` is older than `b`, 0 when equal, positive when newer (both MAJOR.MINOR). */
export function compareSpecVersions(a: string, b: string): number {
  const [x, y] = [parseSpecVersion(a), parseSpecVersion(b)];
  if (x === undefined || y === undefined) throw new Error(`not a specification version (MAJOR.MINOR): ${x === undefined ? a : b}`);
  return x.major - y.major || x.minor - y.minor;
}

/** Whether a run may be pinned to `pin` (`--spec`), and why not. */
export type SpecPinCheck = { readonly ok: true; readonly version: string } | { readonly ok: false; readonly reason: string };

/**
 * Checks a `--spec` value against the specification this suite implements: a published version of
 * the current major version, not newer than the current one. Another major version changed or
 * removed rules, which a pin cannot undo; a future version's rules are not here to run.
 */
export function checkSpecPin(text: string, current = SPEC_VERSION, published: readonly string[] = SPEC_VERSIONS): SpecPinCheck {
  const asked = parseSpecVersion(text.trim());
  const now = parseSpecVersion(current)!;
  const pinnable = `it can be pinned to ${published.filter((version) => parseSpecVersion(version)?.major === now.major).join(', ')}`;
  if (asked === undefined) return { ok: false, reason: `--spec takes a specification version MAJOR.MINOR, e.g. ${current}; got "${text}" (this suite implements specification ${current}; ${pinnable}).` };
  const version = `${asked.major}.${asked.minor}`;
  if (asked.major !== now.major) {
    return { ok: false, reason: `--spec ${version}: this suite implements specification ${current}, and ${pinnable}; another major version changes rules, which a pin cannot undo: use a clone-conformance release that implements specification ${asked.major}.x.` };
  }
  if (asked.minor > now.minor) return { ok: false, reason: `--spec ${version} is newer than this suite's specification ${current} (${pinnable}); upgrade clone-conformance to run it.` };
  if (!published.includes(version)) return { ok: false, reason: `--spec ${version} is no published specification version (this suite implements specification ${current}; ${pinnable}).` };
  return { ok: true, version };
}

/**
 * The policy for a pinned run: the invariants added after `pin` (by their `since`, absent meaning
 * {@link FIRST_SPEC_VERSION}), each with the version that added it. They still run and are
 * reported, but their failures do not fail a run pinned to `pin`.
 */
export function addedAfter(pin: string, catalogue: readonly { readonly id: string; readonly since?: string }[]): ReadonlyMap<string, string> {
  return new Map(
    catalogue.flatMap((invariant) => {
      const since = invariant.since ?? FIRST_SPEC_VERSION;
      return compareSpecVersions(since, pin) > 0 ? [[invariant.id, since] as const] : [];
    }),
  );
}
