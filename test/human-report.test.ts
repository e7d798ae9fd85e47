import { describe, expect, it } from 'vitest';
import { formatHuman } from '../src/report/human.ts';
import { buildReport } from '../src/report/model.ts';
import { verdict } from '../src/report/verdict.ts';

const report = buildReport('my-framework', 42, 100, [
  { id: 'channel.identity', level: 'MUST', status: 'passed', runs: 100 },
  {
    id: 'channel.tools.new-list',
    level: 'MUST',
    status: 'failed',
    rule: "The clone's tools list is an array, and not the source's array object.",
    message: "observed clone.tools is the source's tools array itself; required a new array holding the same tools",
    observed: "clone.tools is the source's tools array itself",
    required: 'a new array holding the same tools',
    counterexample: '{"config":{"name":"","tools":[],"handoffs":null,"features":{}}}',
    path: '0:0',
    shrunk: true,
    replay: 'npx clone-conformance ./my-adapter.ts --seed 42 --only channel.tools.new-list --path 0:0',
  },
  { id: 'channel.locks.isolated', level: 'MUST', status: 'skipped', message: "needs the adapter's tryAcquire() and release() probes, which it does not implement" },
  { id: 'channel.sequences', level: 'MUST', status: 'passed', runs: 100, note: 'operations left out for missing probes: acquire (needs tryAcquire(), release())' },
  { id: 'override.applied', level: 'MUST', status: 'skipped', message: 'profile override not checked: the adapter has no cloneWith()' },
], ['role', 'memory']);

describe('the human report', () => {
  it('reads as one line per invariant, each failure in full, and the verdict', () => {
    expect(formatHuman(report, verdict(report, { strict: false }), { color: false })).toMatchInlineSnapshot(`
      "clone-conformance: my-framework (seed 42, 100 runs per invariant)
      Not checked (the adapter does not map them): role, memory

      The channel clone (cloneForChannel(agent))
        ✓ channel.identity
        ✗ channel.tools.new-list
        - channel.locks.isolated skipped: needs the adapter's tryAcquire() and release() probes, which it does not implement
        ✓ channel.sequences (operations left out for missing probes: acquire (needs tryAcquire(), release()))

      The override clone (cloneWith(agent, overrides)): not checked, the adapter has no cloneWith()

      Findings: one cause for 1 failure

      1) channel.tools.new-list [MUST]
         Rule:      The clone's tools list is an array, and not the source's array object.
         Observed:  clone.tools is the source's tools array itself
         Required:  a new array holding the same tools
         Counterexample (shrunk):
           {"config":{"name":"","tools":[],"handoffs":null,"features":{}}}
         Replay:    npx clone-conformance ./my-adapter.ts --seed 42 --only channel.tools.new-list --path 0:0
         Finding:   00599345

      Summary: 2 passed, 1 failed, 2 skipped
      Not conformant (checked: the channel clone; not checked: the override clone (the adapter has no cloneWith()), the deep copy (not selected)).
      "
    `);
  });

  it('uses colour only when asked (the command asks only on a terminal)', () => {
    const plain = formatHuman(report, verdict(report, { strict: false }), { color: false });
    const coloured = formatHuman(report, verdict(report, { strict: false }), { color: true });
    expect(plain).not.toContain('\u001b[');
    expect(coloured).toContain('\u001b[31m');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });
});
