import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../spec/invariants/catalogue.ts';
import { PROBES } from '../spec/model/subject.ts';
import { ROOT, runMain } from './support/cli.ts';

describe('the generated specification', () => {
  it('spec/SPEC.md is the current output of `clone-conformance spec` (regenerate it when this fails)', async () => {
    const { code, stdout } = await runMain(['spec']);
    expect(code).toBe(0);
    expect(readFileSync(`${ROOT}spec/SPEC.md`, 'utf8')).toBe(stdout);
  });

  it("states every invariant's id, level, rule, rationale and probes, and the adapter contract", async () => {
    const { stdout } = await runMain(['spec']);
    for (const invariant of CATALOGUE) {
      const section = stdout.split(`### ${invariant.id}\n`)[1]?.split('\n### ')[0];
      expect(section, invariant.id).toBeDefined();
      expect(section).toContain(`**${invariant.level}.** ${invariant.rule}`);
      expect(section).toContain(`*Why:* ${invariant.rationale}`);
      for (const probe of invariant.needs) expect(section).toContain(`\`${probe}()\``);
    }
    expect(stdout).toContain('export interface CloneAdapter<A = unknown> {');
    expect(stdout).toContain('export interface AgentConfig {');
    for (const probe of PROBES) expect(stdout).toContain(`  ${probe}?(`);
  });

  it('is linked from the README', () => {
    expect(readFileSync(`${ROOT}README.md`, 'utf8')).toContain('(spec/SPEC.md)');
  });
});
