import type { CloneOperation } from '../model/subject.ts';

/** The clone semantics the specification covers, each a profile of invariants with its operation. */
export const PROFILES = {
  agent: {
    title: 'The configured agent',
    operation: 'create',
    call: 'create(config)',
    summary:
      'What every clone check stands on: an agent created from a configuration holds that configuration, as its view shows it. Checked whenever any clone profile is, since a clone compared with a source that lost its configuration compares nothing.',
  },
  channel: {
    title: 'The channel clone',
    operation: 'cloneForChannel',
    call: 'cloneForChannel(agent)',
    summary:
      'One configured agent serves many channels, tenants or sessions (PraisonAI\'s `clone_for_channel()`). Each clone has the same configuration, its own tools list holding the same tools, no handoffs, and runtime state (interrupt controller, locks) of its own.',
  },
  override: {
    title: 'The override clone',
    operation: 'cloneWith',
    call: 'cloneWith(agent, overrides)',
    summary:
      'A copy of an agent with some fields replaced and the rest kept (the OpenAI Agents SDK\'s and Google ADK\'s `clone(overrides)`). Lists not overridden are new lists of the same elements, handoffs included; runtime state is the clone\'s own.',
  },
  deepcopy: {
    title: 'The deep copy',
    operation: 'deepCopy',
    call: 'deepCopy(agent)',
    summary:
      'An independent copy of an agent (PraisonAI\'s `__deepcopy__`): an equal configuration with no mutable object shared with the source, fresh runtime state, and tools shared or copied as the adapter declares.',
  },
} as const satisfies Record<string, { title: string; operation: CloneOperation | 'create'; call: string; summary: string }>;

export type ProfileName = keyof typeof PROFILES;
