/**
 * The override clone (`clone(overrides)` in the OpenAI Agents SDK and Google ADK): a copy with
 * some fields replaced and the rest kept. The catalogue, in reading order:
 */
import { overrideStateFresh, overrideStateIsolated } from '../state/index.ts';
import { overrideDistinctAgent } from './distinct-agent.ts';
import type { AnyInvariant } from '../invariant.ts';
import { applied } from './applied.ts';
import { handoffsNewList } from './handoffs.ts';
import { retained } from './retained.ts';
import { overrideRuntimeFresh } from './runtime.ts';
import { overrideSourceUnchanged } from './source-unchanged.ts';
import { toolsNewList, toolsSameElements } from './tools.ts';

export const OVERRIDE_INVARIANTS: readonly AnyInvariant[] = [
  overrideDistinctAgent,
  applied,
  retained,
  toolsNewList,
  toolsSameElements,
  handoffsNewList,
  overrideRuntimeFresh,
  overrideStateIsolated,
  overrideStateFresh,
  overrideSourceUnchanged,
];
