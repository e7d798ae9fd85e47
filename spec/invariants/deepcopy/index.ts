/**
 * The deep copy (PraisonAI's `__deepcopy__`): an independent agent with an equal configuration.
 * The catalogue, in reading order:
 */
import { deepCopyStateCopied, deepCopyStateIsolated } from '../state/index.ts';
import { deepCopyDistinctAgent } from './distinct-agent.ts';
import type { AnyInvariant } from '../invariant.ts';
import { configEqual } from './config-equal.ts';
import { noSharedState } from './no-shared-state.ts';
import { deepCopyRuntimeFresh } from './runtime-fresh.ts';
import { deepCopySourceUnchanged } from './source-unchanged.ts';
import { deepCopyTools } from './tools.ts';

export const DEEPCOPY_INVARIANTS: readonly AnyInvariant[] = [deepCopyDistinctAgent, configEqual, deepCopyTools, noSharedState, deepCopyRuntimeFresh, deepCopyStateIsolated, deepCopyStateCopied, deepCopySourceUnchanged];
