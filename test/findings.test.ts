import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { groupFindings, violatedPath } from '../src/report/findings.ts';
import { formatHuman } from '../src/report/human.ts';
import { formatJson } from '../src/report/json.ts';
import { formatJunit } from '../src/report/junit.ts';
import { formatGithubActions } from '../src/report/github-actions.ts';
import { buildReport, type InvariantResult } from '../src/report/model.ts';
import { verdict } from '../src/report/verdict.ts';
import { ROOT, runMain } from './support/cli.ts';

const failed = (id: string, observed: string | undefined, extra: Partial<InvariantResult> = {}): InvariantResult => ({
  id,
  level: 'MUST',
  status: 'failed',
  rule: `the rule of ${id}`,
  message: observed === undefined ? 'deepCopy() threw TypeError: cannot pickle \'_thread.RLock\' object' : `observed ${observed}; required something else`,
  ...(observed === undefined ? {} : { observed, required: 'something else' }),
  counterexample: '{"config":{"name":"agent","tools":[]}}',
  path: '0:1',
  shrunk: true,
  replay: `npx clone-conformance --command 'python3 adapter.py' --seed 1 --only ${id} --path 0:1`,
  ...extra,
}) as InvariantResult;

const passed = (id: string): InvariantResult => ({ id, level: 'MUST', status: 'passed', runs: 100 });

/** PraisonAI's shape: a copy error under six deepcopy invariants, a missing controller under four, a dropped feature alone. */
const RESULTS: InvariantResult[] = [
  passed('agent.config-held'),
  failed('channel.features', 'clone.features has no "sandbox"'),
  failed('channel.controller.fresh', 'clone.interruptController = None'),
  failed('channel.controller.isolated', 'interrupt(clone) left the clone not interrupted'),
  failed('channel.clone-of-clone', 'clone of a clone, against its parent (channel.controller.fresh): clone.interruptController = None'),
  failed('channel.sequences', 'at step 2 (clone A -> B): (channel.controller.fresh) B against its parent A: clone.interruptController = None'),
  ...['deepcopy.distinct-agent', 'deepcopy.config-equal', 'deepcopy.tools', 'deepcopy.no-shared-state', 'deepcopy.runtime-fresh', 'deepcopy.source-unchanged'].map((id) => failed(id, undefined)),
];

describe('findings: failures grouped by cause', () => {
  it('gives one finding per cause, the root first and the failures that follow from it under it', () => {
    const findings = groupFindings(RESULTS);
    expect(findings.map((finding) => [finding.root, finding.invariants])).toEqual([
      ['channel.features', ['channel.features']],
      ['channel.controller.fresh', ['channel.controller.fresh', 'channel.controller.isolated', 'channel.clone-of-clone', 'channel.sequences']],
      ['deepcopy.distinct-agent', ['deepcopy.distinct-agent', 'deepcopy.config-equal', 'deepcopy.tools', 'deepcopy.no-shared-state', 'deepcopy.runtime-fresh', 'deepcopy.source-unchanged']],
    ]);
    expect(findings.map((finding) => finding.fingerprint)).toEqual(findings.map((finding) => expect.stringMatching(/^[0-9a-f]{8}$/) as unknown as string));
    expect(new Set(findings.map((finding) => finding.fingerprint)).size).toBe(3);
  });

  it('fingerprints the violated rule and path: another path under the same invariant is another finding', () => {
    const [sandbox] = groupFindings([failed('channel.features', 'clone.features has no "sandbox"')]);
    const [memory] = groupFindings([failed('channel.features', 'clone.features has no "memory"')]);
    const [again] = groupFindings([failed('channel.features', 'clone.features has no "sandbox"', { counterexample: '{"other":1}' })]);
    expect(sandbox!.fingerprint).not.toBe(memory!.fingerprint);
    expect(again!.fingerprint).toBe(sandbox!.fingerprint);
    expect(violatedPath('clone.features.memory.limit = 3')).toBe('.features.memory.limit');
    expect(violatedPath('copy.tools[2] = [Function f], another object')).toBe('.tools[]');
  });

  it('does not put a failure under an invariant that passed', () => {
    const findings = groupFindings([passed('channel.controller.fresh'), failed('channel.controller.isolated', 'interrupt(clone) left the clone not interrupted')]);
    expect(findings.map((finding) => finding.root)).toEqual(['channel.controller.isolated']);
  });
});

const report = buildReport('praisonai (python3 adapter.py)', 1, 100, RESULTS);

describe('reports show findings', () => {
  it('the human report: each finding once, in full, with what follows from it', () => {
    expect(formatHuman(report, verdict(report, { strict: false }), { color: false }).split('\n\n').slice(4).join('\n\n')).toMatchInlineSnapshot(`
      "Findings: 3 causes for 11 failures

      1) channel.features [MUST]
         Rule:      the rule of channel.features
         Observed:  clone.features has no "sandbox"
         Required:  something else
         Counterexample (shrunk):
           {"config":{"name":"agent","tools":[]}}
         Replay:    npx clone-conformance --command 'python3 adapter.py' --seed 1 --only channel.features --path 0:1
         Finding:   223599ec

      2) channel.controller.fresh [MUST]
         Rule:      the rule of channel.controller.fresh
         Observed:  clone.interruptController = None
         Required:  something else
         Counterexample (shrunk):
           {"config":{"name":"agent","tools":[]}}
         Replay:    npx clone-conformance --command 'python3 adapter.py' --seed 1 --only channel.controller.fresh --path 0:1
         Finding:   3a2c7af4 (explains 4 failures)
         Follow from it:
           - channel.controller.isolated: interrupt(clone) left the clone not interrupted
           - channel.clone-of-clone: clone of a clone, against its parent (channel.controller.fresh): clone.interruptController = None
           - channel.sequences: at step 2 (clone A -> B): (channel.controller.fresh) B against its parent A: clone.interruptController = None

      3) deepcopy.distinct-agent [MUST]
         Rule:      the rule of deepcopy.distinct-agent
         Error:     deepCopy() threw TypeError: cannot pickle '_thread.RLock' object
         Counterexample (shrunk):
           {"config":{"name":"agent","tools":[]}}
         Replay:    npx clone-conformance --command 'python3 adapter.py' --seed 1 --only deepcopy.distinct-agent --path 0:1
         Finding:   2b3114a4 (explains 6 failures)
         Same error, so also failed: deepcopy.config-equal, deepcopy.tools, deepcopy.no-shared-state, deepcopy.runtime-fresh, deepcopy.source-unchanged

      Summary: 1 passed, 11 failed, 0 skipped
      Not conformant (checked: the channel clone, the deep copy; not checked: the override clone (not selected)).
      "
    `);
  });

  it('JSON keeps one result per invariant, each naming its finding; findings listed', () => {
    const json = JSON.parse(formatJson(report, verdict(report, { strict: false }))) as {
      results: { id: string; finding?: string; followsFrom?: string }[];
      findings: { fingerprint: string; root: string; invariants: string[]; cause: string }[];
    };
    expect(json.results).toHaveLength(RESULTS.length);
    expect(json.findings).toHaveLength(3);
    const isolated = json.results.find((result) => result.id === 'channel.controller.isolated')!;
    expect(isolated.followsFrom).toBe('channel.controller.fresh');
    expect(isolated.finding).toBe(json.findings[1]!.fingerprint);
    expect(json.results.find((result) => result.id === 'channel.controller.fresh')!.followsFrom).toBeUndefined();
    expect(json.findings[2]!.cause).toBe("deepCopy() threw TypeError: cannot pickle '_thread.RLock' object");
  });

  it('JUnit keeps one testcase per invariant and says which failure follows from which', () => {
    const xml = formatJunit(report, verdict(report, { strict: false }));
    expect(xml.match(/<testcase /g)).toHaveLength(RESULTS.length);
    expect(xml).toContain('<failure message="follows from channel.controller.fresh (finding ');
  });

  it('GitHub annotations: one per finding', () => {
    const lines = formatGithubActions(report, verdict(report, { strict: false })).trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^::error title=clone-conformance channel\.controller\.fresh and 3 more::/);
  });
});

const dir = mkdtempSync(join(tmpdir(), 'clone-conformance-findings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('baselines that pin a finding', () => {
  const adapter = `${ROOT}fixtures/defective/praisonai-port.ts`;
  const run = (...argv: string[]) => runMain([adapter, '--seed', '20261121', '--runs', '20', ...argv], dir);

  it('--write-expect pins each failure\'s finding, and the run against it passes the gate', async () => {
    const written = await run('--write-expect', 'baseline.json', '--reporter', 'json');
    const baseline = JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')) as { expectedFailures: { id: string; finding: string }[] };
    expect(baseline.expectedFailures.map((entry) => entry.id)).toEqual(['channel.features', 'channel.controller.fresh', 'channel.controller.isolated', 'channel.clone-of-clone', 'channel.sequences']);
    expect(baseline.expectedFailures.every((entry) => /^[0-9a-f]{8}$/.test(entry.finding))).toBe(true);
    expect(written.code).toBe(0);
    expect((await run('--expect', 'baseline.json')).code).toBe(0);
  });

  it('a failure whose reason is not the pinned one fails the gate, saying so', async () => {
    writeFileSync(join(dir, 'pinned.json'), JSON.stringify({ expectedFailures: ['channel.controller.fresh', 'channel.controller.isolated', 'channel.clone-of-clone', 'channel.sequences', { id: 'channel.features', finding: '00000000' }] }));
    const human = await run('--expect', 'pinned.json');
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/Failure for another reason than the baseline pins: channel\.features fails with finding [0-9a-f]{8} \(clone\.features has no "\w+"\); the baseline pins 00000000, which is gone/);
    expect(human.stdout).not.toMatch(/^Conformant/m);
    const json = JSON.parse((await run('--expect', 'pinned.json', '--reporter', 'json')).stdout) as { gate: { newFailures: string[]; changedReason: { id: string; pinned: string }[] } };
    expect(json.gate.newFailures).toEqual(['channel.features']);
    expect(json.gate.changedReason.map((entry) => [entry.id, entry.pinned])).toEqual([['channel.features', '00000000']]);
  });

  it('an old baseline of ids alone keeps working: any reason is expected', async () => {
    writeFileSync(join(dir, 'ids.json'), JSON.stringify({ expectedFailures: ['channel.features', 'channel.controller.fresh', 'channel.controller.isolated', 'channel.clone-of-clone', 'channel.sequences'] }));
    expect((await run('--expect', 'ids.json')).code).toBe(0);
  });
});
