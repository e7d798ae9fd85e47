/**
 * clone-conformance adapter for the OpenAI Agents SDK (JS), `@openai/agents` 0.14.x (the newest
 * line that runs on Node 20; see package.json).
 *
 *   cd examples/openai-agents && npm ci && cd ../.. && npx clone-conformance examples/openai-agents/adapter.ts
 *
 * The SDK's clone is the override clone, `agent.clone(overrides)`, checked here through
 * `cloneWith`. The SDK has no channel clone and no deep copy, so this adapter offers neither.
 *
 * Every property of an SDK `Agent` (agents-core dist/agent.js:60-103 in 0.14.3) is mapped:
 *   canonical fields  name, instructions, llm -> model, tools, handoffs (SDK agents and
 *                     `handoff(agent)` objects, the two forms its docs teach; `null`: an empty
 *                     array the adapter remembers, viewed as `null`)
 *   framework fields  (FRAMEWORK_FIELDS below, with their roles)
 *     shared-list     inputGuardrails, outputGuardrails, mcpServers
 *     config          modelSettings, mcpConfig, handoffDescription, prompt, outputType,
 *                     toolUseBehavior, resetToolChoice
 *     runtime         eventEmitter: the agent's lifecycle event emitter (`agent.on(...)`,
 *                     lifecycle.js:27-28), made per agent by a class field
 * The canonical `parallelToolCalls` is `modelSettings.parallelToolCalls`: drawn inside
 * `modelSettings` (a config field compared whole), not mapped on its own. Not mapped, because an
 * SDK agent has no counterpart: role, goal, backstory, baseUrl, apiKey, auth, toolTimeout,
 * cliBackend and the feature configs. Internal flags (`_toolsExplicitlyConfigured`,
 * `_modelSettingsExplicitlyConfigured`) are derived by the constructor, not configuration.
 *
 * Conversation state: none on the agent (a conversation is a `Session` passed to each run, usage
 * lives in the run's context), so no state place is declared. No interrupt controller, no locks
 * (runs are cancelled through a per-run AbortSignal).
 *
 * Names: the SDK rejects a name that is empty or only whitespace (`UserError: Agent must have a
 * name.`), in the constructor and therefore in `clone()` too: `accepts` says so.
 *
 * The adapter's name carries the installed `@openai/agents` version, read at run time.
 */
import { readFileSync } from 'node:fs';
import { Agent, handoff, MCPServerStdio, type AgentConfiguration, type Tool } from '@openai/agents';
import type { AgentConfig, AgentView, CloneAdapter, Domain, FrameworkFields, MappedField } from '../../src/adapter/contract.ts';

const FIELDS = ['name', 'instructions', 'llm', 'tools', 'handoffs'] as const satisfies readonly MappedField[];

const installed = (JSON.parse(readFileSync(new URL('./node_modules/@openai/agents/package.json', import.meta.url), 'utf8')) as { version: string }).version;

const oneOf = (...values: (string | number | boolean | null)[]): Domain => ({ kind: 'oneOf', values });
const built = (name: string, from: Domain): Domain => ({ kind: 'built', name, from });
const listOf = (of: Domain, maxLength = 2): Domain => ({ kind: 'list', of, maxLength });

/** The fields an SDK agent holds beyond the canonical ones, with their roles and the values drawn. */
const FRAMEWORK_FIELDS: FrameworkFields = {
  inputGuardrails: { role: 'shared-list', domain: listOf(built('InputGuardrail', oneOf('relevance', 'no_pii', 'tone'))) },
  outputGuardrails: { role: 'shared-list', domain: listOf(built('OutputGuardrail', oneOf('no_pii', 'tone'))) },
  mcpServers: { role: 'shared-list', domain: listOf(built('MCPServerStdio', oneOf('files', 'git'))) },
  modelSettings: {
    role: 'config',
    domain: {
      kind: 'object',
      keys: {
        temperature: { kind: 'number', min: 0, max: 2 },
        parallelToolCalls: { kind: 'boolean' },
        maxTokens: { kind: 'number', integer: true, min: 1, max: 4096 },
        toolChoice: oneOf('auto', 'required', 'none'),
      },
      optional: ['temperature', 'parallelToolCalls', 'maxTokens', 'toolChoice'],
    },
  },
  mcpConfig: { role: 'config', domain: { kind: 'object', keys: { convertSchemasToStrict: { kind: 'boolean' } }, optional: ['convertSchemasToStrict'] } },
  handoffDescription: { role: 'config', domain: { kind: 'string' } },
  prompt: { role: 'config', domain: { kind: 'anyOf', of: [{ kind: 'function' }, { kind: 'object', keys: { promptId: oneOf('pmpt_support', 'pmpt_sales'), version: oneOf('1', '2') }, optional: ['version'] }] } },
  outputType: { role: 'config', domain: { kind: 'anyOf', of: [oneOf('text'), built('JsonSchemaOutput', oneOf('Answer', 'Ticket'))] } },
  toolUseBehavior: {
    role: 'config',
    domain: { kind: 'anyOf', of: [oneOf('run_llm_again', 'stop_on_first_tool'), { kind: 'function' }, { kind: 'object', keys: { stopAtToolNames: { kind: 'list', of: oneOf('search', 'lookup'), maxLength: 3 } } }] },
  },
  resetToolChoice: { role: 'config', domain: { kind: 'boolean' } },
  eventEmitter: 'runtime',
};
const CONFIGURED = Object.keys(FRAMEWORK_FIELDS).filter((name) => name !== 'eventEmitter');

/** The SDK has no feature configs and no locks; one shared empty object each keeps views stable. */
const NO_FEATURES: AgentView['features'] = Object.freeze({});
const NO_LOCKS: AgentView['locks'] = Object.freeze({});

/**
 * The SDK has no "no handoffs" value but an empty array. The arrays the adapter made for a
 * canonical `null` are remembered, so that the view reports them as `null` again (a clone that
 * keeps such an array keeps "no handoffs"; an SDK array from anywhere else is reported as it is).
 */
const standsForNull = new WeakSet<object>();
const handoffList = (handoffs: readonly unknown[] | null | undefined): AgentConfiguration['handoffs'] => {
  if (handoffs !== null && handoffs !== undefined) return handoffs as AgentConfiguration['handoffs'];
  const none: AgentConfiguration['handoffs'] = [];
  standsForNull.add(none);
  return none;
};

/** Canonical fields (or overrides) as SDK options; throws on a field the SDK has no counterpart for. */
function toSdk(fields: Partial<AgentConfig>): Partial<AgentConfiguration> {
  const sdk: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'name') sdk.name = value;
    else if (key === 'instructions') sdk.instructions = value;
    else if (key === 'llm') sdk.model = value;
    else if (key === 'tools') sdk.tools = value; // as given: `new Agent({ tools: list })` keeps list
    else if (key === 'handoffs') sdk.handoffs = handoffList(value as readonly unknown[] | null);
    else if (key === 'framework') Object.assign(sdk, value); // the SDK's own option names
    // A field left undefined, or `features: {}`, carries nothing; anything else would be lost.
    else if (value !== undefined && !(key === 'features' && Object.keys(value as object).length === 0)) {
      throw new Error(`the OpenAI Agents SDK has no counterpart for the field "${key}" (mapped: ${FIELDS.join(', ')})`);
    }
  }
  return sdk as Partial<AgentConfiguration>;
}

const neverRun = () => {
  throw new Error('not run by the conformance adapter');
};

const adapter: CloneAdapter<Agent> = {
  name: `openai-agents-js ${installed} (@openai/agents)`,
  fields: FIELDS,
  frameworkFields: FRAMEWORK_FIELDS,
  domains: {
    fields: {
      // SDK agents, or `handoff(agent)` objects, to a named agent.
      handoffs: {
        kind: 'anyOf',
        of: [oneOf(null), { kind: 'list', maxLength: 3, of: { kind: 'anyOf', of: [built('Agent', oneOf('billing', 'escalation', 'triage')), built('Handoff', oneOf('billing', 'escalation', 'triage'))] } }],
      },
    },
  },
  build: (name, value) => {
    switch (name) {
      case 'Agent':
        return new Agent({ name: value as string });
      case 'Handoff':
        return handoff(new Agent({ name: value as string }));
      case 'InputGuardrail':
      case 'OutputGuardrail':
        return { name: value as string, execute: neverRun };
      case 'MCPServerStdio': // never connected: the SDK connects only on server.connect()
        return new MCPServerStdio({ name: value as string, fullCommand: `mcp-server-${value as string}` });
      case 'JsonSchemaOutput':
        return { type: 'json_schema', name: value, strict: true, schema: { type: 'object', properties: {}, required: [], additionalProperties: false } };
      default:
        throw new Error(`no built values named ${name}`);
    }
  },
  // The SDK's own rule (see "Names" above): a name with a non-whitespace character.
  accepts: (config) => config.name.trim() !== '',
  create: (config) => new Agent(toSdk(config) as AgentConfiguration),
  view: (agent) => {
    const held = agent as unknown as Record<string, unknown>;
    return {
      name: agent.name,
      // A function (dynamic instructions) is a value like any other here.
      instructions: agent.instructions as string,
      llm: agent.model,
      tools: agent.tools,
      handoffs: standsForNull.has(agent.handoffs) ? null : agent.handoffs,
      features: NO_FEATURES,
      framework: Object.fromEntries([...CONFIGURED, 'eventEmitter'].map((name) => [name, held[name]])),
      interruptController: null,
      locks: NO_LOCKS,
    };
  },
  // clone() takes every option the constructor takes: the framework fields too (toSdk passes them
  // under the SDK's own names), so override cases override them as well.
  overridable: [...FIELDS, ...CONFIGURED.map((name) => `framework.${name}` as const)],
  cloneWith: (agent, overrides) => agent.clone(toSdk(overrides)),
  addTool: (agent, tool) => {
    agent.tools.push(tool as Tool);
  },
};

export default adapter;
