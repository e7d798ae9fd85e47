import fc from 'fast-check';
import { namedFunction } from './values.ts';

/** A tool written as a class, the way SDKs ship tools. */
export class FunctionTool {
  constructor(
    readonly name: string,
    readonly description: string,
  ) {}

  invoke(input: string): string {
    return `${this.name}(${input})`;
  }

  [fc.toStringMethod](): string {
    return `new FunctionTool(${JSON.stringify(this.name)})`;
  }
}

const toolName = fc.constantFrom('search', 'calculator', 'fetch_url', 'send_email', 'read_file', '');

/**
 * One fresh tool value: a bare function, a plain object with a handler, or a class instance.
 * Every generated tool is a new object, so identity checks are meaningful.
 */
export const tool: fc.Arbitrary<unknown> = fc.oneof(
  toolName.map((name) => namedFunction(name || 'anonymous_tool', `tool:${name}`)),
  fc.record({ name: toolName, description: fc.constantFrom('', 'Looks things up') }).map((spec) => ({
    ...spec,
    run: namedFunction(`${spec.name || 'tool'}_run`, `run:${spec.name}`),
  })),
  toolName.map((name) => new FunctionTool(name, 'A tool')),
);

/**
 * A list of tools, from empty to long, in which the same tool object may stand twice: code that
 * deduplicates through a Set, or rebuilds tools by name, gets such lists wrong.
 */
export const toolList: fc.Arbitrary<unknown[]> = fc
  .tuple(fc.array(tool, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 }))
  .map(([pool, picks]) => picks.map((pick) => pool[pick % pool.length]));

/** A handoff target: another agent's description or a routing function. */
export const handoff: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('billing', 'escalation', 'triage').map((agentName) => ({ agentName, toolDescription: `Hand off to ${agentName}` })),
  fc.constantFrom('route_to_billing', 'route_to_human').map((name) => namedFunction(name, `handoff:${name}`)),
);

/** `null` (no handoffs), an empty list, or (as often as both together) some handoffs. */
export const handoffs: fc.Arbitrary<unknown[] | null> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant([]).map(() => []) },
  { weight: 2, arbitrary: fc.array(handoff, { minLength: 1, maxLength: 3 }) },
);
