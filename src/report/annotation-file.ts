import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

// Workflow-command property escaping, as GitHub's runner expects it.
const property = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * Gives GitHub annotations (`::error title=...::`) the file they are about, so that GitHub shows
 * them on that file: a stale baseline entry on the baseline, every other one on the adapter.
 * Applied to the github-actions reporter's output, whatever its lines say.
 */
export function annotateFiles(text: string, files: { readonly adapter?: string | undefined; readonly baseline?: string | undefined }): string {
  return text.replace(/^::(error|warning|notice) (?!file=)/gm, (start, _kind, offset: number) => {
    const line = text.slice(offset, text.indexOf('\n', offset));
    const file = line.includes('stale baseline entry') ? files.baseline : files.adapter;
    return file === undefined ? start : `${start}file=${property(file)},`;
  });
}

/**
 * The file an adapter lives in, for annotations: the module given, or the script a `--command`
 * runs (its last word that names an existing file with a source extension: `python3 adapter.py`).
 */
export function adapterFile(adapter: string | undefined, command: string | undefined, cwd: string): string | undefined {
  if (adapter !== undefined) return adapter;
  if (command === undefined) return undefined;
  const words = command.split(/\s+/).filter((word) => /\.(py|[cm]?[jt]s|rb|go|java|rs)$/.test(word));
  return words.reverse().find((word) => existsSync(resolve(cwd, word)));
}
