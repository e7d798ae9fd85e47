import { describe, expect, it } from 'vitest';
import { defineAdapter, type AgentConfig } from '../src/adapter/contract.ts';
import { referenceAdapter } from '../src/adapter/reference-adapter.ts';
import { findInvariant } from '../spec/invariants/catalogue.ts';
import { Agent } from '../spec/reference/agent.ts';
import { runInvariant } from '../src/run/run-invariant.ts';
import { inProcessSubject } from '../src/transports/in-process.ts';
import { runMain } from './support/cli.ts';

// Verdicts that can be trusted: something real was compared, and what was not is said.

interface JsonResult {
  readonly id: string;
  readonly status: string;
  readonly message?: string;
  readonly checked?: number;
  readonly discarded?: number;
}

const json = async (...argv: string[]) => {
  const outcome = await runMain([...argv, '--seed', '7', '--runs', '20', '--reporter', 'json']);
  const report = outcome.stdout === '' ? undefined : (JSON.parse(outcome.stdout) as { results: JsonResult[]; warnings: string[]; conformant: boolean });
  return { ...outcome, report };
};

describe('field scopes reach every invariant', () => {
  it('a conforming framework without features and handoffs passes clone-of-clone and sequences', async () => {
    const { code, report } = await json('fixtures/verdicts/without-features-handoffs.ts');
    const status = (id: string) => report!.results.find((result) => result.id === id)!.status;
    expect(status('channel.clone-of-clone')).toBe('passed');
    expect(status('channel.sequences')).toBe('passed');
    expect(report!.results.filter((result) => result.status === 'failed')).toEqual([]);
    expect(code).toBe(0);
  });
});

describe('agent.config-held', () => {
  it('lets a framework hold its own defaults for what it was not given: an absent role, a feature not named', async () => {
    const { code, report } = await json('fixtures/verdicts/framework-defaults.ts', '--only', 'agent.config-held,channel.identity,channel.features');
    expect(report!.results.map((result) => [result.id, result.status])).toEqual([
      ['agent.config-held', 'passed'],
      ['channel.identity', 'passed'],
      ['channel.features', 'passed'],
    ]);
    expect(code).toBe(0);
  });
});

describe('minimum fields', () => {
  it.each(['fields-without-tools', 'fields-empty'])('an in-process adapter whose fields lack name or tools cannot run (%s)', async (name) => {
    const { code, stderr, stdout } = await runMain([`fixtures/verdicts/${name}.ts`]);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/without .*"tools".*every profile needs at least name and tools/);
    expect(code).toBe(2);
  });

  it('an adapter process whose fields lack tools cannot run', async () => {
    const { code, stderr } = await runMain(['--command', 'python3 fixtures/python/fields_without_tools.py']);
    expect(stderr).toMatch(/"fields" lack "tools" \(every profile needs at least name and tools/);
    expect(code).toBe(2);
  });
});

describe('rejected configurations', () => {
  it('are discarded and counted in-process: every result checked some cases and discarded some, none failed', async () => {
    const { code, report } = await json('fixtures/verdicts/rejecting.ts');
    expect(report!.results.filter((result) => result.status !== 'passed').map((result) => result.id)).toEqual([]);
    for (const result of report!.results) {
      expect(result.checked, result.id).toBeGreaterThan(0);
      expect(result.discarded, result.id).toBeGreaterThan(0);
    }
    expect(code).toBe(0);
  });

  it('are discarded and counted through the Python kit (raise Rejected)', async () => {
    const { code, report } = await json('--command', 'python3 fixtures/python/rejecting_adapter.py', '--only', 'agent.config-held,override.applied,deepcopy.config-equal');
    for (const result of report!.results) {
      expect(result.status, result.id).toBe('passed');
      expect(result.checked, result.id).toBeGreaterThan(0);
      expect(result.discarded, result.id).toBeGreaterThan(0);
    }
    expect(code).toBe(0);
  });

  it('when every case is rejected, no invariant passes: each is not checked, and the run cannot conclude', async () => {
    const { code, report, stderr } = await json('fixtures/verdicts/rejects-everything.ts');
    for (const result of report!.results) {
      expect(result.status, result.id).toBe('skipped');
      expect(result.message).toBe('not checked: every generated case was rejected by the adapter');
    }
    expect(report!.conformant).toBe(false);
    expect(stderr).toMatch(/no invariant ran/);
    expect(code).toBe(2);
  });

  it('the human report shows the counts and says when most cases were rejected', async () => {
    const { stdout } = await runMain(['fixtures/verdicts/rejecting.ts', '--seed', '7', '--runs', '20', '--only', 'agent.config-held']);
    expect(stdout).toMatch(/✓ agent\.config-held \(20 checked, \d+ discarded\) \(most generated cases were rejected by the adapter/);
  });

  it('passed results always checked at least one case', async () => {
    const subject = inProcessSubject(referenceAdapter, { timeout: 2000 });
    const result = await runInvariant(findInvariant('channel.identity')!, subject, { seed: 3, runs: 5 });
    expect(result).toMatchObject({ status: 'passed', checked: 5, discarded: 0 });
  });
});

describe('trivial configurations', () => {
  const some = ['--only', 'agent.config-held,channel.identity,channel.tools.same-elements'];

  it('a run whose accepts() lets only trivial configurations through warns, and fails under --strict', async () => {
    const plain = await json('fixtures/verdicts/trivial-accepts.ts', ...some);
    expect(plain.report!.warnings).toHaveLength(1);
    expect(plain.report!.warnings[0]).toMatch(/tools, handoffs, features only ever held trivial values/);
    // The warning names the lever that caused it: here accepts(), not the domains or rejections.
    expect(plain.report!.warnings[0]).toMatch(/The adapter's accepts\(\) let only such configurations through: widen it\.$/);
    expect(plain.code).toBe(0);
    const strict = await json('fixtures/verdicts/trivial-accepts.ts', ...some, '--strict');
    expect(strict.code).toBe(1);
    const strictHuman = await runMain(['fixtures/verdicts/trivial-accepts.ts', '--seed', '7', '--runs', '20', '--strict', ...some]);
    expect(strictHuman.stdout).toMatch(/Gate fails: --strict counts the warnings above\./);
    expect(strictHuman.code).toBe(1);
    const human = await runMain(['fixtures/verdicts/trivial-accepts.ts', '--seed', '7', '--runs', '20', ...some]);
    expect(human.stdout).toMatch(/Warning: Over \d+ checked cases, tools, handoffs, features only ever held trivial values/);
  });

  it('the reference adapter, unrestricted, gets no warning', async () => {
    const { report, code } = await json('fixtures/reference.ts', ...some);
    expect(report!.warnings).toEqual([]);
    expect(code).toBe(0);
  });

  it.each([
    ['accepts-throws', /The adapter's accepts\(\) threw TypeError/],
    ['accepts-nothing', /The adapter's accepts\(\) rejected 1000 generated configurations in a row/],
  ])('%s ends the run with a message naming accepts() (exit 2)', async (name, message) => {
    const { code, stderr } = await runMain([`fixtures/verdicts/${name}.ts`, '--seed', '7', '--runs', '20']);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/internal error/);
    expect(code).toBe(2);
  });
});

describe('agent-returning calls', () => {
  it('create() returning undefined is blamed on create()', async () => {
    const { report } = await json('fixtures/verdicts/create-returns-undefined.ts', '--only', 'agent.config-held,channel.identity');
    for (const result of report!.results) expect(result.message).toMatch(/^create\(\) returned undefined, not an agent/);
  });
});

describe('distinct agents over the protocol', () => {
  it('views without "self" (an older kit) leave the distinct-agent invariants not checked, never passed', async () => {
    const ids = 'channel.distinct-agent,override.distinct-agent,deepcopy.distinct-agent';
    const { report } = await json('--command', 'node --import tsx fixtures/process/serve.mts --misbehave no-self', '--only', ids);
    for (const result of report!.results) {
      expect(result.status, result.id).toBe('skipped');
      expect(result.message).toMatch(/no "self" in the view answer/);
    }
  });

  it('the JavaScript protocol server sends "self": the reference passes them', async () => {
    const { report } = await json('--command', 'node --import tsx fixtures/process/serve.mts', '--only', 'channel.distinct-agent,deepcopy.distinct-agent');
    expect(report!.results.map((result) => result.status)).toEqual(['passed', 'passed']);
  });
});

describe('tools derived from handoffs', () => {
  /** PraisonAI's pattern done right: the agent appends one route per handoff; its clone, without handoffs, holds only the configured tools. */
  class RoutingAgent extends Agent {
    readonly routes = new Set<unknown>();

    constructor(config: AgentConfig) {
      super(config);
      for (const target of config.handoffs ?? []) {
        const route = () => ({ from: this, to: target });
        this.routes.add(route);
        this.addTool(route);
      }
    }

    override cloneForChannel(): Agent {
      const config = this.config();
      return new RoutingAgent({ ...config, tools: config.tools.filter((tool) => !this.routes.has(tool)), handoffs: null });
    }
  }
  const adapter = defineAdapter<Agent>({ ...referenceAdapter, name: 'routes done right', create: (config) => new RoutingAgent(config), cloneWith: undefined, deepCopy: undefined });

  it.each(['agent.config-held', 'channel.tools.same-elements', 'channel.handoffs.no-tool-routes', 'channel.clone-of-clone', 'channel.sequences'])(
    'a clone that drops the routes passes %s',
    async (id) => {
      const subject = inProcessSubject(adapter, { timeout: 2000 });
      const result = await runInvariant(findInvariant(id)!, subject, { seed: 11, runs: 30 });
      expect(result.status === 'failed' ? result.message : result.status).toBe('passed');
    },
  );
});
