import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, INVARIANT_IDS } from '../spec/invariants/catalogue.ts';
import { DEFAULTS } from '../src/cli/defaults.ts';
import { runProcess } from '../src/run/process-run.ts';
import { failedIds, ROOT, runMain } from './support/cli.ts';
import { runWithKit } from './support/python-kit.ts';
import { withoutStreamedLines } from './support/streamed.ts';

// Python adapters, through the JSON-lines protocol and the Python kit (python3 from the machine,
// nothing from PyPI). Each defective one declares, on one line or several: MUST_FAIL = ["channel.x", ...].
const DIR = 'fixtures/python/defective';
const defective = readdirSync(`${ROOT}${DIR}`)
  .filter((name) => name.endsWith('.py'))
  .map((name) => {
    const line = /^MUST_FAIL = (\[[^\]]*\])$/m.exec(readFileSync(`${ROOT}${DIR}/${name}`, 'utf8'));
    if (!line) throw new Error(`${DIR}/${name} declares no MUST_FAIL line`);
    return { file: `${DIR}/${name}`, mustFail: (JSON.parse(line[1]!) as string[]).sort() };
  });

const python = (file: string, ...args: string[]) => runMain(['--command', `python3 ${file}`, '--seed', '20261121', '--reporter', 'json', ...args]);

describe('Python adapters over the protocol', () => {
  it('the Python reference passes every invariant of every profile', async () => {
    const { code, stdout, stderr } = await python('fixtures/python/reference_adapter.py');
    expect(withoutStreamedLines(stderr)).toBe('');
    expect(JSON.parse(stdout).summary).toEqual({ passed: CATALOGUE.length, failed: 0, skipped: 0 });
    expect(code).toBe(0);
    // A whole run over the protocol (39 invariants, 100 cases each): room on a loaded 2-core machine.
  }, 120_000);

  it("passes the adapter's standard error through, each line prefixed, and keeps standard output for the report", async () => {
    const { code, stdout, stderr } = await python('fixtures/python/chatty_adapter.py', '--only', 'channel.identity', '--runs', '3');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary).toEqual({ passed: 1, failed: 0, skipped: 0 });
    const lines = withoutStreamedLines(stderr).trimEnd().split('\n');
    expect(lines[0]).toBe('[adapter] chatty adapter ready');
    expect(lines.filter((line) => line.startsWith('[adapter] creating ')).length).toBeGreaterThanOrEqual(3);
    expect(lines.every((line) => line.startsWith('[adapter] '))).toBe(true);
    expect(stdout).not.toContain('creating');
  });

  it('shows the traceback the kit sends with an error answer under --debug only', async () => {
    const args = ['--only', 'channel.identity', '--runs', '3'];
    const plain = await python('fixtures/python/raising_adapter.py', ...args);
    const [withoutTraceback] = JSON.parse(plain.stdout).results;
    expect(withoutTraceback.message).toBe('clone_for_channel() threw RuntimeError: channel state cannot be rebuilt');
    expect('stack' in withoutTraceback).toBe(false);
    expect(withoutStreamedLines(plain.stderr)).toBe(''); // the traceback travels in the answer, not on standard error
    const debug = await python('fixtures/python/raising_adapter.py', ...args, '--debug');
    const [withTraceback] = JSON.parse(debug.stdout).results;
    expect(withTraceback.stack).toMatch(/^Traceback \(most recent call last\):\n[\s\S]*in rebuild_channel_state\n[\s\S]*RuntimeError: channel state cannot be rebuilt\n$/);
  });

  it('a framework that validates its configuration passes every invariant with its domains declared (built values through build())', async () => {
    const { code, stdout } = await python('fixtures/python/validating_adapter.py');
    expect(JSON.parse(stdout).summary).toEqual({ passed: CATALOGUE.length, failed: 0, skipped: 0 });
    expect(code).toBe(0);
  }, 120_000);

  it('malformed domains in the handshake: exit 2 naming the problem', async () => {
    const script = "import sys; sys.path.insert(0, 'kits/python'); import clone_conformance as k\nclass A(k.Adapter):\n  domains = {'fields': {'tool_timeout': {'kind': 'integer'}}}\n  def clone_for_channel(self, agent): return agent\nk.run(A())";
    const { code, stderr } = await runMain(['--command', `python3 -c "${script}"`]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/domains\.fields\.toolTimeout must be a domain: an object whose "kind" is one of/);
  });

  it('the kit exports, with `import *`, every name an adapter uses: Rejected among them', () => {
    const script = "from clone_conformance import *\nprint(sorted(name for name in dir() if not name.startswith('_')))"; // importing claims no stdout
    const result = runWithKit(script);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain("'Rejected'");
    expect(result.stdout).toContain("'Adapter'");
    expect(result.stdout).toContain("'OwnedLock'");
  });

  it('there are at least six defective ones, mirroring TypeScript fixtures', () => {
    expect(defective.length).toBeGreaterThanOrEqual(6);
  });

  // As for the TypeScript fixtures: channel.sequences may also catch a single-step defect.
  // At 15 runs (the Python fixtures are the slowest per run; CI neared 10 minutes): each is caught
  // on every declared id within 10 runs on 100 seeds of 100 (`npm run bench`,
  // bench/python-detection.ts), and the first ten cases are the edge-value schedule.
  // Run as the command runs them (one adapter process, eight invariants in flight), but failures are
  // not shrunk: which ids fail does not depend on shrinking, and shrinking was over half of each
  // fixture's time. The command's exit code on a defective one: protocol-versions.test.ts and below.
  const failedOverProtocol = async (file: string): Promise<string[]> => {
    const request = { command: `python3 ${file}`, cwd: ROOT, env: process.env, timeout: DEFAULTS.timeout, startTimeout: 20_000, bail: false, stderr: () => {} };
    const { results } = await runProcess(request, INVARIANT_IDS, { seed: 20261121, runs: 15, shrink: false }, {});
    expect(results.length).toBe(INVARIANT_IDS.length);
    return results.filter((result) => result.status === 'failed').map((result) => result.id).sort();
  };

  it.each(defective.map((fixture) => [fixture.file, fixture] as const))('%s fails exactly its declared ids at 15 runs', async (file, fixture) => {
    const failed = (await failedOverProtocol(file)).filter((id) => id !== 'channel.sequences' || fixture.mustFail.includes(id));
    expect(failed).toEqual(fixture.mustFail);
  });
});

describe('Python values the kit observes', () => {
  const deepcopyIds = CATALOGUE.filter((invariant) => invariant.id.startsWith('deepcopy.')).map((invariant) => invariant.id);

  it('a correct deep copy of an agent whose handoffs are agents (locks, events, Enum, weak dicts inside) passes every deepcopy.* invariant', async () => {
    const { code, stdout } = await python('fixtures/python/handoff_agents_adapter.py', '--only', deepcopyIds.join(','), '--runs', '50');
    expect(JSON.parse(stdout).summary).toEqual({ passed: deepcopyIds.length, failed: 0, skipped: 0 });
    expect(code).toBe(0);
  });

  it('the runtime and immutable flags hide no real sharing: a copy sharing a handoff agent\'s config dict fails deepcopy.no-shared-state', async () => {
    const { code, stdout } = await python('fixtures/python/handoff_agents_shared_config.py', '--only', deepcopyIds.join(','), '--runs', '50');
    expect(failedIds(stdout)).toEqual(['deepcopy.no-shared-state']);
    const failure = (JSON.parse(stdout) as { results: { id: string; message: string }[] }).results.find((result) => result.id === 'deepcopy.no-shared-state')!;
    expect(failure.message).toMatch(/copy\.handoffs\[\d\]\.config is the source's handoffs\[\d\]\.config itself/);
    expect(code).toBe(1);
  });

  it('names the first differing path when a deep copy changes a value nested in a handoff agent', async () => {
    const { code, stdout } = await python('fixtures/python/handoff_agents_policy_reset.py', '--only', deepcopyIds.join(','), '--runs', '50');
    expect(failedIds(stdout)).toEqual(['deepcopy.config-equal']);
    const failure = (JSON.parse(stdout) as { results: { id: string; message: string }[] }).results.find((result) => result.id === 'deepcopy.config-equal')!;
    expect(failure.message).toMatch(/^observed copy\.handoffs\[\d\]\.config\.context_policy\.name = "LENIENT"; required a value deeply equal to the source's: "STRICT"$/);
    expect(code).toBe(1);
  });

  it('observes sets, maps, Enum members, tuples, frozen dataclasses and runtime objects as the protocol says', () => {
    const script = `
import dataclasses, datetime, enum, json, sys, threading, typing, weakref
class Color(enum.Enum):
    RED = "red"
@dataclasses.dataclass(frozen=True)
class Limits:
    calls: int
    names: tuple
@dataclasses.dataclass(frozen=True)
class Holder:
    items: list
class Declared(object):
    pass
class Adapter(kit.Adapter):
    runtime_types = (Declared,)
T = typing.TypeVar("T")
class Box(typing.Generic[T]):
    pass
Generic = Box[int]  # an instance made through the alias keeps it in __orig_class__
session = kit._Session(Adapter())
value = {"set": {1, 2}, "frozen": frozenset({"a"}), "map": {1: "one"}, "color": Color.RED, "tuple": (1, "x"),
         "mixed": (1, []), "limits": Limits(3, ("a",)), "holder": Holder([1]), "lock": threading.Lock(),
         "event": threading.Event(), "weak": weakref.WeakValueDictionary(), "declared": Declared(), "module": sys,
         "bytes": b"ab", "class": Limits, "day": datetime.date(2026, 11, 22),
         "alias": typing.Generic[typing.TypeVar("T")], "builtin_alias": list[int], "generic": Generic()}
kit._send({"deep": kit._unpacked(session.observer.observe(value)),
           "shallow": kit._unpacked(session.observer.observe(threading.Event(), shallow=True)),
           "again": kit._unpacked(session.observer.observe(Color.RED))})
`;
    const result = runWithKit(script);
    expect(withoutStreamedLines(result.stderr)).toBe('');
    const { deep, shallow, again } = JSON.parse(result.stdout) as { deep: { entries: [string, Record<string, unknown>][] }; shallow: Record<string, unknown>; again: Record<string, unknown> };
    const at = new Map(deep.entries);
    expect(at.get('set')).toMatchObject({ kind: 'set', type: 'set', items: [{ kind: 'number', value: 1 }, { kind: 'number', value: 2 }] });
    expect(at.get('set')!.immutable).toBeUndefined();
    expect(at.get('frozen')).toMatchObject({ kind: 'set', type: 'frozenset', immutable: true });
    expect(at.get('map')).toMatchObject({ kind: 'map', type: 'dict', entries: [[{ kind: 'number', value: 1 }, { kind: 'string', value: 'one' }]] });
    expect(at.get('color')).toMatchObject({ kind: 'object', type: 'Color', immutable: true, entries: [['name', { kind: 'string', value: 'RED' }], ['value', { kind: 'string', value: 'red' }]] });
    expect(again.id).toBe(at.get('color')!.id); // a singleton: one token
    expect(at.get('tuple')).toMatchObject({ kind: 'array', type: 'tuple', immutable: true }); // a tuple, never reported as a list
    expect(at.get('mixed')!.immutable).toBeUndefined(); // a tuple holding a list can change
    expect(at.get('limits')).toMatchObject({ kind: 'object', type: 'Limits', immutable: true });
    expect(at.get('holder')!.immutable).toBeUndefined();
    for (const name of ['lock', 'event', 'weak', 'declared', 'module']) {
      expect(at.get(name), name).toMatchObject({ kind: 'object', runtime: true });
      expect(at.get(name)!.entries, name).toBeUndefined();
    }
    expect(shallow.runtime).toBeUndefined(); // the interrupt controller and locks stay identities
    // Immutable values without attributes: by their repr, never shared mutable state.
    expect(at.get('bytes')).toMatchObject({ kind: 'object', type: 'bytes', immutable: true, entries: [['repr', { kind: 'string', value: "b'ab'" }]] });
    expect(at.get('class')).toMatchObject({ kind: 'object', type: 'type', immutable: true });
    // Type-level objects (typing aliases; one kept by a generic instance) are constants, not shared state.
    expect(at.get('alias')).toMatchObject({ kind: 'object', immutable: true });
    expect(at.get('builtin_alias')).toMatchObject({ kind: 'object', immutable: true });
    expect(new Map((at.get('generic') as unknown as { entries: [string, Record<string, unknown>][] }).entries).get('__orig_class__')).toMatchObject({ immutable: true });
    expect(at.get('day')).toMatchObject({ kind: 'object', type: 'date', immutable: true, entries: [['repr', { kind: 'string', value: 'datetime.date(2026, 11, 22)' }]] });
  });

  it('observes functions and identity-only objects from their class alone exactly as the general path does, at every depth, cycles and lying classes included', () => {
    // The walker answers these without the general path (it is most of what an adapter observes);
    // both must give the same packed observation for every value, depth and shallowness.
    const script = `
import datetime, functools, json, sys, threading, types
class Tool(object):
    def run(self):
        return 1
class Liar(object):
    __class__ = property(lambda self: types.FunctionType)  # isinstance() believes it is a function
class Count(int):
    pass
class Settings(dict):
    pass
def search():
    return 0
loop = Tool()
loop.me = loop  # a cycle: an object that is its own ancestor at every depth
values = [Tool(), loop, search, functools.partial(search), Tool().run, len, Liar(), Count(3), 1.5, -0.0,
          kit.UNDEFINED, kit.JSDate(float("nan")), datetime.datetime(2026, 1, 1), {"a": [1]}, [Tool()], Settings(b=2),
          (1, 2), frozenset({1}), {1, 2}, threading.Lock(), Tool, "text", 7, None, True]
observer = kit._Observer()
reference = kit._Observer()
reference.tokens = observer.tokens  # one token per object, whichever observes it first
runtime, plain = observer._classes()
walkers = lambda who, shallow: who._walker(shallow, () if shallow else runtime, frozenset() if shallow else plain)
import clone_conformance.observe as observe_module  # the walkers read _identity_kind from their own module
by_class = observe_module._identity_kind
observe_module._identity_kind = lambda cls, token: kit._GENERAL  # the reference: every class through the general path
expected = dict(((shallow, depth), [walkers(reference, shallow)(value, depth) for value in values])
                for shallow in (False, True) for depth in (0, kit._MAX_DEPTH - 1, kit._MAX_DEPTH))
observe_module._identity_kind = by_class
same, compared = [], 0
for (shallow, depth), wanted in expected.items():
    visit = walkers(observer, shallow)
    for index, value in enumerate(values):
        compared += 1
        walked = visit(value, depth)
        if walked != wanted[index]:
            same.append([index, depth, shallow, walked, wanted[index]])
kit._send({"compared": compared, "differ": same})
`;
    const result = runWithKit(script);
    expect(withoutStreamedLines(result.stderr)).toBe('');
    const { compared, differ } = JSON.parse(result.stdout) as { compared: number; differ: unknown[] };
    expect(differ).toEqual([]);
    expect(compared).toBe(25 * 3 * 2);
  });

  it('collects the garbage made while answering, then freezes what the session holds out of the collector\'s sight', () => {
    // A full collection over everything the session keeps (every observed object) cost a fifth of
    // an adapter's time, and its exit half a second: the kit collects every few answers, then freezes.
    const script = `
import gc, json, sys, weakref
gc.disable()  # only the kit's own collections: no automatic one may hide a missing collect()
class Agent(object):
    pass
made, frozen = [], []
class Adapter(kit.Adapter):
    def create(self, config):
        frozen.append(gc.get_freeze_count())  # what the kit had frozen before this answer
        junk = Agent()
        junk.me = junk  # cyclic garbage, made while answering: only a collection frees it
        made.append(weakref.ref(junk))
        return Agent()
    def view(self, agent):
        return {}
requests = [{"id": 0, "method": "hello", "params": {"protocols": [3]}}]
requests += [{"id": i, "method": "create", "params": {"config": ["o", "#%d" % i, 0, "Object", None, [["name", "a"]]]}} for i in range(1, 40)]
sys.stdin = type("Input", (), {"buffer": [(json.dumps(request) + "\\n").encode() for request in requests]})()
try:
    kit.run(Adapter())
except SystemExit:
    pass
kit._send({"frozen": frozen, "made": len(made), "alive": [i for i, ref in enumerate(made) if ref() is not None]})
`;
    const result = runWithKit(script);
    expect(withoutStreamedLines(result.stderr)).toBe('');
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(41); // 40 answers, then the test's own line
    const { frozen, made, alive } = JSON.parse(lines.at(-1)!) as { frozen: number[]; made: number; alive: number[] };
    expect(made).toBe(39);
    // Nothing frozen before the 16th answer (the hello and 15 creates), then the session's objects.
    expect(frozen.slice(0, 15)).toEqual(Array(15).fill(0));
    expect(frozen[15]).toBeGreaterThan(0);
    // Answers 1 to 32 were followed by a collection (every 16): their garbage is gone. What the
    // last answers made was frozen at the end without one (the process exits): it may stay.
    expect(alive.every((index) => index >= 31)).toBe(true);
  });
});
