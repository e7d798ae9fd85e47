/**
 * The specification's version, MAJOR.MINOR: a minor version adds invariants (or widens what one
 * checks in a way every conforming implementation already meets); a major version changes or
 * removes a rule. Every report names it, next to the suite's own version; CHANGELOG.md says what
 * changed between versions.
 */
export const SPEC_VERSION = '1.0';
