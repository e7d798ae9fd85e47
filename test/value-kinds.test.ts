import { describe, expect, it } from 'vitest';
import { fallBack, kindsTaken } from '../spec/generators/value-kinds.ts';
import { ROOT, runMain } from './support/cli.ts';

// Value kinds follow the protocol version (spec/PROTOCOL.md §6): an adapter is sent set and map
// descriptions only from version 3, or when it declares it takes them (hello.accepts).
describe('value kinds an adapter is sent', () => {
  it('sets and maps from version 3, or when declared', () => {
    expect([...kindsTaken(1)]).toEqual([]);
    expect([...kindsTaken(2)]).toEqual([]);
    expect([...kindsTaken(3)].sort()).toEqual(['map', 'set']);
    expect([...kindsTaken(1, ['map'])]).toEqual(['map']);
  });

  it('falls back to plain objects and arrays, keeping sharing, cycles and what needs no change', () => {
    const key = { id: 'k' };
    const shared = new Map<unknown, unknown>([['limit', 3], [2, 'two'], [key, 'by object']]);
    const tool = { name: 'search' };
    const config: Record<string, unknown> = { tools: [tool], features: { a: { rules: shared }, b: { rules: shared, tags: new Set(['x']) } } };
    (config.features as Record<string, Record<string, unknown>>).a!.parent = config;
    const sent = fallBack(config, kindsTaken(1)) as typeof config & { features: Record<string, Record<string, unknown>> };
    expect(sent).not.toBe(config);
    expect(sent.tools).toBe(config.tools); // holds nothing to replace: kept itself
    expect(sent.features.a!.rules).toEqual({ limit: 3, 2: 'two', '#2': 'by object' });
    expect(sent.features.a!.rules).toBe(sent.features.b!.rules);
    expect(sent.features.b!.tags).toEqual(['x']);
    expect(sent.features.a!.parent).toBe(sent);
    expect(fallBack(config, kindsTaken(3))).toBe(config);
  });

  it('a strict version 1 adapter, which fails on any kind version 1 does not define, passes the reference semantics', async () => {
    const { code, stdout } = await runMain(['--command', 'node --import tsx fixtures/process/strict-v1.mts', '--seed', '1', '--runs', '30', '--reporter', 'json'], ROOT);
    const report = JSON.parse(stdout) as { conformant: boolean; results: { id: string; status: string; message?: string }[] };
    expect(report.results.filter((result) => result.status !== 'passed').map((result) => `${result.id}: ${result.message}`)).toEqual([]);
    expect(report.conformant).toBe(true);
    expect(code).toBe(0);
  }, 240_000);
});
