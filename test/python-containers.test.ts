import { describe, expect, it } from 'vitest';
import { unpack } from '../src/transports/packed.ts';
import { runMain } from './support/cli.ts';
import { runWithKit } from './support/python-kit.ts';

// Containers without a __dict__: a collections.deque (a bounded history) and classes with
// __slots__ (counters made by the thousand). The kit saw both by identity only, so a recorded
// entry never showed: state rules were "not checkable", and a copy that dropped a deque's items or
// a clone that carried slotted counters passed (fixtures/python/defective/state_deque_*, state_slotted_*).
const observed = (setup: string, value: string) => {
  const result = runWithKit(`
import collections
${setup}
session = kit._Session(kit.Adapter(), max_protocol=2)
session.hello({"protocols": [1, 2]})
kit._send(session.observer.observe(${value}))
`);
  expect(result.stderr).toBe('');
  return unpack(JSON.parse(result.stdout)) as unknown as { kind: string; type: string; entries: [string, { kind: string; value?: unknown }][] };
};
const shown = (value: ReturnType<typeof observed>) => value.entries.map(([key, item]) => [key, item.value ?? item.kind]);

describe('the Python kit: containers without a __dict__', () => {
  it('observes a deque by its bound and its items in order', () => {
    const history = observed('', 'collections.deque(["hi", "there"], maxlen=5)');
    expect(history.type).toBe('deque');
    expect(shown(history)).toEqual([['maxlen', 5], ['0', 'hi'], ['1', 'there']]);
    expect(shown(observed('', 'collections.deque([{"a": 1}])'))).toEqual([['0', 'object']]);
  });

  it('observes the slots of a class, inherited and private ones too, leaving out a slot never set', () => {
    const usage = observed(
      `
class Counter(object):
    __slots__ = ("calls",)
class Usage(Counter):
    __slots__ = ("tokens", "__budget", "unset")
    def __init__(self):
        self.calls, self.tokens, self.__budget = 1, 20, 300
`,
      'Usage()',
    );
    expect(usage.type).toBe('Usage');
    expect(shown(usage).sort()).toEqual([['_Usage__budget', 300], ['calls', 1], ['tokens', 20]]);
  });

  it('observes slots beside a __dict__ (a subclass without __slots__ of a slotted class)', () => {
    const both = observed(
      `
class Slotted(object):
    __slots__ = ("kept",)
class Open(Slotted):
    pass
value = Open()
value.kept, value.extra = "in a slot", "in the dict"
`,
      'value',
    );
    expect(shown(both)).toEqual([['extra', 'in the dict'], ['kept', 'in a slot']]);
  });
});

describe('an adapter whose agents keep state in a deque and in slots', () => {
  it('conforms when each clone starts with its own, and a deep copy holds equal copies (the defective twins differ in that alone)', async () => {
    const { code, stdout } = await runMain(['--command', 'python3 fixtures/python/bounded_state_adapter.py', '--seed', '5', '--runs', '20', '--reporter', 'json']);
    const report = JSON.parse(stdout) as { summary: { passed: number; failed: number; skipped: number } };
    expect(report.summary.failed).toBe(0);
    // The six state rules ran (recorded entries show in a deque and in slots), none was "not checkable".
    expect(report.summary.skipped).toBe(0);
    expect(code).toBe(0);
  });
});
