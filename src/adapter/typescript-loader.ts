/** Extensions that need a TypeScript loader to import. */
export const TYPESCRIPT_EXTENSIONS: readonly string[] = ['.ts', '.mts', '.cts'];

let registered = false;

/**
 * Registers tsx (both hooks: a TypeScript adapter outside any "type": "module" package is loaded
 * as CommonJS) the first time a TypeScript adapter is imported, and only then: the command itself
 * runs from the compiled `dist/`, so a JavaScript adapter or an adapter process never pays for the
 * loader. Running from the sources, a loader is in place already (vitest, or the worker shim).
 */
export async function ensureTypeScriptLoader(): Promise<void> {
  if (registered || import.meta.url.endsWith('.ts')) return;
  registered = true;
  const [{ register: registerEsm }, { register: registerCjs }] = await Promise.all([import('tsx/esm/api'), import('tsx/cjs/api')]);
  registerEsm();
  registerCjs();
}
