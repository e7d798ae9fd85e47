import { controllerFresh } from './controller-fresh.ts';
import { execution } from './execution.ts';
import { features } from './features.ts';
import { handoffsNoToolRoutes } from './handoffs-no-tool-routes.ts';
import { handoffsReset } from './handoffs-reset.ts';
import { identity } from './identity.ts';
import { locksFresh } from './locks-fresh.ts';
import { modelAccess } from './model-access.ts';
import type { RelationInvariant } from './relation.ts';
import { toolsNewList } from './tools-new-list.ts';
import { toolsSameElements } from './tools-same-elements.ts';

/** Every relation a channel clone has to the agent it was cloned from. */
export const CHANNEL_RELATIONS: readonly RelationInvariant[] = [
  identity, modelAccess, features, execution, toolsNewList, toolsSameElements, handoffsReset, handoffsNoToolRoutes, controllerFresh, locksFresh,
];

/** Relations about runtime objects, which hold between a clone and every ancestor, not only its parent. */
export const RUNTIME_RELATIONS: readonly RelationInvariant[] = [toolsNewList, controllerFresh, locksFresh];
