/** The clone semantics the specification covers, each a profile of invariants. */
export const PROFILES = {
  channel: {
    title: 'The channel clone',
    operation: 'cloneForChannel(agent)',
    summary:
      'One configured agent serves many channels, tenants or sessions (PraisonAI\'s `clone_for_channel()`). Each clone has the same configuration, its own tools list holding the same tools, no handoffs, and runtime state (interrupt controller, locks) of its own.',
  },
} as const;

export type ProfileName = keyof typeof PROFILES;
