import { notCheckedOf } from './not-checked.ts';
import { availableParallelism } from 'node:os';
import { findInvariant } from '../../spec/invariants/catalogue.ts';
import type { InvariantResult, Levers } from '../report/model.ts';
import { adapterEnv } from '../transports/adapter-env.ts';
import { processSubjects, type ProcessSubject } from '../transports/process-subject.ts';
import type { RunControl } from './run-control.ts';
import { runInvariants } from './run-catalogue.ts';
import type { InvariantRunOptions } from './run-invariant.ts';
import { runInvariantsInParallel } from './run-parallel.ts';
import { checkViewKeepsLists, leversOf } from './view-preflight.ts';

/** What a run against an adapter process found. */
export interface ProcessRun {
  readonly adapterName: string;
  readonly notChecked: readonly string[];
  /** What restricted the configurations generated, for the warnings. */
  readonly levers?: Levers;
  /** The language the adapter announced in its handshake (`"python"`), if any. */
  readonly language?: string;
  readonly results: readonly InvariantResult[];
}

/** How to start the adapter processes of a run. */
export interface ProcessRunRequest {
  readonly command: string;
  readonly cwd: string;
  /** The user's environment: a PYTHONHASHSEED set there is kept. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly timeout: number;
  readonly startTimeout: number;
  readonly bail: boolean;
  /** Receives each line the adapter writes on standard error. */
  readonly stderr: (line: string) => void;
}

/** Waits at most `ms` for a promise, never rejecting. The timer keeps the process alive meanwhile (an unref'd one would let Node exit mid-await). */
function settledWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([promise.then(() => {}, () => {}), bound]).finally(() => clearTimeout(timer));
}

/** A failure of an invariant that was not run because the adapter process got stuck before it. */
function notRunAfterHang(id: string, stuck: string, call: string): InvariantResult {
  const invariant = findInvariant(id)!;
  const message = `not run: ${stuck} left ${call} unanswered (the adapter process stopped answering), so the adapter was stopped; run it alone to check it`;
  return { id, level: invariant.level, status: 'failed', rule: invariant.rule, message, counterexample: '', path: '', shrunk: false };
}

/**
 * Runs the invariants against an adapter process: no worker needed, the process is the isolation.
 * On a signal (in any phase: while the processes start too) they and their process groups are
 * ended at once, and what was found so far is returned. An adapter process that leaves a call
 * unanswered is stuck: the run stops there (as for a synchronous hang in-process), and every
 * invariant not run yet fails as not run, instead of each waiting out its own timeouts.
 */
export async function runProcess(request: ProcessRunRequest, ids: readonly string[], settings: InvariantRunOptions, control: RunControl): Promise<ProcessRun> {
  // --bail stops at the first failure in catalogue order: one process, one invariant after the other.
  const count = request.bail ? 1 : Math.min(adapterProcesses(request.env), ids.length);
  const lanes = request.bail ? 1 : invariantsInFlight(request.env);
  // Stops the run on a signal, or as soon as an adapter process leaves a call unanswered.
  const stop = new AbortController();
  if (control.signal?.aborted) stop.abort();
  control.signal?.addEventListener('abort', () => stop.abort(), { once: true });
  let unanswered: string | undefined;
  const onUnanswered = (call: string) => {
    unanswered ??= call;
    stop.abort();
  };
  const options = {
    onUnanswered,
    command: request.command,
    cwd: request.cwd,
    timeout: request.timeout,
    startTimeout: request.startTimeout,
    stderr: request.stderr,
    env: adapterEnv(request.env, settings.seed),
    ...(control.signal ? { signal: control.signal } : {}),
  };
  let subjects: ProcessSubject[];
  try {
    subjects = await processSubjects(options, count, lanes);
  } catch (error) {
    if (control.signal?.aborted) return { adapterName: request.command, notChecked: [], results: [] };
    throw error;
  }
  const [subject] = subjects as [ProcessSubject, ...ProcessSubject[]];
  const found = (results: readonly InvariantResult[]) => ({ adapterName: subject.name, notChecked: notCheckedOf(subject), levers: leversOf(subject), ...(subject.language ? { language: subject.language } : {}), results });
  try {
    await checkViewKeepsLists(subject, settings.seed);
  } catch (error) {
    await Promise.all(subjects.map((each) => each.close()));
    throw error;
  }
  if (unanswered !== undefined && !control.signal?.aborted) {
    // Stuck already in the preflight's views: every invariant is not run, naming the call.
    await Promise.all(subjects.map((each) => each.close()));
    const call = unanswered;
    const rest = ids.map((id) => notRunAfterHang(id, 'the view preflight (two views of one agent, before the run)', call));
    for (const result of rest) control.onResult?.(result);
    return found(rest);
  }
  const results: InvariantResult[] = [];
  const onResult = (result: InvariantResult) => {
    results.push(result);
    control.onResult?.(result);
  };
  const steering = { ...control, signal: stop.signal };
  const invariants = ids.map((id) => findInvariant(id)!);
  const running = subjects.length > 1 ? runInvariantsInParallel(invariants, subjects, settings, onResult, steering) : runInvariants(invariants, subject, settings, onResult, steering);
  const stopped = new Promise<'stopped'>((resolve) => {
    if (stop.signal.aborted) resolve('stopped');
    stop.signal.addEventListener('abort', () => resolve('stopped'), { once: true });
  });
  try {
    const outcome = await Promise.race([running, stopped]);
    if (outcome !== 'stopped') return found(outcome);
    await Promise.all(subjects.map((each) => each.close()));
    await settledWithin(running, 2000);
    // In catalogue order, whichever process finished first.
    const partial = ids.flatMap((id) => results.filter((result) => result.id === id));
    if (unanswered === undefined || control.signal?.aborted) return found(partial);
    const call = unanswered;
    // The invariant whose call it was fails naming it; the others in flight lost their process and have no verdict.
    const stuck = partial.find((result) => result.status === 'failed' && result.message.startsWith(`${call} did not answer`))?.id ?? 'an invariant';
    const finished = new Set(partial.map((result) => result.id));
    const rest = ids.filter((id) => !finished.has(id)).map((id) => notRunAfterHang(id, stuck, call));
    for (const result of rest) control.onResult?.(result);
    return found(ids.flatMap((id) => [...partial, ...rest].filter((result) => result.id === id)));
  } finally {
    await Promise.all(subjects.map((each) => each.close()));
  }
}

/**
 * How many adapter processes run invariants side by side: CLONE_CONFORMANCE_ADAPTER_PROCESSES (at
 * most the machine's cores), else one. Two overlap the suite's work with the adapter's.
 */
function adapterProcesses(env: ProcessRunRequest['env']): number {
  const asked = Number.parseInt(env.CLONE_CONFORMANCE_ADAPTER_PROCESSES ?? '', 10);
  // One by default: an adapter may hold a resource (a port, a file) that a second copy would fight over.
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, 8, availableParallelism());
  return 1;
}

/**
 * How many invariants run side by side on one adapter process that speaks protocol version 3, their
 * requests in flight together: CLONE_CONFORMANCE_IN_FLIGHT (1 to 16), else 8. While the adapter
 * answers one invariant's calls the suite prepares and checks another's, and no request waits for
 * the process to wake up: the adapter always has the next one.
 */
function invariantsInFlight(env: ProcessRunRequest['env']): number {
  const asked = Number.parseInt(env.CLONE_CONFORMANCE_IN_FLIGHT ?? '', 10);
  return Number.isInteger(asked) && asked >= 1 ? Math.min(asked, 16) : 8;
}
