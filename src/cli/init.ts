import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../package-root.ts';
import { didYouMean } from '../did-you-mean.ts';
import { UsageError } from './usage-error.ts';
import { INIT_HELP } from './help.ts';
import type { CliIo } from './io.ts';

/** A starter's language: its template, default file, the extensions that mean it, and how to run it. */
interface Starter {
  readonly template: string;
  readonly file: string;
  readonly extensions: readonly string[];
  /** The text that ends the template (`__EXPORT__`): how the module at this path exports its adapter. */
  readonly exports?: (path: string) => string;
  readonly run: (file: string) => string;
}

/** Whether a `.js` file at `path` is CommonJS: its nearest package.json does not say "type": "module". */
function commonJsPackage(path: string): boolean {
  for (let folder = dirname(path); ; folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: unknown }).type !== 'module';
      } catch {
        return true;
      }
    }
    if (dirname(folder) === folder) return true;
  }
}

const jsExport = (path: string) => {
  const extension = extname(path);
  return extension === '.cjs' || (extension === '.js' && commonJsPackage(path)) ? 'module.exports = adapter;' : 'export default adapter;';
};

const LANGS: Readonly<Record<'ts' | 'js' | 'python', Starter>> = {
  ts: { template: 'adapter.ts.txt', file: 'my-adapter.ts', extensions: ['.ts', '.mts', '.cts'], run: (file) => `npx clone-conformance ./${file}` },
  js: { template: 'adapter.js.txt', file: 'my-adapter.mjs', extensions: ['.mjs', '.js', '.cjs'], exports: jsExport, run: (file) => `npx clone-conformance ./${file}` },
  // The Python starter imports the Python package (kits/python, `pip install clone-conformance`), whose
  // command runs the suite of its own version with the interpreter that has the package.
  python: { template: 'adapter.py.txt', file: 'my_adapter.py', extensions: ['.py'], run: (file) => `pip install clone-conformance   # once: the adapter kit it imports\n  python -m clone_conformance check ${file}` },
};
const LANG_NAMES = Object.keys(LANGS) as (keyof typeof LANGS)[];

/** The language a file's extension says, if it says one. */
function langOf(file: string): keyof typeof LANGS | undefined {
  const extension = extname(file);
  return LANG_NAMES.find((lang) => LANGS[lang].extensions.includes(extension));
}

/**
 * `init [--lang ts|js|python] [FILE]`: writes a starter adapter whose every method says what it
 * must do, in the language FILE's extension says (`.ts`, `.mjs`/`.js`, `.cjs`, `.py`), or --lang.
 */
export function runInit(argv: readonly string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: { lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    const unknown = /^Unknown option '([^']+)'/.exec((error as Error).message)?.[1];
    if (unknown !== undefined) throw new UsageError(`init: unknown flag ${unknown}${didYouMean(unknown, ['--lang', '--help'])} (see init --help).`);
    throw new UsageError(`init: ${(error as Error).message.split('\n')[0]} (see init --help).`);
  }
  if (parsed.values.help) {
    io.stdout.write(INIT_HELP);
    return 0;
  }
  if (parsed.positionals.length > 1) throw new UsageError('init takes at most one file name.');
  const asked = parsed.values.lang;
  if (asked !== undefined && !(LANG_NAMES as readonly string[]).includes(asked)) {
    throw new UsageError(`init --lang takes ts, js or python; got "${asked}"${didYouMean(asked, LANG_NAMES)}.`);
  }
  const given = parsed.positionals[0];
  const said = given === undefined ? undefined : langOf(given);
  if (given !== undefined && said === undefined) {
    throw new UsageError(`init: ${given} has no extension that says its language; name it .ts, .mjs, .js, .cjs or .py.`);
  }
  if (asked !== undefined && said !== undefined && asked !== said) {
    throw new UsageError(`init: --lang ${asked} and ${given} disagree (its extension says ${said}); give one or the other.`);
  }
  const lang = (said ?? asked ?? 'ts') as keyof typeof LANGS;
  const chosen = LANGS[lang];
  const file = given ?? chosen.file;
  const path = resolve(io.cwd, file);
  if (existsSync(path)) throw new UsageError(`init: ${file} exists already; it was left as it is.`);
  const template = readFileSync(new URL(`src/cli/templates/${chosen.template}`, packageRoot()), 'utf8');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, template.replaceAll('__FILE__', basename(file)).replace('__EXPORT__', chosen.exports?.(path) ?? ''));
  io.stdout.write(`Wrote ${file}: a starter adapter. Fill in its methods, then run:\n  ${chosen.run(file)}\n`);
  return 0;
}
