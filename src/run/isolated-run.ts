import { Worker } from 'node:worker_threads';
import { findInvariant } from '../../spec/invariants/catalogue.ts';
import { AdapterLoadError } from '../adapter/load.ts';
import type { InvariantResult } from '../report/model.ts';
import { SharedCallMonitor } from '../transports/call-monitor.ts';
import type { WorkerMessage, WorkerRequest } from './worker-protocol.ts';

export type IsolatedRunRequest = Omit<WorkerRequest, 'monitor'>;

export interface IsolatedRun {
  readonly adapterName: string;
  readonly notChecked: readonly string[];
  readonly results: InvariantResult[];
}

/** Extra time a call gets before the watchdog calls it a synchronous hang (its own timer had a chance first). */
const GRACE_MS = 1000;
const POLL_MS = 100;
/** The longest wait for a finished worker's output to drain. */
const DRAIN_MS = 2000;

interface Attempt {
  readonly name?: string;
  readonly results: InvariantResult[];
  /** Why the worker stopped before finishing, if it did. */
  readonly stopped?: { readonly id: string | undefined; readonly message: string };
}

/** Resolves when a worker's output stream ends, or after a while if it never does. */
function ended(stream: NodeJS.ReadableStream): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, DRAIN_MS).unref();
    stream.once('end', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function attempt(request: WorkerRequest, onLoaded: (name: string, notChecked: readonly string[]) => void): Promise<Attempt> {
  const monitor = new SharedCallMonitor(request.monitor);
  // The adapter's own output goes to standard error: standard output carries only the report.
  const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: request, stdout: true, stderr: true });
  worker.stdout.pipe(process.stderr, { end: false });
  worker.stderr.pipe(process.stderr, { end: false });
  const outputEnded = Promise.all([worker.stdout, worker.stderr].map((stream) => ended(stream)));
  const results: InvariantResult[] = [];
  let name: string | undefined;
  let current: string | undefined;
  return new Promise<Attempt>((resolve, reject) => {
    let finished = false;
    const finish = (outcome: Attempt | Error) => {
      if (finished) return;
      finished = true;
      clearInterval(watchdog);
      // The worker's last writes are delivered as it ends: let them reach our stderr before going on.
      void worker
        .terminate()
        .then(() => outputEnded)
        .finally(() => (outcome instanceof Error ? reject(outcome) : resolve(outcome)));
    };
    const watchdog = setInterval(() => {
      const call = monitor.current();
      const loading = name === undefined;
      if (call && Date.now() - call.since > (loading ? request.startTimeout : request.timeout) + GRACE_MS) {
        if (loading) finish(new AdapterLoadError(`The adapter ${request.adapter} did not finish loading within ${request.startTimeout} ms (it blocks at import, or its imports are slow: raise --start-timeout).`));
        else finish({ name, results, stopped: { id: current, message: `${call.call} did not return within ${request.timeout} ms and blocked its thread (a synchronous hang); the run of this invariant was stopped` } });
      }
    }, POLL_MS);
    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'loaded':
          name = message.name;
          onLoaded(message.name, message.notChecked);
          break;
        case 'started':
          current = message.id;
          break;
        case 'result':
          results.push(message.result);
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
    worker.on('error', (error) => finish({ name, results, stopped: { id: current, message: `the adapter crashed the run: ${error.message}` } }));
    worker.on('exit', (code) => finish({ name, results, stopped: { id: current, message: `the adapter ended the run (exit code ${code})` } }));
  });
}

/**
 * Runs invariants against an in-process adapter inside a worker thread, watched from this
 * thread. A call that blocks its thread fails the invariant it belongs to, and the remaining
 * invariants go on in a fresh worker: nothing hangs the command.
 */
export async function runIsolated(request: IsolatedRunRequest): Promise<IsolatedRun> {
  const results: InvariantResult[] = [];
  let adapterName: string | undefined;
  let notChecked: readonly string[] = [];
  let remaining = [...request.ids];
  while (remaining.length > 0) {
    const outcome = await attempt({ ...request, ids: remaining, monitor: new SharedArrayBuffer(SharedCallMonitor.BYTES) }, (name, unmapped) => {
      adapterName = name;
      notChecked = unmapped;
    });
    results.push(...outcome.results);
    remaining = remaining.slice(outcome.results.length);
    if (!outcome.stopped) break;
    if (outcome.name === undefined) throw new AdapterLoadError(`The adapter ${request.adapter ?? '(built-in)'} could not be loaded: ${outcome.stopped.message}.`);
    const id = outcome.stopped.id ?? remaining[0]!;
    const invariant = findInvariant(id)!;
    results.push({ id, level: invariant.level, status: 'failed', rule: invariant.rule, message: outcome.stopped.message, counterexample: '', path: '', shrunk: false });
    remaining = remaining.filter((other) => other !== id);
  }
  return { adapterName: adapterName ?? request.adapter ?? 'reference', notChecked, results };
}
