import { identityOf, type Observed } from '../../model/observed.ts';
import { compareElements } from '../compare.ts';
import { frameworkListsSameElements } from '../framework-fields.ts';
import { firstViolation, relationInvariant } from './relation.ts';

/** A tools observation without the tools the source derived from its handoffs. */
const withoutRoutes = (tools: Observed, routes: ReadonlySet<string>): Observed =>
  tools.kind === 'array' && routes.size > 0 ? { ...tools, items: tools.items.filter((tool) => !routes.has(identityOf(tool) ?? '')) } : tools;

export const toolsSameElements = relationInvariant(
  {
    id: 'channel.tools.same-elements',
    rule: 'The clone\'s tools list has the same length as the source\'s and holds, in the same order, the very same tool objects (a tool listed twice stays listed twice). Tools the source derived from its handoffs are left out on both sides: channel.handoffs.no-tool-routes governs them. Each framework field of role shared-list likewise holds the very elements of the source\'s.',
    reads: ['tools'],
    roles: ['shared-list'],
    rationale: 'Tools are shared on purpose: they hold clients, caches and registrations that should exist once. A clone that copies, rebuilds, deduplicates or reorders tools calls different objects than the source, or calls them in a different order of preference.',
  },
  (source, clone, scope, { routes }) =>
    firstViolation([
      scope.has('tools') ? compareElements(withoutRoutes(source.fields.tools, routes), withoutRoutes(clone.fields.tools, routes), 'clone.tools', "the source's tools") : undefined,
      frameworkListsSameElements(source, clone, scope, 'clone', "the source's"),
    ]),
  // Which tools are routes takes the source's handoffs as well.
  ['tools', 'handoffs'],
);
