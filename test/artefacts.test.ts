import { describe, expect, it } from 'vitest';
import { runMain } from './support/cli.ts';

// Failures that would be artefacts of the suite, not defects of the code under test: each case
// here is correct code that the suite once failed.

interface JsonResult {
  readonly id: string;
  readonly status: string;
  readonly message?: string;
  readonly checked?: number;
  readonly discarded?: number;
}

const json = async (...argv: string[]) => {
  const outcome = await runMain([...argv, '--seed', '7', '--runs', '30', '--reporter', 'json']);
  const report = outcome.stdout === '' ? undefined : (JSON.parse(outcome.stdout) as { results: JsonResult[] });
  return { ...outcome, report };
};
const statuses = (results: readonly JsonResult[]) => results.map((result) => [result.id, result.status, result.message ?? '']);

const SOURCE_UNCHANGED = 'channel.source-unchanged,override.source-unchanged,deepcopy.source-unchanged';

describe('a view that builds a field afresh on each call', () => {
  it.each(['view-rebuilds-features', 'unmapped-features-rebuilt'])('fails no profile\'s source-unchanged (%s)', async (name) => {
    const { code, report } = await json(`fixtures/artefacts/${name}.ts`, '--only', SOURCE_UNCHANGED);
    expect(statuses(report!.results)).toEqual([
      ['channel.source-unchanged', 'passed', ''],
      ['override.source-unchanged', 'passed', ''],
      ['deepcopy.source-unchanged', 'passed', ''],
    ]);
    expect(code).toBe(0);
  });
});

describe('a RejectedConfig thrown by build()', () => {
  it.each([
    ['in-process', ['fixtures/artefacts/build-rejects.ts']],
    ['over the protocol', ['--command', 'node --import tsx fixtures/process/serve.mts fixtures/artefacts/build-rejects.ts']],
  ])('discards the case %s', async (_transport, adapter) => {
    const { code, report } = await json(...adapter, '--only', 'agent.config-held,channel.features');
    expect(report!.results.map((result) => result.status)).toEqual(['passed', 'passed']);
    expect(report!.results.every((result) => (result.discarded ?? 0) > 0)).toBe(true);
    expect(code).toBe(0);
  });
});

describe('a view that copies lists', () => {
  it.each([
    ['an in-process adapter', ['fixtures/broken/view-returns-copies.ts']],
    ['an adapter process', ['--command', 'node --import tsx fixtures/process/serve.mts fixtures/broken/view-returns-copies.ts']],
  ])('stops %s before the run, naming the field (exit 2)', async (_who, adapter) => {
    const { code, stdout, stderr } = await runMain([...adapter, '--seed', '7']);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/view\(\) returns a new tools( and handoffs)? list on each call/);
    expect(code).toBe(2);
  });

  it('lets a view that rebuilds a dict (not a list) run', async () => {
    const { code } = await json('fixtures/artefacts/view-rebuilds-features.ts', '--only', 'channel.tools.new-list');
    expect(code).toBe(0);
  });
});

describe('a framework holding "no handoffs" as an empty list', () => {
  it('passes every rule on handoffs when its clones hold an empty list of their own', async () => {
    const { code, report } = await json('fixtures/artefacts/handoffs-none-as-empty-list.ts', '--only', 'agent.config-held,channel.handoffs.reset,channel.clone-of-clone,channel.sequences');
    expect(report!.results.map((result) => [result.id, result.status])).toEqual([
      ['agent.config-held', 'passed'],
      ['channel.handoffs.reset', 'passed'],
      ['channel.clone-of-clone', 'passed'],
      ['channel.sequences', 'passed'],
    ]);
    expect(code).toBe(0);
  });
});

describe('an override clone keeping an equal copy where the rule is identity', () => {
  it('is told that the same object was required, not shown two equal values', async () => {
    const { report } = await json('fixtures/defective/override-copies-kept-objects.ts', '--only', 'override.retained');
    expect(report!.results[0]!.status).toBe('failed');
    expect(report!.results[0]!.message).toMatch(/an equal copy of the source's (llm|auth) object; required the same object required, got an equal copy/);
  });
});

describe('an invariant that compares nothing on a framework', () => {
  it('is reported not applicable, never passed (no runtime objects)', async () => {
    const { report } = await json('fixtures/artefacts/no-runtime-objects.ts', '--only', 'override.applied,override.runtime-fresh,deepcopy.runtime-fresh');
    const results = report!.results as (JsonResult & { notApplicable?: boolean })[];
    expect(results.map((result) => [result.id, result.status, result.notApplicable ?? false])).toEqual([
      ['override.applied', 'passed', false],
      ['override.runtime-fresh', 'skipped', true],
      ['deepcopy.runtime-fresh', 'skipped', true],
    ]);
    expect(results[1]!.message).toBe('not applicable: the agents hold no interrupt controller and no locks: there is no runtime state to renew');
    const human = await runMain(['fixtures/artefacts/no-runtime-objects.ts', '--seed', '7', '--runs', '30', '--only', 'override.runtime-fresh']);
    expect(human.stdout).toContain('  - override.runtime-fresh not applicable: the agents hold no interrupt controller');
    expect(human.stdout).not.toContain('✓ override.runtime-fresh');
  });

  // A framework whose agents hold no controller (BeeAI, the OpenAI SDK: a run is stopped through a
  // signal of its own) is not failed for it; a clone that drops a controller its source has still
  // fails (fixtures/defective/no-interrupt-controller.ts).
  it('the channel clone: no controller and no locks on any agent is not applicable, not a failure', async () => {
    const { report } = await json('fixtures/artefacts/no-runtime-objects.ts', '--only', 'channel.controller.fresh,channel.locks.fresh', '--runs', '30');
    expect(report!.results.map((result) => [result.id, result.status, result.message])).toEqual([
      ['channel.controller.fresh', 'skipped', 'not applicable: the agents hold no interrupt controller and no runtime object in a framework field: a run is stopped some other way, and there is nothing to renew'],
      ['channel.locks.fresh', 'skipped', 'not applicable: the agents hold no locks: there are none to renew'],
    ]);
  });

  it('is reported not applicable when no source ever held handoffs', async () => {
    const { report } = await json('fixtures/artefacts/no-runtime-objects.ts', '--only', 'channel.handoffs.reset', '--runs', '5');
    expect(report!.results.map((result) => result.status)).toEqual(['passed']);
    const accepts = await json('fixtures/artefacts/never-handoffs.ts', '--only', 'channel.handoffs.reset');
    expect(accepts.report!.results.map((result) => [result.status, result.message])).toEqual([['skipped', 'not applicable: no source held handoffs in any case: there were none to reset']]);
  });
});
