import { PROFILES, type ProfileName } from '../../spec/invariants/profiles.ts';
import { NOT_CHECKABLE, type RunReport } from './model.ts';
import type { Verdict } from './verdict.ts';

/** Which clone profiles the run checked (some invariant of theirs passed or failed), and which it did not, with why. */
export interface ProfileCoverage {
  readonly checked: readonly ProfileName[];
  readonly notChecked: readonly { readonly profile: ProfileName; readonly why: string }[];
}

const CLONE_PROFILES = (Object.keys(PROFILES) as ProfileName[]).filter((profile) => profile !== 'agent');

export function profileCoverage(report: Pick<RunReport, 'results'>): ProfileCoverage {
  const checked: ProfileName[] = [];
  const notChecked: { profile: ProfileName; why: string }[] = [];
  for (const profile of CLONE_PROFILES) {
    const results = report.results.filter((result) => result.id.startsWith(`${profile}.`));
    if (results.some((result) => result.status !== 'skipped')) checked.push(profile);
    else if (results.length === 0) notChecked.push({ profile, why: 'not selected' });
    else if (results.every((result) => result.status === 'skipped' && result.message.startsWith(`profile ${profile} not checked`))) notChecked.push({ profile, why: `the adapter has no ${PROFILES[profile].operation}()` });
    else notChecked.push({ profile, why: 'every invariant skipped' });
  }
  return { checked, notChecked };
}

/** "channel, override" with their titles, for the verdict line. */
const names = (profiles: readonly ProfileName[]) => profiles.map((profile) => PROFILES[profile].title.replace(/^The /, 'the ')).join(', ');

/** The profiles part of the verdict: what was checked, and what was not (and why). */
export function profilesSentence(coverage: ProfileCoverage): string {
  const checked = coverage.checked.length === 0 ? 'no clone profile checked' : `checked: ${names(coverage.checked)}`;
  const missing = coverage.notChecked.map(({ profile, why }) => `${names([profile])} (${why})`).join(', ');
  return coverage.notChecked.length === 0 ? `${checked}` : `${checked}; not checked: ${missing}`;
}

/**
 * The verdict, in words: "Conformant" only when no MUST invariant failed and the gate passes (exit
 * 0), always naming the profiles checked and not checked. `tone` picks the colour.
 */
export function verdictLine(report: RunReport, verdict: Verdict): { readonly text: string; readonly tone: 'good' | 'bad' | 'warn' } {
  const profiles = profilesSentence(profileCoverage(report));
  // Invariants that apply to the adapter, but whose cases it gave nothing to see (a state place its
  // view never shows): a "Conformant" that does not name them would read as if they had passed.
  const uncheckable = report.results.filter((result) => result.status === 'skipped' && result.message.startsWith(NOT_CHECKABLE)).map((result) => result.id);
  if (report.conformant && verdict.exitCode === 0 && uncheckable.length > 0) {
    return { text: `Conformant (${profiles}), except what could not be checked: ${uncheckable.join(', ')} (see above).`, tone: 'warn' };
  }
  if (report.conformant && verdict.exitCode === 0) return { text: `Conformant (${profiles}).`, tone: 'good' };
  if (report.conformant) return { text: `No MUST invariant failed (${profiles}), but the gate fails: see above.`, tone: 'bad' };
  return { text: `Not conformant (${profiles}).`, tone: verdict.exitCode === 0 ? 'warn' : 'bad' };
}
