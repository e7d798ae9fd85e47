import fc from 'fast-check';
import type { AgentConfig } from '../agent-config.ts';
import type { Domains } from '../domains.ts';
import { FieldScope } from '../model/field-scope.ts';
import { agentConfigFor } from './config.ts';
import { tool } from './tools.ts';
import { shrinkingTo } from './edge.ts';
import { scheduled } from './schedule.ts';

/** A lock the source holds when it is cloned: which of its locks (by position), for which owner. */
export interface HeldLock {
  readonly lock: number;
  readonly owner: string;
}

/** One case for an invariant: a source agent in some runtime state, and what to do around its clone. */
export interface Scenario {
  readonly config: AgentConfig;
  /** The source was interrupted before it was cloned. */
  readonly interrupted: boolean;
  /** Locks the source holds when it is cloned (taken in this order; a refused take is skipped). */
  readonly held: readonly HeldLock[];
  /** How many clones to take of one source, where an invariant needs several. */
  readonly siblings: number;
  /** Fresh tools to add to one side or the other after cloning. */
  readonly newTools: readonly [unknown, unknown];
}

const owner = fc.constantFrom('channel-telegram', 'channel-slack', 'tenant-42');

/**
 * Whether the source was interrupted when cloned: in every other case of the schedule (so a
 * defect that needs an interrupted source is met within the first ten cases on every seed), at
 * random after it. Shrinks to not interrupted.
 */
const interruptedSource = scheduled('interrupted', (row) => (row === undefined ? fc.boolean() : row % 2 === 1 ? shrinkingTo(fc.constant(true), false) : fc.constant(false)));

/** Random scenarios whose configurations hold only the fields an adapter maps. */
export function scenarioFor(scope: FieldScope, accepts?: (config: AgentConfig) => boolean, domains?: Domains): fc.Arbitrary<Scenario> {
  return fc.record({
    config: agentConfigFor(scope, accepts, domains),
    interrupted: interruptedSource,
    held: fc.array(fc.record({ lock: fc.nat({ max: 7 }), owner }), { maxLength: 3 }),
    siblings: fc.integer({ min: 2, max: 4 }),
    newTools: fc.tuple(tool, tool),
  });
}

export const scenario: fc.Arbitrary<Scenario> = scenarioFor(FieldScope.ALL);

/** Owners the invariants use for their own lock probes; never one a scenario holds a lock for. */
export const PROBE_OWNERS = ['probe-owner-1', 'probe-owner-2'] as const;
