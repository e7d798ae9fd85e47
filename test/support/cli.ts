import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/clone-conformance.mjs', import.meta.url));

export interface CliOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command's main() in this process, with output captured. */
export async function runMain(
  argv: readonly string[],
  cwd = ROOT,
  terminal: { isTTY?: boolean; stderrTTY?: boolean; env?: Record<string, string>; interrupted?: Promise<'SIGINT' | 'SIGTERM'> } = {},
): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text), isTTY: terminal.isTTY ?? false },
    stderr: { write: (text: string) => (stderr += text), isTTY: terminal.stderrTTY ?? false },
    cwd,
    env: terminal.env ?? {},
    ...(terminal.interrupted ? { interrupted: terminal.interrupted } : {}),
  });
  return { code, stdout, stderr };
}

/** Runs the installed command as a user would: a separate Node process. */
export function runBin(argv: readonly string[], cwd = ROOT): CliOutcome {
  const result = spawnSync(process.execPath, [BIN, ...argv], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The failed invariant ids of a JSON report. */
export function failedIds(stdout: string): string[] {
  const report = JSON.parse(stdout) as { results: { id: string; status: string }[] };
  return report.results.filter((result) => result.status === 'failed').map((result) => result.id).sort();
}
