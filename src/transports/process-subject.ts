import type { OverridableField } from '../../spec/model/overridable.ts';
import { FieldScope } from '../../spec/model/field-scope.ts';
import { kindsTaken } from '../../spec/generators/value-kinds.ts';
import { CLONE_OPERATIONS, ConfigRejectedError, type Handle, type ObservedAgent, type Probe, type Subject } from '../../spec/model/subject.ts';
import { Earlier, runInOrder, type BatchOutcome, type Call } from '../../spec/model/batch.ts';
import { AdapterCallError, LostCallError } from './adapter-call.ts';
import { COMPACT_PROTOCOL, errorAnswer, PACKED_PROTOCOL, PIPELINED_PROTOCOL, type Hello } from './adapter-process.ts';
import { readerFor, readView, translate, type ObservationReader } from './answers.ts';
import { domainsOf, frameworkFieldsOf, start, type ProcessOptions } from './handshake.ts';
import { Connection } from './connection.ts';
import { describeInput, describePacked } from './describe.ts';
import { observe, WHOLE } from './observe.ts';

export type { ProcessOptions };

/** A subject driven over the adapter protocol, with a way to end it. */
export interface ProcessSubject extends Subject {
  readonly name: string;
  /** Round trips so far, over every process this subject started. */
  readonly requests: number;
  /** The protocol version spoken with the current adapter process. */
  readonly protocol: number;
  /** The language the adapter announced in its handshake, if any (`"python"` from the Python kit). */
  readonly language: string | undefined;
  /** Ends the session and the adapter's whole process group (idempotent). */
  close(): Promise<void>;
  /** Ends the adapter's whole process group at once, synchronously: for a signal handler. */
  killNow(): void;
}

/**
 * Drives an adapter process. Configurations and tools cross as value descriptions made with the
 * suite's own identity registry; views come back as observations with the adapter's tokens. A
 * process that broke is replaced before the next invariant.
 */
export async function processSubject(options: ProcessOptions): Promise<ProcessSubject> {
  const { process, hello } = await start(options);
  return lane(new Connection(options, process, hello));
}

/**
 * A subject on a shared connection: one invariant at a time runs on it, beside the other lanes'
 * invariants (protocol version 3: their requests are in flight together, the adapter answers them
 * in order). A lane's calls fail with a {@link LostCallError} when the process broke because of
 * another lane's call, or was replaced during its invariant.
 */
function lane(connection: Connection): ProcessSubject {
  const { options, registry, adapterTokens, builtObjects, held } = connection;
  const compact = () => connection.hello.protocol >= COMPACT_PROTOCOL;
  /** This lane, as the sender of its requests (urgent while it runs the run's longest invariant). */
  const sender = { urgent: false };
  let generation = connection.generation;
  let live: Handle[] = [];
  /** Version 2: agents of ended cases, disposed of with the next request instead of a round trip of their own. */
  let disposable: Handle[] = [];
  const request = (call: string, method: string, params: Record<string, unknown>, timeoutMs: number) => {
    if (generation !== connection.generation) {
      return Promise.reject(new LostCallError(call, 'broken', 'was not sent: the adapter process was replaced during this invariant, after another invariant broke it'));
    }
    return connection.process.request(call, method, params, timeoutMs, sender);
  };
  const handleOf = (name: string, result: Record<string, unknown>): Handle => {
    const agent = result.agent;
    if (typeof agent !== 'number' && typeof agent !== 'string') throw new AdapterCallError(name, 'invalid', `answered ${JSON.stringify(result)} without an agent handle`);
    live.push(agent);
    return agent;
  };
  const flag = (name: string, key: string, result: Record<string, unknown>): boolean => {
    if (typeof result[key] !== 'boolean') throw new AdapterCallError(name, 'invalid', `answered ${JSON.stringify(result)}; "${key}" must be a boolean`);
    return result[key] as boolean;
  };
  /** `described`: the ids of the objects the call described (version 5: the adapter holds them now). */
  const learnTokens = (result: Record<string, unknown>, read: ObservationReader, described: readonly string[] | undefined) => {
    if (described && compact()) for (const id of described) held.add(id);
    const tokens = result.tokens;
    if (typeof tokens === 'object' && tokens !== null) {
      for (const [ours, theirs] of Object.entries(tokens)) if (typeof theirs === 'string') adapterTokens.set(ours, theirs);
    }
    const built = result.built;
    if (typeof built === 'object' && built !== null) {
      for (const [ours, raw] of Object.entries(built)) {
        const observed = read(raw);
        if (observed !== undefined) builtObjects.set(ours, observed);
      }
    }
    return result;
  };
  /**
   * A value of the suite's as the adapter receives it: described (§6), packed from protocol version 3
   * (§11); from version 5, what the adapter holds already as refs, and `described` receives the ids
   * of the other objects (§13).
   */
  const describeValue = (value: unknown, described: string[] | undefined) => {
    if (compact()) return describePacked(registry, value, held, described);
    return connection.hello.protocol >= PACKED_PROTOCOL ? describePacked(registry, value) : describeInput(registry, value);
  };
  /** An error answer to create or cloneWith that says `"rejected": true`: the adapter refused the configuration. */
  const rejection = (call: Call, error: unknown): unknown => {
    if (call.method !== 'create' && call.method !== 'cloneWith') return error;
    const answer = error instanceof AdapterCallError ? (error.thrown as { rejected?: unknown; message?: unknown } | undefined) : undefined;
    if (typeof answer !== 'object' || answer === null || answer.rejected !== true) return error;
    return new ConfigRejectedError(`${call.method}() rejected the configuration: ${typeof answer.message === 'string' ? answer.message : ''}`);
  };

  /** A call as the protocol writes it; `agent` is a handle, or `{"ref": i}` inside a batch. `described`: as for describeValue. */
  const wire = (call: Call, offset = 0, described?: string[]): { method: string; params: Record<string, unknown> } => {
    const agent = 'agent' in call ? (call.agent instanceof Earlier ? { ref: call.agent.index + offset } : call.agent) : undefined;
    switch (call.method) {
      case 'create':
        return { method: 'create', params: { config: describeValue(call.config, described) } };
      case 'cloneWith':
        return { method: 'cloneWith', params: { agent, overrides: describeValue(call.overrides, described) } };
      case 'tryAcquire':
      case 'release':
        return { method: call.method, params: { agent, lock: call.lock, owner: call.owner } };
      case 'addTool':
        return { method: 'addTool', params: { agent, tool: describeValue(call.tool, described) } };
      case 'recordState':
        return { method: 'recordState', params: { agent, place: call.place, entry: call.entry } };
      case 'view':
        return {
          method: 'view',
          params: {
            agent,
            ...(call.fields && connection.hello.protocol >= 2 ? { fields: call.fields } : {}),
            ...(call.outline && connection.hello.protocol >= PACKED_PROTOCOL ? { outline: call.outline } : {}),
          },
        };
      default:
        return { method: call.method, params: { agent } };
    }
  };
  /** How reports name a call. */
  const nameOf = (call: Call): string =>
    call.method === 'tryAcquire' || call.method === 'release' ? `${call.method}("${call.lock}")` : call.method === 'recordState' ? `recordState("${call.place}")` : `${call.method}()`;
  /** The value a call's result stands for, checked as the protocol requires. */
  const interpret = (call: Call, result: Record<string, unknown>, read: ObservationReader, described?: readonly string[]): unknown => {
    const name = nameOf(call);
    switch (call.method) {
      case 'create':
      case 'cloneWith':
        return handleOf(name, learnTokens(result, read, described));
      case 'cloneForChannel':
      case 'deepCopy':
        return handleOf(name, result);
      case 'view':
        return readView(result, read, connection.hello.protocol >= 2 ? call.fields : undefined);
      case 'isInterrupted':
        return flag(name, 'interrupted', result);
      case 'tryAcquire':
        return flag(name, 'acquired', result);
      case 'addTool':
        learnTokens(result, read, described);
        return undefined;
      default:
        return undefined;
    }
  };
  /** How the observations of one answer are read: from version 5 with its class table, and the suite's ids the adapter holds (§13). */
  const readerOf = (answer: Record<string, unknown>): ObservationReader =>
    compact() ? readerFor(connection.hello.protocol, { classes: answer.classes, suiteIds: held }) : readerFor(connection.hello.protocol);
  const DISPOSE = "dispose() of the previous case's agents";
  /** Version 2: the calls in one round trip, after the pending dispose (spec/PROTOCOL.md §10). */
  const sendBatch = async (calls: readonly Call[]): Promise<BatchOutcome> => {
    const agents = disposable;
    disposable = [];
    const offset = agents.length > 0 ? 1 : 0;
    const described = calls.map((): string[] => []);
    const wired = [...(offset ? [{ method: 'dispose', params: { agents } }] : []), ...calls.map((call, index) => wire(call, offset, described[index]))];
    const names = [...(offset ? [DISPOSE] : []), ...calls.map(nameOf)];
    const results: unknown[] = [];
    try {
      const answer = await request(`batch [${names.join(', ')}]`, 'batch', { calls: wired }, options.timeout * wired.length);
      const entries = answer.results;
      const read = readerOf(answer);
      if (!Array.isArray(entries) || entries.length > wired.length) {
        throw new AdapterCallError(`batch [${names.join(', ')}]`, 'invalid', `answered ${JSON.stringify(answer).slice(0, 200)}; "results" must list one answer per call run`);
      }
      for (const [index, entry] of entries.entries()) {
        const { result, error } = (entry ?? {}) as { result?: unknown; error?: unknown };
        if (error !== undefined) throw index >= offset ? rejection(calls[index - offset]!, errorAnswer(names[index]!, error)) : errorAnswer(names[index]!, error);
        if (typeof result !== 'object' || result === null || Array.isArray(result)) {
          throw new AdapterCallError(names[index]!, 'invalid', `answered ${JSON.stringify(entry)}, not a result object`);
        }
        if (index >= offset) results.push(interpret(calls[index - offset]!, result as Record<string, unknown>, read, described[index - offset]));
      }
      if (entries.length < wired.length) {
        throw new AdapterCallError(names[entries.length]!, 'invalid', 'was left without an answer in its batch, though no call before it failed');
      }
    } catch (error) {
      return { results, failed: true, error };
    }
    return { results, failed: false };
  };
  /** One call: a request of its own, or a batch when disposals are pending. */
  const one = async (call: Call): Promise<unknown> => {
    if (disposable.length > 0) {
      const outcome = await sendBatch([call]);
      if (outcome.failed) throw outcome.error;
      return outcome.results[0];
    }
    const described: string[] = [];
    const { method, params } = wire(call, 0, described);
    let answer: Record<string, unknown>;
    try {
      answer = await request(nameOf(call), method, params, options.timeout);
    } catch (error) {
      throw rejection(call, error);
    }
    return interpret(call, answer, readerOf(answer), described);
  };
  const subject: ProcessSubject = {
    get name() {
      return connection.hello.name;
    },
    get requests() {
      return connection.previousRequests + connection.process.requests;
    },
    get protocol() {
      return connection.hello.protocol;
    },
    get language() {
      return typeof connection.hello.language === 'string' ? connection.hello.language : undefined;
    },
    get urgent() {
      return sender.urgent;
    },
    set urgent(urgent: boolean) {
      sender.urgent = urgent;
    },
    probes: new Set<Probe>(connection.hello.probes as Probe[]),
    operations: new Set(CLONE_OPERATIONS.filter((operation) => connection.hello.operations.includes(operation))),
    scope: new FieldScope(
      connection.hello.fields,
      frameworkFieldsOf(connection.hello),
      (connection.hello as Hello & { overridable?: readonly OverridableField[] }).overridable,
      kindsTaken(connection.hello.protocol, connection.hello.accepts),
    ),
    ...(domainsOf(connection.hello) ? { domains: domainsOf(connection.hello)! } : {}),
    deepCopyTools: connection.hello.deepCopyTools ?? 'shared',
    observeInput: (value) => translate(observe(registry, value, false, [], 0, WHOLE), adapterTokens, builtObjects, compact() ? held : undefined),
    create: async (config) => one({ method: 'create', config }),
    cloneWith: async (agent, overrides) => one({ method: 'cloneWith', agent, overrides }),
    deepCopy: async (agent) => one({ method: 'deepCopy', agent }),
    view: async (agent) => (await one({ method: 'view', agent })) as ObservedAgent,
    cloneForChannel: async (agent) => one({ method: 'cloneForChannel', agent }),
    interrupt: async (agent) => void (await one({ method: 'interrupt', agent })),
    isInterrupted: async (agent) => (await one({ method: 'isInterrupted', agent })) as boolean,
    tryAcquire: async (agent, lock, owner) => (await one({ method: 'tryAcquire', agent, lock, owner })) as boolean,
    release: async (agent, lock, owner) => void (await one({ method: 'release', agent, lock, owner })),
    addTool: async (agent, tool) => void (await one({ method: 'addTool', agent, tool })),
    recordState: async (agent, place, entry) => void (await one({ method: 'recordState', agent, place, entry })),
    batch: (calls) => (connection.hello.protocol >= 2 ? sendBatch(calls) : runInOrder(subject, calls)),
    async beginInvariant() {
      if (connection.process.broken !== undefined) await connection.restart();
      if (generation === connection.generation) return;
      generation = connection.generation;
      live = [];
      disposable = [];
    },
    async endCase() {
      if (live.length === 0 || connection.process.broken !== undefined || generation !== connection.generation) return;
      const agents = live;
      live = [];
      if (connection.hello.protocol >= 2) {
        disposable.push(...agents);
        return;
      }
      await request('dispose() at the end of a case', 'dispose', { agents }, options.timeout);
    },
    close: () => connection.process.close(),
    killNow: () => connection.process.killNow(),
  };
  return subject;
}

/**
 * Starts `count` adapter processes of one command side by side, for invariants run in parallel,
 * and gives `lanes` subjects on each process that speaks protocol version 3 (one invariant in
 * flight on each lane; one lane on a process that speaks an earlier version). The first process
 * must start (its failure is the run's); a later one that does not is left out.
 */
export async function processSubjects(options: ProcessOptions, count: number, lanes = 1): Promise<ProcessSubject[]> {
  const started = await Promise.allSettled(Array.from({ length: Math.max(1, count) }, () => start(options)));
  const subjects = started.flatMap((outcome) => {
    if (outcome.status === 'rejected') return [];
    const connection = new Connection(options, outcome.value.process, outcome.value.hello);
    return Array.from({ length: connection.hello.protocol >= PIPELINED_PROTOCOL ? Math.max(1, lanes) : 1 }, () => lane(connection));
  });
  if (started[0]!.status === 'rejected') {
    await Promise.all(subjects.map((subject) => subject.close()));
    throw started[0]!.reason;
  }
  return subjects;
}
