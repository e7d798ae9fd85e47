/**
 * Agent-bound tools and routes back to the source. A tool the framework derives from an agent (a
 * handoff tool, a sandbox tool, `as_tool()`, a memory tool: any tool that reaches its agent through
 * a closure, a partial, a bound method or an attribute) belongs to that agent: a clone or copy holds
 * its own, rebound to itself, never the source's. The suite knows such a tool by what the view
 * shows: a tool of the source that reaches the source agent itself. Nothing a clone's tools reach
 * may be the source agent or an object only the source holds (its interrupt controller, its locks).
 */
import { describe, identityOf, sameAsIs, type Observed } from '../model/observed.ts';
import { findReach, type Reach } from '../model/routes.ts';
import type { ObservedAgent } from '../model/subject.ts';
import { compareElements } from './compare.ts';
import { Violation } from './invariant.ts';

/** The view fields the tools rules read: the tools, and what the source holds that a clone must not reach. */
export const TOOLS_RULE_FIELDS = ['tools', 'interruptController', 'locks'] as const;

/** What a clone must never reach of its source, by identity token: the source agent, its interrupt controller, its locks (those of them the view shows). */
export function heldBy(source: ObservedAgent): Map<string, string> {
  const targets = new Map<string, string>();
  const add = (value: Observed | undefined, what: string) => {
    const id = value === undefined ? undefined : identityOf(value);
    if (id !== undefined && !targets.has(id)) targets.set(id, what);
  };
  add(source.self, 'the source agent');
  // A partial view (protocol 2) holds only the fields asked for: the others are not its own properties.
  if (Object.hasOwn(source.fields, 'interruptController')) add(source.fields.interruptController, "the source's interrupt controller");
  for (const [name, lock] of Object.entries(source.locks ?? {})) add(lock, `the source's "${name}" lock`);
  return targets;
}

/** The source's handoff targets that have an identity, by token, each named as its place (`the source's handoffs[0]`). */
export function handoffTargets(source: ObservedAgent): Map<string, string> {
  const handoffs = Object.hasOwn(source.fields, 'handoffs') ? source.fields.handoffs : undefined;
  if (handoffs?.kind !== 'array') return new Map();
  return new Map(handoffs.items.flatMap((target, i) => (identityOf(target) === undefined ? [] : [[identityOf(target)!, `the source's handoffs[${i}]`] as const])));
}

/** Where `tool` reaches the agent `self` (its path below the tool): the tool is bound to that agent. Undefined when it does not, or the agent is unknown. */
export function boundTo(tool: Observed, self: Observed): Reach | undefined {
  const id = identityOf(self);
  return id === undefined ? undefined : findReach(tool, '', new Map([[id, 'the agent']]));
}

/** A tools observation without the tools bound to the agent `self` (the agent's own, derived from it by the framework). */
export function withoutOwnTools(tools: Observed, self: Observed): Observed {
  if (tools.kind !== 'array' || identityOf(self) === undefined) return tools;
  const items = tools.items.filter((tool) => boundTo(tool, self) === undefined);
  return items.length === tools.items.length ? tools : { ...tools, items };
}

/** The first place where one of `values` (named `what[i]`) reaches the source, not entering the agent `own` (the holder's own agent). */
export function routeToSource(values: readonly Observed[], what: (index: number) => string, source: ObservedAgent, own: Observed): Violation | undefined {
  const targets = heldBy(source);
  const ownId = identityOf(own);
  const stops = new Set(ownId === undefined || targets.has(ownId) ? [] : [ownId]);
  for (const [index, value] of values.entries()) {
    const found = findReach(value, what(index), targets, stops);
    if (found) return new Violation(`${found.path} is ${found.what}`, 'no route back to the source: what a clone or copy holds reaches neither the source agent nor its interrupt controller or locks');
  }
  return undefined;
}

/** What one tool of the holder must be to the source's tool in its place (not bound to the source): a violation, or undefined. */
export type ElementRule = (expected: Observed, actual: Observed, what: string, whose: string) => Violation | undefined;

/** The very same tool object. */
export const SAME_OBJECTS: ElementRule = (expected, actual, what, whose) =>
  sameAsIs(expected, actual) ? undefined : new Violation(`${what} = ${describe(actual)}, another object`, `${whose} itself: ${describe(expected)}`);

/**
 * The tools rule shared by the profiles: `actual` holds, in order, the very tools `expected` holds
 * (or, `copied`, deeply equal copies of them), except the tools bound to the source agent, which
 * are the holder's own, rebound to it; and none of its tools reaches the source. `what` names the
 * holder (`clone`, `copy`), `whose` the expected side in messages.
 */
export function compareTools(expected: Observed, actual: Observed, source: ObservedAgent, holder: ObservedAgent, what: string, whose: string, elements: ElementRule = SAME_OBJECTS): Violation | undefined {
  if (expected.kind !== 'array' || actual.kind !== 'array' || expected.items.length !== actual.items.length) return compareElements(expected, actual, `${what}.tools`, whose);
  for (const [i, tool] of expected.items.entries()) {
    const mine = actual.items[i]!;
    const bound = boundTo(tool, source.self);
    if (!bound) {
      const differs = elements(tool, mine, `${what}.tools[${i}]`, `${whose}[${i}]`);
      if (differs) return differs;
      continue;
    }
    if (identityOf(tool) !== undefined && identityOf(tool) === identityOf(mine)) {
      return new Violation(
        `${what}.tools[${i}] is the source's tools[${i}] itself, a tool bound to the source agent (tools[${i}]${bound.path} is the source agent)`,
        `the ${what}'s own tool in its place, rebound to the ${what}: a tool the framework derives from an agent belongs to that agent`,
      );
    }
    if (!boundTo(mine, holder.self)) {
      return new Violation(
        `${what}.tools[${i}] = ${describe(mine)}, not bound to the ${what}`,
        `the ${what}'s own tool, rebound to the ${what}, as ${whose}[${i}] is bound to the source (tools[${i}]${bound.path})`,
      );
    }
  }
  return routeToSource(actual.items, (i) => `${what}.tools[${i}]`, source, holder.self);
}

/** What SPEC.md says of functions, agent-bound tools and routes through closures (before the catalogue). */
export const AGENT_BOUND_SPEC: readonly string[] = [
  '**What functions reach; agent-bound tools.** A function is compared by identity, and what it',
  'reaches is observed where the language shows it:',
  "a Python closure's cells, a `functools.partial`'s func, args and keywords, a bound method's",
  "`__self__` and `__func__` (Python kit, protocol version 4); a JavaScript function's own enumerable",
  'properties (JavaScript never shows what a closure or a bound function holds). A partial or a bound',
  'method is made of its parts: one made again of equal parts (what `copy.deepcopy` makes) is equal.',
  '',
  'A tool of the source that reaches the source agent itself (through a closure, a partial, a bound',
  'method or an attribute) is **agent-bound**: the framework made it for that agent (a handoff tool, a',
  'sandbox or memory tool, `as_tool()`); one that also reaches a handoff target is a route, governed by',
  'channel.handoffs.no-tool-routes. The suite knows such tools from the view alone, and the adapter',
  'declares nothing: a framework makes these tools whatever the suite generates, and every view shows',
  'them; a tool whose route to its agent cannot be seen (a JavaScript closure, an adapter process of',
  'protocol version 3 or older) is compared by identity, as before. The list rules (channel.tools.same-elements, override.tools.same-elements,',
  'deepcopy.tools) demand the source\'s very tools, except agent-bound ones: in their place a clone or',
  "copy holds its own, rebound to itself, never the source's, because a tool kept from the source acts",
  "on the source agent from another channel, with the source's state. No tool of a clone or copy, and",
  'nothing else a deep copy holds, may reach the source agent, its interrupt controller or its locks; a',
  "channel clone's tools may not reach the source's handoff targets either. An agent may hold tools",
  'bound to itself besides those it was configured with (agent.config-held, override.applied). A',
  'failure names the path, e.g. `clone.tools[0].<bound>.__self__ is the source agent`.',
  '',
];
