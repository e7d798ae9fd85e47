import { identityOf, type Observed } from '../../model/observed.ts';
import type { ObservedAgent } from '../../model/subject.ts';
import { findReach } from '../../model/routes.ts';
import { compareTools, handoffTargets, TOOLS_RULE_FIELDS } from '../agent-bound.ts';
import { frameworkListsSameElements } from '../framework-fields.ts';
import { firstViolation, relationInvariant } from './relation.ts';

/** A tools observation without the tools the source derived from its handoffs. */
export const withoutRoutes = (tools: Observed, routes: ReadonlySet<string>): Observed =>
  tools.kind === 'array' && routes.size > 0 ? { ...tools, items: tools.items.filter((tool) => !routes.has(identityOf(tool) ?? '')) } : tools;

/** The clone's tools without those that reach one of the source's handoff targets (routes made again: channel.handoffs.no-tool-routes). */
function withoutRebuiltRoutes(tools: Observed, source: ObservedAgent, clone: ObservedAgent): Observed {
  const targets = handoffTargets(source);
  if (tools.kind !== 'array' || targets.size === 0) return tools;
  const agents = new Set([identityOf(clone.self), identityOf(source.self)].filter((id): id is string => id !== undefined));
  const items = tools.items.filter((tool) => findReach(tool, '', targets, agents) === undefined);
  return items.length === tools.items.length ? tools : { ...tools, items };
}

export const toolsSameElements = relationInvariant(
  {
    id: 'channel.tools.same-elements',
    rule: 'The clone\'s tools list has the same length as the source\'s and holds, in the same order, the very same tool objects (a tool listed twice stays listed twice), except the tools bound to the source agent (tools the framework derived from it, which reach it through a closure, a partial, a bound method or an attribute): in their place the clone holds its own, rebound to the clone. No tool of the clone reaches the source agent, its interrupt controller or its locks. Tools the source derived from its handoffs, and tools of the clone that reach the source\'s handoff targets, are left out: channel.handoffs.no-tool-routes governs them. Each framework field of role shared-list likewise holds the very elements of the source\'s.',
    reads: ['tools'],
    roles: ['shared-list'],
    rationale: 'Tools are shared on purpose: they hold clients, caches and registrations that should exist once. A clone that copies, rebuilds, deduplicates or reorders tools calls different objects than the source, or calls them in a different order of preference. A tool the framework made for one agent (a sandbox tool, a memory tool, `as_tool()`) is the other kind: kept, it acts on the source agent from another channel, with the source\'s state; so the clone rebinds it, and a tool that still reaches the source is a route back to it.',
  },
  (source, clone, scope, { routes }) =>
    firstViolation([
      scope.has('tools')
        ? compareTools(withoutRoutes(source.fields.tools, routes), withoutRebuiltRoutes(withoutRoutes(clone.fields.tools, routes), source, clone), source, clone, 'clone', "the source's tools")
        : undefined,
      frameworkListsSameElements(source, clone, scope, 'clone', "the source's"),
    ]),
  // Which tools are routes takes the source's handoffs as well; what the source holds, its controller and locks.
  [...TOOLS_RULE_FIELDS, 'handoffs'],
);
