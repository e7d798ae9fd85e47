import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatGithubSummary } from '../src/report/github-summary.ts';
import { formatJunit } from '../src/report/junit.ts';
import { buildReport, type InvariantResult } from '../src/report/model.ts';
import { verdict } from '../src/report/verdict.ts';
import { runMain } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'clone-conformance-reporters-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Every character XML 1.0 forbids, a lone surrogate of each kind, a pair, markup, and line breaks.
const NASTY = 'a\u0000b\u0001c\u000bd\u001fe\ufffef\uffffg\ud800h\udc00i 😀 <&"\'> line one\nline two\r\nend\ttab';

const failure = (id: string, message: string, durationMs?: number): InvariantResult => ({
  id, level: 'MUST', status: 'failed', rule: 'a rule', message, counterexample: message, path: '0', shrunk: true,
  replay: `npx clone-conformance a.ts --seed 1 --only ${id}`, ...(durationMs === undefined ? {} : { durationMs }),
});

/** Parses XML with a strict parser (Python's expat): throws on anything not well formed. */
function parseXml(xml: string): { failureMessage: string; times: string[] } {
  const file = join(dir, `parse-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const script = `import json, sys, xml.dom.minidom as m
d = m.parse(sys.argv[1])
print(json.dumps({"failureMessage": d.getElementsByTagName("failure")[0].getAttribute("message"), "times": [t.getAttribute("time") for t in d.getElementsByTagName("testcase")]}))`;
  const run = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`not well-formed XML: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

describe('JUnit XML', () => {
  it('stays well formed for any message: forbidden characters made visible, markup escaped, newlines kept in attributes', () => {
    const report = buildReport('adapter <&>', 1, 10, [failure('channel.identity', NASTY, 1234), { id: 'channel.features', level: 'MUST', status: 'skipped', message: NASTY }]);
    const xml = formatJunit(report, verdict(report, { strict: false }));
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(xml).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(xml).toContain('😀');
    expect(xml).toContain('message="a\\u0000b\\u0001c\\u000bd\\u001fe\\ufffef\\uffffg\\ud800h\\udc00i 😀 &lt;&amp;&quot;&apos;&gt; line one&#10;line two&#13;&#10;end&#9;tab"');
    const parsed = parseXml(xml);
    expect(parsed.failureMessage).toBe('a\\u0000b\\u0001c\\u000bd\\u001fe\\ufffef\\uffffg\\ud800h\\udc00i 😀 <&"\'> line one\nline two\r\nend\ttab');
    expect(parsed.times).toEqual(['1.234', '0.000']);
  });

  it('gives every testcase its time, measured per invariant, and the suite the total', async () => {
    const file = join(dir, 'timed.xml');
    const { code } = await runMain(['--seed', '1', '--runs', '20', '--only', 'channel.identity,channel.sequences', '--reporter', 'junit', '--output', file]);
    expect(code).toBe(0);
    const xml = readFileSync(file, 'utf8');
    const times = [...xml.matchAll(/<testcase [^>]*time="(\d+\.\d{3})"/g)].map((match) => Number(match[1]));
    expect(times).toHaveLength(2);
    // A sequence of model-based steps takes longer than one identity check; both took some time.
    expect(times[1]).toBeGreaterThan(0);
    const suite = Number(/<testsuite [^>]*time="(\d+\.\d{3})"/.exec(xml)![1]);
    expect(suite).toBeCloseTo(times[0]! + times[1]!, 2);
    expect(parseXml(xml.replace('</testcase>', '<failure message="x"/></testcase>')).times).toHaveLength(2);
  });

  it('keeps timings out of the JSON report, which stays identical for a seed', async () => {
    const args = ['--seed', '1', '--runs', '5', '--only', 'channel.identity', '--reporter', 'json'];
    const first = await runMain(args);
    expect(first.stdout).not.toContain('durationMs');
    expect((await runMain(args)).stdout).toBe(first.stdout);
  });
});

describe('GitHub Actions job summary', () => {
  it('appends a Markdown summary to $GITHUB_STEP_SUMMARY: the verdict, counts, and a row per invariant that did not pass', async () => {
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, 'earlier step\n');
    const { code, stdout } = await runMain(['fixtures/defective/falsy-execution-defaults.ts', '--only', 'channel.identity,channel.execution', '--seed', '4', '--reporter', 'github-actions'], undefined, { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^::error file=fixtures\/defective\/falsy-execution-defaults\.ts,title=clone-conformance channel.execution::/);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('earlier step\n### clone-conformance: ')).toBe(true);
    expect(text).toContain('**❌ Not conformant** — 1 passed, 1 failed, 0 skipped (seed 4, 100 runs per invariant)');
    expect(text).toContain('| invariant | level | outcome | details |');
    expect(text).toMatch(/\| `channel.execution` \| MUST \| failed \| observed .+ replay: `npx clone-conformance fixtures\/defective\/falsy-execution-defaults.ts --seed 4 --only channel.execution --path [\d:]+` \|\n/);
    expect(text).not.toContain('channel.identity`');
  });

  it('writes no summary without GITHUB_STEP_SUMMARY, nor for other reporters', async () => {
    const summary = join(dir, 'untouched.md');
    writeFileSync(summary, '');
    await runMain(['--only', 'channel.identity', '--runs', '2', '--reporter', 'human'], undefined, { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, 'utf8')).toBe('');
  });

  it('keeps each row on one line with pipes escaped', () => {
    const report = buildReport('x', 1, 10, [failure('channel.identity', 'a | b\nc')]);
    const text = formatGithubSummary(report, verdict(report, { strict: false }));
    expect(text).toContain('| `channel.identity` | MUST | failed | a \\| b c — replay: `npx clone-conformance a.ts --seed 1 --only channel.identity` |');
  });
});
