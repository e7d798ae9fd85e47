/**
 * The channel clone (PraisonAI's `clone_for_channel()`): one configured agent, many channels.
 * Each clone has the same configuration, its own tools list of the same tools, no handoffs, and
 * runtime state (interrupt controller, locks) of its own. The catalogue, in reading order:
 */
import type { AnyInvariant } from '../invariant.ts';
import { cloneOfClone } from './clone-of-clone.ts';
import { controllerFresh } from './controller-fresh.ts';
import { controllerIsolated } from './controller-isolated.ts';
import { execution } from './execution.ts';
import { features } from './features.ts';
import { distinctAgent } from './distinct-agent.ts';
import { handoffsNoToolRoutes } from './handoffs-no-tool-routes.ts';
import { handoffsReset } from './handoffs-reset.ts';
import { identity } from './identity.ts';
import { locksFresh } from './locks-fresh.ts';
import { locksIsolated } from './locks-isolated.ts';
import { modelAccess } from './model-access.ts';
import { siblingsIsolated } from './siblings-isolated.ts';
import { sourceUnchanged } from './source-unchanged.ts';
import { toolsIsolated } from './tools-isolated.ts';
import { toolsNewList } from './tools-new-list.ts';
import { toolsSameElements } from './tools-same-elements.ts';
import { sequences } from './sequences.ts';
import { channelStateFresh, channelStateIsolated } from '../state/index.ts';

export const CHANNEL_INVARIANTS: readonly AnyInvariant[] = [
  // Another agent: what every other clause compares.
  distinctAgent,
  // Configuration: copied as-is or equal.
  identity,
  modelAccess,
  features,
  execution,
  // Tools and handoffs: a new list of the same tools; no routing.
  toolsNewList,
  toolsSameElements,
  toolsIsolated,
  handoffsReset,
  handoffsNoToolRoutes,
  // Runtime state: renewed, and really independent.
  controllerFresh,
  controllerIsolated,
  locksFresh,
  locksIsolated,
  // Conversation state: each clone its own, and none of the source's.
  channelStateIsolated,
  channelStateFresh,
  // The family: the source, siblings, and further generations.
  sourceUnchanged,
  siblingsIsolated,
  cloneOfClone,
  // Histories: operation sequences over a growing family.
  sequences,
];
