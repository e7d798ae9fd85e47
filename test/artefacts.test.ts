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
