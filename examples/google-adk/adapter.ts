/**
 * clone-conformance adapter for Google's Agent Development Kit for TypeScript, `@google/adk` 2.0.x
 * (runs on Node 20), on its `LlmAgent`.
 *
 *   cd examples/google-adk && npm ci && cd ../.. && npx clone-conformance examples/google-adk/adapter.ts
 *
 * ADK's clone is an override clone, `agent.clone(overrides)` (defined on `BaseAgent`), checked here
 * through `cloneWith`. ADK has no channel clone and no deep copy, so this adapter offers neither.
 *
 * What is mapped (canonical field -> `LlmAgentConfig` / `LlmAgent` property):
 *   name         -> name
 *   instructions -> instruction
 *   llm          -> model (a model name or a `BaseLlm` object, kept as given)
 *   tools        -> tools
 * role, goal, backstory, baseUrl, apiKey, auth, toolTimeout, parallelToolCalls, cliBackend and the
 * feature configs have no counterpart on an ADK agent and are not mapped.
 *
 * Handoffs are not mapped. ADK routes to other agents through `subAgents`, which must be real ADK
 * agents: each may have one parent only (a second parent throws), and `clone()` calls `clone()` on
 * every sub-agent (a plain object or function there makes it throw `subAgent.clone is not a
 * function`). The generated handoff values (plain objects, functions) cannot be sub-agents, and
 * wrapping them into agents would make the view report wrapper agents instead of the values the
 * suite passed. What ADK's clone does with sub-agents is measured in probe.ts (see FINDINGS.md).
 *
 * Tools: in 2.0.x the constructor and `clone()` do not inspect tools (they are resolved when the
 * agent runs), so the generated values (functions, plain objects, class instances) are stored as
 * they are and no wrapping is needed: the agent's `tools` array holds the very objects the suite
 * generated. The casts below only quiet ADK's static types.
 *
 * Names: ADK requires an identifier-like name (Unicode letters, digits, `_`, `-`, `$`; not starting
 * with a digit or `-`; not "user"). The adapter does not hide that: any other name fails at
 * `create`/`cloneWith` with ADK's own error.
 *
 * Runtime state: an ADK agent has no interrupt controller and no locks (a run is cancelled through
 * the invocation context's AbortSignal, not through the agent).
 */
import { readFileSync } from 'node:fs';
import { LlmAgent, type LlmAgentConfig, type ToolUnion } from '@google/adk';
import type { AgentConfig, AgentView, CloneAdapter, FrameworkFields, MappedField } from '../../src/adapter/contract.ts';

const installed = (JSON.parse(readFileSync(new URL('./node_modules/@google/adk/package.json', import.meta.url), 'utf8')) as { version: string }).version;

const FUNCTIONS = { kind: 'list', of: { kind: 'function' }, maxLength: 2 } as const;

/**
 * The fields an `LlmAgent` holds beyond the canonical ones (llm_agent.js:148-196, base_agent.js:
 * 52-63, workflow/base_node.js:58-59 in 2.0.0), with their roles and the values drawn.
 * Agent callbacks are drawn as arrays: the constructor keeps an array as it is and wraps a single
 * function into one (`getCannonicalCallback`, base_agent.js:376-381), which both mean the same.
 */
const FRAMEWORK_FIELDS: FrameworkFields = {
  description: { role: 'config', domain: { kind: 'string' } },
  globalInstruction: { role: 'config', domain: { kind: 'string' } },
  generateContentConfig: {
    role: 'config',
    domain: { kind: 'object', keys: { temperature: { kind: 'number', min: 0, max: 2 }, maxOutputTokens: { kind: 'number', integer: true, min: 1, max: 8192 }, topP: { kind: 'number', min: 0, max: 1 } }, optional: ['temperature', 'maxOutputTokens', 'topP'] },
  },
  disallowTransferToParent: { role: 'config', domain: { kind: 'boolean' } },
  disallowTransferToPeers: { role: 'config', domain: { kind: 'boolean' } },
  includeContents: { role: 'config', domain: { kind: 'oneOf', values: ['default', 'none'] } },
  outputKey: { role: 'config', domain: { kind: 'string' } },
  beforeModelCallback: { role: 'config', domain: { kind: 'function' } },
  afterModelCallback: { role: 'config', domain: { kind: 'function' } },
  beforeToolCallback: { role: 'config', domain: { kind: 'function' } },
  afterToolCallback: { role: 'config', domain: { kind: 'function' } },
  beforeAgentCallback: { role: 'config', domain: FUNCTIONS },
  afterAgentCallback: { role: 'config', domain: FUNCTIONS },
  // The LLM request processors the agent builds for itself (llm_agent.js:168-200): one array per agent.
  requestProcessors: 'runtime',
};

const FIELDS = ['name', 'instructions', 'llm', 'tools'] as const satisfies readonly MappedField[];
type Mapped = (typeof FIELDS)[number];

/** ADK has no feature configs and no locks; one shared empty object each keeps views stable. */
const NO_FEATURES: AgentView['features'] = Object.freeze({});
const NO_LOCKS: AgentView['locks'] = Object.freeze({});

/** The list the agent will own: a new array holding the very values given, as `tools: [a, b]` would. */
const toolList = (tools: readonly unknown[]): ToolUnion[] => [...tools] as ToolUnion[];

/** True when a value of an unmapped field carries nothing: undefined, `null`/`[]` handoffs, `{}` features. */
function carriesNothing(key: keyof AgentConfig, value: unknown): boolean {
  if (value === undefined) return true;
  if (key === 'handoffs') return value === null || (Array.isArray(value) && value.length === 0);
  if (key === 'features') return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
  return false;
}

/** Translates canonical fields to ADK options; throws on a field ADK has no counterpart for. */
function toAdk(fields: Partial<AgentConfig>): Partial<LlmAgentConfig> {
  const adk: Partial<LlmAgentConfig> = {};
  for (const key of Object.keys(fields) as (keyof AgentConfig)[]) {
    if (!(FIELDS as readonly string[]).includes(key) && key !== 'framework') {
      if (carriesNothing(key, fields[key])) continue;
      throw new Error(`the ADK adapter does not map the field "${key}" (mapped: ${FIELDS.join(', ')})`);
    }
    if ((key as string) === 'framework') {
      Object.assign(adk, fields.framework); // ADK's own option names
      continue;
    }
    switch (key as Mapped) {
      case 'name':
        adk.name = fields.name as string;
        break;
      case 'instructions':
        adk.instruction = fields.instructions as string;
        break;
      case 'llm':
        adk.model = fields.llm as LlmAgentConfig['model'];
        break;
      case 'tools':
        adk.tools = toolList(fields.tools ?? []);
        break;
    }
  }
  return adk;
}

const adapter: CloneAdapter<LlmAgent> = {
  name: `google-adk-js ${installed} (@google/adk LlmAgent)`,
  fields: FIELDS,
  frameworkFields: FRAMEWORK_FIELDS,
  // ADK's own rule for agent names (see "Names" above): other configurations are not generated.
  accepts: (config) => /^[\p{L}_$][\p{L}\p{N}_$-]*$/u.test(config.name) && config.name !== 'user',
  // `tools` is always passed, so the agent's tools array is the one its stored config holds and
  // clones see tools added later (ADK's clone rebuilds from the stored constructor config).
  create: (config) => new LlmAgent({ ...toAdk(config), tools: toolList(config.tools) } as LlmAgentConfig),
  view: (agent) => ({
    name: agent.name,
    // A function (an InstructionProvider) is a value like any other here; the suite never generates one.
    instructions: agent.instruction as string,
    llm: agent.model,
    tools: agent.tools,
    // Not mapped (see above): always `null` here, never compared.
    handoffs: null,
    features: NO_FEATURES,
    framework: Object.fromEntries(Object.keys(FRAMEWORK_FIELDS).map((name) => [name, (agent as unknown as Record<string, unknown>)[name]])),
    interruptController: null,
    locks: NO_LOCKS,
  }),
  // clone(update) takes every constructor option: the framework fields too (toAdk passes them under
  // ADK's own names), so override cases override them as well. The runtime one is never configured.
  overridable: [...FIELDS, ...Object.keys(FRAMEWORK_FIELDS).filter((name) => name !== 'requestProcessors').map((name) => `framework.${name}` as const)],
  cloneWith: (agent, overrides) => agent.clone(toAdk(overrides)),
  addTool: (agent, tool) => {
    agent.tools.push(tool as ToolUnion);
  },
};

export default adapter;
