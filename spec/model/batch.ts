import type { AgentConfig, ViewField } from '../agent-config.ts';
import type { Handle, ObservedAgent, Subject } from './subject.ts';

/**
 * Batches: several adapter calls the specification knows in advance, sent together. An adapter
 * process that speaks protocol version 2 answers a whole batch in one round trip; any other subject
 * runs the same calls one after the other. Either way the calls run in order and the first error
 * stops the batch, so a batch means exactly what the same calls made one by one mean.
 */

/** The agent an earlier call of the same batch returned (its position in the batch). */
export class Earlier<T = Handle> {
  declare readonly type?: T;
  constructor(readonly index: number) {}
}

/** An agent argument: a handle, or the agent an earlier call of the batch returns. */
export type AgentArg = Handle | Earlier<Handle>;

/** One adapter call, as data. */
export type Call =
  | { readonly method: 'create'; readonly config: AgentConfig }
  /**
   * `fields`: the only view fields the caller reads. A transport may observe just those (the
   * others then throw when read); without it, or made one by one, a view is whole. `outline`:
   * fields of which the caller reads only the identities of what they hold; a transport may
   * observe those one level deep (what they hold by identity only, as beyond the depth limit).
   */
  | { readonly method: 'view'; readonly agent: AgentArg; readonly fields?: readonly ViewField[]; readonly outline?: readonly ViewField[] }
  | { readonly method: 'cloneForChannel' | 'deepCopy' | 'interrupt' | 'isInterrupted'; readonly agent: AgentArg }
  | { readonly method: 'cloneWith'; readonly agent: AgentArg; readonly overrides: Partial<AgentConfig> }
  | { readonly method: 'tryAcquire' | 'release'; readonly agent: AgentArg; readonly lock: string; readonly owner: string }
  | { readonly method: 'addTool'; readonly agent: AgentArg; readonly tool: unknown }
  | { readonly method: 'recordState'; readonly agent: AgentArg; readonly place: string; readonly entry: string };

/**
 * What a batch gave: the results of the calls that ran, in order (a handle, an observed view, a
 * boolean, or undefined), and, when `failed`, the error of the call after them, which stopped it.
 */
export type BatchOutcome = { readonly results: readonly unknown[] } & ({ readonly failed: false } | { readonly failed: true; readonly error: unknown });

/** Runs one call on a subject, its agent argument resolved against the results so far. */
function runCall(subject: Subject, call: Call, results: readonly unknown[]): Promise<unknown> {
  const agent = 'agent' in call ? (call.agent instanceof Earlier ? results[call.agent.index] : call.agent) : undefined;
  switch (call.method) {
    case 'create':
      return subject.create(call.config);
    case 'view':
      return subject.view(agent);
    case 'cloneForChannel':
      return subject.cloneForChannel(agent);
    case 'cloneWith':
      return subject.cloneWith(agent, call.overrides);
    case 'deepCopy':
      return subject.deepCopy(agent);
    case 'interrupt':
      return subject.interrupt(agent);
    case 'isInterrupted':
      return subject.isInterrupted(agent);
    case 'tryAcquire':
      return subject.tryAcquire(agent, call.lock, call.owner);
    case 'release':
      return subject.release(agent, call.lock, call.owner);
    case 'addTool':
      return subject.addTool(agent, call.tool);
    case 'recordState':
      return subject.recordState(agent, call.place, call.entry);
  }
}

/** A view call's own way to view, given the call (the fields it asks for) and its resolved agent. */
export type ViewCall = (call: Extract<Call, { method: 'view' }>, agent: Handle) => Promise<ObservedAgent>;

/**
 * Runs calls one after the other, stopping at the first error: what a batch means. `view`: how a
 * view call is made, when the subject can observe only the fields asked for; else a whole view.
 */
export async function runInOrder(subject: Subject, calls: readonly Call[], view?: ViewCall): Promise<BatchOutcome> {
  const results: unknown[] = [];
  for (const call of calls) {
    try {
      results.push(await (view && call.method === 'view' ? view(call, call.agent instanceof Earlier ? results[call.agent.index] : call.agent) : runCall(subject, call, results)));
    } catch (error) {
      return { results, failed: true, error };
    }
  }
  return { results, failed: false };
}

/**
 * The results of a batch, read in call order: reading the result of a call that did not run
 * throws the error that stopped the batch, at the point where calling it one by one would have.
 */
export class BatchResults {
  constructor(readonly outcome: BatchOutcome) {}

  get<T>(slot: Earlier<T>): T {
    if (slot.index < this.outcome.results.length) return this.outcome.results[slot.index] as T;
    if (this.outcome.failed) throw this.outcome.error;
    throw new Error(`no result for call ${slot.index} of the batch`);
  }
}

/** A batch being written: each method queues a call and returns the slot its result will fill. */
export class Batch {
  readonly calls: Call[] = [];

  #queue<T>(call: Call): Earlier<T> {
    this.calls.push(call);
    return new Earlier<T>(this.calls.length - 1);
  }

  create = (config: AgentConfig) => this.#queue<Handle>({ method: 'create', config });
  view = (agent: AgentArg, fields?: readonly ViewField[], outline?: readonly ViewField[]) =>
    this.#queue<ObservedAgent>({ method: 'view', agent, ...(fields ? { fields } : {}), ...(outline ? { outline } : {}) });
  cloneForChannel = (agent: AgentArg) => this.#queue<Handle>({ method: 'cloneForChannel', agent });
  cloneWith = (agent: AgentArg, overrides: Partial<AgentConfig>) => this.#queue<Handle>({ method: 'cloneWith', agent, overrides });
  deepCopy = (agent: AgentArg) => this.#queue<Handle>({ method: 'deepCopy', agent });
  interrupt = (agent: AgentArg) => this.#queue<void>({ method: 'interrupt', agent });
  isInterrupted = (agent: AgentArg) => this.#queue<boolean>({ method: 'isInterrupted', agent });
  tryAcquire = (agent: AgentArg, lock: string, owner: string) => this.#queue<boolean>({ method: 'tryAcquire', agent, lock, owner });
  release = (agent: AgentArg, lock: string, owner: string) => this.#queue<void>({ method: 'release', agent, lock, owner });
  addTool = (agent: AgentArg, tool: unknown) => this.#queue<void>({ method: 'addTool', agent, tool });
  recordState = (agent: AgentArg, place: string, entry: string) => this.#queue<void>({ method: 'recordState', agent, place, entry });

  /** Sends the batch (in one round trip where the subject can) and returns its results. */
  async run(subject: Subject): Promise<BatchResults> {
    if (this.calls.length === 0) return new BatchResults({ results: [], failed: false });
    return new BatchResults(await (subject.batch ? subject.batch(this.calls) : runInOrder(subject, this.calls)));
  }
}
