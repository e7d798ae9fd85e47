import { parseArgs } from 'node:util';
import { INVARIANT_IDS } from '../../spec/invariants/catalogue.ts';

/** Bad flags or arguments: the run cannot start (exit 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const REPORTERS = ['human', 'json'] as const;
export type ReporterName = (typeof REPORTERS)[number];

export const DEFAULTS = { runs: 100, timeout: 2000, startTimeout: 10_000 } as const;

/** The command line, parsed and checked. */
export interface CliOptions {
  /** Path of the adapter module as given; undefined for the built-in reference or a command. */
  readonly adapter: string | undefined;
  /** Shell command starting an adapter process that speaks spec/PROTOCOL.md. */
  readonly command: string | undefined;
  readonly startTimeout: number;
  readonly runs: number;
  /** Undefined when the user gave none: a random seed is drawn and reported. */
  readonly seed: number | undefined;
  readonly only: readonly string[] | undefined;
  readonly timeout: number;
  readonly reporter: ReporterName;
  readonly path: string | undefined;
  readonly replayPath: string | undefined;
  readonly debug: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

export const HELP = `Usage: clone-conformance [ADAPTER] [options]
       clone-conformance --command "python3 my_adapter.py" [options]

Checks an agent framework's clone against the clone-conformance specification.
ADAPTER is a .ts, .mts, .cts, .js, .mjs or .cjs module exporting an adapter
(default export, or a named export "adapter"). Without it, the built-in
reference implementation is checked.

Options:
  --command CMD     start CMD as an adapter process in any language, spoken to
                    over JSON lines on stdio (spec/PROTOCOL.md)
  --start-timeout MS  bound on starting that process and its handshake
                    (default ${DEFAULTS.startTimeout})
  --runs N          scenarios generated per invariant (default ${DEFAULTS.runs})
  --seed S          fast-check seed, a 32-bit integer (default: random, reported)
  --only ID[,ID]    run only these invariants (repeatable)
  --timeout MS      bound on every adapter call in milliseconds (default ${DEFAULTS.timeout})
  --reporter NAME   human (default) or json (one JSON document on stdout)
  --path P          replay one failure: the fast-check path printed with it
                    (needs --seed and exactly one --only ID)
  --replay-path R   with --path, fast-check's commands replay path of a failed
                    operation sequence (printed in its replay line)
  --debug           show stack traces for errors
  -h, --help        show this help
  -v, --version     show the version

Exit codes:
  0  every invariant passed, or was skipped for a missing probe
  1  at least one invariant failed
  2  the run could not start (adapter missing or broken, bad flags), or no invariant ran
`;

function integer(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} takes an integer from ${min} to ${max}; got "${text}".`);
  }
  return value;
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        command: { type: 'string' },
        'start-timeout': { type: 'string' },
        runs: { type: 'string' },
        seed: { type: 'string' },
        only: { type: 'string', multiple: true },
        timeout: { type: 'string' },
        reporter: { type: 'string' },
        path: { type: 'string' },
        'replay-path': { type: 'string' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see --help).`);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`Expected at most one adapter path; got ${positionals.length}: ${positionals.join(' ')}.`);
  if (values.command !== undefined && positionals.length > 0) throw new UsageError('Give either an adapter module or --command, not both.');
  if (values.command !== undefined && values.command.trim() === '') throw new UsageError('--command needs a command line to start the adapter process.');
  const listed = values.only?.flatMap((list) => list.split(',')).map((id) => id.trim()).filter(Boolean);
  const only = listed && [...new Set(listed)];
  const unknown = only?.filter((id) => !INVARIANT_IDS.includes(id)) ?? [];
  if (unknown.length > 0) throw new UsageError(`Unknown invariant id${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Known ids: ${INVARIANT_IDS.join(', ')}.`);
  if (only !== undefined && only.length === 0) throw new UsageError('--only needs at least one invariant id.');
  const reporter = values.reporter ?? 'human';
  if (!(REPORTERS as readonly string[]).includes(reporter)) throw new UsageError(`--reporter takes one of ${REPORTERS.join(', ')}; got "${reporter}".`);
  const seed = integer('--seed', values.seed, -(2 ** 31), 2 ** 31 - 1);
  if (values.path !== undefined) {
    if (!/^\d+(:\d+)*$/.test(values.path)) throw new UsageError(`--path takes a fast-check path such as 3:0:1; got "${values.path}".`);
    if (seed === undefined || only?.length !== 1) throw new UsageError('--path replays one failure: give it with --seed and exactly one --only ID, as printed in the replay line.');
  }
  if (values['replay-path'] !== undefined && values.path === undefined) throw new UsageError('--replay-path goes with --path, as printed in the replay line.');
  return {
    adapter: positionals[0],
    command: values.command,
    startTimeout: integer('--start-timeout', values['start-timeout'], 1, 3_600_000) ?? DEFAULTS.startTimeout,
    runs: integer('--runs', values.runs, 1, 1_000_000) ?? DEFAULTS.runs,
    seed,
    only,
    timeout: integer('--timeout', values.timeout, 1, 3_600_000) ?? DEFAULTS.timeout,
    reporter: reporter as ReporterName,
    path: values.path,
    replayPath: values['replay-path'],
    debug: values.debug ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}

/** Quotes one shell word when it needs it, so that a replay line can be pasted as it is. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
