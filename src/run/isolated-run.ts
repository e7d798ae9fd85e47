import { Worker } from 'node:worker_threads';
import { findInvariant } from '../../spec/invariants/catalogue.ts';
import { AdapterLoadError } from '../adapter/load.ts';
import type { InvariantResult, Levers } from '../report/model.ts';
import { SharedCallMonitor } from '../transports/call-monitor.ts';
import { notRunAfterBail, type RunControl } from './run-control.ts';
import type { WorkerMessage, WorkerRequest } from './worker-protocol.ts';

export type IsolatedRunRequest = Omit<WorkerRequest, 'monitor'>;

export interface IsolatedRun {
  readonly adapterName: string;
  readonly notChecked: readonly string[];
  readonly levers?: Levers;
  readonly results: InvariantResult[];
  /** Set when the run was stopped from outside (a signal) before it finished. */
  readonly interrupted?: boolean;
}

/** Steering of an isolated run: progress, `--bail`, and a signal that stops it at once (the worker is terminated). */
export type IsolatedRunControl = RunControl;

/** Extra time a call gets before the watchdog calls it a synchronous hang (its own timer had a chance first). */
const GRACE_MS = 1000;
const POLL_MS = 100;
/** The longest wait for a finished worker's output to drain. */
const DRAIN_MS = 2000;

/**
 * The worker's entry: from the build, the compiled worker itself (plain JavaScript: no TypeScript
 * loader unless the adapter is TypeScript); from the sources, a shim that registers tsx first.
 */
const WORKER_ENTRY = import.meta.url.endsWith('.ts') ? new URL('./worker-entry.mjs', import.meta.url) : new URL('./worker.js', import.meta.url);

interface Attempt {
  readonly name?: string;
  readonly results: InvariantResult[];
  /** Why the worker stopped before finishing, if it did. */
  readonly stopped?: { readonly id: string | undefined; readonly message: string; readonly cause: 'hang' | 'crash' | 'interrupt' };
}

/** Resolves when a worker's output stream ends, or after a while if it never does. */
function ended(stream: NodeJS.ReadableStream): Promise<void> {
  return new Promise((resolve) => {
    // Not unref'd: awaited, an unref'd timer could be the last thing left and end the command (exit 13).
    const timer = setTimeout(resolve, DRAIN_MS);
    stream.once('end', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function attempt(request: WorkerRequest, control: IsolatedRunControl, onLoaded: (name: string, notChecked: readonly string[], levers: Levers | undefined) => void): Promise<Attempt> {
  const monitor = new SharedCallMonitor(request.monitor);
  // The adapter's own output goes to standard error: standard output carries only the report.
  const worker = new Worker(WORKER_ENTRY, { workerData: request, stdout: true, stderr: true });
  worker.stdout.pipe(process.stderr, { end: false });
  worker.stderr.pipe(process.stderr, { end: false });
  const outputEnded = Promise.all([worker.stdout, worker.stderr].map((stream) => ended(stream)));
  const results: InvariantResult[] = [];
  let name: string | undefined;
  let current: string | undefined;
  return new Promise<Attempt>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: Attempt | Error) => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      control.signal?.removeEventListener('abort', onAbort);
      // The worker's last writes are delivered as it ends: let them reach our stderr before going on.
      void worker
        .terminate()
        .then(() => outputEnded)
        .finally(() => (outcome instanceof Error ? reject(outcome) : resolve(outcome)));
    };
    const onAbort = () => finish({ name, results, stopped: { id: current, message: 'the run was interrupted', cause: 'interrupt' } });
    if (control.signal?.aborted) queueMicrotask(onAbort);
    control.signal?.addEventListener('abort', onAbort);
    const watchdog = setInterval(() => {
      const call = monitor.current();
      const loading = name === undefined;
      if (call && Date.now() - call.since > (loading ? request.startTimeout : request.timeout) + GRACE_MS) {
        if (loading) finish(new AdapterLoadError(`The adapter ${request.adapter} did not finish loading within ${request.startTimeout} ms (it blocks at import, or its imports are slow: raise --start-timeout).`));
        else finish({ name, results, stopped: { id: current, cause: 'hang', message: `${call.call} did not return within ${request.timeout} ms and blocked its thread (a synchronous hang); the run of this invariant was stopped` } });
      }
    }, POLL_MS);
    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'loaded':
          name = message.name;
          onLoaded(message.name, message.notChecked, message.levers);
          break;
        case 'started':
          current = message.id;
          control.onStart?.(message.id);
          break;
        case 'result':
          results.push(message.result);
          control.onResult?.(message.result);
          current = undefined;
          break;
        case 'done':
          finish({ name, results });
          break;
        case 'load-error':
          finish(new AdapterLoadError(message.message, Object.assign(new Error(message.message), { stack: message.stack })));
          break;
        case 'error':
          finish(Object.assign(new Error(message.message), { stack: message.stack }));
          break;
      }
    });
    worker.on('error', (error) => finish({ name, results, stopped: { id: current, cause: 'crash', message: `the adapter crashed the run: ${error.message}` } }));
    worker.on('exit', (code) => finish({ name, results, stopped: { id: current, cause: 'crash', message: `the adapter ended the run (exit code ${code})` } }));
  });
}

function failure(id: string, message: string): InvariantResult {
  const invariant = findInvariant(id)!;
  return { id, level: invariant.level, status: 'failed', rule: invariant.rule, message, counterexample: '', path: '', shrunk: false };
}

/**
 * Runs invariants against an in-process adapter inside a worker thread, watched from this thread,
 * so that nothing hangs the command. A call that blocks its thread fails the invariant it belongs
 * to and ends the run: the adapter is stopped, and every invariant not yet run fails too, naming
 * the hang. Restarting a worker per remaining invariant would pay the timeout again on each (an
 * adapter that hangs once hangs again), and passing or skipping them would vouch for an adapter
 * that was never checked: a run that hung is never conformant. A crash of the worker (rarer, and
 * usually tied to one case) fails its invariant, and the rest go on in a fresh worker.
 */
export async function runIsolated(request: IsolatedRunRequest, control: IsolatedRunControl = {}): Promise<IsolatedRun> {
  const results: InvariantResult[] = [];
  let adapterName: string | undefined;
  let notChecked: readonly string[] = [];
  let levers: Levers | undefined;
  let remaining = [...request.ids];
  const report = (...found: InvariantResult[]) => {
    for (const result of found) control.onResult?.(result);
    results.push(...found);
  };
  while (remaining.length > 0) {
    const outcome = await attempt({ ...request, ids: remaining, monitor: new SharedArrayBuffer(SharedCallMonitor.BYTES) }, { ...control, onResult: undefined }, (name, unmapped, loadedLevers) => {
      adapterName = name;
      notChecked = unmapped;
      levers = loadedLevers;
    });
    report(...outcome.results);
    remaining = remaining.slice(outcome.results.length);
    if (outcome.stopped?.cause === 'interrupt') {
      return { adapterName: adapterName ?? request.adapter ?? 'reference', notChecked, ...(levers ? { levers } : {}), results, interrupted: true };
    }
    const bailed = request.bail ? outcome.results.find((result) => result.status === 'failed') : undefined;
    if (bailed) {
      report(...notRunAfterBail(remaining, bailed.id, (id) => findInvariant(id)!.level));
      break;
    }
    if (!outcome.stopped) break;
    if (outcome.name === undefined) throw new AdapterLoadError(`The adapter ${request.adapter ?? '(built-in)'} could not be loaded: ${outcome.stopped.message}.`);
    const id = outcome.stopped.id ?? remaining[0];
    if (id === undefined) {
      // It ended after its last result (a stray timer, an exit at the end): the last invariant vouches for nothing then.
      const last = results.pop();
      if (last !== undefined) report(failure(last.id, outcome.stopped.message));
      break;
    }
    report(failure(id, outcome.stopped.message));
    remaining = remaining.filter((other) => other !== id);
    if (outcome.stopped.cause === 'hang') {
      report(...remaining.map((other) => failure(other, `not run: ${id} hung (a call blocked its thread), so the adapter was stopped; run it alone to check it`)));
      break;
    }
    if (request.bail) {
      report(...notRunAfterBail(remaining, id, (other) => findInvariant(other)!.level));
      break;
    }
  }
  return { adapterName: adapterName ?? request.adapter ?? 'reference', notChecked, ...(levers ? { levers } : {}), results };
}
