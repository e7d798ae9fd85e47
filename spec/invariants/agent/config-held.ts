import { Batch } from '../../model/batch.ts';
import { CONFIG_FIELDS, OPTIONAL_FIELDS, type AgentConfig, type ConfigField } from '../../agent-config.ts';
import { describe, firstDifference, identityOf, sameAsIs, type Observed } from '../../model/observed.ts';
import { frameworkValues } from '../framework-fields.ts';
import type { ObservedAgent, Subject } from '../../model/subject.ts';
import { compareElements, compareFeatures } from '../compare.ts';
import { withoutOwnTools } from '../agent-bound.ts';
import type { Invariant } from '../invariant.ts';
import { Violation } from '../invariant.ts';

/**
 * The configured tools, the very same objects in order. An agent with handoffs may hold up to one
 * further tool per handoff (tools derived from its handoffs, as PraisonAI makes them), wherever
 * they sit: channel.handoffs.no-tool-routes keeps them out of clones. Tools bound to the agent
 * itself (derived from it by the framework: a sandbox or memory tool) are the agent's own, not
 * configuration: they are left out, wherever they sit.
 */
function toolsHeld(given: Observed, all: Observed, handoffs: number, self: Observed): Violation | undefined {
  const held = withoutOwnTools(all, self);
  if (handoffs === 0 || given.kind !== 'array' || held.kind !== 'array') return compareElements(given, held, 'agent.tools', 'the configuration');
  let next = 0;
  for (const tool of held.items) if (next < given.items.length && sameAsIs(tool, given.items[next]!)) next += 1;
  const extra = held.items.length - given.items.length;
  if (next === given.items.length && extra >= 0 && extra <= handoffs) return undefined;
  if (next < given.items.length) {
    return new Violation(`agent.tools = ${describe(held, 1)} lacks the configured tools[${next}] (${describe(given.items[next]!)}), or holds it out of order`, `the configured tools, the very same objects in order: ${describe(given, 1)}`);
  }
  return new Violation(`agent.tools holds ${extra} tools beyond the ${given.items.length} configured`, `the configured tools, plus at most one tool per handoff (${handoffs})`);
}

/** How a field of the view must hold the value the configuration gave it. */
function fieldHeld(subject: Subject, config: AgentConfig, view: ObservedAgent, field: ConfigField): Violation | undefined {
  const given = subject.observeInput(config[field]);
  const held = view.fields[field];
  switch (field) {
    case 'tools':
      return toolsHeld(given, held, config.handoffs?.length ?? 0, view.self);
    case 'handoffs':
      // "No handoffs" may be held as an empty list (`handoffs ?? []`); only a clone must hold null (channel.handoffs.reset).
      if (given.kind === 'null' && held.kind === 'array' && held.items.length === 0) return undefined;
      return compareElements(given, held, 'agent.handoffs', 'the configuration');
    case 'features':
      // A feature the configuration does not name may hold the framework's default.
      return compareFeatures(given, held, subject.scope, 'agent', 'the configuration', 'allowed');
    default: {
      if (sameAsIs(given, held)) return undefined;
      // An optional field left out was not given a value: the framework may hold its own default
      // (PraisonAI's role "Assistant"), or nothing (undefined, or Python's None).
      if (given.kind === 'undefined' && (OPTIONAL_FIELDS as readonly string[]).includes(field)) return undefined;
      const what = identityOf(given) !== undefined ? 'the very object given' : 'the value given, as-is';
      return new Violation(`agent.${field} = ${describe(held)}`, `${what}: ${describe(given)}`);
    }
  }
}

/** Framework fields of configured roles hold what they were given: lists of the very elements, other values deeply equal. */
function frameworkHeld(subject: Subject, config: AgentConfig, view: ObservedAgent): Violation | undefined {
  for (const [path, held] of frameworkValues(view, subject.scope, 'config', 'shared-list', 'route')) {
    const name = path.slice('framework.'.length);
    // A framework field not given may hold the framework's default, as a feature not given may.
    if (config.framework?.[name] === undefined) continue;
    const given = subject.observeInput(config.framework[name]);
    if (subject.scope.framework.get(name)!.role !== 'config' && given.kind === 'array') {
      const violation = compareElements(given, held, `agent.${path}`, 'the configuration');
      if (violation) return violation;
      continue;
    }
    const differs = firstDifference(given, held, { path });
    if (differs) return new Violation(`agent.${differs.path} = ${describe(differs.b, 3)}`, `the value given, deeply equal: ${describe(differs.a, 3)}`);
  }
  return undefined;
}

export const configHeld: Invariant = {
  id: 'agent.config-held',
  level: 'MUST',
  profile: 'agent',
  needs: [],
  roles: ['config', 'shared-list', 'route'],
  rule: 'An agent created from a configuration holds it, as its view shows it, for every field the adapter maps: identity, model-access and execution fields as-is (objects such as llm and auth the very objects given; an optional field left out may hold nothing or the framework\'s default), tools and handoffs as lists of the very same elements (no handoffs: null, or an empty list), every feature config given deeply equal (a feature not given may hold the framework\'s default). An agent with handoffs may hold, besides its configured tools, up to one tool per handoff derived from them; any agent may hold tools bound to itself (derived from it by the framework). Framework fields of configured roles (config, shared-list, route) hold what they were given, in view.framework: lists of the very same elements, other values deeply equal (a framework field not given may hold the framework\'s default).',
  rationale: 'Every clone clause compares a clone with its source. A constructor that silently drops a field, or a view() that leaves one out, makes source and clone agree on nothing, and every clone check passes without having compared anything. This clause makes sure there is something to compare.',
  async check(subject, scenario) {
    const batch = new Batch();
    const agent = batch.create(scenario.config);
    const viewed = batch.view(agent);
    const results = await batch.run(subject);
    results.get(agent);
    const view = results.get(viewed);
    for (const field of CONFIG_FIELDS) {
      if (!subject.scope.has(field)) continue;
      const violation = fieldHeld(subject, scenario.config, view, field);
      if (violation) throw violation;
    }
    const violation = frameworkHeld(subject, scenario.config, view);
    if (violation) throw violation;
  },
};
