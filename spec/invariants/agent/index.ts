/**
 * The configured agent: what every clone clause stands on. Checked whenever any clone profile is.
 */
import type { AnyInvariant } from '../invariant.ts';
import { configHeld } from './config-held.ts';

export const AGENT_INVARIANTS: readonly AnyInvariant[] = [configHeld];
