/**
 * Measures what `BaseAgent.clone()` of Google's ADK for TypeScript (`@google/adk`) shares with its
 * source and what it renews, on an `LlmAgent`. Prints one line per fact; FINDINGS.md reports it.
 *
 *   cd examples/google-adk && npm ci && cd ../.. && npx tsx examples/google-adk/probe.ts
 */
import { readFileSync } from 'node:fs';
import { FunctionTool, LlmAgent, type ToolUnion } from '@google/adk';

const version = (JSON.parse(readFileSync(new URL('./node_modules/@google/adk/package.json', import.meta.url), 'utf8')) as { version: string }).version;
console.log(`@google/adk ${version}, Node ${process.version}`);

const fact = (label: string, value: unknown) => console.log(`${label}: ${String(value)}`);
const attempt = (fn: () => unknown): string => {
  try {
    fn();
    return 'accepted';
  } catch (error) {
    return `throws ${(error as Error).name}: ${(error as Error).message.split('\n')[0]}`;
  }
};
const makeTool = (name: string) => new FunctionTool({ name, description: name, execute: () => name });
/** Internal per-agent arrays and objects, reached without type checks. */
const prop = (agent: LlmAgent, key: string) => (agent as unknown as Record<string, unknown>)[key];
const sameElements = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const search = makeTool('search');
const generateContentConfig = { temperature: 0.2 };
const beforeModel = [() => undefined];

console.log('\n## clone() without overrides');
const source = new LlmAgent({
  name: 'support',
  instruction: 'Help.',
  model: 'gemini-2.5-flash',
  tools: [search],
  generateContentConfig,
  beforeModelCallback: beforeModel,
  subAgents: [new LlmAgent({ name: 'billing' })],
});
const clone = source.clone();
fact('clone is a new LlmAgent', clone !== source && clone instanceof LlmAgent);
fact('clone({}) behaves like clone()', sameElements(source.clone({}).tools, source.tools) && source.clone({}).tools !== source.tools);
fact('tools: same array as the source', clone.tools === source.tools);
fact('tools: same elements', sameElements(clone.tools, source.tools));
fact('subAgents: same array as the source', clone.subAgents === source.subAgents);
fact('subAgents: same elements', sameElements(clone.subAgents, source.subAgents));
fact('subAgents of the clone are clones: same names', clone.subAgents.map((a) => a.name).join() === source.subAgents.map((a) => a.name).join());
fact('sub-agent clones are parented to the clone', clone.subAgents.every((a) => a.parentAgent === clone));
fact('the source\'s sub-agents keep the source as parent', source.subAgents.every((a) => a.parentAgent === source));
fact('generateContentConfig (given): same object', clone.generateContentConfig === source.generateContentConfig);
fact('beforeModelCallback array (given): same array', clone.beforeModelCallback === source.beforeModelCallback);
fact('requestProcessors: same array', prop(clone, 'requestProcessors') === prop(source, 'requestProcessors'));
fact('stored constructor config: same object', prop(clone, 'config') === prop(source, 'config'));
fact('model: the same value', clone.model === source.model);
clone.tools.push(makeTool('extra'));
fact('a tool pushed onto clone.tools appears in source.tools', source.tools.length !== 1);

console.log('\n## clone of a clone, and of a sub-agent');
const grandchild = clone.clone();
fact('clone of a clone: tools a new array, same elements', grandchild.tools !== clone.tools && sameElements(grandchild.tools, clone.tools));
const sub = source.subAgents[0]!;
const subClone = sub.clone();
fact('clone of a sub-agent is detached (no parent)', subClone.parentAgent === undefined);

console.log('\n## the clone is rebuilt from the constructor config, not from the current state');
const late = new LlmAgent({ name: 'late', tools: [search] });
late.tools.push(makeTool('pushed'));
fact('tools given, one pushed later: the clone has it', late.clone().tools.length === 2);
const noTools = new LlmAgent({ name: 'no_tools' });
noTools.tools.push(makeTool('pushed'));
fact('tools not given, one pushed later: the clone has it', noTools.clone().tools.length === 1);
const changed = new LlmAgent({ name: 'changed', instruction: 'before' });
changed.instruction = 'after';
fact('instruction assigned after construction: the clone has', JSON.stringify(changed.clone().instruction));
const defaults = new LlmAgent({ name: 'defaults' });
fact('generateContentConfig not given: the clone has a fresh {}', defaults.clone().generateContentConfig !== defaults.generateContentConfig);
fact('instruction not given: stored as', JSON.stringify(defaults.instruction));
fact('model not given: stored as', String(defaults.model));

console.log('\n## overrides');
const newTools: ToolUnion[] = [makeTool('other')];
const overridden = source.clone({ name: 'billing2', tools: newTools });
fact('clone({ tools: list }).tools is that very list', overridden.tools === newTools);
fact('clone({ tools }) still clones the sub-agents', overridden.subAgents.length === 1 && overridden.subAgents[0] !== source.subAgents[0]);
fact('clone({ instruction: undefined }).instruction', JSON.stringify(source.clone({ instruction: undefined }).instruction));
fact('clone({ parentAgent })', attempt(() => source.clone({ parentAgent: undefined })));

console.log('\n## what the constructor accepts');
for (const name of ['', ' ', ' padded ', 'caf\u00e9', 'cafe\u0301', '\u2126', '0', 'false', 'user', 'send-email', 'a b']) {
  fact(`new LlmAgent({ name: ${JSON.stringify(name).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)} })`, attempt(() => new LlmAgent({ name })));
}
const oddTools = [() => 1, { name: 'plain', run: () => 2 }, new (class FunctionTool { name = 'c'; })()];
const odd = new LlmAgent({ name: 'odd', tools: oddTools as unknown as ToolUnion[] });
fact('functions, plain objects and class instances as tools: accepted, the very array kept', odd.tools === (oddTools as unknown));
fact('a plain object as a sub-agent, then clone()', attempt(() => new LlmAgent({ name: 'p', subAgents: [{ name: 'x' }] as unknown as LlmAgent[] }).clone()));
const shared = new LlmAgent({ name: 'shared' });
new LlmAgent({ name: 'first', subAgents: [shared] });
fact('one agent as a sub-agent of two parents', attempt(() => new LlmAgent({ name: 'second', subAgents: [shared] })));

console.log('\n## subclasses');
class SupportAgent extends LlmAgent {}
fact('clone of a subclass instance is an instance of the subclass', new SupportAgent({ name: 's' }).clone() instanceof SupportAgent);
