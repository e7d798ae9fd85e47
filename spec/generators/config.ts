import fc from 'fast-check';
import type { AgentConfig } from '../agent-config.ts';
import { features } from './features.ts';
import { handoffs, toolList } from './tools.ts';
import { namedFunction, optional, trickyNumber, trickyString } from './values.ts';

/** A model client object, as frameworks accept instead of a model name. */
export class ModelClient {
  constructor(readonly model: string, readonly temperature: number) {}

  [fc.toStringMethod](): string {
    return `new ModelClient(${JSON.stringify(this.model)}, ${fc.stringify(this.temperature)})`;
  }
}

const llm = fc.oneof(
  fc.constantFrom('gpt-4o-mini', 'claude-sonnet', ' gpt-4o ', ''),
  fc.record({ model: fc.constantFrom('gpt-4o', 'local'), temperature: trickyNumber }),
  fc.tuple(fc.constantFrom('gpt-4o', 'llama3'), trickyNumber).map(([model, t]) => new ModelClient(model, t)),
);

const auth = fc.oneof(
  fc.record({ token: trickyString }),
  fc.record({ scheme: fc.constant('bearer'), refresh: fc.constant(namedFunction('refresh_token', 'auth:refresh')) }),
  fc.constant(null),
);

/**
 * A random agent configuration. Optional fields are sometimes missing, sometimes present and
 * `undefined`, sometimes present with a value chosen to trip falsy checks, trimming, Unicode
 * normalisation and JSON round trips.
 */
export const agentConfig: fc.Arbitrary<AgentConfig> = fc.record(
  {
    name: trickyString,
    role: optional(trickyString),
    goal: optional(trickyString),
    backstory: optional(trickyString),
    instructions: optional(trickyString),
    llm: optional(llm),
    baseUrl: optional(fc.constantFrom('http://localhost:11434/v1', '', ' https://api.example.test ')),
    apiKey: optional(trickyString),
    auth: optional(auth),
    tools: toolList,
    handoffs,
    features,
    toolTimeout: optional(trickyNumber),
    parallelToolCalls: optional(fc.boolean()),
    cliBackend: optional(trickyString),
  },
  { requiredKeys: ['name', 'tools', 'handoffs', 'features'] },
);
