import { VIEW_FIELDS, type AgentConfig, type AgentView } from '../../spec/agent-config.ts';
import type { Observed } from '../../spec/model/observed.ts';
import { FieldScope } from '../../spec/model/field-scope.ts';
import { CLONE_OPERATIONS, PROBES, type CloneOperation, type Handle, type ObservedAgent, type Probe, type Subject } from '../../spec/model/subject.ts';
import type { CloneAdapter } from '../adapter/contract.ts';
import { AdapterLoadError } from '../adapter/load.ts';
import { AdapterCallError, boundedCall } from './adapter-call.ts';
import { ConfigRejectedError } from '../../spec/model/subject.ts';
import { BuiltValues } from './built.ts';
import type { CallMonitor } from './call-monitor.ts';
import { runInOrder } from '../../spec/model/batch.ts';
import { restrictTo } from './partial-view.ts';
import { IdentityRegistry, observe, OUTLINE_DEPTH, WHOLE } from './observe.ts';

export interface InProcessOptions {
  /** Upper bound for every adapter call, in milliseconds. */
  readonly timeout: number;
  /** Told of every adapter call, so that a watchdog thread can see synchronous hangs. */
  readonly monitor?: CallMonitor;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Observes a view returned by an adapter for `agent`; runtime objects and the agent by identity,
 * configuration deeply. `only`: the fields asked for (protocol 2 partial views); all by default.
 */
export function observeView(registry: IdentityRegistry, view: AgentView, agent: Handle, runtimeTypes: readonly Function[] = [], only?: readonly string[], outline: readonly string[] = []): ObservedAgent {
  const fields = {} as Record<Exclude<(typeof VIEW_FIELDS)[number], 'locks'>, Observed>;
  for (const field of VIEW_FIELDS) {
    if (field === 'locks' || (only && !only.includes(field))) continue;
    fields[field] = observe(registry, view[field], field === 'interruptController', runtimeTypes, outline.includes(field) ? OUTLINE_DEPTH : 0);
  }
  const locks = isRecord(view.locks) && (!only || only.includes('locks'))
    ? Object.fromEntries(Object.entries(view.locks).map(([name, lock]) => [name, observe(registry, lock, true)]))
    : undefined;
  return { fields, locks, self: observe(registry, agent, true) };
}

const MAX_REJECTIONS = 1000;

/**
 * An adapter's accepts(), which must not throw, nor reject everything: generation would never end.
 * Either ends the run with a message naming accepts() (exit 2: it cannot run).
 */
function guardAccepts(accepts: (config: AgentConfig) => boolean): (config: AgentConfig) => boolean {
  let rejected = 0;
  return (config) => {
    let accepted: boolean;
    try {
      accepted = Boolean(accepts(config));
    } catch (error) {
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new AdapterLoadError(`The adapter's accepts() threw ${detail}; it must return true or false for every configuration.`, error);
    }
    if (accepted) {
      rejected = 0;
      return true;
    }
    if (++rejected >= MAX_REJECTIONS) {
      throw new AdapterLoadError(`The adapter's accepts() rejected ${MAX_REJECTIONS} generated configurations in a row; it must accept a reasonable share of them (what it rejects is never checked).`);
    }
    return false;
  };
}

/** The implementation under test, reached by calling an adapter module in this process. */
export function inProcessSubject(adapter: CloneAdapter, options: InProcessOptions): Subject {
  const registry = new IdentityRegistry();
  // Values of `built` domains: the adapter receives (and observeInput sees) what its build() made.
  const built = new BuiltValues(adapter.build?.bind(adapter), { domains: adapter.domains, frameworkFields: adapter.frameworkFields });
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
  /** An agent-returning call: a RejectedConfig throw discards the case, and an agent must be returned. */
  const agentCall = async (name: string, run: () => unknown, rejectable: boolean): Promise<Handle> => {
    let agent: unknown;
    try {
      agent = await call(name, run);
    } catch (error) {
      const thrown = error instanceof AdapterCallError ? (error.thrown as { name?: unknown } | undefined) : undefined;
      if (rejectable && typeof thrown === 'object' && thrown !== null && thrown.name === 'RejectedConfig') {
        throw new ConfigRejectedError(`${name} rejected the configuration: ${(thrown as { message?: unknown }).message ?? ''}`);
      }
      throw error;
    }
    if (agent === undefined || agent === null) throw new AdapterCallError(name, 'invalid', `returned ${String(agent)}, not an agent: ${name} must return the agent it built`);
    return agent;
  };
  /** The agent's view, observed whole, or only the fields asked for (the others throw when read). */
  const viewOf = async (agent: Handle, only?: readonly string[], outline?: readonly string[]): Promise<ObservedAgent> => {
    const view = await call('view()', () => adapter.view(agent));
    if (!isRecord(view)) throw new AdapterCallError('view()', 'invalid', `returned ${view === null ? 'null' : typeof view}, not an AgentView object`);
    try {
      return restrictTo(observeView(registry, view, agent, adapter.runtimeTypes, only, outline), only);
    } catch (error) {
      throw new AdapterCallError('view()', 'threw', `returned a view that could not be read: ${(error as Error).message}`);
    }
  };
  const subject: Subject = {
    probes,
    operations: new Set(CLONE_OPERATIONS.filter((name) => typeof adapter[name] === 'function')),
    scope: new FieldScope(adapter.fields, adapter.frameworkFields, adapter.overridable),
    ...(adapter.accepts ? { accepts: guardAccepts(adapter.accepts.bind(adapter)) } : {}),
    ...(adapter.domains ? { domains: adapter.domains } : {}),
    deepCopyTools: adapter.deepCopyTools ?? 'shared',
    observeInput: (value) => observe(registry, built.materialise(value), false, [], 0, WHOLE),
    create: (config) => agentCall('create()', () => adapter.create(built.materialise(config) as AgentConfig), true),
    view: (agent: Handle) => viewOf(agent),
    // Views in a batch observe only the fields asked for, as an adapter process does (protocol 2).
    batch: (calls) => runInOrder(subject, calls, (call, agent) => viewOf(agent, call.fields, call.outline)),
    cloneForChannel: (agent) => agentCall('cloneForChannel()', () => operation('cloneForChannel')(agent), false),
    cloneWith: (agent, overrides) => agentCall('cloneWith()', () => operation('cloneWith')(agent, built.materialise(overrides) as Partial<AgentConfig>), true),
    deepCopy: (agent) => agentCall('deepCopy()', () => operation('deepCopy')(agent), false),
    interrupt: (agent) => call('interrupt()', () => probe('interrupt')(agent)),
    isInterrupted: (agent) => call('isInterrupted()', () => probe('isInterrupted')(agent)).then(Boolean),
    tryAcquire: (agent, lock, owner) => call(`tryAcquire("${lock}")`, () => probe('tryAcquire')(agent, lock, owner)).then(Boolean),
    release: (agent, lock, owner) => call(`release("${lock}")`, () => probe('release')(agent, lock, owner)),
    addTool: (agent, tool) => call('addTool()', () => probe('addTool')(agent, tool)),
    recordState: (agent, place, entry) => call(`recordState("${place}")`, () => probe('recordState')(agent, place, entry)),
  };
  return subject;
}
