import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { CATALOGUE, findInvariant, INVARIANT_IDS } from '../../spec/invariants/catalogue.ts';
import { AdapterLoadError } from '../adapter/load.ts';
import { BaselineError, formatBaseline, readBaseline, type Baseline } from '../report/baseline.ts';
import { formatGithubActions } from '../report/github-actions.ts';
import { formatHuman } from '../report/human.ts';
import { formatJson } from '../report/json.ts';
import { formatJunit } from '../report/junit.ts';
import { buildReport, type RunReport } from '../report/model.ts';
import { formatSpec, region } from '../report/spec-markdown.ts';
import { verdict, type Verdict } from '../report/verdict.ts';
import { runIsolated } from '../run/isolated-run.ts';
import { runInvariants } from '../run/run-catalogue.ts';
import type { InvariantRunOptions } from '../run/run-invariant.ts';
import { processSubjects, type ProcessSubject } from '../transports/process-subject.ts';
import { runInvariantsInParallel } from '../run/run-parallel.ts';
import { DEFAULTS, HELP, parseCliArgs, shellQuote, UsageError, type CliOptions, type ReporterChoice } from './args.ts';
import { runInit } from './init.ts';

/** Where the command writes; the real process streams, or buffers in tests. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const EXIT = { conformant: 0, failed: 1, cannotRun: 2 } as const;

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** The texts the generated specification quotes, read from the sources that define them. */
function specSources() {
  const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
  return { contract: region(read('../adapter/contract.ts'), 'contract'), config: region(read('../../spec/agent-config.ts'), 'config') };
}

/** The replay line for one failure: the same adapter, seed and case, and nothing else. */
function replayCommand(options: CliOptions, seed: number) {
  return (id: string, path: string, replayPath: string | undefined) => {
    const words = ['npx', 'clone-conformance'];
    if (options.adapter !== undefined) words.push(options.adapter);
    if (options.command !== undefined) words.push('--command', options.command);
    words.push('--seed', String(seed), '--only', id);
    if (path !== '') words.push('--path', path);
    if (replayPath !== undefined) words.push('--replay-path', replayPath);
    if (options.timeout !== DEFAULTS.timeout) words.push('--timeout', String(options.timeout));
    if (options.startTimeout !== DEFAULTS.startTimeout) words.push('--start-timeout', String(options.startTimeout));
    return words.map(shellQuote).join(' ');
  };
}

function useColor(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

/** Runs the invariants against an adapter process: no worker needed, the process is the isolation. */
async function runProcess(command: string, ids: readonly string[], settings: InvariantRunOptions, options: CliOptions, io: CliIo) {
  const subjects = await processSubjects({ command, cwd: io.cwd, timeout: options.timeout, startTimeout: options.startTimeout }, Math.min(adapterProcesses(io.env), ids.length));
  const [subject] = subjects as [ProcessSubject, ...ProcessSubject[]];
  try {
    const invariants = ids.map((id) => findInvariant(id)!);
    const results = subjects.length > 1 ? await runInvariantsInParallel(invariants, subjects, settings) : await runInvariants(invariants, subject, settings);
    return { adapterName: subject.name, notChecked: subject.scope.unmapped, results };
  } finally {
    await Promise.all(subjects.map((each) => each.close()));
  }
}

/**
 * How many adapter processes run invariants side by side: two where the machine has the cores
 * (the suite's own work and the adapter's then overlap), or CLONE_CONFORMANCE_ADAPTER_PROCESSES.
 */
function adapterProcesses(env: CliIo['env']): number {
  const asked = Number.parseInt(env.CLONE_CONFORMANCE_ADAPTER_PROCESSES ?? '', 10);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, 8);
  return Math.min(2, availableParallelism());
}

async function run(options: CliOptions, io: CliIo): Promise<RunReport> {
  const seed = options.seed ?? (Math.random() * 2 ** 31) | 0;
  const ids = CATALOGUE.map((invariant) => invariant.id).filter((id) => options.only?.includes(id) ?? true);
  const settings = {
    seed,
    runs: options.runs,
    ...(options.path === undefined ? {} : { path: options.path }),
    ...(options.replayPath === undefined ? {} : { replayPath: options.replayPath }),
  };
  const { adapterName, notChecked, results } =
    options.command !== undefined
      ? await runProcess(options.command, ids, settings, options, io)
      : await runIsolated({ adapter: options.adapter, cwd: io.cwd, ids, timeout: options.timeout, startTimeout: options.startTimeout, ...settings });
  const replay = replayCommand(options, seed);
  const withReplay = results.map((result) => (result.status === 'failed' ? { ...result, replay: replay(result.id, result.path, result.replayPath) } : result));
  return buildReport(adapterName, seed, options.runs, withReplay, notChecked);
}

function render(choice: ReporterChoice, report: RunReport, outcome: Verdict, options: CliOptions, io: CliIo): string {
  switch (choice.name) {
    case 'human':
      return formatHuman(report, outcome, { color: choice.file === undefined && useColor(io), ...(options.expect ? { baselineFile: options.expect } : {}) });
    case 'json':
      return formatJson(report, outcome, options.expect !== undefined || options.writeExpect !== undefined);
    case 'junit':
      return formatJunit(report, outcome);
    case 'github-actions':
      return formatGithubActions(report, outcome);
  }
}

function writeFile(cwd: string, file: string, text: string): void {
  const path = resolve(cwd, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** The run command: check an adapter, report, gate. */
async function check(options: CliOptions, io: CliIo): Promise<number> {
  let baseline: Baseline | undefined = options.expect === undefined ? undefined : readBaseline(resolve(io.cwd, options.expect), INVARIANT_IDS);
  const report = await run(options, io);
  const nothingRan = report.summary.passed + report.summary.failed === 0;
  if (options.writeExpect !== undefined && !nothingRan) {
    const failures = report.results.filter((result) => result.status === 'failed').map((result) => result.id);
    writeFile(io.cwd, options.writeExpect, formatBaseline(failures));
    baseline = { expectedFailures: failures };
    io.stderr.write(`clone-conformance: recorded ${failures.length} failure${failures.length === 1 ? '' : 's'} as the baseline in ${options.writeExpect}.\n`);
  }
  const outcome = verdict(report, { strict: options.strict, ...(baseline ? { baseline } : {}) });
  for (const choice of options.reporters) {
    const text = render(choice, report, outcome, options, io);
    if (choice.file === undefined) io.stdout.write(text);
    else writeFile(io.cwd, choice.file, text);
  }
  if (nothingRan) {
    io.stderr.write(`clone-conformance: no invariant ran: all ${report.summary.skipped} selected were skipped, so nothing was checked.\n`);
    return EXIT.cannotRun;
  }
  return outcome.exitCode;
}

/** Runs the command; resolves to the exit code. Never throws: every problem becomes a message. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    if (argv[0] === 'spec') {
      if (argv.length > 1) throw new UsageError(`spec takes no arguments; got ${argv.slice(1).join(' ')}.`);
      io.stdout.write(formatSpec(CATALOGUE, specSources()));
      return EXIT.conformant;
    }
    if (argv[0] === 'init') return runInit(argv.slice(1), io);
    const options = parseCliArgs(argv);
    debug = options.debug;
    if (options.help) {
      io.stdout.write(HELP);
      return EXIT.conformant;
    }
    if (options.version) {
      io.stdout.write(`${version()}\n`);
      return EXIT.conformant;
    }
    return await check(options, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof AdapterLoadError || error instanceof BaselineError) {
      io.stderr.write(`clone-conformance: ${error.message}\n`);
      if (debug && error instanceof AdapterLoadError && error.detail instanceof Error) io.stderr.write(`${error.detail.stack}\n`);
      return EXIT.cannotRun;
    }
    io.stderr.write(`clone-conformance: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    if (debug) io.stderr.write(`${(error as Error)?.stack}\n`);
    else io.stderr.write('Run again with --debug for a stack trace, and please report it.\n');
    return EXIT.cannotRun;
  }
}
