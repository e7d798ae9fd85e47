import { existsSync } from 'node:fs';

/**
 * The package's root folder as a file URL (ending in `/`), found from this module whether it runs
 * from the sources (`src/`) or from the build (`dist/src/`): files read at run time (package.json,
 * templates, the Python kit, the TypeScript sources the spec quotes) live there, not in `dist/`.
 */
export function packageRoot(): URL {
  for (const up of ['../', '../../']) {
    const candidate = new URL(up, import.meta.url);
    if (existsSync(new URL('package.json', candidate))) return candidate;
  }
  throw new Error(`clone-conformance: no package.json above ${import.meta.url}`);
}
