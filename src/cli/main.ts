import { readFileSync } from 'node:fs';
import { CATALOGUE, findInvariant } from '../../spec/invariants/catalogue.ts';
import { AdapterLoadError } from '../adapter/load.ts';
import { formatHuman } from '../report/human.ts';
import { formatJson } from '../report/json.ts';
import { buildReport, type RunReport } from '../report/model.ts';
import { runIsolated } from '../run/isolated-run.ts';
import { runInvariants } from '../run/run-catalogue.ts';
import type { InvariantRunOptions } from '../run/run-invariant.ts';
import { processSubject } from '../transports/process-subject.ts';
import { DEFAULTS, HELP, parseCliArgs, shellQuote, UsageError, type CliOptions } from './args.ts';

/** Where the command writes; the real process streams, or buffers in tests. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const EXIT = { conformant: 0, failed: 1, cannotRun: 2 } as const;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
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
  const subject = await processSubject({ command, cwd: io.cwd, timeout: options.timeout, startTimeout: options.startTimeout });
  try {
    const invariants = ids.map((id) => findInvariant(id)!);
    return { adapterName: subject.name, results: await runInvariants(invariants, subject, settings) };
  } finally {
    await subject.close();
  }
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
  const { adapterName, results } =
    options.command !== undefined
      ? await runProcess(options.command, ids, settings, options, io)
      : await runIsolated({ adapter: options.adapter, cwd: io.cwd, ids, timeout: options.timeout, ...settings });
  const replay = replayCommand(options, seed);
  const withReplay = results.map((result) => (result.status === 'failed' ? { ...result, replay: replay(result.id, result.path, result.replayPath) } : result));
  return buildReport(adapterName, seed, options.runs, withReplay);
}

/** Runs the command; resolves to the exit code. Never throws: every problem becomes a message. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let options: CliOptions | undefined;
  try {
    options = parseCliArgs(argv);
    if (options.help) {
      io.stdout.write(HELP);
      return EXIT.conformant;
    }
    if (options.version) {
      io.stdout.write(`${version()}\n`);
      return EXIT.conformant;
    }
    const report = await run(options, io);
    io.stdout.write(options.reporter === 'json' ? formatJson(report) : formatHuman(report, { color: useColor(io) }));
    if (report.summary.passed + report.summary.failed === 0) {
      io.stderr.write(`clone-conformance: no invariant ran: all ${report.summary.skipped} selected were skipped for missing probes, so nothing was checked.\n`);
      return EXIT.cannotRun;
    }
    return report.conformant ? EXIT.conformant : EXIT.failed;
  } catch (error) {
    if (error instanceof UsageError || error instanceof AdapterLoadError) {
      io.stderr.write(`clone-conformance: ${error.message}\n`);
      if (options?.debug && error instanceof AdapterLoadError && error.detail instanceof Error) io.stderr.write(`${error.detail.stack}\n`);
      return EXIT.cannotRun;
    }
    io.stderr.write(`clone-conformance: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    if (options?.debug) io.stderr.write(`${(error as Error)?.stack}\n`);
    else io.stderr.write('Run again with --debug for a stack trace, and please report it.\n');
    return EXIT.cannotRun;
  }
}
