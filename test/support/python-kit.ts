import { spawnSync } from 'node:child_process';
import { ROOT } from './cli.ts';

/** What every kit script starts with: the kit from this checkout, imported as `kit`. */
const PREAMBLE = 'import sys\nsys.path.insert(0, "kits/python")\nimport clone_conformance as kit\n';

/**
 * Runs a Python script with the kit imported as `kit`, from the project root; `input` goes to its
 * standard input, `env` is added to the environment.
 */
export function runWithKit(script: string, input?: string, env?: Record<string, string>) {
  return spawnSync('python3', ['-c', PREAMBLE + script], {
    cwd: ROOT,
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
    ...(env === undefined ? {} : { env: { ...process.env, ...env } }),
  });
}
