import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT, runMain } from './support/cli.ts';
import { withoutStreamedLines } from './support/streamed.ts';

// The real frameworks in examples/ (installed by .ci/run with `npm ci` in each folder): their
// recorded results are the expected baseline, and the README's table states the same results.
const FRAMEWORKS = [
  { folder: 'openai-agents', package: '@openai/agents' },
  { folder: 'google-adk', package: '@google/adk' },
  { folder: 'beeai', package: 'beeai-framework' },
];

const readme = readFileSync(`${ROOT}README.md`, 'utf8');

describe.each(FRAMEWORKS)('examples/$folder', ({ folder, package: name }) => {
  it('reproduces its recorded results: exactly the baseline fails (exit 0), the same on three seeds', async () => {
    const version = (JSON.parse(readFileSync(`${ROOT}examples/${folder}/node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
    // Entries are ids, or ids with the finding they pin.
    const entries = (JSON.parse(readFileSync(`${ROOT}examples/${folder}/expected-failures.json`, 'utf8')) as { expectedFailures: (string | { id: string })[] }).expectedFailures;
    const baseline = entries.map((entry) => (typeof entry === 'string' ? entry : entry.id));
    for (const seed of ['1', '2', '3']) {
      const { code, stdout, stderr } = await runMain([`examples/${folder}/adapter.ts`, '--seed', seed, '--expect', `examples/${folder}/expected-failures.json`, '--reporter', 'json']);
      expect(withoutStreamedLines(stderr)).toBe('');
      expect(code).toBe(0);
      const report = JSON.parse(stdout) as { results: { id: string; status: string }[] };
      const checked = report.results.filter((result) => result.status !== 'skipped');
      expect(checked.length).toBeGreaterThan(0);
      // The README table row for each checked invariant says what happened, with the version.
      for (const result of checked) {
        const row = readme.split('\n').find((line) => line.startsWith(`| ${name} ${version} | \`${result.id}\` |`));
        expect(row, `README row for ${name} ${version} ${result.id}`).toBeDefined();
        expect(row).toContain(result.status === 'failed' ? '| fails |' : '| passes |');
      }
      expect(report.results.filter((result) => result.status === 'failed').map((result) => result.id).sort()).toEqual([...baseline].sort());
    }
  });
});
