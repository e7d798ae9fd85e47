/**
 * Measures what `Agent.clone()` of the OpenAI Agents SDK (JS) shares with its source and what it
 * renews. Prints one line per fact; FINDINGS.md reports the output.
 *
 *   cd examples/openai-agents && npm ci && cd ../.. && npx tsx examples/openai-agents/probe.ts
 */
import { readFileSync } from 'node:fs';
import { Agent, tool, type Tool } from '@openai/agents';

const version = (JSON.parse(readFileSync(new URL('./node_modules/@openai/agents/package.json', import.meta.url), 'utf8')) as { version: string }).version;
console.log(`@openai/agents ${version}, Node ${process.version}`);

const fact = (label: string, value: unknown) => console.log(`${label}: ${String(value)}`);
const attempt = (fn: () => unknown): string => {
  try {
    fn();
    return 'accepted';
  } catch (error) {
    return `throws ${(error as Error).name}: ${(error as Error).message}`;
  }
};

const makeTool = (name: string) =>
  tool({ name, description: name, parameters: { type: 'object', properties: {}, required: [], additionalProperties: true }, strict: false, execute: () => name });
/** The per-agent lifecycle event emitter (a protected property). */
const emitterOf = (agent: Agent) => (agent as unknown as { eventEmitter: object }).eventEmitter;

const search = makeTool('search');
const helper = new Agent({ name: 'helper' });
const modelSettings = { temperature: 0.2, parallelToolCalls: false };

console.log('\n## clone() without overrides: agent.clone({})');
const source = new Agent({
  name: 'support',
  instructions: 'Help.',
  model: 'gpt-4o-mini',
  modelSettings,
  tools: [search],
  handoffs: [helper],
});
const clone = source.clone({});
fact('clone is a new Agent', clone !== source && clone instanceof Agent);
fact('tools: same array as the source', clone.tools === source.tools);
fact('tools: same elements', clone.tools.length === source.tools.length && clone.tools.every((t, i) => t === source.tools[i]));
fact('handoffs: same array as the source', clone.handoffs === source.handoffs);
fact('handoffs: same elements', clone.handoffs.every((h, i) => h === source.handoffs[i]));
fact('handoff target agents are not cloned', clone.handoffs[0] === helper);
fact('modelSettings (given explicitly): same object', clone.modelSettings === source.modelSettings);
fact('mcpServers: same array', clone.mcpServers === source.mcpServers);
fact('inputGuardrails: same array', clone.inputGuardrails === source.inputGuardrails);
fact('outputGuardrails: same array', clone.outputGuardrails === source.outputGuardrails);
fact('mcpConfig: same object', clone.mcpConfig === source.mcpConfig);
fact('lifecycle event emitter: fresh', emitterOf(clone) !== emitterOf(source));
const extra = makeTool('extra');
clone.tools.push(extra);
fact('a tool pushed onto clone.tools appears in source.tools', source.tools.includes(extra));
clone.handoffs.push(new Agent({ name: 'late' }));
fact('a handoff pushed onto clone.handoffs appears in source.handoffs', source.handoffs.length === 2);
clone.modelSettings.temperature = 0.9;
fact('setting clone.modelSettings.temperature changes the source', source.modelSettings.temperature === 0.9);

console.log('\n## defaults');
const bare = new Agent({ name: 'bare' });
const bareClone = bare.clone({});
fact('modelSettings not given: clone has the same object', bareClone.modelSettings === bare.modelSettings);
fact('modelSettings not given: equal content', JSON.stringify(bareClone.modelSettings) === JSON.stringify(bare.modelSettings));
fact('tools not given: clone shares the source\'s [] array', bareClone.tools === bare.tools);
fact('handoffs not given: clone shares the source\'s [] array', bareClone.handoffs === bare.handoffs);
fact('new Agent({ handoffs: undefined }).handoffs', JSON.stringify(new Agent({ name: 'n' }).handoffs));
fact('instructions not given: stored as', JSON.stringify(bare.instructions));
fact('model not given: stored as', JSON.stringify(bare.model));
fact('clone({ instructions: undefined }).instructions', JSON.stringify(source.clone({ instructions: undefined }).instructions));
fact('clone({ model: undefined }).model', JSON.stringify(source.clone({ model: undefined }).model));
fact('clone({ handoffs: null }).handoffs', JSON.stringify(source.clone({ handoffs: null as unknown as Agent[] }).handoffs));

console.log('\n## overrides');
const newTools: Tool[] = [extra];
const overridden = source.clone({ name: 'billing', tools: newTools });
fact('clone({ tools: list }).tools is that very list', overridden.tools === newTools);
fact('clone({ tools }) keeps the source\'s handoffs array', overridden.handoffs === source.handoffs);
fact('clone({ name }) keeps the source\'s modelSettings object', overridden.modelSettings === source.modelSettings);
fact('source name after clone({ name })', source.name);

console.log('\n## what the constructor and clone accept');
fact('new Agent({ name: "" })', attempt(() => new Agent({ name: '' })));
fact('new Agent({ name: " " })', attempt(() => new Agent({ name: ' ' })));
fact('new Agent({ name: " padded " }).name', JSON.stringify(new Agent({ name: ' padded ' }).name));
fact('clone({ name: "" })', attempt(() => source.clone({ name: '' })));
fact('agent.clone() with no argument', attempt(() => (source.clone as (config?: object) => Agent)()));
const oddTools = [() => 1, { name: 'plain', run: () => 2 }, new (class FunctionTool { name = 'c'; })()];
const odd = new Agent({ name: 'odd', tools: oddTools as unknown as Tool[], handoffs: [{ agentName: 'billing' }, () => 3] as unknown as Agent[] });
fact('functions, plain objects and class instances as tools: accepted, the very array kept', odd.tools === (oddTools as unknown));
fact('plain objects and functions as handoffs: accepted, kept', odd.handoffs.length === 2);

console.log('\n## subclasses');
class SupportAgent extends Agent {}
fact('clone of a subclass instance is an instance of the subclass', new SupportAgent({ name: 's' }).clone({}) instanceof SupportAgent);
