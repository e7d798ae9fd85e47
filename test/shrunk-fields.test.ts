import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { droppingKeys } from '../spec/generators/droppable-keys.ts';
import { findInvariant } from '../spec/invariants/catalogue.ts';
import { defineAdapter, type AgentConfig, type CloneAdapter } from '../src/adapter/contract.ts';
import { FrameworkAgent, frameworkAdapter } from '../fixtures/support/framework-agent.ts';
import { runInvariant } from '../src/run/run-invariant.ts';
import { inProcessSubject } from '../src/transports/in-process.ts';
import { ROOT } from './support/cli.ts';

// Counterexamples shrunk to the fields that matter: a configuration also shrinks by leaving out
// one optional field, feature config or framework field at a time (spec/generators/droppable-keys.ts).

const everyKey = fc.record({
  name: fc.constant('agent'),
  llm: fc.string(),
  goal: fc.string(),
  timeout: fc.integer({ min: 0, max: 100 }),
  features: fc.record({ memory: fc.boolean(), knowledge: fc.boolean(), skills: fc.integer() }),
});
const options = { keep: new Set(['name', 'features']), nested: ['features'] };

describe('shrinking leaves out the keys a failure does not need', () => {
  it('keeps only the top-level and nested keys the property needs, and the kept ones', () => {
    const property = fc.property(droppingKeys(everyKey, options), (config) => !('timeout' in config && (config.timeout as number) > 10 && 'skills' in config.features));
    const details = fc.check(property, { seed: 7, numRuns: 200 });
    expect(details.failed).toBe(true);
    expect(details.counterexample![0]).toEqual({ name: 'agent', timeout: 11, features: { skills: expect.any(Number) } });
  });

  it('replays the same shrunk case from its path', () => {
    const property = fc.property(droppingKeys(everyKey, options), (config) => !('goal' in config));
    const found = fc.check(property, { seed: 3 });
    const replayed = fc.check(property, { seed: 3, path: found.counterexamplePath! });
    expect(found.counterexample![0]).toEqual({ name: 'agent', goal: '', features: {} });
    expect(replayed.counterexample).toEqual(found.counterexample);
  });

  it('keeps one object held in two places the same object', () => {
    const shared = { level: 2 };
    const holding = fc.constant({ name: 'agent', llm: shared, auth: shared, goal: 'x', features: { memory: shared, knowledge: true } });
    const property = fc.property(droppingKeys(holding, options), (config) => config.llm !== (config.features as Record<string, unknown>).memory);
    const [counterexample] = fc.check(property, { seed: 1 }).counterexample!;
    expect(counterexample).toEqual({ name: 'agent', llm: shared, features: { memory: shared } });
    expect(counterexample.llm).toBe((counterexample.features as Record<string, unknown>).memory);
  });
});

/** The top-level keys of a printed configuration, and the entries of its `features` and `framework`. */
async function shrunkConfig(fixture: string, id: string): Promise<string> {
  const adapter = ((await import(`${ROOT}${fixture}`)) as { default: CloneAdapter }).default;
  const result = await runInvariant(findInvariant(id)!, inProcessSubject(adapter, { timeout: 2000 }), { seed: 1, runs: 100 });
  expect(result.status).toBe('failed');
  return result.status === 'failed' ? result.counterexample : '';
}

describe('counterexamples of real defects name what the defect needs', () => {
  // Under declared domains every field is drawn, and each shrank only to its simplest value: this
  // counterexample held two feature configs and parallelToolCalls before.
  it('a clone that drops features: one feature config, no other optional field', async () => {
    const printed = await shrunkConfig('fixtures/defective/validating-drops-features.ts', 'channel.features');
    expect(printed.match(/build\("FeatureConfig"/g)).toHaveLength(1);
    expect(printed).toMatch(/^\{"config":\{"name":"agent","tools":\[\],"handoffs":null,"features":\{"[a-z]+":build\(/);
  });

  it('a clone that drops a framework field: that one field under framework', async () => {
    const printed = await shrunkConfig('fixtures/defective/framework-config-dropped.ts', 'channel.features');
    expect(printed).toMatch(/"framework":\{"[a-z_]+":[^,]*\}/);
  });
});

describe('framework fields left out by shrinking', () => {
  // Shrinking may leave a framework field out of a configuration: the agent may then hold the
  // framework's default, and a failure must keep the field that causes it.
  class DefaultingAgent extends FrameworkAgent {
    constructor(config: AgentConfig) {
      super(config);
      this.model_settings ??= { temperature: 1 };
    }
  }
  class DroppingAgent extends FrameworkAgent {
    constructor(config: AgentConfig) {
      super(config);
      this.fallback_models = undefined; // "fallback models are set on the router"
    }
  }

  it('a framework field not given may hold the framework default: agent.config-held passes', async () => {
    const adapter = defineAdapter(frameworkAdapter('framework defaults', (config) => new DefaultingAgent(config)));
    const result = await runInvariant(findInvariant('agent.config-held')!, inProcessSubject(adapter, { timeout: 2000 }), { seed: 3, runs: 100 });
    expect(result.status).toBe('passed');
  });

  // Before: shrinking left out both the goal and model_settings, and ended on a false failure
  // about the framework default instead of the dropped goal.
  it('a real failure elsewhere shrinks to itself, not to a framework field left out', async () => {
    class GoalDroppingAgent extends DefaultingAgent {
      constructor(config: AgentConfig) {
        super({ ...config, goal: undefined });
      }
    }
    const adapter = defineAdapter(frameworkAdapter('goal dropped', (config) => new GoalDroppingAgent(config)));
    const result = await runInvariant(findInvariant('agent.config-held')!, inProcessSubject(adapter, { timeout: 2000 }), { seed: 3, runs: 100 });
    expect(result.status).toBe('failed');
    if (result.status !== 'failed') return;
    expect(result.message).toMatch(/^observed agent\.goal = /);
    expect(result.counterexample).toMatch(/"goal":/);
  });

  it('a framework field given and dropped fails, and the shrunk case still gives it', async () => {
    const adapter = defineAdapter(frameworkAdapter('framework field dropped', (config) => new DroppingAgent(config)));
    const result = await runInvariant(findInvariant('agent.config-held')!, inProcessSubject(adapter, { timeout: 2000 }), { seed: 3, runs: 100 });
    expect(result.status).toBe('failed');
    if (result.status !== 'failed') return;
    expect(result.message).toMatch(/agent\.framework\.fallback_models/);
    expect(result.counterexample).toMatch(/"framework":\{"fallback_models":\[/);
  });
});
