/**
 * clone-conformance adapter for the OpenAI Agents SDK (JS), `@openai/agents` 0.14.x (the newest
 * line that runs on Node 20; see package.json).
 *
 *   cd examples/openai-agents && npm ci && cd ../.. && npx clone-conformance examples/openai-agents/adapter.ts
 *
 * The SDK's clone is the override clone, `agent.clone(overrides)`, checked here through
 * `cloneWith`. The SDK has no channel clone and no deep copy, so this adapter offers neither.
 *
 * What is mapped (canonical field -> SDK `AgentConfiguration` / `Agent` property):
 *   name              -> name
 *   instructions      -> instructions
 *   llm               -> model (a model name or a `Model` object, kept as given)
 *   tools             -> tools
 *   handoffs          -> handoffs (`null`: an empty array the adapter remembers, viewed as `null`)
 *   parallelToolCalls -> modelSettings.parallelToolCalls
 * role, goal, backstory, baseUrl, apiKey, auth, toolTimeout, cliBackend and the feature configs
 * have no counterpart on an SDK agent and are not mapped.
 *
 * Tools and handoffs: in 0.14.x neither the constructor nor `clone()` inspects them (they are only
 * resolved when an agent runs), so the generated values (functions, plain objects, class
 * instances) are stored as they are and no wrapping is needed: the agent's `tools` array holds the
 * very objects the suite generated. The casts below only quiet the SDK's static types.
 *
 * Names: the SDK rejects a name that is empty or only whitespace (`UserError: Agent must have a
 * name.`), in the constructor and therefore in `clone()` too. The adapter does not hide that:
 * such a configuration fails at `create`/`cloneWith` with the SDK's own error.
 *
 * Runtime state: an SDK agent has no interrupt controller and no locks (runs are cancelled through
 * a per-run AbortSignal, not through the agent); its only per-instance runtime object is a
 * protected lifecycle event emitter, which the canonical view has no place for.
 */
import { Agent, type AgentConfiguration, type ModelSettings, type Tool } from '@openai/agents';
import type { AgentConfig, AgentView, CloneAdapter, MappedField } from '../../src/adapter/contract.ts';

const FIELDS = ['name', 'instructions', 'llm', 'tools', 'handoffs', 'parallelToolCalls'] as const satisfies readonly MappedField[];
type Mapped = (typeof FIELDS)[number];

type SdkConfig = Partial<AgentConfiguration>;
type Handoffs = AgentConfiguration['handoffs'];

/** The SDK has no feature configs and no locks; one shared empty object each keeps views stable. */
const NO_FEATURES: AgentView['features'] = Object.freeze({});
const NO_LOCKS: AgentView['locks'] = Object.freeze({});

/** The list the agent will own: a new array holding the very values given, as `tools: [a, b]` would. */
const toolList = (tools: readonly unknown[]): Tool[] => [...tools] as Tool[];
/**
 * The SDK has no "no handoffs" value but an empty array. The arrays the adapter made for a
 * canonical `null` are remembered, so that the view reports them as `null` again (a clone that
 * keeps such an array keeps "no handoffs"; an SDK array from anywhere else is reported as it is).
 */
const standsForNull = new WeakSet<object>();
const handoffList = (handoffs: readonly unknown[] | null): Handoffs => {
  if (handoffs !== null) return [...handoffs] as Handoffs;
  const none: Handoffs = [];
  standsForNull.add(none);
  return none;
};

/** Translates canonical fields to SDK options; throws on a field the SDK has no counterpart for. */
function toSdk(fields: Partial<AgentConfig>, current?: Agent): SdkConfig {
  const sdk: SdkConfig = {};
  for (const key of Object.keys(fields) as (keyof AgentConfig)[]) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      // A field left undefined, or `features: {}`, carries nothing; anything else would be lost.
      if (fields[key] === undefined || (key === 'features' && Object.keys(fields.features ?? {}).length === 0)) continue;
      throw new Error(`the OpenAI Agents SDK has no counterpart for the field "${key}" (mapped: ${FIELDS.join(', ')})`);
    }
    switch (key as Mapped) {
      case 'name':
        sdk.name = fields.name as string;
        break;
      case 'instructions':
        sdk.instructions = fields.instructions as string;
        break;
      case 'llm':
        sdk.model = fields.llm as AgentConfiguration['model'];
        break;
      case 'tools':
        sdk.tools = toolList(fields.tools ?? []);
        break;
      case 'handoffs':
        sdk.handoffs = handoffList(fields.handoffs ?? null);
        break;
      case 'parallelToolCalls': {
        // Creating: the settings object a user would write. Overriding: the agent's settings with
        // this one value replaced (the SDK replaces `modelSettings` as a whole, never merges).
        const settings: ModelSettings = { ...current?.modelSettings, parallelToolCalls: fields.parallelToolCalls };
        if (current !== undefined || fields.parallelToolCalls !== undefined) sdk.modelSettings = settings;
        break;
      }
    }
  }
  return sdk;
}

const adapter: CloneAdapter<Agent> = {
  name: 'openai-agents-js 0.14 (@openai/agents)',
  fields: FIELDS,
  // The SDK's own rule (see "Names" above): a name with a non-whitespace character.
  accepts: (config) => config.name.trim() !== '',
  create: (config) => {
    const { tools, handoffs, ...rest } = config;
    return new Agent({ ...toSdk(rest), tools: toolList(tools), handoffs: handoffList(handoffs) } as AgentConfiguration);
  },
  view: (agent) => ({
    name: agent.name,
    // A function (dynamic instructions) is a value like any other here; the suite never generates one.
    instructions: agent.instructions as string,
    llm: agent.model,
    tools: agent.tools,
    handoffs: standsForNull.has(agent.handoffs) ? null : agent.handoffs,
    parallelToolCalls: agent.modelSettings.parallelToolCalls,
    features: NO_FEATURES,
    interruptController: null,
    locks: NO_LOCKS,
  }),
  cloneWith: (agent, overrides) => agent.clone(toSdk(overrides, agent)),
  addTool: (agent, tool) => {
    agent.tools.push(tool as Tool);
  },
};

export default adapter;
