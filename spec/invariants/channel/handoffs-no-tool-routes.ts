import { describe, identityOf } from '../../model/observed.ts';
import { findReach } from '../../model/routes.ts';
import { handoffTargets } from '../agent-bound.ts';
import { relationInvariant, Violation } from './relation.ts';

export const handoffsNoToolRoutes = relationInvariant(
  {
    id: 'channel.handoffs.no-tool-routes',
    rule: 'The clone holds no tool that the source derived from its handoffs: no tool of the source\'s view that was neither configured nor added to it (frameworks such as PraisonAI turn each handoff into a tool), and no tool that reaches one of the source\'s handoff targets (through a closure, a partial, a bound method or an attribute). Checked when the source has handoffs.',
    reads: ['handoffs'],
    rationale: 'A handoff turned into a tool is a route, bound to the source and its handoff targets. A clone that resets its handoffs but keeps those tools, or makes them again for itself, can still pass a channel\'s user to the source\'s targets, with the source\'s state: the routing channel.handoffs.reset forbids, through the back door.',
  },
  (source, clone, _scope, { routes }) => {
    const tools = clone.fields.tools;
    if (tools.kind !== 'array') return undefined;
    const index = tools.items.findIndex((tool) => routes.has(identityOf(tool) ?? ''));
    if (index !== -1) {
      return new Violation(
        `clone.tools[${index}] = ${describe(tools.items[index]!)}, a tool the source derived from its handoffs (neither configured nor added)`,
        'no tool derived from the source\'s handoffs: the clone has no handoffs, so it must hold no route to the source\'s handoff targets',
      );
    }
    const targets = handoffTargets(source);
    // Not through the clone itself, nor through the source agent (a route to the source: channel.tools.same-elements).
    const agents = new Set([identityOf(clone.self), identityOf(source.self)].filter((id): id is string => id !== undefined));
    for (const [i, tool] of tools.items.entries()) {
      const found = findReach(tool, `clone.tools[${i}]`, targets, agents);
      if (found) return new Violation(`${found.path} is ${found.what}`, 'no route to the source\'s handoff targets: the clone has no handoffs');
    }
    return undefined;
  },
  // Which tools are routes takes the source's tools and handoffs.
  ['tools', 'handoffs'],
);
