import { readdirSync } from 'node:fs';
import { inspect } from 'node:util';
import type fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sequences, type Sequence } from '../spec/invariants/channel/sequences.ts';
import type { Invariant } from '../spec/invariants/invariant.ts';
import { type Call, Earlier } from '../spec/model/batch.ts';
import type { Subject } from '../spec/model/subject.ts';
import { loadAdapter } from '../src/adapter/load.ts';
import { referenceAdapter } from '../src/adapter/reference-adapter.ts';
import { runInvariant } from '../src/run/run-invariant.ts';
import { inProcessSubject } from '../src/transports/in-process.ts';
import { ROOT } from './support/cli.ts';

// channel.sequences plans steps ahead (spec/invariants/channel/sequences/plan.ts): the steps after
// one go in its batch while their calls do not depend on its answers. That must change nothing but
// the number of round trips: the same calls in the same order, the same verdicts, messages and
// counterexamples as one step per batch.

/**
 * channel.sequences with one step per batch: its operations reach the check without fast-check's
 * wrappers' `cmd`, so none is planned ahead (fast-check still marks the ones that ran).
 */
const stepByStep: Invariant<Sequence> = {
  ...sequences,
  check: (subject, { source, commands }) =>
    sequences.check(subject, {
      source,
      commands: Array.from(commands, (command): fc.AsyncCommand<never, never> => ({
        check: (model) => command.check(model),
        run: (model, real) => command.run(model, real),
        toString: () => String(command),
      })),
    }),
};

/** A subject whose batches are recorded, with their results (handles, to tell which agent a call names). */
function recorded(inner: Subject): { subject: Subject; batches: { calls: Call[]; results: readonly unknown[] }[] } {
  const batches: { calls: Call[]; results: readonly unknown[] }[] = [];
  const batch = inner.batch!.bind(inner);
  const subject = Object.create(inner, {
    batch: {
      value: async (calls: readonly Call[]) => {
        const outcome = await batch(calls);
        batches.push({ calls: [...calls], results: outcome.results });
        return outcome;
      },
    },
  }) as Subject;
  return { subject, batches };
}

/**
 * Every call, in order, with the agent it names as the position of the call that made it (whatever
 * the batches), as text: the two runs draw equal values, not the same objects.
 */
function callsOf(batches: readonly { calls: Call[]; results: readonly unknown[] }[]): string[] {
  const madeBy = new Map<unknown, number>();
  const flat: [unknown, unknown][] = [];
  for (const { calls, results } of batches) {
    const start = flat.length;
    for (const [index, call] of calls.entries()) {
      const agent = 'agent' in call ? (call.agent instanceof Earlier ? start + call.agent.index : madeBy.get(call.agent)) : undefined;
      const { agent: _agent, ...rest } = call as Call & { agent?: unknown };
      flat.push([agent, rest]);
      if (call.method === 'create' || call.method === 'cloneForChannel') madeBy.set(results[index], start + index);
    }
  }
  return flat.map((call) => inspect(call, { depth: 8 }));
}

const ADAPTERS = [
  ...['reference.ts', 'lock-names-vary.ts', 'bound-tools.ts', 'framework-fields.ts', 'validating.ts'].map((name) => `fixtures/${name}`),
  ...['defective', 'throwing'].flatMap((dir) => readdirSync(`${ROOT}fixtures/${dir}`).filter((name) => name.endsWith('.ts')).map((name) => `fixtures/${dir}/${name}`)),
];

/** A result without where its errors were thrown from: the two runs reach the adapter by different stacks. */
const withoutStacks = (value: unknown): unknown =>
  typeof value === 'string'
    ? value.split('\n').filter((line) => !/^\s+at /.test(line)).join('\n')
    : Array.isArray(value)
      ? value.map(withoutStacks)
      : typeof value === 'object' && value !== null
        ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutStacks(item)]))
        : value;

async function runBoth(file: string, options: { seed: number; runs: number; shrink: boolean }) {
  const adapter = file === 'fixtures/reference.ts' ? referenceAdapter : await loadAdapter(file, ROOT);
  const [planned, oneByOne] = [recorded(inProcessSubject(adapter, { timeout: 2000 })), recorded(inProcessSubject(adapter, { timeout: 2000 }))];
  const { durationMs: _a, ...withPlanning } = await runInvariant(sequences, planned.subject, options);
  const { durationMs: _b, ...withoutPlanning } = await runInvariant(stepByStep, oneByOne.subject, options);
  return { planned, oneByOne, withPlanning: withoutStacks(withPlanning), withoutPlanning: withoutStacks(withoutPlanning) };
}

describe('channel.sequences planned ahead', () => {
  it('sends the reference the same calls in under half the round trips', async () => {
    const { planned, oneByOne, withPlanning } = await runBoth('fixtures/reference.ts', { seed: 3, runs: 40, shrink: true });
    expect(withPlanning).toMatchObject({ status: 'passed' });
    expect(callsOf(planned.batches)).toEqual(callsOf(oneByOne.batches));
    expect(planned.batches.length).toBeLessThan(oneByOne.batches.length / 2);
  });

  it('sends the same calls where lock names vary between members (an acquire begins a batch: it picks among the names last seen)', async () => {
    const { planned, oneByOne, withPlanning } = await runBoth('fixtures/lock-names-vary.ts', { seed: 7, runs: 40, shrink: true });
    expect(withPlanning).toMatchObject({ status: 'passed' });
    expect(callsOf(planned.batches)).toEqual(callsOf(oneByOne.batches));
  });

  // Unshrunk at 10 runs for every fixture; shrunk, below, for those that fail only sequences.
  it.each(ADAPTERS)('%s: the same result as one step per batch', async (file) => {
    const { withPlanning, withoutPlanning } = await runBoth(file, { seed: 11, runs: 10, shrink: false });
    expect(withPlanning).toEqual(withoutPlanning);
  });

  it.each(['stale-tools-snapshot', 'pooled-released-locks', 'tools-from-first-ancestor', 'deep-clone-shares-lock', 'controller-pool'])(
    '%s: the same shrunk counterexample, step and message as one step per batch',
    async (name) => {
      const { withPlanning, withoutPlanning } = await runBoth(`fixtures/defective/${name}.ts`, { seed: 1, runs: 30, shrink: true });
      expect(withPlanning).toMatchObject({ status: 'failed' });
      expect(withPlanning).toEqual(withoutPlanning);
    },
  );
});
