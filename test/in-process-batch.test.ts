import { describe, expect, it } from 'vitest';
import { Batch } from '../spec/model/batch.ts';
import { referenceAdapter } from '../src/adapter/reference-adapter.ts';
import { defineAdapter } from '../src/adapter/contract.ts';
import { BuiltValue } from '../spec/generators/built.ts';
import { BuiltValues } from '../src/transports/built.ts';
import { inProcessSubject } from '../src/transports/in-process.ts';
import { boundedCall, AdapterCallError } from '../src/transports/adapter-call.ts';

const config = { name: 'a', tools: [{ name: 'search' }], handoffs: null, features: { memory: { provider: 'x' } } };

describe('in-process batches observe only the fields asked for', () => {
  it('a view asked for some fields holds them, and reading any other throws instead of comparing what was not seen', async () => {
    const subject = inProcessSubject(referenceAdapter, { timeout: 2000 });
    const batch = new Batch();
    const agent = batch.create(config);
    const partial = batch.view(agent, ['tools']);
    const whole = batch.view(agent);
    const results = await batch.run(subject);
    const seen = results.get(partial);
    // The same objects, by the same tokens, as a whole view sees them.
    expect(seen.fields.tools).toEqual(results.get(whole).fields.tools);
    expect(() => seen.fields.name).toThrow(/view field "name" was read, but only tools were asked for/);
    expect(() => seen.locks).toThrow(/view locks were read, but only tools were asked for/);
    expect(Object.keys(results.get(whole).fields)).toContain('features');
  });

  it('an outlined field is observed one level deep: what it holds by identity only', async () => {
    const subject = inProcessSubject(referenceAdapter, { timeout: 2000 });
    const batch = new Batch();
    const outlined = batch.view(batch.create(config), ['tools'], ['tools']);
    const tools = (await batch.run(subject)).get(outlined).fields.tools;
    expect(tools.kind).toBe('array');
    const [tool] = tools.kind === 'array' ? tools.items : [];
    expect(tool).toMatchObject({ kind: 'object', type: 'Object' });
    expect(tool && 'entries' in tool ? tool.entries : undefined).toBeUndefined();
  });

  it('a view in a batch still fails as view() when the adapter returns no view object', async () => {
    const subject = inProcessSubject(defineAdapter({ ...referenceAdapter, view: () => null as never }), { timeout: 2000 });
    const batch = new Batch();
    const view = batch.view(batch.create(config), ['tools']);
    const results = await batch.run(subject);
    expect(() => results.get(view)).toThrow(/returned null, not an AgentView object/);
  });
});

describe('values handed to an adapter in-process', () => {
  it('are handed over as they are when the adapter can build nothing: no copy, the same objects', () => {
    const built = new BuiltValues(undefined, { domains: { features: { memory: { kind: 'any' } } } });
    expect(built.materialise(config)).toBe(config);
    // Not walked at all: no configuration of this adapter can hold a marker, so none is looked for.
    const held = { ...config, llm: new BuiltValue('model', 'gpt') };
    expect(built.materialise(held)).toBe(held);
  });

  it('are still walked for markers when a built domain is declared, even without build() (which then says so)', () => {
    const built = new BuiltValues(undefined, { domains: { fields: { llm: { kind: 'built', name: 'model', from: { kind: 'string' } } } } });
    expect(built.materialise(config)).toBe(config);
    expect(() => built.materialise({ ...config, llm: new BuiltValue('model', 'gpt') })).toThrow(/holds a built value "model", but the adapter has no build\(name, value\)/);
  });

  it('are built where the adapter builds them, one object per marker', () => {
    const built = new BuiltValues((name, value) => ({ built: name, from: value }));
    const marker = new BuiltValue('model', 'gpt');
    const made = built.materialise({ ...config, llm: marker, auth: marker }) as Record<string, unknown>;
    expect(made.llm).toEqual({ built: 'model', from: 'gpt' });
    expect(made.auth).toBe(made.llm);
  });
});

describe('bounded adapter calls', () => {
  it('return a synchronous answer, and turn a synchronous throw into an error naming the call', async () => {
    await expect(boundedCall('view()', 50, () => 42)).resolves.toBe(42);
    const thrown = await boundedCall('view()', 50, () => {
      throw new TypeError('no');
    }).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(AdapterCallError);
    expect((thrown as Error).message).toMatch(/view\(\).*threw TypeError: no/);
  });

  it('still time out an answer that never settles, and name the call', async () => {
    const hung = await boundedCall('create()', 30, () => new Promise(() => {})).catch((error: unknown) => error);
    expect((hung as Error).message).toMatch(/create\(\).*did not settle within 30 ms/);
  });

  it('turn a rejection into an error naming the call', async () => {
    const rejected = await boundedCall('deepCopy()', 50, () => Promise.reject(new Error('gone'))).catch((error: unknown) => error);
    expect((rejected as Error).message).toMatch(/deepCopy\(\).*threw Error: gone/);
  });
});
