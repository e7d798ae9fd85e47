import { describe, expect, it } from 'vitest';
import { findInvariant } from '../spec/invariants/catalogue.ts';
import { type Call, Earlier } from '../spec/model/batch.ts';
import type { Subject } from '../spec/model/subject.ts';
import { referenceAdapter } from '../src/adapter/reference-adapter.ts';
import { runInvariant } from '../src/run/run-invariant.ts';
import { inProcessSubject } from '../src/transports/in-process.ts';

// A check views what it reads, no more: over an adapter process every view is observed and sent,
// and views are most of a run's traffic. These tests record the batches an invariant sends.

type ViewCall = Extract<Call, { method: 'view' }>;

/** The reference in-process, with every batch it is sent recorded. */
function recorded(): { subject: Subject; batches: Call[][] } {
  const batches: Call[][] = [];
  const inner = inProcessSubject(referenceAdapter, { timeout: 2000 });
  const batch = inner.batch!.bind(inner);
  const subject = Object.create(inner, { batch: { value: (calls: readonly Call[]) => (batches.push([...calls]), batch(calls)) } }) as Subject;
  return { subject, batches };
}

const views = (calls: readonly Call[]): ViewCall[] => calls.filter((call): call is ViewCall => call.method === 'view');
/** The views a check reads: not the view of lock names that prepares a source's held locks. */
const checkViews = (calls: readonly Call[]) => views(calls).filter((call) => call.fields?.join() !== 'locks');

/** A batch of channel.sequences cut into its steps: each begins with the call of its operation. */
function stepsOf(calls: readonly Call[]): Call[][] {
  const steps: Call[][] = [];
  for (const call of calls) {
    if (call.method !== 'view' && call.method !== 'isInterrupted') steps.push([call]);
    else steps.at(-1)?.push(call);
  }
  return steps;
}

async function batchesOf(id: string) {
  const { subject, batches } = recorded();
  const result = await runInvariant(findInvariant(id)!, subject, { seed: 5, runs: 15 });
  expect(result.status).toBe('passed');
  return batches;
}

describe('checks view only what they read', () => {
  it.each(['channel.distinct-agent', 'override.distinct-agent', 'deepcopy.distinct-agent'])('%s views no field: only which agent object each view shows', async (id) => {
    const seen = (await batchesOf(id)).flatMap(checkViews);
    expect(seen.length).toBeGreaterThanOrEqual(30);
    expect(seen.every((call) => call.fields !== undefined && call.fields.length === 0)).toBe(true);
  });

  it('channel.locks.isolated views only the lock names it probes', async () => {
    const seen = (await batchesOf('channel.locks.isolated')).flatMap(views);
    expect(seen.length).toBeGreaterThanOrEqual(30);
    expect(seen.every((call) => call.fields?.join() === 'locks')).toBe(true);
  });

  it.each([
    ['override.applied', 'cloneWith', 2],
    ['deepcopy.config-equal', 'deepCopy', 2],
    ['override.source-unchanged', 'cloneWith', 4],
    ['deepcopy.source-unchanged', 'deepCopy', 4],
  ] as const)('%s views the source after %s only where it compares before and after: %i views a case', async (id, operation, perCase) => {
    const cases = (await batchesOf(id)).filter((calls) => calls.some((call) => call.method === operation));
    expect(cases.length).toBeGreaterThanOrEqual(15);
    expect(cases.every((calls) => checkViews(calls).length === perCase)).toBe(true);
  });

  it('channel.sequences views no member twice in a step: the family check reads the views a clone step took', async () => {
    // A batch holds several steps planned ahead (sequences/plan.ts): a step begins with its operation's call.
    const steps = (await batchesOf('channel.sequences')).flatMap(stepsOf).filter((calls) => calls[0]!.method === 'cloneForChannel');
    expect(steps.length).toBeGreaterThanOrEqual(15);
    for (const calls of steps) {
      // A handle in-process is the agent object itself; an Earlier names a call of the batch.
      const agents = views(calls).map((call) => (call.agent instanceof Earlier ? `call ${call.agent.index}` : call.agent));
      expect(new Set(agents).size).toBe(agents.length);
    }
  });
});
