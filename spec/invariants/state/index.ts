/**
 * Conversation state, per profile (spec/invariants/state/setup.ts): isolated on every profile; a
 * channel or override clone starts fresh, a deep copy with an equal, separate copy.
 */
import { copied, fresh, isolated } from './checks.ts';
import { stateInvariant } from './setup.ts';

const ISOLATED_RATIONALE =
  'Cloning exists so that one channel, tenant or session cannot see or disturb another. A memory store, a history list or a usage counter shared by reference (a mutable default, a shallow copy, a cache keyed by agent name) leaks one user\'s conversation into another\'s and bills one tenant for another\'s usage: PraisonAI\'s clone code says of a shared memory store that it "would leak one user\'s history into another".';

export const channelStateIsolated = stateInvariant(
  {
    id: 'channel.state.isolated',
    profile: 'channel',
    rule: 'What is recorded in a conversation state place (a framework field of role state: a message, a memory entry, a usage count) of a channel clone appears on that clone only: never on its source or a sibling clone, and what is recorded on the source afterwards never appears on its clones. No state object is held by two of them.',
    rationale: ISOLATED_RATIONALE,
  },
  isolated,
);

export const channelStateFresh = stateInvariant(
  {
    id: 'channel.state.fresh',
    profile: 'channel',
    rule: 'A channel clone starts with the conversation state a new agent of the same configuration starts with (an empty history, a zero counter), whatever its source has recorded: it does not carry the source\'s conversation.',
    rationale: 'A channel clone serves another channel: another user, another tenant. Starting it with its source\'s history hands that user the previous conversation (and its data) as context, and a usage counter that starts at the source\'s count bills the new channel for what it never used.',
  },
  fresh,
);

export const overrideStateIsolated = stateInvariant(
  {
    id: 'override.state.isolated',
    profile: 'override',
    rule: 'What is recorded in a conversation state place of an override clone appears on that clone only, never on its source or on another clone of it, and the other way round; no state object is held by two of them.',
    rationale: ISOLATED_RATIONALE,
  },
  isolated,
);

export const overrideStateFresh = stateInvariant(
  {
    id: 'override.state.fresh',
    profile: 'override',
    rule: 'An override clone starts with the conversation state a new agent of its configuration (the source\'s with the overrides) starts with: it does not carry the source\'s conversation.',
    rationale: 'An override clone is a new agent specialised from a configured one (a support agent from a base agent, `withModel()` for another model): it takes the configuration, not a conversation. The overrides are configuration; a history or usage carried over would run the specialised agent with another agent\'s context and bill it for another agent\'s usage. A framework that means to continue a conversation under another model hands the conversation over explicitly.',
  },
  fresh,
);

export const deepCopyStateIsolated = stateInvariant(
  {
    id: 'deepcopy.state.isolated',
    profile: 'deepcopy',
    rule: 'What is recorded in a conversation state place of a deep copy appears on that copy only, never on its source or another copy, and the other way round; no state object is held by two of them.',
    rationale: `A deep copy promises independence. ${ISOLATED_RATIONALE}`,
  },
  isolated,
);

export const deepCopyStateCopied = stateInvariant(
  {
    id: 'deepcopy.state.copied',
    profile: 'deepcopy',
    rule: 'A deep copy holds, in each conversation state place, state deeply equal to its source\'s at the time of copying (deepcopy.state.isolated requires it to be separate).',
    rationale: 'A deep copy is the general-purpose duplicate: it is taken to fork an agent with everything it knows (to try an alternative, to checkpoint). A copy that silently starts with an empty memory is another agent than the one copied; one that wants a fresh agent uses a clone.',
  },
  copied,
);
