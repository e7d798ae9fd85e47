import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../package-root.ts';
import { UsageError } from './args.ts';
import { INIT_HELP } from './help.ts';
import type { CliIo } from './main.ts';

const LANGS = {
  ts: { template: 'adapter.ts.txt', file: 'my-adapter.ts', run: (file: string) => `npx clone-conformance ./${file}` },
  python: { template: 'adapter.py.txt', file: 'my_adapter.py', run: (file: string) => `npx clone-conformance --command "python3 ${file}"` },
} as const;

const KIT = new URL('kits/python/clone_conformance/', packageRoot());

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
  const lang = parsed.values.lang ?? 'ts';
  if (lang !== 'ts' && lang !== 'python') throw new UsageError(`init --lang takes ts or python; got "${lang}".`);
  if (parsed.positionals.length > 1) throw new UsageError('init takes at most one file name.');
  const chosen = LANGS[lang];
  const file = parsed.positionals[0] ?? chosen.file;
  const path = resolve(io.cwd, file);
  if (existsSync(path)) throw new UsageError(`init: ${file} exists already; it was left as it is.`);
  const template = readFileSync(new URL(`src/cli/templates/${chosen.template}`, packageRoot()), 'utf8');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, template.replaceAll('__FILE__', basename(file)));
  io.stdout.write(`Wrote ${file}: a starter adapter. Fill in its methods, then run:\n  ${chosen.run(file)}\n`);
  if (lang === 'python') {
    const kit = join(dirname(path), 'clone_conformance');
    if (!existsSync(kit)) {
      cpSync(KIT, kit, { recursive: true, filter: (source) => !source.includes('__pycache__') });
      io.stdout.write(`Wrote ${join(dirname(file), 'clone_conformance')}/: the adapter kit it imports.\n`);
    }
  }
  return 0;
}
