import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../spec/invariants/catalogue.ts';
import { FieldScope } from '../spec/model/field-scope.ts';
import { CANONICAL_ROLES, ROLES, validateFrameworkFields, type Role } from '../spec/model/roles.ts';
import { VIEW_FIELDS } from '../spec/agent-config.ts';
import { notCheckedOf } from '../src/run/not-checked.ts';
import { failedIds, runMain } from './support/cli.ts';

// Field roles (spec/model/roles.ts): framework fields declared by an adapter are checked by the
// invariants of their role, in-process, over the protocol (every version) and from the Python kit.

describe('field roles', () => {
  it('give every canonical view field a role, and every role is compared on every clone profile', () => {
    for (const field of VIEW_FIELDS) if (field !== 'framework') expect(CANONICAL_ROLES[field], field).toBeDefined();
    for (const role of ROLES) {
      for (const profile of ['channel', 'override', 'deepcopy'] as const) {
        const comparing = CATALOGUE.filter((invariant) => invariant.profile === profile && (invariant.roles ?? []).includes(role as Role)).map((invariant) => invariant.id);
        expect(comparing.length, `${role} on ${profile}`).toBeGreaterThan(0);
      }
    }
  });

  it('validate declarations, naming what is wrong', () => {
    expect(validateFrameworkFields({ input_guardrails: 'shared-list', fallback_models: { role: 'config', domain: { kind: 'list', of: { kind: 'string' } } }, memory: 'state' })).toEqual([]);
    expect(validateFrameworkFields({ memory: 'conversation' })).toEqual(['frameworkFields.memory must be a role (config, shared-list, route, runtime, state) or { role, domain }']);
    expect(validateFrameworkFields({ 'model settings': 'config' })[0]).toMatch(/"model settings" is not a field name/);
    expect(validateFrameworkFields({ session: { role: 'runtime', domain: { kind: 'string' } } })).toEqual(['frameworkFields.session: a runtime field is not configured, so it takes no domain']);
    expect(validateFrameworkFields({ limits: { role: 'config', domain: { kind: 'integer' } } })[0]).toMatch(/^frameworkFields\.limits\.domain must be a domain/);
    expect(validateFrameworkFields(['memory'])).toHaveLength(1);
  });

  it('put framework fields in the scope by role, and partial override clones override only what they take', () => {
    const scope = new FieldScope(['name', 'tools', 'llm', 'memory'], { a: 'config', b: { role: 'shared-list' }, c: 'state', d: 'config' }, ['llm']);
    expect(scope.frameworkOf('config')).toEqual(['a', 'd']);
    expect(scope.frameworkOf('shared-list', 'state')).toEqual(['b', 'c']);
    expect(scope.overridden).toEqual(['llm']);
    expect(scope.overrides('name')).toBe(false);
    expect(scope.unmapped).toContain('cloneWith(name)');
    expect(scope.unmapped).not.toContain('cloneWith(llm)');
    expect(new FieldScope(undefined).overridden).toBeUndefined();
  });

  it('a malformed declaration stops the run (exit 2), in-process and over the protocol', async () => {
    const script = "import sys; sys.path.insert(0, 'kits/python'); import clone_conformance as k\nclass A(k.Adapter):\n  framework_fields = {'memory': 'conversation'}\n  def clone_for_channel(self, agent): return agent\nk.run(A())";
    const { code, stderr } = await runMain(['--command', `python3 -c "${script}"`]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/"frameworkFields"\.memory must be a role/);
  });
});

const SEED = ['--seed', '20261121', '--reporter', 'json'];
const served = (fixture: string, protocol?: number) => ['--command', `node --import tsx fixtures/process/serve.mts ${fixture}${protocol ? ` --protocol ${protocol}` : ''}`];

describe('framework fields and conversation state, end to end', () => {
  it('the conforming twin with a framework field of every role passes every invariant, none skipped', async () => {
    const { code, stdout } = await runMain(['fixtures/framework-fields.ts', ...SEED, '--runs', '20']);
    expect(JSON.parse(stdout).summary).toEqual({ passed: CATALOGUE.length, failed: 0, skipped: 0 });
    expect(code).toBe(0);
  }, 180_000);

  it('the Python twin (framework_fields, record_state) passes every invariant, none skipped', async () => {
    const { code, stdout } = await runMain(['--command', 'python3 fixtures/python/framework_fields_adapter.py', ...SEED, '--runs', '10']);
    expect(JSON.parse(stdout).summary).toEqual({ passed: CATALOGUE.length, failed: 0, skipped: 0 });
    expect(code).toBe(0);
  }, 180_000);

  // Over the protocol: the declaration travels in hello, recordState is a method, and the
  // view's framework field an observation; protocol version 1 (no batches) too.
  it.each([
    ['fixtures/defective/state-shared-memory-store.ts', undefined, ['channel.state.fresh', 'channel.state.isolated']],
    ['fixtures/defective/state-deepcopy-drops-history.ts', 1, ['deepcopy.state.copied']],
    ['fixtures/defective/framework-list-shared.ts', 1, ['channel.clone-of-clone', 'channel.siblings-isolated', 'channel.tools.new-list']],
    ['fixtures/defective/framework-override-drops-config.ts', undefined, ['override.retained']],
    // Overrides of framework fields (`overridable` names them) travel in cloneWith's overrides.
    ['fixtures/defective/override-framework-ignored.ts', undefined, ['override.applied']],
    ['fixtures/defective/override-framework-replaced.ts', 1, ['override.retained', 'override.tools.new-list', 'override.tools.same-elements']],
  ] as const)('%s over the protocol (version %s: the highest when unset) fails exactly its ids', async (fixture, protocol, ids) => {
    const { code, stdout } = await runMain([...served(fixture, protocol), ...SEED, '--runs', '10', '--only', ids.join(',')]);
    expect(failedIds(stdout)).toEqual([...ids]);
    expect(code).toBe(1);
  }, 120_000);

  it('an adapter whose view leaves its state places out is not checked on state: skipped with the reason, never passed', async () => {
    const ids = CATALOGUE.filter((invariant) => (invariant.roles ?? []).includes('state')).map((invariant) => invariant.id);
    const { stdout } = await runMain(['fixtures/verdicts/state-not-shown.ts', ...SEED, '--runs', '5', '--only', ids.join(',')]);
    const results = JSON.parse(stdout).results as { status: string; message: string }[];
    expect(results).toHaveLength(6);
    for (const result of results) {
      expect(result.status).toBe('skipped');
      expect(result.message).toMatch(/recordState\(\) on an agent left its view's framework\.history unchanged/);
    }
    // The verdict names them: a bare "Conformant" would read as if state had been checked.
    const human = await runMain(['fixtures/verdicts/state-not-shown.ts', '--seed', '1', '--runs', '5']);
    expect(human.stdout).toContain(`, except what could not be checked: ${ids.join(', ')} (see above).`);
  }, 120_000);
});

describe('partial override clones', () => {
  it('cover only the declared fields, and say so in the report (JSON and human)', async () => {
    const { code, stdout } = await runMain(['fixtures/partial-override.ts', ...SEED, '--runs', '20', '--only', 'override.applied,override.retained']);
    const report = JSON.parse(stdout);
    expect(report.summary).toEqual({ passed: 2, failed: 0, skipped: 0 });
    for (const result of report.results) expect(result.message).toBe("overrides drawn for llm only: the adapter's cloneWith takes no other");
    expect(report.notChecked).toContain('cloneWith(tools)');
    expect(report.notChecked).not.toContain('cloneWith(llm)');
    expect(code).toBe(0);
    const human = await runMain(['fixtures/partial-override.ts', '--seed', '1', '--runs', '10', '--only', 'override.applied']);
    expect(human.stdout).toMatch(/override\.applied \(overrides drawn for llm only/);
    expect(human.stdout).toMatch(/Overrides not checked: .*cloneWith\(name\)/);
  }, 120_000);

  it('framework fields not named in overridable are never overridden: the report says so, where the adapter has a cloneWith()', async () => {
    // Overrides hold only the framework fields `overridable` names: a cloneWith() ignoring an
    // override of any other would pass unseen, so no report may let it look checked.
    const { stdout } = await runMain(['fixtures/framework-fields.ts', ...SEED, '--runs', '5', '--only', 'override.applied']);
    const configured = ['model_settings', 'fallback_models', 'input_guardrails', 'sub_agents'];
    expect(JSON.parse(stdout).notChecked).toEqual(expect.arrayContaining(configured.map((name) => `cloneWith(framework.${name})`)));
    const human = await runMain(['fixtures/framework-fields.ts', '--seed', '1', '--runs', '5', '--only', 'override.applied']);
    expect(human.stdout).toMatch(/Overrides not checked: cloneWith\(framework\.model_settings\).* \(a cloneWith that takes framework fields names them in overridable, as framework\.<name>\)/);
    // Without a cloneWith(), nothing is said of overrides: the override clone is not checked at all.
    const scope = new FieldScope(undefined, { temperature: 'config', history: 'state' });
    expect(notCheckedOf({ scope, operations: new Set(['cloneWith', 'deepCopy']) })).toEqual(['cloneWith(framework.temperature)']);
    expect(notCheckedOf({ scope, operations: new Set(['cloneForChannel']) })).toEqual([]);
  }, 120_000);
});
