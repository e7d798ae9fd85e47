/**
 * What the tests need that `npm install` alone does not leave up to date, prepared once per vitest
 * run so that `npm install && npm test` passes on a fresh clone with no other step:
 * - dist/, which the bin runs: rebuilt when a source file is newer than it (a stale build would
 *   make the end-to-end tests check old code);
 * - examples/<framework>/node_modules: each example pins its framework in its own lockfile, and
 *   `npm ci` installs exactly that (from the registry when npm's cache lacks it), again whenever the
 *   lockfile is newer than the installation. Not workspaces: hoisting would mix the frameworks'
 *   dependencies with the tool's own and with each other's, while each example must reproduce its
 *   recorded results with exactly the versions its lockfile pins;
 * - pytest, for the Python package's pytest entry (test/python-package.test.ts): Python's package
 *   index is out of reach where CI runs, so it comes from Debian (python3-pytest), installed here
 *   when no python3 can import it and the tests run as root (as on CI and the project's machines).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILT = join(ROOT, 'dist/src/cli/main.js');

function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function buildIfStale(): void {
  const sources = Math.max(...['spec', 'src', 'suites'].map((folder) => newestSource(join(ROOT, folder))), statSync(join(ROOT, 'tsconfig.build.json')).mtimeMs);
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= sources) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
}

function installExamples(): void {
  const examples = join(ROOT, 'examples');
  for (const folder of readdirSync(examples)) {
    const dir = join(examples, folder);
    const lockfile = join(dir, 'package-lock.json');
    if (!existsSync(lockfile)) continue;
    // npm records what it installed in node_modules/.package-lock.json: reinstall when the lockfile changed since.
    const installed = join(dir, 'node_modules/.package-lock.json');
    if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lockfile).mtimeMs) continue;
    process.stderr.write(`test setup: installing examples/${folder} (npm ci)\n`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
  }
}

const canImportPytest = (python: string) => spawnSync(python, ['-c', 'import pytest'], { stdio: 'ignore' }).status === 0;

function installPytest(): void {
  if (canImportPytest('python3') || canImportPytest('/usr/bin/python3')) return;
  // Not root: the test says what to install, rather than this setup asking for a password.
  if (process.getuid?.() !== 0) return;
  process.stderr.write('test setup: installing pytest from Debian (apt-get install python3-pytest)\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'python3-pytest'], { stdio: ['ignore', 'ignore', 'inherit'], env });
}

export default function setup(): void {
  buildIfStale();
  installExamples();
  installPytest();
}
