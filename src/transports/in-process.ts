import { VIEW_FIELDS, type AgentConfig, type AgentView } from '../../spec/agent-config.ts';
import type { Observed } from '../../spec/model/observed.ts';
import { FieldScope } from '../../spec/model/field-scope.ts';
import { CLONE_OPERATIONS, PROBES, type CloneOperation, type Handle, type ObservedAgent, type Probe, type Subject } from '../../spec/model/subject.ts';
import type { CloneAdapter } from '../adapter/contract.ts';
import { AdapterCallError, boundedCall } from './adapter-call.ts';
import type { CallMonitor } from './call-monitor.ts';
import { IdentityRegistry, observe } from './observe.ts';

export interface InProcessOptions {
  /** Upper bound for every adapter call, in milliseconds. */
  readonly timeout: number;
  /** Told of every adapter call, so that a watchdog thread can see synchronous hangs. */
  readonly monitor?: CallMonitor;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Observes a view returned by an adapter; runtime objects by identity, configuration deeply. */
export function observeView(registry: IdentityRegistry, view: AgentView, only?: readonly string[]): ObservedAgent {
  const fields = {} as Record<Exclude<(typeof VIEW_FIELDS)[number], 'locks'>, Observed>;
  for (const field of VIEW_FIELDS) {
    if (field === 'locks' || (only && !only.includes(field))) continue;
    fields[field] = observe(registry, view[field], field === 'interruptController');
  }
  const locks = isRecord(view.locks) && (!only || only.includes('locks'))
    ? Object.fromEntries(Object.entries(view.locks).map(([name, lock]) => [name, observe(registry, lock, true)]))
    : undefined;
  return { fields, locks };
}

const MAX_REJECTIONS = 1000;

/** An adapter's accepts(), which must not reject everything: generation would never end. */
function guardAccepts(accepts: (config: AgentConfig) => boolean): (config: AgentConfig) => boolean {
  let rejected = 0;
  return (config) => {
    if (accepts(config)) {
      rejected = 0;
      return true;
    }
    if (++rejected >= MAX_REJECTIONS) throw new Error(`the adapter's accepts() rejected ${MAX_REJECTIONS} generated configurations in a row; it must accept a reasonable share of them`);
    return false;
  };
}

/** The implementation under test, reached by calling an adapter module in this process. */
export function inProcessSubject(adapter: CloneAdapter, options: InProcessOptions): Subject {
  const registry = new IdentityRegistry();
  const { timeout, monitor } = options;
  const call = <T>(name: string, run: () => T | Promise<T>) => boundedCall(name, timeout, run, monitor);
  const probes = new Set<Probe>(PROBES.filter((probe) => typeof adapter[probe] === 'function'));
  const probe = <K extends Probe>(name: K): NonNullable<CloneAdapter[K]> => {
    const fn = adapter[name];
    if (typeof fn !== 'function') throw new AdapterCallError(`${name}()`, 'invalid', 'is not implemented by the adapter');
    return fn.bind(adapter) as NonNullable<CloneAdapter[K]>;
  };
  const operation = <K extends CloneOperation>(name: K) => {
    const fn = adapter[name];
    if (typeof fn !== 'function') throw new AdapterCallError(`${name}()`, 'invalid', 'is not implemented by the adapter');
    return fn.bind(adapter) as NonNullable<CloneAdapter[K]>;
  };
  return {
    probes,
    operations: new Set(CLONE_OPERATIONS.filter((name) => typeof adapter[name] === 'function')),
    scope: new FieldScope(adapter.fields),
    ...(adapter.accepts ? { accepts: guardAccepts(adapter.accepts.bind(adapter)) } : {}),
    deepCopyTools: adapter.deepCopyTools ?? 'shared',
    observeInput: (value) => observe(registry, value),
    create: (config) => call('create()', () => adapter.create(config)),
    async view(agent: Handle) {
      const view = await call('view()', () => adapter.view(agent));
      if (!isRecord(view)) throw new AdapterCallError('view()', 'invalid', `returned ${view === null ? 'null' : typeof view}, not an AgentView object`);
      try {
        return observeView(registry, view);
      } catch (error) {
        throw new AdapterCallError('view()', 'threw', `returned a view that could not be read: ${(error as Error).message}`);
      }
    },
    cloneForChannel: (agent) => call('cloneForChannel()', () => operation('cloneForChannel')(agent)),
    cloneWith: (agent, overrides) => call('cloneWith()', () => operation('cloneWith')(agent, overrides)),
    deepCopy: (agent) => call('deepCopy()', () => operation('deepCopy')(agent)),
    interrupt: (agent) => call('interrupt()', () => probe('interrupt')(agent)),
    isInterrupted: (agent) => call('isInterrupted()', () => probe('isInterrupted')(agent)).then(Boolean),
    tryAcquire: (agent, lock, owner) => call(`tryAcquire("${lock}")`, () => probe('tryAcquire')(agent, lock, owner)).then(Boolean),
    release: (agent, lock, owner) => call(`release("${lock}")`, () => probe('release')(agent, lock, owner)),
    addTool: (agent, tool) => call('addTool()', () => probe('addTool')(agent, tool)),
  };
}
