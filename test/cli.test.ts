import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../spec/invariants/catalogue.ts';
import { failedIds, ROOT, runBin, runMain } from './support/cli.ts';
import { withoutStreamedLines } from './support/streamed.ts';

const outside = mkdtempSync(join(tmpdir(), 'clone-conformance-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

describe('the command, end to end', () => {
  it('checks the built-in reference with no adapter: exit 0, every invariant passed', () => {
    const { code, stdout, stderr } = runBin(['--seed', '3']);
    expect(withoutStreamedLines(stderr)).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('clone-conformance: reference (seed 3, 100 runs per invariant)');
    expect(stdout).toContain(`Summary: ${CATALOGUE.length} passed, 0 failed, 0 skipped`);
    expect(stdout).toContain('Conformant (checked: the channel clone, the override clone, the deep copy).');
  });

  it('loads a TypeScript adapter from outside the project directory', () => {
    const file = join(outside, 'my-adapter.ts');
    writeFileSync(
      file,
      `interface Config { name: string; tools: readonly unknown[] }
class Bot { readonly controller = { stopped: false }; readonly locks = { main: {} }; constructor(readonly config: Config) {} }
export default {
  name: 'outside adapter',
  create: (config: Config): Bot => new Bot(config),
  view: (bot: Bot) => ({ ...bot.config, interruptController: bot.controller, locks: bot.locks }),
  cloneForChannel: (bot: Bot): Bot => new Bot({ ...bot.config, tools: [...bot.config.tools], handoffs: null } as Config),
};
`,
    );
    const { code, stdout } = runBin([file, '--seed', '1', '--runs', '20', '--reporter', 'json'], outside);
    const report = JSON.parse(stdout);
    expect(report.adapter).toBe('outside adapter');
    // It has no probes and only the channel clone, so only agent.config-held and the probe-free channel invariants run, and pass
    // (the six conversation-state invariants are skipped: it declares no state place).
    expect(report.summary).toEqual({ passed: 15, failed: 0, skipped: 24 });
    expect(code).toBe(0);
  });

  it('prints one JSON document and nothing else on stdout, identical for the same seed', () => {
    const args = ['fixtures/defective/shared-tools-list.ts', '--seed', '99', '--reporter', 'json'];
    const first = runBin(args);
    const second = runBin(args);
    expect(first.code).toBe(1);
    expect(second.stdout).toBe(first.stdout);
    const report = JSON.parse(first.stdout);
    expect(Object.keys(report)).toEqual(['versions', 'adapter', 'seed', 'runs', 'conformant', 'results', 'summary', 'warnings', 'findings']);
    expect(report).toMatchObject({ seed: 99, runs: 100, conformant: false });
    const failure = report.results.find((result: { status: string }) => result.status === 'failed');
    expect(Object.keys(failure)).toEqual(['id', 'status', 'level', 'message', 'counterexample', 'replay', 'finding', 'checked', 'discarded']);
  });

  it("keeps an adapter's own logging off standard output, so the JSON stays one document", () => {
    const { code, stdout, stderr } = runBin(['fixtures/chatty.ts', '--only', 'channel.identity', '--runs', '3', '--seed', '1', '--reporter', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary).toEqual({ passed: 1, failed: 0, skipped: 0 });
    expect(stderr).toContain('creating ');
  });

  it("passes every line an in-process adapter writes to standard error, even when the run ends right after", () => {
    const { code, stdout, stderr } = runBin(['fixtures/chatty-burst.ts', '--only', 'channel.identity', '--runs', '1', '--seed', '1', '--reporter', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary).toEqual({ passed: 1, failed: 0, skipped: 0 });
    const lines = stderr.split('\n').filter((line) => line.startsWith('burst line '));
    // Standard output and standard error may interleave in any order; each line arrives once.
    expect([...lines].sort()).toEqual(Array.from({ length: 200 }, (_, i) => `burst line ${i + 1} of 200`).sort());
  });

  it("reports an in-process create() that returns undefined as create()'s fault", async () => {
    const { code, stdout } = await runMain(['fixtures/create-returns-undefined.ts', '--only', 'channel.identity', '--runs', '3', '--seed', '1', '--reporter', 'json']);
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout).results;
    expect(result.message).toBe('create() returned undefined, not an agent: create() must return the agent it built');
  });

  it("keeps the adapter's own stack out of reports, and shows it with --debug", async () => {
    const args = ['fixtures/throwing/clone-throws.ts', '--only', 'channel.identity', '--runs', '3', '--seed', '1'];
    const plain = await runMain([...args, '--reporter', 'json']);
    const [withoutStack] = JSON.parse(plain.stdout).results;
    expect(withoutStack.message).toBe('cloneForChannel() threw Error: clone exploded');
    expect('stack' in withoutStack).toBe(false);
    const debug = await runMain([...args, '--reporter', 'json', '--debug']);
    const [withStack] = JSON.parse(debug.stdout).results;
    expect(withStack.stack).toMatch(/^Error: clone exploded\n\s+at .*fixtures\/throwing\/clone-throws\.ts:\d+/);
    const { stack, ...rest } = withStack;
    expect(rest).toEqual(withoutStack); // nothing else differs
    expect((await runMain(args)).stdout).not.toContain('Adapter stack');
    const human = (await runMain([...args, '--debug'])).stdout;
    expect(human).toContain('   Adapter stack (--debug):\n     Error: clone exploded\n');
  });

  it('passes a correct deep copy of an agent whose handoffs hold runtime objects, sets, maps and frozen values; not one that shares their config', async () => {
    const deepcopyIds = CATALOGUE.filter((invariant) => invariant.id.startsWith('deepcopy.')).map((invariant) => invariant.id);
    const run = async (env: Record<string, string>) => {
      Object.assign(process.env, env); // the worker thread takes a copy of the environment
      try {
        const { code, stdout } = await runMain(['fixtures/handoff-agents.ts', '--only', deepcopyIds.join(','), '--runs', '50', '--seed', '7', '--reporter', 'json']);
        return { code, failed: failedIds(stdout), results: JSON.parse(stdout).results as { id: string; message?: string }[] };
      } finally {
        for (const key of Object.keys(env)) delete process.env[key];
      }
    };
    const correct = await run({});
    expect(correct.failed).toEqual([]);
    expect(correct.results).toHaveLength(deepcopyIds.length);
    expect(correct.code).toBe(0);
    const shared = await run({ SHARE_HANDOFF_CONFIG: '1' });
    expect(shared.failed).toEqual(['deepcopy.no-shared-state']);
    // Without runtimeTypes, the framework's own mutex is compared as configuration.
    const undeclared = await run({ UNDECLARED_MUTEX: '1' });
    expect(undeclared.failed).toEqual(['deepcopy.config-equal']);
    expect(undeclared.results.find((result) => result.id === 'deepcopy.config-equal')!.message).toMatch(/^observed copy\.handoffs\[\d\]\.mutex\.serial = \d+; required a value deeply equal to the source's: \d+$/);
  });

  it('prints a replay line that reproduces exactly the reported failure', () => {
    const first = JSON.parse(runBin(['fixtures/defective/shared-tools-list.ts', '--seed', '5', '--reporter', 'json']).stdout);
    const failure = first.results.find((result: { status: string }) => result.status === 'failed');
    const replayArgs = (failure.replay as string).split(' ').slice(2); // drop "npx clone-conformance"
    const replay = runBin([...replayArgs, '--reporter', 'json']);
    expect(replay.code).toBe(1);
    const [again] = JSON.parse(replay.stdout).results;
    expect(again).toEqual(failure);
  });

  it('exits 2 with a one-paragraph message and no stack trace for a broken adapter', () => {
    const { code, stdout, stderr } = runBin(['fixtures/broken/syntax-error.ts']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^clone-conformance: The adapter fixtures\/broken\/syntax-error.ts could not be parsed: .+\n$/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('turns a call that never settles into a failure naming the call, not a stuck run', () => {
    const { code, stdout } = runBin(['fixtures/hanging/never-settles.ts', '--seed', '1', '--runs', '3', '--timeout', '50', '--only', 'channel.identity', '--reporter', 'json']);
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout).results;
    expect(result.message).toBe('cloneForChannel() did not settle within 50 ms');
    expect(result.replay).toContain('--timeout 50');
  });

  it('turns a call that blocks its thread into a failure naming the call, and stops the adapter', () => {
    const { code, stdout } = runBin(['fixtures/hanging/blocks-thread.ts', '--seed', '1', '--timeout', '100', '--only', 'channel.identity,channel.execution', '--reporter', 'json']);
    expect(code).toBe(1);
    const results = JSON.parse(stdout).results;
    expect(results.map((result: { id: string; status: string }) => [result.id, result.status])).toEqual([
      ['channel.identity', 'failed'],
      ['channel.execution', 'failed'],
    ]);
    expect(results[0].message).toBe('cloneForChannel() did not return within 100 ms and blocked its thread (a synchronous hang); the run of this invariant was stopped');
    expect(results[0].replay).toBe('npx clone-conformance fixtures/hanging/blocks-thread.ts --seed 1 --only channel.identity --timeout 100');
    expect(results[1].message).toBe('not run: channel.identity hung (a call blocked its thread), so the adapter was stopped; run it alone to check it');
  });

  it('exits 2 when nothing would be checked', async () => {
    const file = join(ROOT, 'fixtures/probeless.ts');
    const { code, stderr } = await runMain([file, '--only', 'channel.locks.isolated']);
    expect(code).toBe(2);
    expect(stderr).toContain('no invariant ran');
  });
});

describe('flags', () => {
  it.each([
    [['--runs', '0'], '--runs takes an integer from 1 to 1000000; got "0".'],
    [['--runs', 'many'], '--runs takes an integer from 1 to 1000000; got "many".'],
    [['--seed', '1.5'], '--seed takes an integer'],
    [['--timeout', '0'], '--timeout takes an integer from 1 to 3600000; got "0".'],
    [['--reporter', 'xml'], '--reporter takes one of human, json, junit, github-actions; got "xml".'],
    [['--only', 'channel.nope'], '--only: no invariant id matches "channel.nope". Known ids: agent.config-held, channel.distinct-agent, channel.identity'],
    [['--frobnicate'], 'unknown flag --frobnicate (see --help).'],
    [['a.ts', 'b.ts'], 'Expected at most one adapter path'],
    [['--path', '1:2'], '--path replays one failure'],
    [['fixtures/nowhere.ts'], 'Adapter file not found: fixtures/nowhere.ts'],
    [['README.md'], 'has the extension ".md"'],
  ])('%j exits 2: %s', async (argv, message) => {
    const { code, stdout, stderr } = await runMain(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('--help lists every flag with one line each, and the exit codes', async () => {
    const { code, stdout } = await runMain(['--help']);
    expect(code).toBe(0);
    const flags = ['--command', '--tsconfig', '--start-timeout', '--runs', '--seed', '--only', '--exclude', '--list', '--bail', '--timeout', '--reporter', '--output', '--expect', '--write-expect', '--strict', '--spec', '--path', '--replay-path', '--lang', '--debug', '--help', '--version'];
    const options = stdout.split('Options:\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(options.map((line) => /^ {2}(?:-\w, )?(--[\w-]+)/.exec(line)?.[1])).toEqual(flags);
    expect(stdout).toMatch(/Exit codes:\n {2}0 .+\n {2}1 .+\n {2}2 .+\n {2}130 .+143.+\n$/);
  });

  it('colours the human report on a terminal only, and honours NO_COLOR', async () => {
    const onTerminal = await runMain(['--seed', '1', '--runs', '5', '--only', 'channel.identity'], ROOT, { isTTY: true });
    expect(onTerminal.stdout).toContain('\u001b[');
    const noColor = await runMain(['--seed', '1', '--runs', '5', '--only', 'channel.identity'], ROOT, { isTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
  });

  it.each([
    ['adapter.mjs', 'export default { name: "esm", create: (c) => ({ c }), view: (a) => ({ ...a.c, interruptController: null, locks: {} }), cloneForChannel: (a) => ({ c: { ...a.c, tools: [...a.c.tools], handoffs: null } }) };'],
    ['adapter.cjs', 'module.exports = { name: "cjs", create: (c) => ({ c }), view: (a) => ({ ...a.c, interruptController: null, locks: {} }), cloneForChannel: (a) => ({ c: { ...a.c, tools: [...a.c.tools], handoffs: null } }) };'],
    ['adapter.js', 'exports.adapter = { name: "js", create: (c) => ({ c }), view: (a) => ({ ...a.c, interruptController: null, locks: {} }), cloneForChannel: (a) => ({ c: { ...a.c, tools: [...a.c.tools], handoffs: null } }) };'],
  ])('loads a JavaScript adapter: %s', async (name, source) => {
    writeFileSync(join(outside, name), source);
    const { code, stdout } = await runMain([join(outside, name), '--seed', '1', '--runs', '10', '--only', 'channel.identity,channel.tools.new-list', '--reporter', 'json'], outside);
    expect(JSON.parse(stdout).summary).toEqual({ passed: 2, failed: 0, skipped: 0 });
    expect(code).toBe(0);
  });

  it('--version prints the package version', async () => {
    const { code, stdout } = await runMain(['--version']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
