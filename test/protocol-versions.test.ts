import { describe, expect, it } from 'vitest';
import { findInvariant } from '../spec/invariants/catalogue.ts';
import { runInvariant } from '../src/run/run-invariant.ts';
import { processSubject } from '../src/transports/process-subject.ts';
import { withoutStreamedLines } from './support/streamed.ts';
import { ROOT, runMain } from './support/cli.ts';

// Protocol version 2 batches calls, version 3 runs invariants side by side on one process and packs
// values, version 5 sends less of what both sides know; none may change anything but the cost: the
// same seed gives the same report (verdicts, messages, counterexamples, shrinking, replay lines)
// whatever version the adapter speaks.
// The adapter side picks the version here, as an older adapter would: the Python kit through
// CLONE_CONFORMANCE_ADAPTER_PROTOCOL, the TypeScript host through --protocol.
async function report(command: string, ...args: string[]) {
  const { code, stdout, stderr } = await runMain(['--command', command, '--seed', '20261122', '--reporter', 'json', ...args]);
  return { code, stderr: withoutStreamedLines(stderr), report: JSON.parse(stdout) as { adapter: string; results: { status: string; replay?: string }[] } };
}

const python = (version: number, file: string) => `CLONE_CONFORMANCE_ADAPTER_PROTOCOL=${version} python3 ${file}`;

describe('protocol version negotiation', () => {
  it.each([
    ['a version 1 suite', 1, 'python3 fixtures/python/reference_adapter.py', [1]],
    ['a version 1 adapter', 1, python(1, 'fixtures/python/reference_adapter.py'), [1, 2, 3, 4, 5]],
    ['a version 2 suite', 2, 'python3 fixtures/python/reference_adapter.py', [1, 2]],
    ['a version 2 adapter', 2, python(2, 'fixtures/python/reference_adapter.py'), [1, 2, 3, 4, 5]],
    ['a version 3 suite', 3, 'python3 fixtures/python/reference_adapter.py', [1, 2, 3]],
    ['a version 3 adapter', 3, python(3, 'fixtures/python/reference_adapter.py'), [1, 2, 3, 4, 5]],
    ['a version 4 suite', 4, 'python3 fixtures/python/reference_adapter.py', [1, 2, 3, 4]],
    ['a version 4 adapter', 4, python(4, 'fixtures/python/reference_adapter.py'), [1, 2, 3, 4, 5]],
    ['the Python kit', 5, 'python3 fixtures/python/reference_adapter.py', [1, 2, 3, 4, 5]],
    ['a version 1 host', 1, 'node --import tsx fixtures/process/serve.mts --protocol 1', [1, 2, 3, 4]],
    ['a version 2 host', 2, 'node --import tsx fixtures/process/serve.mts --protocol 2', [1, 2, 3, 4]],
    ['a version 3 host', 3, 'node --import tsx fixtures/process/serve.mts --protocol 3', [1, 2, 3, 4]],
    // The host stops at version 4: its tokens are "#1", "#2", ..., which version 5 reserves for the suite's ids.
    ['the TypeScript host', 4, 'node --import tsx fixtures/process/serve.mts', [1, 2, 3, 4, 5]],
  ])('%s: speaks version %i, and batches only from version 2', async (_who, version, command, protocols) => {
    const subject = await processSubject({ command, cwd: ROOT, timeout: 5000, startTimeout: 20_000, protocols });
    try {
      expect(subject.protocol).toBe(version);
      const result = await runInvariant(findInvariant('channel.clone-of-clone')!, subject, { seed: 1, runs: 10 });
      expect(result.status).toBe('passed');
      // hello, then per case: a create batch (one round trip), or create, clone, views one by one
      const perCase = (subject.requests - 1) / 10;
      if (version >= 2) expect(perCase).toBeLessThanOrEqual(3);
      else expect(perCase).toBeGreaterThanOrEqual(6);
    } finally {
      await subject.close();
    }
  });
});

describe('protocol versions 1 to 5 give identical reports (where no function reaches anything)', () => {
  // At 20 runs: every invariant's edge-value schedule (its first ten cases) and ten random cases,
  // four times over (version 1 makes a round trip per call): enough to compare, at half the cost.
  // The replay line holds the command, which names the version: compare reports without it.
  const unversioned = (run: Awaited<ReturnType<typeof report>>) =>
    JSON.parse(JSON.stringify(run).replaceAll(/CLONE_CONFORMANCE_ADAPTER_PROTOCOL=\d /g, '').replaceAll(/ --protocol \d/g, ''));

  it('for the Python reference adapter, every invariant', async () => {
    const [v1, v2, v3, v4, v5] = await Promise.all([1, 2, 3, 4, 5].map((version) => report(python(version, 'fixtures/python/reference_adapter.py'), '--runs', '20')));
    expect(v1!.code).toBe(0);
    expect(v1!.report.results.every((result) => result.status === 'passed')).toBe(true);
    expect(unversioned(v2!)).toEqual(unversioned(v1!));
    expect(unversioned(v3!)).toEqual(unversioned(v1!));
    expect(unversioned(v4!)).toEqual(unversioned(v1!));
    expect(unversioned(v5!)).toEqual(unversioned(v1!));
  });

  it.each([
    ['fixtures/python/defective/shared_tools_list.py'],
    ['fixtures/python/defective/replayed_init_kwargs.py'],
  ])('for a defective Python adapter (%s): the same failures, counterexamples and replay lines', async (file) => {
    const [v1, v2, v3, v4, v5] = await Promise.all([1, 2, 3, 4, 5].map((version) => report(python(version, file), '--runs', '20')));
    expect(v1!.code).toBe(1);
    expect(unversioned(v2!)).toEqual(unversioned(v1!));
    expect(unversioned(v3!)).toEqual(unversioned(v1!));
    expect(unversioned(v4!)).toEqual(unversioned(v1!));
    expect(unversioned(v5!)).toEqual(unversioned(v1!));
    expect(v1!.report.results.filter((result) => result.status === 'failed').length).toBeGreaterThan(0);
  });

  it('for a defective TypeScript adapter caught only by sequences, served by the protocol host', async () => {
    const host = (flag: string) => `node --import tsx fixtures/process/serve.mts fixtures/defective/controller-pool.ts${flag}`;
    const [v1, v2, v3] = await Promise.all([' --protocol 1', ' --protocol 2', ''].map((flag) => report(host(flag), '--only', 'channel.sequences,channel.siblings-isolated')));
    expect(v1!.code).toBe(1);
    expect(unversioned(v2!)).toEqual(unversioned(v1!));
    expect(unversioned(v3!)).toEqual(unversioned(v1!));
    expect(v1!.report.results[1]!.replay).toContain('--replay-path');
  });

  it('for handoff routes, which partial views must see whole (tools and handoffs): the same verdicts as in-process', async () => {
    const ids = 'channel.tools.same-elements,channel.handoffs.no-tool-routes';
    const host = (flag: string) => `node --import tsx fixtures/process/serve.mts fixtures/defective/handoff-tools-kept.ts${flag}`;
    const [v1, v2, v3] = await Promise.all([' --protocol 1', ' --protocol 2', ''].map((flag) => report(host(flag), '--only', ids)));
    expect(v3!.report.results.map((result) => result.status)).toEqual(['passed', 'failed']);
    expect(unversioned(v2!)).toEqual(unversioned(v1!));
    expect(unversioned(v3!)).toEqual(unversioned(v1!));
  });
});
