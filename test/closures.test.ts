import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../spec/invariants/catalogue.ts';
import { mutableObjects } from '../spec/invariants/deepcopy/mutable-objects.ts';
import { compareTools, routeToSource } from '../spec/invariants/agent-bound.ts';
import type { ObservedAgent } from '../spec/model/subject.ts';
import { deepEqual, firstDifference, type Observed } from '../spec/model/observed.ts';
import { findReach } from '../spec/model/routes.ts';
import { IdentityRegistry, observe } from '../src/transports/observe.ts';
import { pack, unpack } from '../src/transports/packed.ts';
import { failedIds, runMain } from './support/cli.ts';
import { runWithKit } from './support/python-kit.ts';

// Routes through closures (spec/PROTOCOL.md §12): what a function reaches is observed (a Python
// closure's cells, a partial's parts, a bound method's object; a JavaScript function's own
// enumerable properties), so that a tool or handoff still reaching the source shows, and a partial
// copied as a new partial of equal parts is equal.

const registry = new IdentityRegistry();
const seen = (value: unknown) => observe(registry, value);
const wire = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('the TypeScript observer: what a function reaches', () => {
  it("observes a function's own enumerable properties as what it reaches, and nothing for a bare function", () => {
    const agent = { name: 'support' };
    const tool = Object.assign(() => 1, { agent });
    const observed = seen(tool);
    expect(observed).toMatchObject({ kind: 'function', reaches: [['agent', { kind: 'object', entries: [['name', { kind: 'string', value: 'support' }]] }]] });
    expect(seen(() => 1)).not.toHaveProperty('reaches');
    // A bound function shows nothing: JavaScript never lets its target or `this` be seen.
    expect(seen(function named(this: unknown) {}.bind(agent))).not.toHaveProperty('reaches');
  });

  it('names the path to what a tool reaches, and ends a cycle back to the function as a ref', () => {
    const agent: { name: string; tools: unknown[] } = { name: 'support', tools: [] };
    const tool = Object.assign(() => 1, { agent });
    agent.tools.push(tool);
    const observed = seen({ tools: [tool] });
    const self = seen(agent);
    expect(findReach(observed, 'clone', new Map([[(self as { id: string }).id, 'the source agent']]))).toEqual({ path: 'clone.tools[0].agent', what: 'the source agent' });
    const inner = (observed as unknown as { entries: [string, { items: Observed[] }][] }).entries[0]![1].items[0] as unknown as { reaches: [string, { entries: [string, { items: Observed[] }][] }][] };
    expect(inner.reaches[0]![1].entries[1]![1].items[0]).toEqual({ kind: 'ref', id: (seen(tool) as { id: string }).id });
  });

  it('shows nothing a function reaches when observing by identity only', () => {
    expect(observe(registry, Object.assign(() => 1, { agent: {} }), true)).not.toHaveProperty('reaches');
  });
});

describe('functions made of their parts', () => {
  const part = (id: string, reaches: readonly (readonly [string, Observed])[], composite = true): Observed => ({
    kind: 'function', id, name: 'invoke_handoff', reaches, ...(composite ? { composite: true as const } : {}),
  });
  const target = (id: string, name: string): Observed => ({ kind: 'object', id, type: 'Agent', protoId: 'p', entries: [['name', { kind: 'string', value: name }]] });

  it('a partial made again of equal parts is equal; of other parts, it differs where they do', () => {
    const source = part('f1', [['<partial>.func', { kind: 'function', id: 'g', name: 'invoke' }], ['<partial>.args', { kind: 'array', id: 'a1', items: [target('t1', 'billing')] }]]);
    const copy = part('f2', [['<partial>.func', { kind: 'function', id: 'g', name: 'invoke' }], ['<partial>.args', { kind: 'array', id: 'a2', items: [target('t2', 'billing')] }]]);
    const other = part('f3', [['<partial>.func', { kind: 'function', id: 'g', name: 'invoke' }], ['<partial>.args', { kind: 'array', id: 'a3', items: [target('t3', 'triage')] }]]);
    expect(deepEqual(source, copy)).toBe(true);
    expect(firstDifference(source, other, { path: 'handoffs[0]' })?.path).toBe('handoffs[0].<partial>.args[0].name');
  });

  it('any other function is itself only, whatever it reaches', () => {
    const reaches = [['<closure>.agent', target('t1', 'billing')]] as const;
    expect(deepEqual(part('f1', reaches, false), part('f2', reaches, false))).toBe(false);
  });

  it('what a function reaches is walked for shared state only when asked (deepcopy.no-shared-state)', () => {
    const fn = part('f1', [['<partial>.args', { kind: 'array', id: 'a1', items: [target('t1', 'billing')] }]]);
    expect([...mutableObjects(fn, 'handoffs[0]').keys()]).toEqual([]);
    expect([...mutableObjects(fn, 'handoffs[0]', new Map(), true).keys()]).toEqual(['handoffs[0].<partial>.args', 'handoffs[0].<partial>.args[0]']);
  });
});

describe('agent-bound tools and routes back to the source, on observations', () => {
  const agent = (id: string, extra: Partial<ObservedAgent['fields']> = {}): ObservedAgent => ({
    fields: { interruptController: { kind: 'object', id: `${id}:controller`, type: 'InterruptController' }, ...extra } as unknown as ObservedAgent['fields'],
    locks: { cache: { kind: 'object', id: `${id}:cache`, type: 'RLock' } },
    self: { kind: 'object', id, type: 'Agent' },
  });
  const reaching = (id: string, label: string, target: Observed): Observed => ({ kind: 'function', id, name: 'tool', reaches: [[label, target]] });
  const tools = (...items: Observed[]): Observed => ({ kind: 'array', id: `list:${items.length}:${Math.random()}`, items });
  const user: Observed = { kind: 'function', id: 'user', name: 'search' };
  const source = agent('src');
  const clone = agent('cln');

  it('a tool bound to the source: the clone holds its own, rebound to itself, in its place', () => {
    const mine = reaching('t1', '<bound>.__self__', clone.self);
    const theirs = reaching('t0', '<bound>.__self__', source.self);
    expect(compareTools(tools(theirs, user), tools(mine, user), source, clone, 'clone', "the source's tools")).toBeUndefined();
    expect(compareTools(tools(theirs, user), tools(theirs, user), source, clone, 'clone', "the source's tools")?.observed).toBe(
      "clone.tools[0] is the source's tools[0] itself, a tool bound to the source agent (tools[0].<bound>.__self__ is the source agent)",
    );
    expect(compareTools(tools(theirs, user), tools(user, user), source, clone, 'clone', "the source's tools")?.observed).toMatch(/^clone\.tools\[0\] = \[Function search\], not bound to the clone$/);
  });

  it('a user tool stays the very same object, and no tool of the clone may reach what the source holds', () => {
    expect(compareTools(tools(user), tools({ kind: 'function', id: 'other', name: 'search' }), source, clone, 'clone', "the source's tools")?.observed).toBe('clone.tools[0] = [Function search], another object');
    const lockReacher = reaching('t2', '<closure>.lock', source.locks!.cache!);
    // Rebound to the clone, yet holding on to the source's lock as well.
    const both: Observed = { kind: 'function', id: 't4', name: 'tool', reaches: [['<closure>.agent', clone.self], ['<closure>.lock', source.locks!.cache!]] };
    const theirs = reaching('t0', '<bound>.__self__', source.self);
    expect(compareTools(tools(user, theirs), tools(user, both), source, clone, 'clone', "the source's tools")?.observed).toBe('clone.tools[1].<closure>.lock is the source\'s "cache" lock');
    expect(routeToSource([tools(user, lockReacher)], () => 'clone.tools', source, clone.self)?.observed).toBe('clone.tools[1].<closure>.lock is the source\'s "cache" lock');
  });

  it('a deep copy whose handoff reaches the source agent, through a partial, names the path (deepcopy.no-shared-state)', () => {
    const handoffs = tools({ kind: 'object', id: 'h1', type: 'Handoff', entries: [['on_invoke', reaching('p1', '<partial>.args', { kind: 'array', id: 'args', items: [source.self] })]] });
    expect(routeToSource([handoffs], () => 'copy.handoffs', source, clone.self)?.observed).toBe('copy.handoffs[0].on_invoke.<partial>.args[0] is the source agent');
    // What the copy itself holds is its own business: the walk does not enter the copy.
    const own = tools(reaching('p2', '<bound>.__self__', { kind: 'object', id: 'cln', type: 'Agent', entries: [['parent', source.self]] }));
    expect(routeToSource([own], () => 'copy.handoffs', source, clone.self)).toBeUndefined();
  });
});

describe('packed functions (protocol version 4)', () => {
  const agent = { name: 'support' };
  const observed = seen(Object.assign(() => 1, { agent }));

  it('carry what they reach from version 4, read back exactly', () => {
    expect(unpack(wire(pack(observed, { reaches: true })), { reaches: true })).toEqual(observed);
    const composite: Observed = { kind: 'function', id: 'f', name: 'p', reaches: [['<partial>.args', { kind: 'array', id: 'a', items: [] }]], composite: true };
    expect(pack(composite, { reaches: true })).toEqual(['f', 'f', 'p', 4, [['<partial>.args', ['a', 'a', 0, []]]]]);
    expect(unpack(wire(pack(composite, { reaches: true })), { reaches: true })).toEqual(composite);
  });

  it('keep the three-item form of version 3, which never reads the five-item one', () => {
    expect(pack(observed)).toEqual(['f', (observed as { id: string }).id, '']);
    expect(unpack(wire(pack(observed, { reaches: true })))).toBeUndefined();
  });
});

describe('the Python kit: what a function reaches', () => {
  const script = (protocol: number) => `
import functools
class Agent(object):
    def __init__(self):
        self.name = "a"
    def remember(self, note):
        return note
def make_recall(agent):
    def recall(query):
        return agent.name
    return recall
def invoke(target, context=None):
    return target
agent = Agent()
session = kit._Session(kit.Adapter(), max_protocol=${protocol})
session.hello({"protocols": [1, 2, 3, 4]})
kit._send({"self": session.observer.token(agent), "protocol": session.protocol,
           "tools": session.observer.observe([agent.remember, make_recall(agent), functools.partial(invoke, agent, context="x"), len])})
`;

  it('observes closure cells, partial parts and bound methods from version 4, composite for partials, bound methods and closures', () => {
    const result = runWithKit(script(4));
    expect(result.stderr).toBe('');
    const { self, protocol, tools } = JSON.parse(result.stdout) as { self: string; protocol: number; tools: unknown };
    expect(protocol).toBe(4);
    const observed = unpack(tools, { reaches: true })!;
    const targets = new Map([[self, 'the agent']]);
    const items = (observed as unknown as { items: Observed[] }).items;
    expect(items.map((tool) => findReach(tool, 'tool', targets)?.path)).toEqual(['tool.<bound>.__self__', 'tool.<closure>.agent', 'tool.<partial>.args[0]', undefined]);
    expect(items.map((tool) => tool.kind === 'function' && tool.composite === true)).toEqual([true, true, true, false]);
    expect((items[2] as unknown as { reaches: [string, Observed][] }).reaches.map(([label]) => label)).toEqual(['<partial>.func', '<partial>.args', '<partial>.keywords']);
  });

  it('observes functions as before under version 3: by identity only', () => {
    const result = runWithKit(script(3));
    const { tools } = JSON.parse(result.stdout) as { tools: unknown[] };
    expect(((tools as unknown[])[3] as unknown[]).map((tool) => (tool as unknown[]).length)).toEqual([3, 3, 3, 3]);
  });
});

describe('agent-bound tools and closures, over the protocol (Python kit)', () => {
  const python = (file: string, ...args: string[]) => runMain(['--command', `python3 ${file}`, '--seed', '20261121', '--reporter', 'json', ...args]);
  const deepcopyIds = CATALOGUE.filter((invariant) => invariant.id.startsWith('deepcopy.')).map((invariant) => invariant.id).join(',');

  it('tools bound to each agent (a bound method, a closure), rebound by every clone: every invariant passes', async () => {
    const { code, stdout } = await python('fixtures/python/bound_tools_adapter.py', '--runs', '30');
    expect(JSON.parse(stdout).summary).toEqual({ passed: CATALOGUE.length, failed: 0, skipped: 0 });
    expect(code).toBe(0);
  });

  it('handoffs as partials over their targets, deep-copied by copy.deepcopy: every deepcopy.* invariant passes (a partial of equal parts is equal)', async () => {
    const { code, stdout } = await python('fixtures/python/handoff_partials_adapter.py', '--only', deepcopyIds, '--runs', '30');
    expect(failedIds(stdout)).toEqual([]);
    expect(code).toBe(0);
  });

  it("a deep copy that keeps the source's handoff partials fails deepcopy.no-shared-state, naming the path through the partial", async () => {
    const { code, stdout } = await python('fixtures/python/handoff_partials_shared.py', '--only', deepcopyIds, '--runs', '10');
    expect(failedIds(stdout)).toEqual(['deepcopy.no-shared-state']);
    const failure = (JSON.parse(stdout) as { results: { id: string; message: string }[] }).results.find((result) => result.id === 'deepcopy.no-shared-state')!;
    expect(failure.message).toMatch(/^observed copy\.handoffs\[\d\]\.on_invoke_handoff\.<partial>\.args is the source's handoffs\[\d\]\.on_invoke_handoff\.<partial>\.args itself/);
    expect(code).toBe(1);
  });

  // As the OpenAI Agents SDK 0.22 holds a handoff: a partial whose args tuple holds a closure over
  // the target. The tuple of functions is immutable; what the closure returns is not.
  it("a deep copy that keeps a closure over the source's handoff target inside an immutable tuple fails deepcopy.no-shared-state, naming the target", async () => {
    const { code, stdout } = await python('fixtures/python/handoff_redacted_shared.py', '--only', deepcopyIds, '--runs', '10');
    expect(failedIds(stdout)).toEqual(['deepcopy.no-shared-state']);
    const failure = (JSON.parse(stdout) as { results: { id: string; message: string }[] }).results.find((result) => result.id === 'deepcopy.no-shared-state')!;
    expect(failure.message).toMatch(/^observed copy\.handoffs\[\d\]\.on_invoke_handoff\.<partial>\.args\[0\]\.<closure>\.target is the source's /);
    expect(code).toBe(1);
  });

  it('a deep copy that rebuilds such closures around copies of their targets passes every deepcopy.* invariant (a closure of equal code and cells is equal)', async () => {
    const { code, stdout } = await python('fixtures/python/handoff_redacted_adapter.py', '--only', deepcopyIds, '--runs', '30');
    expect(failedIds(stdout)).toEqual([]);
    expect(code).toBe(0);
  });

  it.each([
    ['fixtures/python/defective/channel_keeps_bound_tools.py', 'channel.tools.same-elements', /^observed clone\.tools\[0\] is the source's tools\[0\] itself, a tool bound to the source agent \(tools\[0\]\.<bound>\.__self__ is the source agent\)/],
    ['fixtures/python/defective/deep_copy_keeps_bound_tools.py', 'deepcopy.tools', /^observed copy\.tools\[0\] is the source's tools\[0\] itself, a tool bound to the source agent \(tools\[0\]\.<bound>\.__self__ is the source agent\)/],
  ])('%s is caught at --runs 10 on seeds 1 to 3, naming the path', async (file, id, message) => {
    for (const seed of ['1', '2', '3']) {
      const { stdout } = await runMain(['--command', `python3 ${file}`, '--seed', seed, '--runs', '10', '--only', id, '--reporter', 'json']);
      const [result] = (JSON.parse(stdout) as { results: { status: string; message: string }[] }).results;
      expect(result!.status, `seed ${seed}`).toBe('failed');
      expect(result!.message).toMatch(message);
    }
  });
});

describe('agent-bound tools, TypeScript', () => {
  it('tools bound to each agent, rebound by every clone: every invariant passes in-process', async () => {
    const { code, stdout } = await runMain(['fixtures/bound-tools.ts', '--seed', '20261121', '--reporter', 'json']);
    expect(JSON.parse(stdout).summary).toEqual({ passed: CATALOGUE.length, failed: 0, skipped: 0 });
    expect(code).toBe(0);
  });

  it('served over the protocol, a kept source-bound tool shows from version 4 only: versions 1 to 3 cannot carry what a function reaches', async () => {
    const host = (flag: string) => `node --import tsx fixtures/process/serve.mts fixtures/defective/bound-tool-kept.ts${flag}`;
    const [v3, v4] = await Promise.all([' --protocol 3', ''].map((flag) => runMain(['--command', host(flag), '--seed', '20261121', '--runs', '10', '--only', 'channel.tools.same-elements', '--reporter', 'json'])));
    expect(failedIds(v4!.stdout)).toEqual(['channel.tools.same-elements']);
    expect((JSON.parse(v4!.stdout) as { results: { message: string }[] }).results[0]!.message).toContain('(tools[0].agent is the source agent)');
    // Seen by identity only, the source's tool is just another tool, which the clone rightly shares:
    // an adapter process that speaks version 3 cannot show the defect (PROTOCOL.md §12).
    expect(failedIds(v3!.stdout)).toEqual([]);
  });
});

// pydantic v2 keeps a model's private attributes and extra fields in slots beside its __dict__:
// vars() never shows them, and sharing there (CrewAI: an LLM's token counters) passed unseen.
// The class below has only the shape the kit reads (no pydantic needed).
describe('the Python kit: what pydantic models hold outside __dict__', () => {
  it('observes private attributes and extra fields with the fields', () => {
    const result = runWithKit(`
class Model(object):
    __slots__ = ("__dict__", "__pydantic_private__", "__pydantic_extra__")
    __pydantic_fields__ = {"model": None}
    def __init__(self):
        self.model = "gpt"
        object.__setattr__(self, "__pydantic_private__", {"_token_usage": {"total": 0}})
        object.__setattr__(self, "__pydantic_extra__", {"region": "eu"})
session = kit._Session(kit.Adapter(), max_protocol=2)
session.hello({"protocols": [1, 2]})
kit._send(session.observer.observe(Model()))
`);
    expect(result.stderr).toBe('');
    const observed = unpack(JSON.parse(result.stdout)) as unknown as { entries: [string, { kind: string }][] };
    expect(observed.entries.map(([key, item]) => [key, item.kind])).toEqual([['model', 'string'], ['_token_usage', 'object'], ['region', 'string']]);
  });
});
