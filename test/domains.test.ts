import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, type AgentConfig, type FeatureName } from '../spec/agent-config.ts';
import { validateDomains, type Domain } from '../spec/domains.ts';
import { BuiltValue } from '../spec/generators/built.ts';
import { agentConfigFor } from '../spec/generators/config.ts';
import { domainModel } from '../spec/generators/domain-values.ts';
import { ABSENT } from '../spec/generators/edge.ts';
import { StoreSettings } from '../spec/generators/features.ts';
import { firstCases } from '../spec/generators/schedule.ts';
import { CATALOGUE } from '../spec/invariants/catalogue.ts';
import { FieldScope } from '../spec/model/field-scope.ts';
import { referenceAdapter } from '../src/adapter/reference-adapter.ts';
import { runInvariant } from '../src/run/run-invariant.ts';
import { inProcessSubject } from '../src/transports/in-process.ts';
import validating from '../fixtures/validating.ts';
import { buildConfig, FeatureConfig, VALIDATING_DOMAINS, ValidatingAgent } from '../fixtures/support/validating-framework.ts';
import { runMain } from './support/cli.ts';

describe('validateDomains', () => {
  it('accepts every kind of the vocabulary', () => {
    const every: Domain = {
      kind: 'anyOf',
      of: [
        { kind: 'any' }, { kind: 'boolean' }, { kind: 'string' }, { kind: 'number', integer: true, min: 0, max: 3 }, { kind: 'oneOf', values: ['strict', 1, true, null] },
        { kind: 'object', keys: { a: { kind: 'string' }, b: { kind: 'list', of: { kind: 'function' }, maxLength: 2 } }, optional: ['b'] },
        { kind: 'built', name: 'Config', from: { kind: 'object', keys: {} } },
      ],
    };
    expect(validateDomains({ fields: { llm: every, toolTimeout: { kind: 'number' } }, features: { memory: every } })).toEqual([]);
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', 'booleans', /^domains must be an object/],
    ['an unknown group', { field: {} }, /unknown key "field"/],
    ['an unknown field', { fields: { temperature: { kind: 'number' } } }, /names "temperature", which is not a canonical field/],
    ['an unknown feature', { features: { vision: { kind: 'boolean' } } }, /names "vision", which is not a canonical feature/],
    ['a domain for features itself', { fields: { features: { kind: 'any' } } }, /declare the domain of each feature under domains.features/],
    ['an unknown kind', { fields: { llm: { kind: 'enum' } } }, /domains.fields.llm must be a domain/],
    ['empty presets', { fields: { llm: { kind: 'oneOf', values: [] } } }, /domains.fields.llm.values must be a non-empty list/],
    ['an object preset', { fields: { llm: { kind: 'oneOf', values: [{}] } } }, /values must be a non-empty list of strings, numbers, booleans or null/],
    ['a nested mistake', { features: { memory: { kind: 'object', keys: { provider: { kind: 'str' } } } } }, /domains.features.memory.keys.provider must be a domain/],
    ['optional keys that are not keys', { features: { memory: { kind: 'object', keys: {}, optional: ['x'] } } }, /optional must list keys/],
    ['min above max', { fields: { toolTimeout: { kind: 'number', min: 3, max: 1 } } }, /min is above max/],
    ['a built value without a name', { features: { memory: { kind: 'built', from: { kind: 'any' } } } }, /name must be a non-empty string/],
  ])('rejects %s', (_what, domains, message) => {
    const problems = validateDomains(domains);
    expect(problems.join('; ')).toMatch(message);
  });
});

describe('drawing from domains', () => {
  const scope = FieldScope.ALL;
  const configs = fc.sample(agentConfigFor(scope, undefined, VALIDATING_DOMAINS), { seed: 3, numRuns: 300 });
  const build = (value: unknown): unknown => {
    if (value instanceof BuiltValue) return buildConfig(value.name, build(value.value));
    if (Array.isArray(value)) return value.map(build);
    if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, build(item)]));
    return value;
  };

  it('draws only configurations the validating framework takes, once built', () => {
    for (const config of configs) expect(() => new ValidatingAgent(build(config) as AgentConfig)).not.toThrow();
  });

  it('still draws falsy values, empty lists, and one built value in two places', () => {
    expect(configs.some((config) => config.toolTimeout === 0)).toBe(true);
    expect(configs.some((config) => config.parallelToolCalls === false)).toBe(true);
    expect(configs.some((config) => Object.values(config.features).includes(false))).toBe(true);
    const built = (config: AgentConfig) => Object.values(config.features).filter((value) => value instanceof BuiltValue);
    expect(configs.some((config) => built(config).some((value) => (value as BuiltValue).value !== null && (value as { value: { allow?: unknown[] } }).value.allow?.length === 0))).toBe(true);
    expect(configs.some((config) => new Set(built(config)).size < built(config).length)).toBe(true);
  });

  it('draws class instances and nested objects where a domain allows any value, and one object twice in a list', () => {
    const domain: Domain = { kind: 'object', keys: { extra: { kind: 'any' }, rules: { kind: 'list', of: { kind: 'object', keys: { on: { kind: 'boolean' } } } } } };
    const values = fc.sample(domainModel(domain, { edges: [], random: fc.constant(null) }).random, { seed: 5, numRuns: 300 }) as { extra: unknown; rules: unknown[] }[];
    expect(values.some(({ extra }) => extra instanceof StoreSettings)).toBe(true);
    expect(values.some(({ extra }) => typeof extra === 'object' && extra !== null && Object.getPrototypeOf(extra) === Object.prototype)).toBe(true);
    const listEdges = domainModel({ kind: 'list', of: { kind: 'object', keys: { on: { kind: 'boolean' } } } }, { edges: [], random: fc.constant(null) }).edges;
    const twice = fc.sample(listEdges.find((edge) => edge.label === '[a, b, a]')!.arbitrary, { seed: 1, numRuns: 5 }) as unknown[][];
    for (const list of twice) expect(list[0]).toBe(list[2]);
  });

  it('holds every edge of every declared feature domain within the first ten cases, on seeds 1 to 5', async () => {
    for (let seed = 1; seed <= 5; seed++) {
      const first = (await firstCases(agentConfigFor(scope, undefined, VALIDATING_DOMAINS), seed, 10)) as AgentConfig[];
      for (const name of FEATURE_NAMES) {
        const { edges } = domainModel(VALIDATING_DOMAINS.features![name as FeatureName]!, { edges: [], random: fc.constant(null) });
        for (const edge of edges) {
          const held = first.some((config) => edge.matches(Object.hasOwn(config.features, name) ? config.features[name] : ABSENT));
          expect(held, `seed ${seed}: features.${name} = ${edge.label}`).toBe(true);
        }
      }
    }
  });
});

describe('built values, in-process', () => {
  it('are built once per marker: a marker in two places is one built object, and observeInput sees it', async () => {
    const calls: unknown[] = [];
    const subject = inProcessSubject(
      {
        ...referenceAdapter,
        build: (name, value) => {
          calls.push(value);
          return new FeatureConfig(name, value as Record<string, unknown>);
        },
      },
      { timeout: 2000 },
    );
    const marker = new BuiltValue('guardrails', { enabled: true });
    const tools = [() => 1];
    const config: AgentConfig = { name: 'a', tools, handoffs: null, features: { guardrails: marker, approval: marker, memory: true } };
    const agent = await subject.create(config);
    const view = await subject.view(agent);
    expect(calls).toHaveLength(1);
    const features = view.fields.features;
    if (features.kind !== 'object') throw new Error('features not observed as an object');
    const byName = new Map(features.entries);
    expect(byName.get('guardrails')).toMatchObject({ kind: 'object', type: 'FeatureConfig' });
    expect((byName.get('guardrails') as { id: string }).id).toBe((byName.get('approval') as { id: string }).id);
    expect(subject.observeInput(marker)).toMatchObject({ id: (byName.get('guardrails') as { id: string }).id, type: 'FeatureConfig' });
    // The suite's own configuration is left as it was, and lists without markers are handed over as they are.
    expect(config.features.guardrails).toBe(marker);
    expect(view.fields.tools).toMatchObject({ kind: 'array' });
    expect(subject.observeInput(tools)).toMatchObject({ kind: 'array' });
  });
});

describe('a framework that validates its configuration', () => {
  it('passes every invariant with its domains declared (no false failure)', async () => {
    const { code, stdout } = await runMain(['fixtures/validating.ts', '--seed', '7', '--reporter', 'json']);
    const report = JSON.parse(stdout) as { results: { id: string; status: string }[] };
    expect(report.results.filter((result) => result.status === 'failed').map((result) => result.id)).toEqual([]);
    expect(code).toBe(0);
    }, 180_000);

  it('passes every invariant over the protocol too (hello.domains, built descriptions built by the JS host)', async () => {
    const { code, stdout } = await runMain(['--command', 'node --import tsx fixtures/process/serve.mts fixtures/validating.ts', '--seed', '7', '--runs', '20', '--reporter', 'json']);
    const report = JSON.parse(stdout) as { results: { id: string; status: string }[] };
    expect(report.results.filter((result) => result.status === 'failed').map((result) => result.id)).toEqual([]);
    expect(code).toBe(0);
  }, 180_000);

  it('fails at create() without them: the domains are what make it checkable', async () => {
    const subject = inProcessSubject({ ...validating, domains: undefined }, { timeout: 2000 });
    const result = await runInvariant(CATALOGUE.find((invariant) => invariant.id === 'channel.features')!, subject, { seed: 1, runs: 10, shrink: false });
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && result.message).toMatch(/create\(\) threw TypeError/);
  });
});
