import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../package-root.ts';
import { UsageError } from './args.ts';
import { INIT_HELP } from './help.ts';
import type { CliIo } from './main.ts';

const LANGS = {
  ts: { template: 'adapter.ts.txt', file: 'my-adapter.ts', run: (file: string) => `npx clone-conformance ./${file}` },
  // The starter imports the Python package (kits/python, `pip install clone-conformance`), whose
  // command runs the suite of its own version with the interpreter that has the package.
  python: { template: 'adapter.py.txt', file: 'my_adapter.py', run: (file: string) => `pip install clone-conformance   # once: the adapter kit it imports\n  python -m clone_conformance check ${file}` },
} as const;

/** The language of a starter: --lang, else the file's extension (.py: python), else ts. */
function languageOf(lang: string | undefined, file: string | undefined): 'ts' | 'python' {
  const byName = file?.endsWith('.py') ? 'python' : undefined;
  if (lang === undefined) return byName ?? 'ts';
  if (lang !== 'ts' && lang !== 'python') throw new UsageError(`init --lang takes ts or python; got "${lang}".`);
  if (lang === 'ts' && byName === 'python') throw new UsageError(`init: ${file} is a Python file name, and --lang ts writes TypeScript: use --lang python, or a .ts name.`);
  return lang;
}

/** `init [--lang ts|python] [FILE]`: writes a starter adapter whose every method says what it must do. */
export function runInit(argv: readonly string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: { lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    throw new UsageError(`init: ${(error as Error).message.split('\n')[0]} (see --help).`);
  }
  if (parsed.values.help) {
    io.stdout.write(INIT_HELP);
    return 0;
  }
  if (parsed.positionals.length > 1) throw new UsageError('init takes at most one file name.');
  const lang = languageOf(parsed.values.lang, parsed.positionals[0]);
  const chosen = LANGS[lang];
  const file = parsed.positionals[0] ?? chosen.file;
  const path = resolve(io.cwd, file);
  if (existsSync(path)) throw new UsageError(`init: ${file} exists already; it was left as it is.`);
  const template = readFileSync(new URL(`src/cli/templates/${chosen.template}`, packageRoot()), 'utf8');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, template.replaceAll('__FILE__', basename(file)));
  io.stdout.write(`Wrote ${file}: a starter adapter. Fill in its methods, then run:\n  ${chosen.run(file)}\n`);
  return 0;
}
