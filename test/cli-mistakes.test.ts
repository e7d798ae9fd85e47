import { describe, expect, it } from 'vitest';
import { HELP } from '../src/cli/help.ts';
import { INIT_HELP } from '../src/cli/help.ts';
import { runMain } from './support/cli.ts';

describe('mistakes on the command line get a clear message and exit 2', () => {
  it.each([
    [['--reproter', 'json'], 'clone-conformance: unknown flag --reproter (did you mean --reporter?) (see --help).'],
    [['--seeed', '3'], 'clone-conformance: unknown flag --seeed (did you mean --seed?) (see --help).'],
    [['--frobnicate'], 'clone-conformance: unknown flag --frobnicate (see --help).'],
    [['inti'], 'clone-conformance: unknown command "inti" (did you mean init?) (see --help).'],
    [['sepc'], 'clone-conformance: unknown command "sepc" (did you mean spec?) (see --help).'],
    [['--bail', '2'], 'clone-conformance: --bail is a switch and takes no value; got "2" after it (see --help).'],
    [['init', '--lnag', 'js'], 'clone-conformance: init: unknown flag --lnag (did you mean --lang?) (see init --help).'],
    [['help', 'inti'], 'clone-conformance: help takes one of spec, init, help, or nothing; got inti (did you mean init?).'],
  ])('%j', async (argv, message) => {
    const { code, stdout, stderr } = await runMain(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${message}\n`);
  });

  it('`help` is a word: help, help init', async () => {
    expect(await runMain(['help'])).toEqual({ code: 0, stdout: HELP, stderr: '' });
    expect(await runMain(['help', 'init'])).toEqual({ code: 0, stdout: INIT_HELP, stderr: '' });
  });

  it('an adapter path is still an adapter path: an existing file with an extension after a switch', async () => {
    const { code } = await runMain(['--strict', 'fixtures/reference.ts', '--only', 'agent.config-held', '--runs', '3', '--seed', '1', '--reporter', 'json']);
    expect(code).toBe(0);
  });
});

describe('--list --reporter json', () => {
  it('lists the selected invariants as JSON, in catalogue order, running nothing', async () => {
    const { code, stdout, stderr } = await runMain(['--list', '--only', 'channel.tools.*', '--reporter', 'json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const { invariants } = JSON.parse(stdout) as { invariants: { id: string; profile: string; level: string; rule: string; needs: string[] }[] };
    expect(invariants.map((invariant) => invariant.id)).toEqual(['channel.tools.new-list', 'channel.tools.same-elements', 'channel.tools.isolated']);
    expect(invariants[2]).toMatchObject({ profile: 'channel', level: 'MUST', needs: ['addTool'] });
    expect(invariants[0]!.rule).toMatch(/tools list/);
  });
});
