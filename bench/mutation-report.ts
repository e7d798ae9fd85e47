/**
 * After `stryker run`: writes the mutation section of BENCHMARKS.md from Stryker's JSON report.
 * Every surviving mutant must be explained as equivalent in bench/equivalent-mutants.json (keyed
 * by file, line, column and mutator, with the replacement); any unexplained survivor is listed as such and
 * makes this script exit 1.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

const ROOT = new URL('../', import.meta.url).pathname;

interface Mutant {
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly status: string;
  readonly location: { readonly start: { readonly line: number; readonly column: number } };
}

interface Report {
  readonly files: Record<string, { readonly mutants: readonly Mutant[] }>;
}

const report = JSON.parse(readFileSync(`${ROOT}reports/mutation/mutation.json`, 'utf8')) as Report;
const explained = JSON.parse(readFileSync(`${ROOT}bench/equivalent-mutants.json`, 'utf8')) as Record<string, string>;

const key = (file: string, mutant: Mutant) => `${file}:${mutant.location.start.line}:${mutant.location.start.column} ${mutant.mutatorName} ${JSON.stringify(mutant.replacement ?? '')}`;
const counts = new Map<string, number>();
const survivors: { key: string; reason: string | undefined }[] = [];
for (const [file, { mutants }] of Object.entries(report.files)) {
  for (const mutant of mutants) {
    counts.set(mutant.status, (counts.get(mutant.status) ?? 0) + 1);
    if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') survivors.push({ key: key(file, mutant), reason: explained[key(file, mutant)] });
  }
}
const killed = (counts.get('Killed') ?? 0) + (counts.get('Timeout') ?? 0);
const equivalent = survivors.filter((survivor) => survivor.reason !== undefined).length;
const unexplained = survivors.filter((survivor) => survivor.reason === undefined);
const total = [...counts.values()].reduce((sum, count) => sum + count, 0) - (counts.get('CompileError') ?? 0) - (counts.get('Ignored') ?? 0);
const score = (killed / total) * 100;
const scoreWithoutEquivalent = (killed / (total - equivalent)) * 100;

const section = `<!-- mutation -->
## Mutation testing

Measured by \`npm run mutation\` on ${new Date().toISOString().slice(0, 10)}: StrykerJS 9 with its vitest runner mutates the
reference implementation (\`spec/reference/\`) and runs the conformance suite against each mutant
(\`test/reference.test.ts\`, fixed seeds).

| measure | figure |
|---|---|
| mutants | ${total} (${[...counts].map(([status, count]) => `${status.toLowerCase()} ${count}`).join(', ')}) |
| killed (a test failed or timed out) | ${killed} |
| mutation score | ${score.toFixed(1)}% |
| equivalent survivors (explained below) | ${equivalent} |
| **score over non-equivalent mutants** | **${scoreWithoutEquivalent.toFixed(1)}%** |

${survivors.length === 0 ? 'No mutant survived.' : `Surviving mutants:\n\n| mutant (file:line:column mutator replacement) | why it is equivalent |\n|---|---|\n${survivors.map((survivor) => `| \`${survivor.key.replace(/\|/g, '\\|')}\` | ${survivor.reason ?? '**not explained: an invariant or generator must kill it**'} |`).join('\n')}`}
<!-- /mutation -->`;

const path = `${ROOT}BENCHMARKS.md`;
const previous = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n\n<!-- mutation -->\n<!-- /mutation -->\n';
writeFileSync(path, previous.replace(/<!-- mutation -->[\s\S]*<!-- \/mutation -->/, section));
process.stdout.write(`mutation score ${score.toFixed(1)}% (${scoreWithoutEquivalent.toFixed(1)}% of non-equivalent mutants); ${unexplained.length} unexplained survivor(s)\n`);
for (const survivor of unexplained) process.stdout.write(`  unexplained: ${survivor.key}\n`);
process.exitCode = unexplained.length === 0 ? 0 : 1;
