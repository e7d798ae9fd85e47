import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mustFail } from '../fixtures/defective/shared-tools-list.ts';
import { ROOT } from './support/cli.ts';

// The composite action's own steps (action.yml), run as the shell script GitHub would run: each
// step's `run` with its `env`, the inputs filled in, in a project that depends on the package.
interface Step {
  readonly env: Record<string, string>;
  readonly run: string;
}

/** The `run` steps of action.yml, read by indentation (the file keeps to this plain layout). */
function runSteps(yaml: string): Step[] {
  const steps: Step[] = [];
  for (const block of yaml.split('\n    - ').slice(1)) {
    const lines = block.split('\n');
    const env: Record<string, string> = {};
    const envAt = lines.findIndex((line) => line === '      env:');
    if (envAt !== -1) {
      for (const line of lines.slice(envAt + 1)) {
        const match = /^ {8}(\w+): (.*)$/.exec(line);
        if (!match) break;
        env[match[1]!] = match[2]!;
      }
    }
    const runAt = lines.findIndex((line) => line === '      run: |');
    if (runAt === -1) continue;
    const body = lines.slice(runAt + 1).filter((line) => line === '' || line.startsWith('        ')).map((line) => line.slice(8));
    steps.push({ env, run: body.join('\n') });
  }
  return steps;
}

const project = mkdtempSync(join(tmpdir(), 'clone-conformance-action-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));
// A project that depends on clone-conformance (linked: the install step then installs nothing).
mkdirSync(join(project, 'node_modules', '.bin'), { recursive: true });
symlinkSync(ROOT, join(project, 'node_modules', 'clone-conformance'));
symlinkSync(join(ROOT, 'bin', 'clone-conformance.mjs'), join(project, 'node_modules', '.bin', 'clone-conformance'));
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'team', private: true, type: 'module' }));
symlinkSync(join(ROOT, 'fixtures'), join(project, 'fixtures'));

function runAction(inputs: Record<string, string>) {
  const yaml = readFileSync(join(ROOT, 'action.yml'), 'utf8');
  const defaults: Record<string, string> = { adapter: '', command: '', baseline: '', spec: '', reporters: 'github-actions,junit:clone-conformance.xml', args: '', version: 'latest' };
  const fill = (text: string) => text.replace(/\$\{\{ inputs\.([\w-]+) \}\}/g, (_, name: string) => inputs[name] ?? defaults[name] ?? '');
  const output = join(project, `output-${Math.random()}`);
  const summary = join(project, `summary-${Math.random()}`);
  writeFileSync(output, '');
  writeFileSync(summary, '');
  let stdout = '';
  let status: number | null = 0;
  for (const step of runSteps(yaml)) {
    const env = Object.fromEntries(Object.entries(step.env).map(([key, value]) => [key, fill(value)]));
    const result = spawnSync('bash', ['-e', '-c', step.run], { cwd: project, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, NO_COLOR: '1' } });
    stdout += result.stdout;
    status = result.status;
    if (status !== 0) break;
  }
  return { status, stdout, output: readFileSync(output, 'utf8'), summary: readFileSync(summary, 'utf8') };
}

describe('the composite GitHub Action (action.yml)', () => {
  it('fails the job on a defective adapter: annotations on the adapter file, the job summary, the exit code as an output, a JUnit file', () => {
    const { status, stdout, output, summary } = runAction({ adapter: 'fixtures/defective/shared-tools-list.ts', args: '--seed 1 --runs 20' });
    expect(status).toBe(1);
    expect(output).toBe('exit-code=1\n');
    // One annotation per finding, on the adapter file: each declared id is its root or among what it explains.
    const annotations = stdout.split('\n').filter((line) => line.startsWith('::error file=fixtures/defective/shared-tools-list.ts,title=clone-conformance '));
    expect(annotations.length).toBeGreaterThan(0);
    for (const id of mustFail) expect(annotations.some((line) => line.includes(`title=clone-conformance ${id}`) || new RegExp(`Also explains: [^%]*\\b${id.replaceAll('.', '\\.')}\\b`).test(line))).toBe(true);
    expect(summary).toContain('### clone-conformance: ');
    expect(readFileSync(join(project, 'clone-conformance.xml'), 'utf8')).toContain('<testsuites');
  }, 120_000);

  it('passes the job when exactly the baseline fails, and runs an adapter process given as a command', () => {
    // The baseline as a team records it, with the same seed.
    expect(runAction({ adapter: 'fixtures/defective/shared-tools-list.ts', args: '--seed 1 --runs 20 --write-expect expected.json', reporters: 'github-actions' }).status).toBe(0);
    // Entries pin their finding ({ id, finding }), or are bare ids.
    const recorded = (JSON.parse(readFileSync(join(project, 'expected.json'), 'utf8')) as { expectedFailures: (string | { id: string })[] }).expectedFailures;
    expect(recorded.map((entry) => (typeof entry === 'string' ? entry : entry.id))).toEqual(expect.arrayContaining([...mustFail]));
    const gated = runAction({ adapter: 'fixtures/defective/shared-tools-list.ts', baseline: 'expected.json', args: '--seed 1 --runs 20', reporters: 'github-actions' });
    expect(gated.status).toBe(0);
    expect(gated.output).toBe('exit-code=0\n');
    const viaCommand = runAction({ command: 'python3 fixtures/python/reference_adapter.py', args: '--seed 1 --runs 5 --only channel.identity', reporters: 'github-actions' });
    expect(viaCommand.status).toBe(0);
    expect(viaCommand.summary).toContain('Conformant');
  }, 180_000);

  it('pins the gate to a specification version (`spec`), and a version the suite cannot be pinned to stops the job (exit 2)', () => {
    const pinned = runAction({ adapter: 'fixtures/reference.ts', spec: '1.0', args: '--seed 1 --runs 5 --only channel.identity', reporters: 'json' });
    expect(pinned.status).toBe(0);
    // The install step's line first, then the JSON report.
    const report = pinned.stdout.slice(pinned.stdout.indexOf('\n{') + 1);
    expect((JSON.parse(report) as { versions: { pinned?: string } }).versions.pinned).toBe('1.0');
    const unknown = runAction({ adapter: 'fixtures/reference.ts', spec: '9.9', args: '--seed 1 --runs 5', reporters: 'json' });
    expect(unknown.status).toBe(2);
    expect(unknown.output).toBe('exit-code=2\n');
  }, 120_000);
});
