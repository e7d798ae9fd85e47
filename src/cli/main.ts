import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { CATALOGUE, findInvariant, INVARIANT_IDS } from '../../spec/invariants/catalogue.ts';
import { PROFILES } from '../../spec/invariants/profiles.ts';
import { AdapterLoadError } from '../adapter/load.ts';
import { BaselineError, formatBaseline, readBaseline, type Baseline } from '../report/baseline.ts';
import { findingFor } from '../report/findings.ts';
import { formatGithubActions } from '../report/github-actions.ts';
import { adapterFile, annotateFiles } from '../report/annotation-file.ts';
import { formatHuman } from '../report/human.ts';
import { formatJson } from '../report/json.ts';
import { inAdapterLanguage } from '../report/in-adapter-language.ts';
import { formatListJson } from '../report/list-json.ts';
import { specWithVersion, withVersions } from '../report/versions.ts';
import { addedAfter, SPEC_VERSION } from '../../spec/version.ts';
import { formatJunit } from '../report/junit.ts';
import { replayLine } from '../report/replay.ts';
import { formatGithubSummary } from '../report/github-summary.ts';
import { buildReport, nothingChecked, type InvariantResult, type Levers, type RunReport } from '../report/model.ts';
import { formatSpec, region } from '../report/spec-markdown.ts';
import { runsPython } from '../report/python-names.ts';
import { verdict, type Verdict } from '../report/verdict.ts';
import { runIsolated } from '../run/isolated-run.ts';
import type { RunControl } from '../run/run-control.ts';
import { packageRoot } from '../package-root.ts';
import { runProcess } from '../run/process-run.ts';
import { HELP, parseCliArgs, UsageError, type CliOptions, type ReporterChoice } from './args.ts';
import { useColor } from './color.ts';
import { INIT_HELP, SPEC_HELP } from './help.ts';
import { didYouMean } from '../did-you-mean.ts';
import { runInit } from './init.ts';
import { Progress } from './progress.ts';

export type { CliIo } from './io.ts';
import type { CliIo } from './io.ts';

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
  /** The language an adapter process announced (`"python"` from the Python kit). */
  readonly language?: string;
  readonly results: readonly InvariantResult[];
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
        ? await runProcess(
            // The adapter's own logs go to standard error, marked as its own; standard output carries only the report.
            { command: options.command, cwd: io.cwd, env: io.env, timeout: options.timeout, startTimeout: options.startTimeout, bail: options.bail, stderr: (line) => io.stderr.write(`[adapter] ${line}\n`) },
            ids,
            settings,
            control,
          )
        : await runIsolated({ adapter: options.adapter, cwd: io.cwd, ...tsconfigOf(options, io), ids, timeout: options.timeout, startTimeout: options.startTimeout, bail: options.bail, ...settings }, control);
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
  // The kit's word first; the command line for adapters in Python that speak the protocol without it.
  const report = found.language === 'python' || runsPython(options.command) ? { ...built, language: 'python' as const } : built;
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
      return formatJson(inAdapterLanguage(report), outcome, options.expect !== undefined || options.writeExpect !== undefined);
    case 'junit':
      return formatJunit(inAdapterLanguage(report), outcome);
    case 'github-actions':
      return annotateFiles(formatGithubActions(inAdapterLanguage(report), outcome), { adapter: adapterFile(options.adapter, options.command, io.cwd), baseline: options.expect });
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
    appendFileSync(resolve(io.cwd, file), formatGithubSummary(inAdapterLanguage(report), outcome));
  } catch (error) {
    io.stderr.write(`clone-conformance: warning: could not write the job summary to GITHUB_STEP_SUMMARY (${file}): ${(error as Error).message}\n`);
  }
}

/** A signal that came while the report was written (the run had ended): it still decides the exit code. */
function signalledMeanwhile(interrupted: CliIo['interrupted']): Promise<'SIGINT' | 'SIGTERM' | undefined> {
  if (interrupted === undefined) return Promise.resolve(undefined);
  return Promise.race([interrupted, new Promise<undefined>((resolve) => setImmediate(resolve, undefined))]);
}

/** The run command: check an adapter, report, gate. */
async function check(options: CliOptions, io: CliIo): Promise<number> {
  if (options.list) {
    const json = options.reporters.some((choice) => choice.name === 'json' && choice.file === undefined);
    io.stdout.write(json ? formatListJson(CATALOGUE.filter((invariant) => options.ids.includes(invariant.id))) : formatList(options.ids));
    return EXIT.conformant;
  }
  let baseline: Baseline | undefined = options.expect === undefined ? undefined : readBaseline(resolve(io.cwd, options.expect), INVARIANT_IDS);
  for (const notice of [...options.notices, ...(baseline?.notices ?? [])]) io.stderr.write(`clone-conformance: notice: ${notice}\n`);
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
  const pin = options.spec === undefined ? {} : { pin: { version: options.spec, newer: addedAfter(options.spec, CATALOGUE) } };
  const outcome = verdict(report, { strict: options.strict, ...(baseline ? { baseline } : {}), ...pin });
  for (const choice of options.reporters) {
    const versions = { suite: version(), specification: SPEC_VERSION, ...(options.spec === undefined ? {} : { pinned: options.spec }) };
    const text = withVersions(choice.name, render(choice, report, outcome, options, io), versions);
    if (choice.file === undefined) io.stdout.write(text);
    else writeFile(io.cwd, choice.file, text);
    if (choice.name === 'github-actions') writeGithubSummary(report, outcome, io);
  }
  if (report.interrupted !== undefined) {
    io.stderr.write(`clone-conformance: interrupted by ${report.interrupted}; the adapter was stopped, and the report covers what was found so far.\n`);
    return EXIT[report.interrupted];
  }
  const late = await signalledMeanwhile(io.interrupted);
  if (late !== undefined) {
    io.stderr.write(`clone-conformance: interrupted by ${late} while the report was written; the report is whole, the exit code is the signal's.\n`);
    return EXIT[late];
  }
  if (empty) {
    io.stderr.write(`clone-conformance: no invariant ran: all ${report.summary.skipped} selected were skipped, so nothing was checked.\n`);
    return EXIT.cannotRun;
  }
  return outcome.exitCode;
}

/** `--tsconfig FILE`, checked and made absolute, for the worker that loads the adapter. */
function tsconfigOf(options: CliOptions, io: CliIo): { tsconfig?: string } {
  if (options.tsconfig === undefined) return {};
  const path = resolve(io.cwd, options.tsconfig);
  if (!existsSync(path)) throw new UsageError(`--tsconfig: ${options.tsconfig} not found (looked for ${path}).`);
  return { tsconfig: path };
}

/** The command's subcommands. */
const COMMANDS = ['spec', 'init', 'help'] as const;

/**
 * A first word that is no adapter path (no extension, no such file) but a slip away from a
 * subcommand: a mistyped command, said so, rather than "adapter file not found".
 */
function checkCommandWord(word: string | undefined): void {
  if (word === undefined || word.startsWith('-') || extname(word) !== '') return;
  const suggestion = didYouMean(word, COMMANDS);
  if (suggestion !== '') throw new UsageError(`unknown command "${word}"${suggestion} (see --help).`);
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
      io.stdout.write(specWithVersion(formatSpec(CATALOGUE, specSources()), SPEC_VERSION));
      return EXIT.conformant;
    }
    if (argv[0] === 'init') return runInit(argv.slice(1), io);
    if (argv[0] === 'help') {
      const topic = argv[1];
      if (argv.length > 2 || (topic !== undefined && !(COMMANDS as readonly string[]).includes(topic))) {
        throw new UsageError(`help takes one of ${COMMANDS.join(', ')}, or nothing; got ${argv.slice(1).join(' ')}${topic === undefined ? '' : didYouMean(topic, COMMANDS)}.`);
      }
      io.stdout.write(topic === 'init' ? INIT_HELP : topic === 'spec' ? SPEC_HELP : HELP);
      return EXIT.conformant;
    }
    checkCommandWord(argv[0]);
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
