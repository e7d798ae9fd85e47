import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatGithubActions } from '../src/report/github-actions.ts';
import { formatHuman } from '../src/report/human.ts';
import { formatJunit } from '../src/report/junit.ts';
import { buildReport, type InvariantResult } from '../src/report/model.ts';
import { verdict } from '../src/report/verdict.ts';
import { runMain } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'clone-conformance-gate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, name);

// A fixture failing exactly channel.execution (it loses falsy execution settings).
const FALSY = 'fixtures/defective/falsy-execution-defaults.ts';
const ONLY = ['--only', 'channel.identity,channel.execution', '--seed', '4'];

const failed = (id: string, level: 'MUST' | 'SHOULD', message = `observed ${id} broke; required it not to`): InvariantResult => ({
  id, level, status: 'failed', rule: `the rule of ${id}`, message, observed: `${id} broke`, required: 'it not to',
  counterexample: '{"config":{}}', path: '0:1', shrunk: true, replay: `npx clone-conformance a.ts --seed 1 --only ${id} --path 0:1`,
});
const passed = (id: string): InvariantResult => ({ id, level: 'MUST', status: 'passed', runs: 100 });

describe('verdict: levels, strictness and baselines', () => {
  const report = buildReport('demo', 1, 100, [passed('channel.identity'), failed('channel.features', 'MUST'), failed('demo.should', 'SHOULD')]);

  it('fails on a MUST failure; a SHOULD failure counts only with --strict', () => {
    expect(verdict(report, { strict: false })).toMatchObject({ exitCode: 1, newFailures: ['channel.features'], tolerated: ['demo.should'] });
    const onlyShould = buildReport('demo', 1, 100, [passed('channel.identity'), failed('demo.should', 'SHOULD')]);
    expect(verdict(onlyShould, { strict: false }).exitCode).toBe(0);
    expect(verdict(onlyShould, { strict: true })).toMatchObject({ exitCode: 1, newFailures: ['demo.should'], tolerated: [] });
  });

  it('passes when exactly the expected failures fail; fails on a stale entry', () => {
    expect(verdict(report, { strict: false, baseline: { expectedFailures: ['channel.features'] } })).toMatchObject({ exitCode: 0, expectedFailures: ['channel.features'], stale: [] });
    expect(verdict(report, { strict: false, baseline: { expectedFailures: ['channel.features', 'channel.identity'] } })).toMatchObject({ exitCode: 1, stale: ['channel.identity'] });
  });

  it('JUnit: one testcase per invariant named by id, never by seed; expected failures skipped', () => {
    const xml = formatJunit(report, verdict(report, { strict: false, baseline: { expectedFailures: ['channel.features'] } }));
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml).toContain('<testcase classname="channel" name="channel.identity" time="0.000"></testcase>');
    expect(xml).toContain('<skipped message="expected failure (baseline): observed channel.features broke; required it not to"/>');
    expect(xml).toContain('<skipped message="SHOULD failure, not counted without --strict: ');
    expect(xml).toContain('<property name="seed" value="1"/>');
    expect(xml).not.toMatch(/<testcase [^>]*name="[^"]*seed/);
    expect(xml).toContain('tests="3" failures="0" errors="0" skipped="2"');
  });

  it('GitHub Actions: ::error for counted failures with the replay line, escaped', () => {
    const multiline = buildReport('demo', 1, 100, [failed('channel.features', 'MUST', 'line one\nline two, 100%')]);
    expect(formatGithubActions(multiline, verdict(multiline, { strict: false }))).toBe(
      '::error title=clone-conformance channel.features::line one%0Aline two, 100%25%0AReplay: npx clone-conformance a.ts --seed 1 --only channel.features --path 0:1%0AFinding: 99ff241d\n',
    );
  });

  it('the human report says which failures the baseline expects and which entries are stale', () => {
    const text = formatHuman(report, verdict(report, { strict: false, baseline: { expectedFailures: ['channel.features', 'channel.identity'] } }), { color: false, baselineFile: 'known.json' });
    expect(text).toContain('  ✓ channel.identity (passes, but the baseline expects it to fail: remove it from the baseline)');
    expect(text).toContain('  ✗ channel.features (expected failure)');
    expect(text).toContain('Stale baseline entries (they pass now; remove them from known.json): channel.identity');
  });
});

describe('the command as a CI gate', () => {
  it('writes JUnit XML to --output and human text to stdout', async () => {
    const { code, stdout } = await runMain([FALSY, ...ONLY, '--reporter', 'human', '--reporter', 'junit', '--output', file('out/junit.xml')]);
    expect(code).toBe(1);
    expect(stdout).toContain('✗ channel.execution');
    const xml = readFileSync(file('out/junit.xml'), 'utf8');
    expect(xml).toMatch(/<testcase classname="channel" name="channel.execution" time="\d+\.\d{3}">\n {6}<failure message="observed clone\.toolTimeout/);
    expect(xml).toContain('replay: npx clone-conformance fixtures/defective/falsy-execution-defaults.ts --seed 4 --only channel.execution --path ');
  });

  it('records a baseline, then gates on it: exit 0 while exactly those fail', async () => {
    const baseline = file('baseline.json');
    const recorded = await runMain([FALSY, ...ONLY, '--write-expect', baseline]);
    expect(recorded.code).toBe(0);
    expect(JSON.parse(readFileSync(baseline, 'utf8'))).toEqual({ expectedFailures: [{ id: 'channel.execution', finding: expect.stringMatching(/^[0-9a-f]{8}$/) }] });
    const gated = await runMain([FALSY, ...ONLY, '--expect', baseline, '--reporter', 'json']);
    expect(gated.code).toBe(0);
    const report = JSON.parse(gated.stdout);
    expect(report.conformant).toBe(false);
    expect(report.gate).toEqual({ exitCode: 0, newFailures: [], expectedFailures: ['channel.execution'], stale: [], changedReason: [] });
    expect(report.results[1]).toMatchObject({ id: 'channel.execution', status: 'failed', expectedFailure: true });
  });

  it('exits 1 on a new failure, and on a stale entry with advice to remove it', async () => {
    writeFileSync(file('other.json'), JSON.stringify({ expectedFailures: ['channel.identity'] }));
    const fresh = await runMain([FALSY, ...ONLY, '--expect', file('other.json')]);
    expect(fresh.code).toBe(1);
    expect(fresh.stdout).toContain('remove them from');
    expect(fresh.stdout).toContain('channel.identity');
  });

  it('exits 2 on a baseline naming an unknown id, or not a baseline at all', async () => {
    writeFileSync(file('unknown.json'), JSON.stringify({ expectedFailures: ['channel.nope'] }));
    writeFileSync(file('bad.json'), '[1, 2]');
    const unknown = await runMain([FALSY, '--expect', file('unknown.json')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('lists invariant ids the catalogue does not know: channel.nope');
    const bad = await runMain([FALSY, '--expect', file('bad.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('must be a JSON object { "expectedFailures": [');
  });

  it.each([
    [['--reporter', 'junit'], 'the junit reporter writes to a file'],
    [['--reporter', 'json', '--reporter', 'human'], 'json on standard output must be alone'],
    [['--output', 'x.xml'], '--output names the file of the junit or json reporter'],
    [['--reporter', 'human:x.txt'], 'the human reporter writes to standard output'],
  ])('rejects reporter combinations that cannot work: %j', async (argv, message) => {
    const { code, stderr } = await runMain(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});
