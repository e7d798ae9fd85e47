import { parseArgs } from 'node:util';
export { HELP } from './help.ts';
import { INVARIANT_IDS } from '../../spec/invariants/catalogue.ts';
import { patternList, selectIds } from './select.ts';
import { UsageError } from './usage-error.ts';
import { didYouMean } from '../did-you-mean.ts';
import { checkSpecPin } from '../../spec/version.ts';

export { UsageError } from './usage-error.ts';

export const REPORTERS = ['human', 'json', 'junit', 'github-actions'] as const;
export type ReporterName = (typeof REPORTERS)[number];

/** One reporter and where it writes: a file, or standard output. */
export interface ReporterChoice {
  readonly name: ReporterName;
  readonly file?: string;
}

export { DEFAULTS } from './defaults.ts';
import { DEFAULTS } from './defaults.ts';

/** The command line, parsed and checked. */
export interface CliOptions {
  /** Path of the adapter module as given; undefined for the built-in reference or a command. */
  readonly adapter: string | undefined;
  /** Shell command starting an adapter process that speaks spec/PROTOCOL.md. */
  readonly command: string | undefined;
  /**
   * The tsconfig a TypeScript adapter is compiled with (its paths, its JSX...); by default tsx
   * looks for tsconfig.json from the working directory.
   */
  readonly tsconfig: string | undefined;
  readonly startTimeout: number;
  readonly runs: number;
  /** Undefined when the user gave none: a random seed is drawn and reported. */
  readonly seed: number | undefined;
  /** The `--only` patterns as given (ids, or `*` patterns such as `channel.*`). */
  readonly only: readonly string[] | undefined;
  /** The `--exclude` patterns as given. */
  readonly exclude: readonly string[] | undefined;
  /** The invariant ids to run, in catalogue order: `--only` minus `--exclude`. */
  readonly ids: readonly string[];
  /** Said on standard error before the run: e.g. an old (renamed) invariant id read as its current one. */
  readonly notices: readonly string[];
  /** Stop at the first failed invariant. */
  readonly bail: boolean;
  /** Print the selected invariants and exit, running nothing. */
  readonly list: boolean;
  readonly timeout: number;
  readonly reporters: readonly ReporterChoice[];
  /** Known-failures baseline to gate against. */
  readonly expect: string | undefined;
  /** Where to record the current failures as a starting baseline. */
  readonly writeExpect: string | undefined;
  /** SHOULD failures fail the run too. */
  readonly strict: boolean;
  /**
   * `--spec VERSION`: the specification version the run is pinned to (checked: a published version
   * of the current major version). Invariants added after it run and are reported, but their
   * failures do not fail the run. Undefined: not pinned, every invariant gates.
   */
  readonly spec: string | undefined;
  readonly path: string | undefined;
  readonly replayPath: string | undefined;
  readonly debug: boolean;
  readonly help: boolean;
  readonly version: boolean;
}


function integer(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} takes an integer from ${min} to ${max}; got "${text}".`);
  }
  return value;
}

const OPTIONS = {
  command: { type: 'string' },
  tsconfig: { type: 'string' },
  'start-timeout': { type: 'string' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  only: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  reporter: { type: 'string', multiple: true },
  output: { type: 'string' },
  expect: { type: 'string' },
  'write-expect': { type: 'string' },
  strict: { type: 'boolean' },
  spec: { type: 'string' },
  bail: { type: 'boolean' },
  list: { type: 'boolean' },
  path: { type: 'string' },
  'replay-path': { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/**
 * Joins `--flag -5` into `--flag=-5` for the flags that take a value: parseArgs reads a value that
 * starts with a dash as another flag ("argument is ambiguous"), but `--seed -5` is a valid seed and
 * `--runs -1` deserves the range message.
 */
function joinNegativeValues(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const word = argv[index]!;
    const next = argv[index + 1];
    const option = word.startsWith('--') ? OPTIONS[word.slice(2) as keyof typeof OPTIONS] : undefined;
    if (word === '--') {
      joined.push(...argv.slice(index));
      break;
    }
    if (option?.type === 'string' && next !== undefined && /^-\.?\d/.test(next)) {
      joined.push(`${word}=${next}`);
      index += 1;
    } else {
      joined.push(word);
    }
  }
  return joined;
}

/** Every flag, as typed. */
const FLAGS = Object.entries(OPTIONS).flatMap(([name, option]) => [`--${name}`, ...('short' in option ? [`-${option.short}`] : [])]);

/**
 * A switch given a value (`--bail 2`): parseArgs would read the value as the adapter path. A word
 * after a switch that is no adapter path (no module extension) is taken for such a value.
 */
function checkSwitchValues(argv: readonly string[]): void {
  for (let index = 0; index < argv.length - 1; index += 1) {
    const word = argv[index]!;
    if (word === '--') return;
    const option = word.startsWith('--') ? OPTIONS[word.slice(2).split('=')[0] as keyof typeof OPTIONS] : undefined;
    const next = argv[index + 1]!;
    if (option?.type === 'boolean' && !next.startsWith('-') && !/\.[cm]?[jt]s$/.test(next)) {
      throw new UsageError(`${word} is a switch and takes no value; got "${next}" after it (see --help).`);
    }
  }
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  checkSwitchValues(argv);
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv),
      allowPositionals: true,
      strict: true,
      options: OPTIONS,
    });
  } catch (error) {
    const unknown = /^Unknown option '([^']+)'/.exec((error as Error).message)?.[1];
    if (unknown !== undefined) throw new UsageError(`unknown flag ${unknown}${didYouMean(unknown, FLAGS)} (see --help).`);
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see --help).`);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`Expected at most one adapter path; got ${positionals.length}: ${positionals.join(' ')}.`);
  if (values.command !== undefined && positionals.length > 0) throw new UsageError('Give either an adapter module or --command, not both.');
  if (values.tsconfig !== undefined && values.command !== undefined) throw new UsageError('--tsconfig is for a TypeScript adapter module; an adapter process (--command) compiles itself.');
  if (values.command !== undefined && values.command.trim() === '') throw new UsageError('--command needs a command line to start the adapter process.');
  const only = patternList(values.only);
  const exclude = patternList(values.exclude);
  if (only !== undefined && only.length === 0) throw new UsageError('--only needs at least one invariant id or pattern.');
  if (exclude !== undefined && exclude.length === 0) throw new UsageError('--exclude needs at least one invariant id or pattern.');
  const { ids, notices } = selectIds(INVARIANT_IDS, only, exclude);
  const reporters = chooseReporters(values.reporter ?? ['human'], values.output);
  const pin = values.spec === undefined ? undefined : checkSpecPin(values.spec);
  if (pin !== undefined && !pin.ok) throw new UsageError(pin.reason);
  const seed = integer('--seed', values.seed, -(2 ** 31), 2 ** 31 - 1);
  if (values.path !== undefined) {
    if (!/^\d+(:\d+)*$/.test(values.path)) throw new UsageError(`--path takes a fast-check path such as 3:0:1; got "${values.path}".`);
    if (seed === undefined || only === undefined || ids.length !== 1) throw new UsageError('--path replays one failure: give it with --seed and exactly one --only ID, as printed in the replay line.');
  }
  if (values['replay-path'] !== undefined && values.path === undefined) throw new UsageError('--replay-path goes with --path, as printed in the replay line.');
  return {
    adapter: positionals[0],
    command: values.command,
    tsconfig: values.tsconfig,
    startTimeout: integer('--start-timeout', values['start-timeout'], 1, 3_600_000) ?? DEFAULTS.startTimeout,
    runs: integer('--runs', values.runs, 1, 1_000_000) ?? DEFAULTS.runs,
    seed,
    only,
    exclude,
    ids,
    notices,
    bail: values.bail ?? false,
    list: values.list ?? false,
    timeout: integer('--timeout', values.timeout, 1, 3_600_000) ?? DEFAULTS.timeout,
    reporters,
    expect: values.expect,
    writeExpect: values['write-expect'],
    strict: values.strict ?? false,
    spec: pin?.ok ? pin.version : undefined,
    path: values.path,
    replayPath: values['replay-path'],
    debug: values.debug ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}

/**
 * Reads `--reporter` values (repeatable, comma lists, `name:FILE` for a file) and `--output`.
 * junit always writes to a file; `--output` is the file of junit, or else of json. Standard
 * output takes human and github-actions together, but json only alone.
 */
function chooseReporters(values: readonly string[], output: string | undefined): ReporterChoice[] {
  const choices = values.flatMap((value) => value.split(',')).map((spec) => spec.trim()).filter(Boolean).map((spec): ReporterChoice => {
    const at = spec.indexOf(':');
    const name = at === -1 ? spec : spec.slice(0, at);
    const file = at === -1 ? undefined : spec.slice(at + 1);
    if (!(REPORTERS as readonly string[]).includes(name)) throw new UsageError(`--reporter takes one of ${REPORTERS.join(', ')}; got "${name}".`);
    if (file !== undefined && (name === 'human' || name === 'github-actions')) throw new UsageError(`the ${name} reporter writes to standard output; it takes no file.`);
    if (file === '') throw new UsageError(`--reporter ${name}: needs a file name after the colon.`);
    return file === undefined ? { name: name as ReporterName } : { name: name as ReporterName, file };
  });
  const target = output === undefined ? undefined : choices.find((choice) => choice.name === 'junit' && !choice.file) ?? choices.find((choice) => choice.name === 'json' && !choice.file);
  if (output !== undefined && target === undefined) throw new UsageError('--output names the file of the junit or json reporter; add --reporter junit or --reporter json.');
  const resolved = choices.map((choice) => (choice === target ? { ...choice, file: output } : choice));
  const missing = resolved.find((choice) => choice.name === 'junit' && !choice.file);
  if (missing) throw new UsageError('the junit reporter writes to a file: give --output FILE (or --reporter junit:FILE).');
  const onStdout = resolved.filter((choice) => !choice.file);
  if (onStdout.some((choice) => choice.name === 'json') && onStdout.length > 1) {
    throw new UsageError('json on standard output must be alone; write it to a file with --output FILE or --reporter json:FILE.');
  }
  return resolved;
}

export { shellQuote } from '../report/replay.ts';
