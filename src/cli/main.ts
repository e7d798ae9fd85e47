import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { CATALOGUE, findInvariant, INVARIANT_IDS } from '../../spec/invariants/catalogue.ts';
import { PROFILES } from '../../spec/invariants/profiles.ts';
import { AdapterLoadError } from '../adapter/load.ts';
import { BaselineError, formatBaseline, readBaseline, type Baseline } from '../report/baseline.ts';
import { findingFor } from '../report/findings.ts';
import { formatGithubActions } from '../report/github-actions.ts';
import { formatHuman } from '../report/human.ts';
import { formatJson } from '../report/json.ts';
import { formatJunit } from '../report/junit.ts';
import { replayLine } from '../report/replay.ts';
import { formatGithubSummary } from '../report/github-summary.ts';
import { buildReport, nothingChecked, type InvariantResult, type Levers, type RunReport } from '../report/model.ts';
import { formatSpec, region } from '../report/spec-markdown.ts';
import { runsPython } from '../report/python-names.ts';
import { verdict, type Verdict } from '../report/verdict.ts';
import { runIsolated } from '../run/isolated-run.ts';
import { runInvariants } from '../run/run-catalogue.ts';
import type { RunControl } from '../run/run-control.ts';
import type { InvariantRunOptions } from '../run/run-invariant.ts';
import { packageRoot } from '../package-root.ts';
import { processSubjects, type ProcessSubject } from '../transports/process-subject.ts';
import { runInvariantsInParallel } from '../run/run-parallel.ts';
import { leversOf } from '../run/view-preflight.ts';
import { HELP, parseCliArgs, UsageError, type CliOptions, type ReporterChoice } from './args.ts';
import { useColor } from './color.ts';
import { SPEC_HELP } from './help.ts';
import { runInit } from './init.ts';
import { Progress } from './progress.ts';

/** Where the command writes; the real process streams, or buffers in tests. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Progress is drawn here when it is a terminal. */
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Settles with the signal's name when the user stops the command (the bin wires SIGINT and
   * SIGTERM to it): the adapter is ended, the report so far printed, and the exit code is 130 or 143.
   */
  readonly interrupted?: Promise<'SIGINT' | 'SIGTERM'>;
}

export const EXIT = { conformant: 0, failed: 1, cannotRun: 2, SIGINT: 130, SIGTERM: 143 } as const;

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('package.json', packageRoot()), 'utf8')) as { version: string };
  return pkg.version;
}

/** The texts the generated specification quotes, read from the TypeScript sources that define them (shipped with the package). */
function specSources() {
  const read = (path: string) => readFileSync(new URL(path, packageRoot()), 'utf8');
  return { contract: region(read('src/adapter/contract.ts'), 'contract'), config: region(read('spec/agent-config.ts'), 'config') };
}

interface Found {
  readonly adapterName: string;
  readonly notChecked: readonly string[];
  readonly levers?: Levers;
  readonly results: readonly InvariantResult[];
}

/** Waits at most `ms` for a promise, never rejecting. The timer keeps the process alive meanwhile (an unref'd one would let Node exit mid-await). */
function settledWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([promise.then(() => {}, () => {}), bound]).finally(() => clearTimeout(timer));
}

/**
 * Runs the invariants against an adapter process: no worker needed, the process is the isolation.
 * On a signal the processes (and their process groups) are ended at once, and what was found so far
 * is returned; they are ended again once the run loop has stopped, in case the loop restarted one.
 */
async function runProcess(command: string, ids: readonly string[], settings: InvariantRunOptions, options: CliOptions, io: CliIo, control: RunControl): Promise<Found> {
  // The adapter's own logs go to standard error, marked as its own; standard output carries only the report.
  const stderr = (line: string) => io.stderr.write(`[adapter] ${line}\n`);
  // --bail stops at the first failure in catalogue order: one process, one invariant after the other.
  const count = options.bail ? 1 : Math.min(adapterProcesses(io.env), ids.length);
  const lanes = options.bail ? 1 : invariantsInFlight(io.env);
  const subjects = await processSubjects({ command, cwd: io.cwd, timeout: options.timeout, startTimeout: options.startTimeout, stderr }, count, lanes);
  const [subject] = subjects as [ProcessSubject, ...ProcessSubject[]];
  const found = (results: readonly InvariantResult[]) => ({ adapterName: subject.name, notChecked: subject.scope.unmapped, levers: leversOf(subject), results });
  const results: InvariantResult[] = [];
  const onResult = (result: InvariantResult) => {
    results.push(result);
    control.onResult?.(result);
  };
  const invariants = ids.map((id) => findInvariant(id)!);
  const running = subjects.length > 1 ? runInvariantsInParallel(invariants, subjects, settings, onResult, control) : runInvariants(invariants, subject, settings, onResult, control);
  const stopped = new Promise<'stopped'>((resolve) => {
    if (control.signal?.aborted) resolve('stopped');
    control.signal?.addEventListener('abort', () => resolve('stopped'), { once: true });
  });
  try {
    const outcome = await Promise.race([running, stopped]);
    if (outcome !== 'stopped') return found(outcome);
    // In catalogue order, whichever process finished first.
    const partial = ids.flatMap((id) => results.filter((result) => result.id === id));
    await Promise.all(subjects.map((each) => each.close()));
    await settledWithin(running, 2000);
    return found(partial);
  } finally {
    await Promise.all(subjects.map((each) => each.close()));
  }
}

/**
 * How many adapter processes run invariants side by side: CLONE_CONFORMANCE_ADAPTER_PROCESSES (at
 * most the machine's cores), else one. Two overlap the suite's work with the adapter's.
 */
function adapterProcesses(env: CliIo['env']): number {
  const asked = Number.parseInt(env.CLONE_CONFORMANCE_ADAPTER_PROCESSES ?? '', 10);
  // One by default: an adapter may hold a resource (a port, a file) that a second copy would fight over.
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, 8, availableParallelism());
  return 1;
}

/**
 * How many invariants run side by side on one adapter process that speaks protocol version 3, their
 * requests in flight together: CLONE_CONFORMANCE_IN_FLIGHT (1 to 16), else 8. While the adapter
 * answers one invariant's calls the suite prepares and checks another's, and no request waits for
 * the process to wake up: the adapter always has the next one.
 */
function invariantsInFlight(env: CliIo['env']): number {
  const asked = Number.parseInt(env.CLONE_CONFORMANCE_IN_FLIGHT ?? '', 10);
  return Number.isInteger(asked) && asked >= 1 ? Math.min(asked, 16) : 8;
}

async function run(options: CliOptions, io: CliIo): Promise<RunReport> {
  const seed = options.seed ?? (Math.random() * 2 ** 31) | 0;
  const ids = options.ids;
  const settings = {
    seed,
    runs: options.runs,
    ...(options.path === undefined ? {} : { path: options.path }),
    ...(options.replayPath === undefined ? {} : { replayPath: options.replayPath }),
  };
  const abort = new AbortController();
  let signal: 'SIGINT' | 'SIGTERM' | undefined;
  void io.interrupted?.then((name) => {
    signal = name;
    abort.abort();
  });
  const progress = new Progress(io.stderr, ids.length);
  const control: RunControl = {
    bail: options.bail,
    signal: abort.signal,
    onStart: (id) => progress.started(id),
    onResult: (result) => progress.finished(result.id, result.status),
  };
  let found: Found;
  try {
    found =
      options.command !== undefined
        ? await runProcess(options.command, ids, settings, options, io, control)
        : await runIsolated({ adapter: options.adapter, cwd: io.cwd, ids, timeout: options.timeout, startTimeout: options.startTimeout, bail: options.bail, ...settings }, control);
  } finally {
    progress.end();
  }
  const source = { adapter: options.adapter, command: options.command, seed, timeout: options.timeout, startTimeout: options.startTimeout };
  const withReplay = found.results.map((result) => {
    if (result.status !== 'failed') return result;
    // The adapter's stack only under --debug: default reports stay the same for a given seed.
    const { stack, ...failure } = result;
    return { ...failure, replay: replayLine(source, result), ...(options.debug && stack !== undefined ? { stack } : {}) };
  });
  const built = buildReport(found.adapterName, seed, options.runs, withReplay, found.notChecked, found.levers);
  const report = runsPython(options.command) ? { ...built, language: 'python' as const } : built;
  if (signal === undefined) return report;
  const finished = new Set(found.results.map((result) => result.id));
  // A run stopped halfway vouches for nothing: never conformant, whatever finished so far.
  return { ...report, conformant: false, interrupted: signal, notRun: ids.filter((id) => !finished.has(id)) };
}

function render(choice: ReporterChoice, report: RunReport, outcome: Verdict, options: CliOptions, io: CliIo): string {
  switch (choice.name) {
    case 'human':
      return formatHuman(report, outcome, { color: choice.file === undefined && useColor(io.env, io.stdout.isTTY), ...(options.expect ? { baselineFile: options.expect } : {}) });
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

/**
 * Checks, before the run, that every file the run will write can be written (its folder created,
 * the file opened), so that a bad path costs a usage error at once, not the whole run. A file that
 * did not exist is removed again: nothing is left behind if the run cannot start.
 */
function checkWritable(cwd: string, files: readonly { readonly file: string; readonly what: string }[]): void {
  for (const { file, what } of files) {
    const path = resolve(cwd, file);
    try {
      const existed = existsSync(path);
      mkdirSync(dirname(path), { recursive: true });
      closeSync(openSync(path, 'a'));
      if (!existed) rmSync(path);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new UsageError(`cannot write ${what} to ${file} (${reason}: ${(error as Error).message.replace(/^\w+: /, '')}); choose another file.`);
    }
  }
}

/** `--list`: the selected invariants with their rules, per profile. */
function formatList(ids: readonly string[]): string {
  const lines: string[] = [];
  for (const [profile, about] of Object.entries(PROFILES)) {
    const invariants = CATALOGUE.filter((invariant) => invariant.profile === profile && ids.includes(invariant.id));
    if (invariants.length === 0) continue;
    if (lines.length > 0) lines.push('');
    lines.push(`${about.title} (${about.call})`);
    for (const invariant of invariants) lines.push(`  ${invariant.id} [${invariant.level}]`, `      ${invariant.rule}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Appends the Markdown job summary when GitHub Actions names its file; a failure to write it is a warning, not a failed run. */
function writeGithubSummary(report: RunReport, outcome: Verdict, io: CliIo): void {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (file === undefined || file === '') return;
  try {
    appendFileSync(resolve(io.cwd, file), formatGithubSummary(report, outcome));
  } catch (error) {
    io.stderr.write(`clone-conformance: warning: could not write the job summary to GITHUB_STEP_SUMMARY (${file}): ${(error as Error).message}\n`);
  }
}

/** The run command: check an adapter, report, gate. */
async function check(options: CliOptions, io: CliIo): Promise<number> {
  if (options.list) {
    io.stdout.write(formatList(options.ids));
    return EXIT.conformant;
  }
  let baseline: Baseline | undefined = options.expect === undefined ? undefined : readBaseline(resolve(io.cwd, options.expect), INVARIANT_IDS);
  checkWritable(io.cwd, [
    ...options.reporters.flatMap((choice) => (choice.file === undefined ? [] : [{ file: choice.file, what: `the ${choice.name} report` }])),
    ...(options.writeExpect === undefined ? [] : [{ file: options.writeExpect, what: 'the baseline (--write-expect)' }]),
  ]);
  const report = await run(options, io);
  const empty = nothingChecked(report);
  if (options.writeExpect !== undefined && !empty && report.interrupted === undefined) {
    const failures = report.results.filter((result) => result.status === 'failed').map((result) => result.id);
    const entries = failures.map((id) => {
      const finding = findingFor(report.findings, id);
      return finding === undefined ? id : { id, finding: finding.fingerprint };
    });
    writeFile(io.cwd, options.writeExpect, formatBaseline(entries));
    baseline = { expectedFailures: failures, pinned: Object.fromEntries(entries.flatMap((entry) => (typeof entry === 'string' ? [] : [[entry.id, entry.finding]]))) };
    io.stderr.write(`clone-conformance: recorded ${failures.length} failure${failures.length === 1 ? '' : 's'} as the baseline in ${options.writeExpect}.\n`);
  }
  const outcome = verdict(report, { strict: options.strict, ...(baseline ? { baseline } : {}) });
  for (const choice of options.reporters) {
    const text = render(choice, report, outcome, options, io);
    if (choice.file === undefined) io.stdout.write(text);
    else writeFile(io.cwd, choice.file, text);
    if (choice.name === 'github-actions') writeGithubSummary(report, outcome, io);
  }
  if (report.interrupted !== undefined) {
    io.stderr.write(`clone-conformance: interrupted by ${report.interrupted}; the adapter was stopped, and the report covers what was found so far.\n`);
    return EXIT[report.interrupted];
  }
  if (empty) {
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
      if (argv.length === 2 && (argv[1] === '--help' || argv[1] === '-h')) {
        io.stdout.write(SPEC_HELP);
        return EXIT.conformant;
      }
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
