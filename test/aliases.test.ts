import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { firstId, resolveId } from '../spec/invariants/aliases.ts';
import { INVARIANT_IDS } from '../spec/invariants/catalogue.ts';
import { selectIds } from '../src/cli/select.ts';
import { readBaseline } from '../src/report/baseline.ts';
import { groupFindings } from '../src/report/findings.ts';
import type { InvariantResult } from '../src/report/model.ts';

// No invariant has been renamed yet: the mechanism is exercised with an injected table of renames.
const RENAMES = { 'channel.tools.fresh-list': 'channel.tools.new-list', 'channel.tools.own-list': 'channel.tools.new-list', 'deepcopy.equal': 'deepcopy.config-equal' };

const dir = mkdtempSync(join(tmpdir(), 'clone-conformance-aliases-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const baselineFile = (entries: unknown[]) => {
  const file = join(dir, `baseline-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ expectedFailures: entries }));
  return file;
};

describe('renamed invariant ids resolve to the current id', () => {
  it('resolveId: current, renamed (with the old id), or unknown; a rename to an id not in the catalogue is unknown', () => {
    expect(resolveId('channel.tools.new-list', INVARIANT_IDS, RENAMES)).toEqual({ kind: 'current', id: 'channel.tools.new-list' });
    expect(resolveId('channel.tools.fresh-list', INVARIANT_IDS, RENAMES)).toEqual({ kind: 'renamed', from: 'channel.tools.fresh-list', id: 'channel.tools.new-list' });
    expect(resolveId('channel.tools.fresh-list', INVARIANT_IDS, {})).toEqual({ kind: 'unknown', id: 'channel.tools.fresh-list' });
    expect(resolveId('channel.gone', INVARIANT_IDS, { 'channel.gone': 'channel.nowhere' })).toEqual({ kind: 'unknown', id: 'channel.gone' });
    expect(resolveId('toString', INVARIANT_IDS, RENAMES).kind).toBe('unknown');
  });

  it('--only and --exclude take an old id (or a pattern matching only old ids), with a notice naming the current id', () => {
    const only = selectIds(INVARIANT_IDS, ['channel.tools.fresh-list', 'deepcopy.equal'], undefined, RENAMES);
    expect(only.ids).toEqual(['channel.tools.new-list', 'deepcopy.config-equal']);
    expect(only.notices).toEqual([
      '--only channel.tools.fresh-list: invariant channel.tools.fresh-list was renamed channel.tools.new-list; read as channel.tools.new-list (the old id stays accepted as an alias).',
      '--only deepcopy.equal: invariant deepcopy.equal was renamed deepcopy.config-equal; read as deepcopy.config-equal (the old id stays accepted as an alias).',
    ]);
    const excluded = selectIds(INVARIANT_IDS, ['channel.tools.*'], ['channel.tools.own-list'], RENAMES);
    expect(excluded.ids).not.toContain('channel.tools.new-list');
    expect(excluded.ids).toContain('channel.tools.same-elements');
    expect(excluded.notices).toHaveLength(1);
    expect(selectIds(INVARIANT_IDS, ['*.fresh-list'], undefined, RENAMES).ids).toEqual(['channel.tools.new-list']);
    // A current id gets no notice, and without the table an old id is unknown.
    expect(selectIds(INVARIANT_IDS, ['channel.tools.new-list'], undefined, RENAMES).notices).toEqual([]);
    expect(() => selectIds(INVARIANT_IDS, ['channel.tools.fresh-list'], undefined, {})).toThrow(/no invariant id matches "channel.tools.fresh-list"/);
  });

  it('a mistyped id gets "did you mean", through the old ids too (suggesting the current id)', () => {
    expect(() => selectIds(INVARIANT_IDS, ['channel.tools.new-lsit'], undefined, RENAMES)).toThrow(/matches "channel.tools.new-lsit" \(did you mean channel.tools.new-list\?\)/);
    expect(() => selectIds(INVARIANT_IDS, ['deepcopy.equall'], undefined, RENAMES)).toThrow(/\(did you mean deepcopy.config-equal\?\)/);
  });

  it('baselines: plain and pinned entries under an old id count for the current id, with a notice', () => {
    const file = baselineFile(['channel.tools.fresh-list', { id: 'deepcopy.equal', finding: '1a2b3c4d' }, 'channel.identity']);
    const baseline = readBaseline(file, INVARIANT_IDS, RENAMES);
    expect(baseline.expectedFailures).toEqual(['channel.tools.new-list', 'deepcopy.config-equal', 'channel.identity']);
    expect(baseline.pinned).toEqual({ 'deepcopy.config-equal': '1a2b3c4d' });
    expect(baseline.notices).toEqual([
      `the baseline ${file}: invariant channel.tools.fresh-list was renamed channel.tools.new-list; read as channel.tools.new-list (update it: the old id stays accepted as an alias).`,
      `the baseline ${file}: invariant deepcopy.equal was renamed deepcopy.config-equal; read as deepcopy.config-equal (update it: the old id stays accepted as an alias).`,
    ]);
    expect(readBaseline(baselineFile(['channel.identity']), INVARIANT_IDS, RENAMES)).not.toHaveProperty('notices');
    expect(() => readBaseline(file, INVARIANT_IDS, {})).toThrow(/does not know: channel.tools.fresh-list.*, deepcopy.equal/);
    expect(() => readBaseline(baselineFile(['deepcopy.equall']), INVARIANT_IDS, RENAMES)).toThrow(/does not know: deepcopy.equall \(did you mean deepcopy.config-equal\?\)/);
  });

  it("a pinned finding keeps its fingerprint across a rename (fingerprints use the invariant's first id)", () => {
    const failure = (id: string): InvariantResult => ({
      id, level: 'MUST', status: 'failed', rule: 'r', message: 'observed clone.tools is the source list; required a new list', observed: 'clone.tools is the source list', required: 'a new list',
      counterexample: '{}', path: '0', shrunk: true,
    });
    const before = groupFindings([failure('channel.tools.fresh-list')], {})[0]!;
    const after = groupFindings([failure('channel.tools.new-list')], RENAMES)[0]!;
    expect(after.fingerprint).toBe(before.fingerprint);
    expect(groupFindings([failure('channel.tools.new-list')], {})[0]!.fingerprint).not.toBe(before.fingerprint);
    expect(firstId('channel.tools.new-list', RENAMES)).toBe('channel.tools.fresh-list');
    expect(firstId('channel.identity', RENAMES)).toBe('channel.identity');
  });
});
