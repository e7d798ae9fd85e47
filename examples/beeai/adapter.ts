/**
 * clone-conformance adapter for the BeeAI Framework for TypeScript, `beeai-framework` 0.1.x, on its
 * `RequirementAgent` (the agent its docs lead with).
 *
 *   cd examples/beeai && npm ci && cd ../.. && npx clone-conformance examples/beeai/adapter.ts
 *
 * BeeAI has one clone operation, `await agent.clone()` (`Serializable.clone()`: a snapshot of the
 * agent loaded into a new object). The framework itself uses it to serve one agent to many
 * conversations: its A2A server clones the agent per request, its `AgentWorkflow` per step, its
 * `HandoffTool` per handoff. That is the channel clone, checked here through `cloneForChannel`.
 * BeeAI has no override clone and no deep copy.
 *
 * What is mapped (canonical field -> `RequirementAgentInput`, kept by the agent as `agent.input`):
 *   name, role, instructions -> the same keys
 *   llm                      -> llm (BeeAI takes any value at construction; a ChatModel at run time)
 *   tools                    -> tools
 * Framework fields (their roles: spec/model/roles.ts):
 *   description, notes, execution, toolCallChecker, finalAnswerAsTool, saveIntermediateSteps: config
 *   requirements (the agent's rules, each an object): shared-list, like tools
 *   middlewares (`agent.middlewares`): shared-list
 *   emitter (`agent.emitter`, the agent's event emitter, made for it with `creator: this`): runtime
 *   memory (`agent.memory`, the conversation: an UnconstrainedMemory): state, recorded through
 *     `memory.add(new UserMessage(entry))`
 * Not mapped: goal, backstory, baseUrl, apiKey, auth, toolTimeout, parallelToolCalls, cliBackend
 * and the feature configs (no counterpart), `templates` (prompt templates: functions of the
 * agent's input; not generated), handoffs (BeeAI routes through a `HandoffTool` in the tools list).
 *
 * Runtime state: no interrupt controller (a run is cancelled through its own AbortSignal) and no
 * locks (`isRunning` is a flag `run()` sets, which every snapshot resets to false).
 */
import { createRequire } from 'node:module';
import { RequirementAgent } from 'beeai-framework/agents/requirement/agent';
import { UserMessage } from 'beeai-framework/backend/message';
import type { AgentView, CloneAdapter, FrameworkFields, MappedField } from '../../src/adapter/contract.ts';

const FIELDS = ['name', 'role', 'instructions', 'llm', 'tools'] as const satisfies readonly MappedField[];

/** The installed version, read when the adapter loads: the report names what was checked. */
const VERSION = (createRequire(import.meta.url)('beeai-framework/package.json') as { version: string }).version;

const flag = { kind: 'oneOf', values: [true, false] } as const;
const count = { kind: 'number', integer: true, min: 0, max: 50 } as const;

const FRAMEWORK_FIELDS: FrameworkFields = {
  description: { role: 'config', domain: { kind: 'string' } },
  notes: { role: 'config', domain: { kind: 'anyOf', of: [{ kind: 'string' }, { kind: 'list', of: { kind: 'string' }, maxLength: 3 }] } },
  execution: { role: 'config', domain: { kind: 'object', keys: { maxRetriesPerStep: count, totalMaxRetries: count, maxIterations: count }, optional: ['maxRetriesPerStep', 'totalMaxRetries', 'maxIterations'] } },
  toolCallChecker: { role: 'config', domain: flag },
  finalAnswerAsTool: { role: 'config', domain: flag },
  saveIntermediateSteps: { role: 'config', domain: flag },
  requirements: 'shared-list',
  middlewares: 'shared-list',
  emitter: 'runtime',
  memory: 'state',
};

/** The framework fields a configuration carries, by name (the configured roles). */
type Configured = Partial<Record<'description' | 'notes' | 'execution' | 'toolCallChecker' | 'finalAnswerAsTool' | 'saveIntermediateSteps' | 'requirements' | 'middlewares', unknown>>;

/** BeeAI has no feature configs and no locks; one shared empty object each keeps views stable. */
const NO_FEATURES: AgentView['features'] = Object.freeze({});
const NO_LOCKS: AgentView['locks'] = Object.freeze({});

/** A list as a user writes it (`tools: [a, b]`): a new array of the given elements. */
const listOf = (value: unknown) => (Array.isArray(value) ? [...value] : value);

const RECORDED_AT = new Date(0);

type Input = ConstructorParameters<typeof RequirementAgent>[0];

const adapter: CloneAdapter<RequirementAgent> = {
  name: `beeai-framework ${VERSION} (RequirementAgent)`,
  fields: FIELDS,
  frameworkFields: FRAMEWORK_FIELDS,
  create: (config) => {
    const framework = (config.framework ?? {}) as Configured;
    return new RequirementAgent({
      name: config.name,
      role: config.role,
      instructions: config.instructions,
      llm: config.llm,
      tools: listOf(config.tools),
      ...framework,
      requirements: listOf(framework.requirements),
      middlewares: listOf(framework.middlewares),
    } as unknown as Input);
  },
  view: (agent) => {
    const input = agent.input as unknown as Record<string, unknown>;
    return {
      name: input.name as string,
      role: input.role as string | undefined,
      instructions: input.instructions as string | undefined,
      llm: input.llm,
      tools: input.tools as unknown[],
      // Not mapped (see above): always `null` here, never compared.
      handoffs: null,
      features: NO_FEATURES,
      interruptController: null,
      locks: NO_LOCKS,
      framework: {
        description: input.description,
        notes: input.notes,
        execution: input.execution,
        toolCallChecker: input.toolCallChecker,
        finalAnswerAsTool: input.finalAnswerAsTool,
        saveIntermediateSteps: input.saveIntermediateSteps,
        requirements: input.requirements,
        middlewares: agent.middlewares,
        emitter: agent.emitter,
        memory: agent.memory,
      },
    };
  },
  cloneForChannel: (agent) => agent.clone(),
  // BeeAI has no method for it: a tool is added to the list the agent runs with.
  addTool: (agent, tool) => {
    (agent.input.tools as unknown[]).push(tool);
  },
  recordState: async (agent, place, entry) => {
    if (place !== 'memory') throw new Error(`the BeeAI agent has no state place named ${JSON.stringify(place)}`);
    // A fixed time: the message's own timestamp would make the report differ from run to run.
    await agent.memory.add(new UserMessage(entry, { createdAt: RECORDED_AT }));
  },
};

export default adapter;
