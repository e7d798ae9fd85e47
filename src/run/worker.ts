import { parentPort, workerData } from 'node:worker_threads';
import { findInvariant } from '../../spec/invariants/catalogue.ts';
import { AdapterLoadError, loadAdapter } from '../adapter/load.ts';
import { referenceAdapter } from '../adapter/reference-adapter.ts';
import { SharedCallMonitor } from '../transports/call-monitor.ts';
import { inProcessSubject } from '../transports/in-process.ts';
import { runInvariant } from './run-invariant.ts';
import type { WorkerMessage, WorkerRequest } from './worker-protocol.ts';

const request = workerData as WorkerRequest;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const monitor = new SharedCallMonitor(request.monitor);

try {
  monitor.enter('loading the adapter module');
  const adapter = request.adapter === undefined ? referenceAdapter : await loadAdapter(request.adapter, request.cwd);
  monitor.exit();
  const subject = inProcessSubject(adapter, { timeout: request.timeout, monitor });
  post({ type: 'loaded', name: adapter.name, notChecked: subject.scope.unmapped });
  for (const id of request.ids) {
    post({ type: 'started', id });
    const started = performance.now();
    const result = { ...(await runInvariant(findInvariant(id)!, subject, request)), durationMs: Math.round(performance.now() - started) };
    post({ type: 'result', result });
    if (request.bail && result.status === 'failed') break;
  }
  post({ type: 'done' });
} catch (error) {
  monitor.exit();
  const kind = error instanceof AdapterLoadError ? 'load-error' : 'error';
  const detail = error instanceof AdapterLoadError ? error.detail : error;
  post({ type: kind, message: (error as Error)?.message ?? String(error), stack: detail instanceof Error ? detail.stack : undefined });
}
