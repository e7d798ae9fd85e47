import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../spec/invariants/catalogue.ts';
import { addedAfter, checkSpecPin, compareSpecVersions, SPEC_VERSION, SPEC_VERSIONS } from '../spec/version.ts';
import { formatGithubActions } from '../src/report/github-actions.ts';
import { formatGithubSummary } from '../src/report/github-summary.ts';
import { formatHuman } from '../src/report/human.ts';
import { formatJson } from '../src/report/json.ts';
import { formatJunit } from '../src/report/junit.ts';
import { buildReport, type InvariantResult } from '../src/report/model.ts';
import { verdict } from '../src/report/verdict.ts';
import { ROOT, runMain } from './support/cli.ts';

// Today every invariant is from 1.0: the policy is exercised on the catalogue plus fake later ones.
const LATER = 'channel.tools.renewed-later';
const LATEST = 'channel.locks.later-still';
const FAKE_CATALOGUE = [...CATALOGUE.map(({ id, since }) => ({ id, ...(since === undefined ? {} : { since }) })), { id: LATER, since: '1.1' }, { id: LATEST, since: '1.2' }];

const failed = (id: string, level: 'MUST' | 'SHOULD' = 'MUST'): InvariantResult => ({
  id, level, status: 'failed', rule: `the rule of ${id}`, message: `observed ${id} broke; required it not to`, observed: `${id} broke`, required: 'it not to',
  counterexample: '{"config":{}}', path: '0:1', shrunk: true, replay: `npx clone-conformance a.ts --seed 1 --only ${id} --path 0:1`,
});
const passed = (id: string): InvariantResult => ({ id, level: 'MUST', status: 'passed', runs: 100 });

describe('--spec VERSION: which versions a run may be pinned to', () => {
  it('takes the current version, and the older minor versions published under its major version', () => {
    expect(checkSpecPin(SPEC_VERSION)).toEqual({ ok: true, version: SPEC_VERSION });
    expect(checkSpecPin('1.1', '1.2', ['1.0', '1.1', '1.2'])).toEqual({ ok: true, version: '1.1' });
    expect(checkSpecPin('1.0', '1.2', ['1.0', '1.1', '1.2'])).toEqual({ ok: true, version: '1.0' });
  });

  it.each([
    ['2.0', /^--spec 2\.0: this suite implements specification 1\.2, and it can be pinned to 1\.0, 1\.1, 1\.2; another major version/],
    ['0.9', /^--spec 0\.9: this suite implements specification 1\.2/],
    ['1.3', /^--spec 1\.3 is newer than this suite's specification 1\.2 .*upgrade clone-conformance/],
    ['1.5', /is newer than/],
    ['abc', /^--spec takes a specification version MAJOR\.MINOR, e\.g\. 1\.2; got "abc"/],
    ['1', /MAJOR\.MINOR/],
    ['1.0.0', /MAJOR\.MINOR/],
    ['1.01', /MAJOR\.MINOR/],
    ['', /MAJOR\.MINOR/],
  ])('refuses %j', (text, message) => {
    const check = checkSpecPin(text, '1.2', ['1.0', '1.1', '1.2']);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toMatch(message);
  });

  it('refuses a version of the current major version that was never published', () => {
    expect(checkSpecPin('1.1', '1.2', ['1.0', '1.2'])).toMatchObject({ ok: false, reason: expect.stringMatching(/^--spec 1\.1 is no published specification version/) });
  });

  it('compares versions as numbers, not as text', () => {
    expect(compareSpecVersions('1.10', '1.9')).toBeGreaterThan(0);
    expect(compareSpecVersions('1.0', '1.0')).toBe(0);
    expect(compareSpecVersions('1.2', '2.0')).toBeLessThan(0);
  });
});

describe('the policy: an invariant added after the pinned version runs, is reported, and does not gate', () => {
  it('addedAfter names the invariants newer than the pin, with the version that added each', () => {
    expect([...addedAfter('1.0', FAKE_CATALOGUE)]).toEqual([[LATER, '1.1'], [LATEST, '1.2']]);
    expect([...addedAfter('1.1', FAKE_CATALOGUE)]).toEqual([[LATEST, '1.2']]);
    expect([...addedAfter('1.2', FAKE_CATALOGUE)]).toEqual([]);
    expect([...addedAfter(SPEC_VERSION, CATALOGUE)]).toEqual([]);
  });

  const report = buildReport('demo', 1, 100, [passed('channel.identity'), failed(LATER), passed(LATEST)]);
  const pinned = (version: string) => ({ version, newer: addedAfter(version, FAKE_CATALOGUE) });

  it("a newer invariant's failure fails an unpinned run and one pinned to its version, not one pinned before it", () => {
    expect(verdict(report, { strict: false }).exitCode).toBe(1);
    expect(verdict(report, { strict: false, pin: pinned('1.2') })).toMatchObject({ exitCode: 1, newFailures: [LATER], notGating: [] });
    expect(verdict(report, { strict: false, pin: pinned('1.0') })).toMatchObject({ exitCode: 0, newFailures: [], notGating: [{ id: LATER, since: '1.1' }], pinned: '1.0' });
    expect(verdict(report, { strict: true, pin: pinned('1.0') }).exitCode).toBe(0);
  });

  it('an older invariant still gates under the pin; a baseline entry for a newer one makes it expected', () => {
    const both = buildReport('demo', 1, 100, [failed('channel.identity'), failed(LATER)]);
    expect(verdict(both, { strict: false, pin: pinned('1.0') })).toMatchObject({ exitCode: 1, newFailures: ['channel.identity'], notGating: [{ id: LATER, since: '1.1' }] });
    expect(verdict(both, { strict: false, pin: pinned('1.0'), baseline: { expectedFailures: ['channel.identity', LATER] } })).toMatchObject({ exitCode: 0, expectedFailures: ['channel.identity', LATER], notGating: [] });
  });

  it('every reporter says so, as it shows an expected failure', () => {
    const outcome = verdict(report, { strict: false, pin: pinned('1.0') });
    const reason = 'added in spec 1.1, not gating under --spec 1.0';
    const human = formatHuman(report, outcome, { color: false });
    expect(human).toContain(`  ✗ ${LATER} (${reason})`);
    expect(human).toContain(`1) ${LATER} [MUST, ${reason}]`);
    expect(human).toContain(`Not gating under --spec 1.0 (added in a later specification): ${LATER} (added in spec 1.1)`);
    expect(human).toContain('Gate passes: every failure is expected by the baseline, tolerated, or added after specification 1.0 (--spec).');
    const json = JSON.parse(formatJson(report, outcome));
    expect(json.results.find((result: { id: string }) => result.id === LATER)).toMatchObject({ status: 'failed', notGating: true, since: '1.1' });
    expect(json.results.find((result: { id: string }) => result.id === LATEST)).not.toHaveProperty('notGating');
    expect(json.notGating).toEqual([{ id: LATER, since: '1.1' }]);
    const junit = formatJunit(report, outcome);
    expect(junit).toContain(`<skipped message="${reason}: observed ${LATER} broke; required it not to"/>`);
    expect(junit).toMatch(/<testsuite name="[^"]+" tests="3" failures="0" errors="0" skipped="1"/);
    expect(formatGithubActions(report, outcome)).toMatch(new RegExp(`^::warning title=clone-conformance ${LATER} \\(${reason.replace(/,/g, '%2C')}\\)::`));
    expect(formatGithubSummary(report, outcome)).toContain(`| \`${LATER}\` | MUST | failed (${reason}) |`);
  });
});

describe('the command: --spec', () => {
  const args = ['--only', 'channel.identity,channel.tools.new-list', '--runs', '10', '--seed', '3', '--reporter', 'json'];

  it(`--spec ${SPEC_VERSION} is accepted: the same results, and the JSON report names the pin`, async () => {
    const plain = await runMain(args);
    const pinnedRun = await runMain([...args, '--spec', SPEC_VERSION]);
    expect(pinnedRun.code).toBe(0);
    const { versions, ...rest } = JSON.parse(pinnedRun.stdout);
    const { versions: plainVersions, ...plainRest } = JSON.parse(plain.stdout);
    expect(versions).toEqual({ ...plainVersions, pinned: SPEC_VERSION });
    expect(rest).toEqual(plainRest);
    const human = await runMain(['--only', 'channel.identity', '--runs', '5', '--seed', '3', '--spec', SPEC_VERSION]);
    expect(human.stdout.split('\n')[1]).toMatch(new RegExp(`, specification ${SPEC_VERSION} \\(run pinned to specification ${SPEC_VERSION} by --spec\\)$`));
  });

  it('pinned to the current version, every invariant still gates: a defect fails the run', async () => {
    const { code, stdout } = await runMain(['fixtures/defective/shallow-agent-copy.ts', '--only', 'channel.tools.new-list', '--runs', '10', '--seed', '3', '--reporter', 'json', '--spec', SPEC_VERSION]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).results[0]).toMatchObject({ id: 'channel.tools.new-list', status: 'failed' });
    expect(JSON.parse(stdout).results[0]).not.toHaveProperty('notGating');
  });

  it.each([
    ['2.0', '--spec 2.0: this suite implements specification'],
    ['1.9', '--spec 1.9 is newer than this suite'],
    ['one', '--spec takes a specification version MAJOR.MINOR'],
    ['1.0.1', '--spec takes a specification version MAJOR.MINOR'],
  ])('--spec %s is a usage error (exit 2) before anything runs', async (value, message) => {
    const { code, stdout, stderr } = await runMain(['--only', 'channel.identity', '--runs', '2', '--spec', value]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`clone-conformance: ${message}`);
  });
});

describe('the catalogue and the documents agree on versions', () => {
  it("every invariant's since is a published version, none newer than the suite's", () => {
    for (const invariant of CATALOGUE) {
      const since = invariant.since ?? '1.0';
      expect(SPEC_VERSIONS, invariant.id).toContain(since);
      expect(compareSpecVersions(since, SPEC_VERSION), invariant.id).toBeLessThanOrEqual(0);
    }
    expect(SPEC_VERSIONS.at(-1)).toBe(SPEC_VERSION);
  });

  it('CHANGELOG.md has a section per published version, and states the --spec policy as enforced', () => {
    const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
    for (const version of SPEC_VERSIONS) expect(changelog).toContain(`## Specification ${version}`);
    expect(changelog).not.toContain('Planned, not yet enforced');
    expect(changelog).toContain('`--spec VERSION`');
    expect(readFileSync(join(ROOT, 'spec/SPEC.md'), 'utf8')).toContain('## Versions, new and renamed invariants');
  });
});
