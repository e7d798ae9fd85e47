import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readerFor } from '../src/transports/answers.ts';
import fc from 'fast-check';
import { agentConfig } from '../spec/generators/config.ts';
import { describeInput, describePacked } from '../src/transports/describe.ts';
import { IdentityRegistry } from '../src/transports/observe.ts';
import { packDescription, unpack } from '../src/transports/packed.ts';
import { processSubject } from '../src/transports/process-subject.ts';
import type { AgentConfig } from '../spec/agent-config.ts';
import { ROOT } from './support/cli.ts';
import { everyKindOfValue } from './support/every-kind-of-value.ts';
import { runWithKit } from './support/python-kit.ts';

// Protocol version 5 (spec/PROTOCOL.md §13) sends less of what both sides know: the adapter takes
// the suite's ids as its tokens, the suite sends what the adapter holds as refs, an answer names each
// class once. Every shortcut must stand for exactly what version 4 spelled out, and none may let an
// adapter's own token pass for the suite's object.

describe('version 5 answers, read', () => {
  const suiteIds = new Set(['#7']);

  it('an object in the "O" form has the type the answer\'s class table gives its prototype', () => {
    const read = readerFor(5, { classes: { py3: 'Agent' }, suiteIds });
    expect(read(['O', 'py1', 2, 'py3', null])).toEqual(unpack(['o', 'py1', 2, 'Agent', 'py3', null]));
    expect(read(['a', 'py2', 0, [['O', 'py4', 0, 'py3', [['name', 'x']]]]])).toEqual(unpack(['a', 'py2', 0, [['o', 'py4', 0, 'Agent', 'py3', [['name', 'x']]]]]));
  });

  it('is malformed without its class in the table, or before version 5', () => {
    expect(readerFor(5, { classes: { py3: 'Agent' }, suiteIds })(['O', 'py1', 0, 'py9', null])).toBeUndefined();
    expect(readerFor(5, { classes: undefined, suiteIds })(['O', 'py1', 0, 'py3', null])).toBeUndefined();
    expect(readerFor(4)(['O', 'py1', 0, 'py3', null])).toBeUndefined();
  });

  it('takes a token beginning with "#" only for an object the suite described to this adapter', () => {
    const read = readerFor(5, { classes: {}, suiteIds });
    expect(read(['a', '#7', 0, []])).toEqual({ kind: 'array', id: '#7', items: [] });
    // An adapter that mints "#8" itself could make two objects compare as one: a protocol error.
    expect(read(['a', '#8', 0, []])).toBeUndefined();
    expect(read(['a', 'py8', 0, [['f', '#8', 'search']]])).toBeUndefined();
    // Up to version 4 a token is any string (the TypeScript host's are "#1", "#2", ...).
    expect(readerFor(4)(['a', '#8', 0, []])).toEqual({ kind: 'array', id: '#8', items: [] });
  });
});

describe('version 5 descriptions', () => {
  const shared = { provider: 'qdrant' };
  const tool = Object.assign(function search() {}, { settings: shared });
  const config = { name: 'a', tools: [tool], features: { memory: shared, knowledge: shared } };

  it('describe an object met again in the same value as a ref, and list every object described', () => {
    const registry = new IdentityRegistry();
    const described: string[] = [];
    const packed = describePacked(registry, config, new Set(), described) as unknown[];
    const sharedId = registry.tokenOf(shared);
    expect(JSON.stringify(packed)).toContain(JSON.stringify(['memory', ['o', sharedId, 0, 'Object', registry.tokenOf(Object.prototype), [['provider', 'qdrant']]]]));
    expect(JSON.stringify(packed)).toContain(JSON.stringify(['knowledge', ['r', sharedId]]));
    expect(described.sort()).toEqual([config, config.tools, tool, config.features, shared].map((value) => registry.tokenOf(value)).sort());
  });

  it('never count as sent what only a function reaches (a description does not carry it)', () => {
    const registry = new IdentityRegistry();
    const packed = JSON.stringify(describePacked(registry, config, new Set(), []));
    // The tool's `settings` is not in the description: the first place it is sent is features.memory, whole.
    expect(packed).toContain(`["memory",["o","${registry.tokenOf(shared)}"`);
  });

  it('(and versions 3 and 4) are packed in one walk exactly as the description is packed, for generated configurations (seed 13)', () => {
    fc.assert(
      fc.property(agentConfig, (config) => {
        // Two registries that see the same objects in the same order hand out the same ids.
        const [one, other] = [new IdentityRegistry(), new IdentityRegistry()];
        expect(describePacked(one, config)).toEqual(packDescription(describeInput(other, config)));
      }),
      { seed: 13, numRuns: 200 },
    );
  });

  it('(and versions 3 and 4) are packed in one walk exactly as the description is packed, for every kind of value', () => {
    const value = everyKindOfValue();
    const sparse = value.sparse;
    const [one, other] = [new IdentityRegistry(), new IdentityRegistry()];
    expect(describePacked(one, value)).toEqual(packDescription(describeInput(other, value)));
    // Version 5: what the adapter holds is a ref, and not listed as described.
    const described: string[] = [];
    expect(JSON.stringify(describePacked(one, value, new Set([one.tokenOf(sparse)]), described))).toContain(JSON.stringify(['sparse', ['r', one.tokenOf(sparse)]]));
    expect(described).not.toContain(one.tokenOf(sparse));
  });

  it('describe what the adapter holds as a ref, without looking inside', () => {
    const registry = new IdentityRegistry();
    const held = new Set([registry.tokenOf(config.features)]);
    const described: string[] = [];
    const packed = describePacked(registry, config, held, described) as unknown[];
    expect(JSON.stringify(packed)).toContain(JSON.stringify(['features', ['r', registry.tokenOf(config.features)]]));
    expect(described).not.toContain(registry.tokenOf(config.features));
    expect(described).not.toContain(registry.tokenOf(shared));
  });
});

describe('the Python kit at version 5', () => {
  // A create and a view of what it holds, in one batch, as the suite would send them.
  const session = (cap: number) => `
session = kit._Session(kit.Adapter(), max_protocol=${cap})
class Adapter(kit.Adapter):
    def create(self, config):
        return dict(config)
    def view(self, agent):
        return {"name": agent["name"], "tools": agent["tools"], "features": agent["features"]}
session = kit._Session(Adapter(), max_protocol=${cap})
session.answer("hello", {"protocol": 1, "protocols": [1, 2, 3, 4, 5]})
config = ["o", "#1", 0, "Object", "#2", [["name", "a"], ["tools", ["a", "#3", 0, [["f", "#4", "search"]]]],
          ["features", ["o", "#5", 0, "Object", "#2", [["memory", ["o", "#6", 0, "Object", "#2", []]], ["knowledge", ["r", "#6"]]]]]]]
kit._send(session.answer("batch", {"calls": [{"method": "create", "params": {"config": config}},
                                          {"method": "view", "params": {"agent": {"ref": 0}}}]}))
`;
  const answer = (cap: number) => {
    const run = runWithKit(session(cap));
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as { results: { result: Record<string, unknown> }[]; classes?: Record<string, string> };
  };

  it('takes the suite\'s ids as its tokens: it echoes none, and its views show the ids', () => {
    const { results, classes } = answer(5);
    expect(results[0]!.result.tokens).toEqual({});
    const view = results[1]!.result.view as { fields: Record<string, unknown> };
    const read = readerFor(5, { classes, suiteIds: new Set(['#1', '#3', '#4', '#5', '#6']) });
    expect(read(view.fields.tools)).toEqual({ kind: 'array', id: '#3', items: [{ kind: 'function', id: '#4', name: 'search' }] });
    const features = read(view.fields.features) as unknown as { id: string; type: string; entries: [string, { id: string }][] };
    expect([features.id, features.type, features.entries.map(([key, item]) => [key, item.id])]).toEqual(['#5', 'Object', [['memory', '#6'], ['knowledge', '#6']]]);
  });

  it('names each class once, in the answer\'s table, and writes its objects in the "O" form', () => {
    const { results, classes } = answer(5);
    const features = (results[1]!.result.view as { fields: { features: unknown[] } }).fields.features;
    expect(features[0]).toBe('O');
    expect(classes).toEqual({ [features[3] as string]: 'Object' });
  });

  it('at version 4: echoes every token, names every class in place, and sends no table', () => {
    const { results, classes } = answer(4);
    expect(Object.keys(results[0]!.result.tokens as object).sort()).toEqual(['#1', '#3', '#4', '#5', '#6']);
    expect(classes).toBeUndefined();
    expect(((results[1]!.result.view as { fields: { features: unknown[] } }).fields.features)[0]).toBe('o');
  });
});

describe('the suite at version 5: a ref only for what the adapter answered for', () => {
  // An adapter process that speaks version 5, refuses its first create, and writes down what it was sent.
  const fake = (log: string) => `
const fs = require('node:fs');
let creates = 0, agents = 0;
require('node:readline').createInterface({ input: process.stdin }).on('line', (line) => {
  fs.appendFileSync(${JSON.stringify(log)}, line + '\\n');
  const { id, method, params } = JSON.parse(line);
  const answer = (result) => process.stdout.write(JSON.stringify({ id, result }) + '\\n');
  if (method === 'hello') return answer({ protocol: 5, name: 'fake', operations: ['create', 'view', 'cloneForChannel'], probes: [] });
  if (method !== 'batch') return answer({});
  const results = [];
  for (const call of params.calls) {
    if (call.method === 'create' && creates++ === 0) { results.push({ error: { type: 'Error', message: 'not yet' } }); break; }
    results.push({ result: call.method === 'create' ? { agent: ++agents, tokens: {} } : {} });
  }
  answer({ results });
});`;

  it('describes an object whole until a call that sent it succeeded, then as a ref', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clone-conformance-v5-'));
    const log = join(dir, 'requests.jsonl');
    writeFileSync(join(dir, 'fake.cjs'), fake(log));
    writeFileSync(log, '');
    const subject = await processSubject({ command: `node ${join(dir, 'fake.cjs')}`, cwd: ROOT, timeout: 5000, startTimeout: 10_000 });
    try {
      expect(subject.protocol).toBe(5);
      const search = function search() {};
      const config = () => ({ name: 'a', tools: [search] }) as unknown as AgentConfig;
      expect((await subject.batch!([{ method: 'create', config: config() }])).failed).toBe(true);
      expect((await subject.batch!([{ method: 'create', config: config() }])).failed).toBe(false);
      expect((await subject.batch!([{ method: 'create', config: config() }])).failed).toBe(false);
    } finally {
      await subject.close();
    }
    const sent = readFileSync(log, 'utf8');
    rmSync(dir, { recursive: true, force: true });
    const tools = sent
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { method: string; params: { calls?: { params: { config: unknown[] } }[] } })
      .filter((request) => request.method === 'batch')
      .map((request) => JSON.stringify(request.params.calls![0]!.params.config));
    // The refused create materialised nothing the suite can count on: the next one sends the tool whole.
    expect(tools.map((text) => /\["f","#\d+","search"\]/.test(text))).toEqual([true, true, false]);
    expect(tools[2]).toMatch(/\["r","#\d+"\]/);
  });
});
