import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../spec/invariants/catalogue.ts';
import type { Subject } from '../spec/model/subject.ts';
import { referenceAdapter } from '../src/adapter/reference-adapter.ts';
import { runInvariants } from '../src/run/run-catalogue.ts';
import { runInvariantsInParallel } from '../src/run/run-parallel.ts';
import { LostCallError } from '../src/transports/adapter-call.ts';
import { AdapterProcess, PIPE_DEPTH } from '../src/transports/adapter-process.ts';
import { inProcessSubject } from '../src/transports/in-process.ts';
import { ROOT, runMain } from './support/cli.ts';

// Protocol version 3: several invariants have requests in flight on one adapter process. What one
// invariant's call does to the process (a crash, a hang) must cost the others nothing: their
// verdicts are those of a run of one invariant after the other.

const report = async (inFlight: number, command: string, ...args: string[]) => {
  const { code, stdout } = await runMain(['--command', command, '--seed', '7', '--reporter', 'json', ...args], ROOT, { env: { CLONE_CONFORMANCE_IN_FLIGHT: String(inFlight) } });
  return { code, report: JSON.parse(stdout) as { results: { id: string; status: string; message?: string }[] } };
};

describe('invariants in flight on one adapter process', () => {
  it('an adapter that crashes at every channel clone: eight in flight report what one at a time reports', async () => {
    const command = 'node --import tsx fixtures/process/serve.mts --misbehave crash-on-clone';
    // Each channel invariant fails on its first case, and its crash costs a new process (a second
    // of start-up for this host): six of them, the longest among them, beside every other profile's.
    // Ten runs are enough for the others to pass.
    const only = ['--only', 'channel.identity,channel.tools.new-list,channel.controller.fresh,channel.locks.isolated,channel.clone-of-clone,channel.sequences,override.*,deepcopy.*,agent.*'];
    const [alone, together] = await Promise.all([report(1, command, '--runs', '10', ...only), report(8, command, '--runs', '10', ...only)]);
    expect(together).toEqual(alone);
    expect(alone.code).toBe(1);
    const byProfile = (prefix: string) => alone.report.results.filter((result) => result.id.startsWith(prefix));
    // Every channel invariant fails on its own clone, naming it; the others never clone for a channel.
    expect(byProfile('channel.')).toHaveLength(6);
    expect(byProfile('channel.').every((result) => result.status === 'failed' && /cloneForChannel\(\).*exited \(code 4\)/.test(result.message ?? ''))).toBe(true);
    expect([...byProfile('override.'), ...byProfile('deepcopy.'), ...byProfile('agent.')].every((result) => result.status === 'passed')).toBe(true);
  });

  it('an invariant whose calls were lost to another invariant runs again, alone, and gets the verdict it gets alone', async () => {
    const ids = ['channel.identity', 'channel.tools.new-list', 'channel.controller.isolated', 'deepcopy.config-equal'];
    const invariants = CATALOGUE.filter((invariant) => ids.includes(invariant.id));
    const options = { seed: 3, runs: 15 };
    // Two lanes; the second loses its first view (as when the process broke under another lane's call).
    let losses = 1;
    // Without its batch, the subject's batches run call by call, every view through this one.
    const losing = (subject: Subject): Subject => ({
      ...subject,
      batch: undefined,
      view: async (agent) => {
        if (losses > 0) {
          losses -= 1;
          throw new LostCallError('view()', 'broken', 'was not answered: the adapter process stopped while it worked on another call');
        }
        return subject.view(agent);
      },
    });
    const started: string[] = [];
    const reported: string[] = [];
    const results = await runInvariantsInParallel(
      invariants,
      [inProcessSubject(referenceAdapter, { timeout: 2000 }), losing(inProcessSubject(referenceAdapter, { timeout: 2000 }))],
      options,
      (result) => reported.push(result.id),
      { onStart: (id) => started.push(id) },
    );
    const strip = (list: typeof results) => list.map(({ durationMs: _, ...result }) => result);
    expect(strip(results)).toEqual(strip(await runInvariants(invariants, inProcessSubject(referenceAdapter, { timeout: 2000 }), options)));
    expect(results.every((result) => result.status === 'passed')).toBe(true);
    expect(losses).toBe(0); // a loss did happen, and was not taken for a verdict
    expect([...reported].sort()).toEqual([...ids].sort()); // one result per invariant
    expect(started.length).toBe(ids.length);
  });
});

describe('lock names guessed from earlier sources', () => {
  // A source that holds locks is prepared in one round trip when the sources before it showed the
  // same lock names (spec/invariants/channel/setup.ts). Where names vary from agent to agent, the
  // guess misses: the case starts over, and nothing fails for it, in-process or over the protocol.
  it('an adapter whose agents have different locks conforms, with the same report in-process and through the host', async () => {
    const fixture = 'fixtures/lock-names-vary.ts';
    const inProcess = await runMain([fixture, '--seed', '7', '--runs', '30', '--reporter', 'json']);
    const hosted = await runMain(['--command', `node --import tsx fixtures/process/serve.mts ${fixture}`, '--seed', '7', '--runs', '30', '--reporter', 'json']);
    expect(inProcess.code).toBe(0);
    const withoutAdapter = (stdout: string) => ({ ...JSON.parse(stdout), adapter: undefined });
    expect(withoutAdapter(hosted.stdout)).toEqual(withoutAdapter(inProcess.stdout));
    expect((JSON.parse(inProcess.stdout) as { summary: { passed: number } }).summary.passed).toBe(CATALOGUE.length);
    // Two whole runs of every invariant: room on a loaded 2-core machine.
  }, 120_000);
});

describe('requests waiting for an adapter process', () => {
  // An adapter that answers each request after 30 ms, naming the request it answers.
  const ECHO = `python3 -c '
import json, sys, time
for line in sys.stdin:
    request = json.loads(line)
    time.sleep(0.03)
    print(json.dumps({"id": request["id"], "result": {"tag": request["params"].get("tag")}}), flush=True)
'`;

  it(`at most ${PIPE_DEPTH} wait in its input, ids follow the order written, and the urgent sender goes first`, async () => {
    const process = new AdapterProcess(ECHO, ROOT);
    try {
      const [calm, urgent] = [{ urgent: false }, { urgent: true }];
      const answered: string[] = [];
      const send = (tag: string, sender: { urgent: boolean }) =>
        process.request(`${tag}()`, 'probe', { tag }, 5000, sender).then((result) => answered.push(result.tag as string));
      const calmTags = Array.from({ length: PIPE_DEPTH + 2 }, (_, i) => `a${i + 1}`);
      const sent = calmTags.map((tag) => send(tag, calm));
      sent.push(send('u1', urgent));
      await Promise.all(sent);
      // The first PIPE_DEPTH were written at once; u1 went before the two that waited in the suite.
      expect(answered).toEqual([...calmTags.slice(0, PIPE_DEPTH), 'u1', ...calmTags.slice(PIPE_DEPTH)]);
      expect(process.requests).toBe(PIPE_DEPTH + 3);
    } finally {
      await process.close();
    }
  });

  it('a crash fails the request it came during, and the others of another sender as lost', async () => {
    const process = new AdapterProcess(`python3 -c 'import sys; sys.stdin.readline(); sys.exit(3)'`, ROOT);
    const [mine, theirs] = [{ urgent: false }, { urgent: false }];
    const outcomes = await Promise.allSettled([
      process.request('create()', 'create', {}, 5000, mine),
      process.request('view()', 'view', {}, 5000, theirs),
      process.request('view()', 'view', {}, 5000, mine),
    ]);
    await process.close();
    const [first, second, third] = outcomes.map((outcome) => (outcome.status === 'rejected' ? (outcome.reason as Error) : undefined));
    expect(first).toBeDefined();
    expect(first).not.toBeInstanceOf(LostCallError);
    expect(first!.message).toMatch(/^create\(\) failed: the adapter process exited \(code 3\)/);
    expect(second).toBeInstanceOf(LostCallError);
    expect(second!.message).toMatch(/while it worked on create\(\)/);
    expect(third).toBeDefined();
    expect(third).not.toBeInstanceOf(LostCallError); // its own sender's crash
  });
});
