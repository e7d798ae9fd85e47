import { describe, expect, it } from 'vitest';
import { cutPaths } from '../src/run/observed-depth.ts';
import { IdentityRegistry, observe } from '../src/transports/observe.ts';
import { runMain } from './support/cli.ts';

// Depth: what lies deeper than the observers look (12 levels) is observed by identity only; a
// view holding such a value makes the report say so, naming the path, never a silent pass.
describe('configuration deeper than the observers look', () => {
  it('finds the paths of objects cut at the depth limit, and nothing above it', () => {
    let deep: object = { leaf: true };
    for (let level = 12; level > 0; level--) deep = { [`l${level}`]: deep };
    const registry = new IdentityRegistry();
    expect(cutPaths(observe(registry, deep), 'features')).toEqual(['features.l1.l2.l3.l4.l5.l6.l7.l8.l9.l10.l11.l12']);
    expect(cutPaths(observe(registry, (deep as { l1: object }).l1), 'features')).toEqual([]);
  });

  it('warns, naming the path, and fails under --strict', async () => {
    const args = ['fixtures/verdicts/deep-view.ts', '--only', 'channel.source-unchanged', '--seed', '1', '--runs', '10'];
    const plain = await runMain(args);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain("Warning: The adapter's views held configuration deeper than the observers look (12 levels), e.g. at llm.level1.level2.level3.level4.level5.level6.level7.level8.level9.level10.level11.level12");
    const strict = await runMain([...args, '--strict']);
    expect(strict.code).toBe(1);
  }, 60_000);
});
