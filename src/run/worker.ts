import { notCheckedOf } from './not-checked.ts';
import { parentPort, workerData } from 'node:worker_threads';
import { findInvariant } from '../../spec/invariants/catalogue.ts';
import { AdapterLoadError, loadAdapter } from '../adapter/load.ts';
import { referenceAdapter } from '../adapter/reference-adapter.ts';
import { SharedCallMonitor } from '../transports/call-monitor.ts';
import { inProcessSubject } from '../transports/in-process.ts';
import { runInvariant } from './run-invariant.ts';
import { StrayRejections } from './stray-rejections.ts';
import { checkViewKeepsLists, leversOf } from './view-preflight.ts';
import type { WorkerMessage, WorkerRequest } from './worker-protocol.ts';

const request = workerData as WorkerRequest;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const monitor = new SharedCallMonitor(request.monitor);
// A rejected promise the adapter leaves behind fails the invariant it surfaced in, instead of ending this thread.
const calls = new StrayRejections(monitor).listen();

const FLUSH_MS = 2000;

/**
 * Resolves once everything the adapter wrote so far has left this thread: a worker's standard
 * streams are buffered, and the parent ends the worker as soon as it hears the run is over.
 */
const flushed = () =>
  Promise.race([
    Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => stream.write('', () => resolve())))),
    new Promise<void>((resolve) => setTimeout(resolve, FLUSH_MS).unref()), // never hang on a reader that stopped reading
  ]);

// tsx reads it when it registers, which loading a TypeScript adapter does first.
if (request.tsconfig !== undefined) process.env.TSX_TSCONFIG_PATH = request.tsconfig;

try {
  monitor.enter('loading the adapter module');
  const adapter = request.adapter === undefined ? referenceAdapter : await loadAdapter(request.adapter, request.cwd);
  monitor.exit();
  const subject = inProcessSubject(adapter, { timeout: request.timeout, monitor: calls });
  await checkViewKeepsLists(subject, request.seed);
  post({ type: 'loaded', name: adapter.name, notChecked: notCheckedOf(subject), levers: leversOf(subject) });
  for (const id of request.ids) {
    post({ type: 'started', id });
    const started = performance.now();
    const invariant = findInvariant(id)!;
    const result = await calls.settle({ ...(await runInvariant(invariant, subject, request)), durationMs: Math.round(performance.now() - started) }, invariant.rule);
    post({ type: 'result', result });
    if (request.bail && result.status === 'failed') break;
  }
  await flushed();
  post({ type: 'done' });
} catch (error) {
  monitor.exit();
  await flushed();
  const kind = error instanceof AdapterLoadError ? 'load-error' : 'error';
  const detail = error instanceof AdapterLoadError ? error.detail : error;
  post({ type: kind, message: (error as Error)?.message ?? String(error), stack: detail instanceof Error ? detail.stack : undefined });
}
