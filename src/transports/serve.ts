import { createInterface } from 'node:readline';
import type { AgentConfig } from '../../spec/agent-config.ts';
import type { Observed } from '../../spec/model/observed.ts';
import { CLONE_OPERATIONS, PROBES } from '../../spec/model/subject.ts';
import type { CloneAdapter } from '../adapter/contract.ts';
import { COMPACT_PROTOCOL, PACKED_PROTOCOL, REACHES_PROTOCOL, SUPPORTED_PROTOCOLS } from './adapter-process.ts';
import { pack, unpack, unpackDescription } from './packed.ts';
import { observeView } from './in-process.ts';
import { Materialiser } from './materialise.ts';
import type { Description } from './describe.ts';
import { IdentityRegistry, observe } from './observe.ts';

type Params = Record<string, unknown>;

/** The ids of the `built` descriptions in a description, at any depth. */
function builtIds(description: unknown, into: string[] = []): string[] {
  if (typeof description !== 'object' || description === null) return into;
  const node = description as Description & { items?: unknown[]; entries?: [string, unknown][]; value?: unknown };
  if (node.kind === 'built') {
    into.push(node.id);
    builtIds(node.value, into);
  }
  for (const item of node.items ?? []) builtIds(item, into);
  for (const [, item] of node.entries ?? []) builtIds(item, into);
  return into;
}

/**
 * Serves a JavaScript adapter over the adapter protocol (spec/PROTOCOL.md): the protocol's
 * reference implementation on the adapter side. Reads requests from `input`, writes answers with
 * `write`, and resolves when the session ends (shutdown or end of input).
 */
export interface ServeOptions {
  /** The protocol versions this host may choose from; all it speaks by default (a v1-only host: `[1]`). */
  readonly protocols?: readonly number[];
  /** Told of every call before it runs, batched ones included (tests use it to misbehave at a given call). */
  readonly onCall?: (method: string) => void;
}

/** A batch may use the agent an earlier call of the same batch returned: `{"ref": <index>}`. */
const isRef = (value: unknown): value is { ref: number } =>
  typeof value === 'object' && value !== null && typeof (value as { ref?: unknown }).ref === 'number';

/** An observation as versions 1 and 2 write it (§7): functions without what they reach. */
const withoutReaches = (observed: Observed): Observed => unpack(pack(observed))!;

export async function serveAdapter(adapter: CloneAdapter, input: NodeJS.ReadableStream, write: (line: string) => void, options: ServeOptions = {}): Promise<void> {
  // Not version 5 (§13): this host's tokens come from an identity registry like the suite's, "#1",
  // "#2", ..., which version 5 reserves for the suite's ids.
  const offered = (options.protocols ?? SUPPORTED_PROTOCOLS).filter((version) => version < COMPACT_PROTOCOL);
  if (offered.length === 0) throw new Error(`this host speaks protocol versions 1 to ${COMPACT_PROTOCOL - 1}, not ${JSON.stringify(options.protocols)}`);
  const registry = new IdentityRegistry();
  const materialiser = new Materialiser(adapter.build?.bind(adapter));
  const agents = new Map<number, unknown>();
  let nextHandle = 1;
  /** The version chosen in the handshake: observations are written packed from version 3 (§11). */
  let protocol = 1;
  // What functions reach is written from version 4 (§12) only: a version 3 suite could not read it.
  const wire = (observed: Observed): unknown => (protocol >= PACKED_PROTOCOL ? pack(observed, { reaches: protocol >= REACHES_PROTOCOL }) : withoutReaches(observed));
  const mapValues = (record: Record<string, Observed>) => Object.fromEntries(Object.entries(record).map(([key, value]) => [key, wire(value)]));
  const handle = (agent: unknown) => {
    agents.set(nextHandle, agent);
    return nextHandle++;
  };
  const agentOf = (params: Params) => {
    if (!agents.has(params.agent as number)) throw new Error(`unknown agent handle ${JSON.stringify(params.agent)}`);
    return agents.get(params.agent as number);
  };
  /** Materialises a description and tells the suite which token each described object got here. */
  const materialise = (wired: unknown) => {
    // Packed from version 3 (§11).
    const description = protocol >= PACKED_PROTOCOL ? unpackDescription(wired) : wired;
    if (description === undefined) throw new Error(`cannot read the packed description ${JSON.stringify(wired).slice(0, 200)}`);
    const seen = new Map<string, unknown>();
    const value = materialiser.value(description as Observed, seen);
    const tokens: Record<string, string> = {};
    for (const [id, object] of seen) if ((typeof object === 'object' && object !== null) || typeof object === 'function') tokens[id] = registry.tokenOf(object);
    // What each `built` description became, observed: the suite compares the overrides it gave with it.
    const built: Record<string, unknown> = {};
    for (const id of builtIds(description)) if (seen.has(id)) built[id] = wire(observe(registry, seen.get(id)));
    return { value, tokens, ...(Object.keys(built).length > 0 ? { built } : {}) };
  };
  const probe = <K extends (typeof PROBES)[number]>(name: K) => {
    const fn = adapter[name];
    if (typeof fn !== 'function') throw new Error(`${name} is not supported`);
    return fn.bind(adapter) as NonNullable<CloneAdapter[K]>;
  };
  const methods: Record<string, (params: Params) => Promise<Params>> = {
    hello: async (params) => ({
      protocol: (protocol = chooseProtocol(params, offered)),
      name: adapter.name,
      operations: ['create', 'view', ...CLONE_OPERATIONS.filter((name) => typeof adapter[name] === 'function')],
      probes: PROBES.filter((name) => typeof adapter[name] === 'function'),
      ...(adapter.fields ? { fields: adapter.fields } : {}),
      ...(adapter.deepCopyTools ? { deepCopyTools: adapter.deepCopyTools } : {}),
      ...(adapter.domains ? { domains: adapter.domains } : {}),
      // Its materialiser makes sets and maps in every version: it is sent the values version 3 adapters are.
      accepts: ['set', 'map'],
      ...(adapter.frameworkFields ? { frameworkFields: adapter.frameworkFields } : {}),
      ...(adapter.overridable ? { overridable: adapter.overridable } : {}),
    }),
    create: async (params) => {
      const { value, ...echo } = materialise(params.config);
      return { agent: handle(await adapter.create(value as AgentConfig)), ...echo };
    },
    cloneWith: async (params) => {
      if (!adapter.cloneWith) throw new Error('cloneWith is not supported');
      const { value, ...echo } = materialise(params.overrides);
      return { agent: handle(await adapter.cloneWith(agentOf(params), value as Partial<AgentConfig>)), ...echo };
    },
    deepCopy: async (params) => {
      if (!adapter.deepCopy) throw new Error('deepCopy is not supported');
      return { agent: handle(await adapter.deepCopy(agentOf(params))) };
    },
    view: async (params) => {
      const agent = agentOf(params);
      const outline = protocol >= PACKED_PROTOCOL ? ((params.outline as readonly string[] | undefined) ?? []) : [];
      const { fields, locks, self } = observeView(registry, await adapter.view(agent), agent, adapter.runtimeTypes, params.fields as readonly string[] | undefined, outline);
      return { view: { fields: mapValues(fields), ...(locks ? { locks: mapValues(locks) } : {}), self: wire(self) } };
    },
    cloneForChannel: async (params) => {
      if (!adapter.cloneForChannel) throw new Error('cloneForChannel is not supported');
      return { agent: handle(await adapter.cloneForChannel(agentOf(params))) };
    },
    interrupt: async (params) => (await probe('interrupt')(agentOf(params)), {}),
    isInterrupted: async (params) => ({ interrupted: Boolean(await probe('isInterrupted')(agentOf(params))) }),
    tryAcquire: async (params) => ({ acquired: Boolean(await probe('tryAcquire')(agentOf(params), params.lock as string, params.owner as string)) }),
    release: async (params) => (await probe('release')(agentOf(params), params.lock as string, params.owner as string), {}),
    addTool: async (params) => {
      const { value, tokens } = materialise(params.tool);
      await probe('addTool')(agentOf(params), value);
      return { tokens };
    },
    recordState: async (params) => (await probe('recordState')(agentOf(params), params.place as string, params.entry as string), {}),
    dispose: async (params) => {
      for (const agent of (params.agents as number[]) ?? []) agents.delete(agent);
      return {};
    },
    shutdown: async () => ({}),
  };
  const answer = async (method: string, params: Params): Promise<Params> => {
    options.onCall?.(method);
    const run = methods[method];
    if (!run || (method === 'batch')) throw new Error(`unknown method ${JSON.stringify(method)}`);
    return run(params);
  };
  /** Protocol version 2: several calls in order, stopping at the first error (§10). */
  methods.batch = async (params) => {
    const calls = Array.isArray(params.calls) ? (params.calls as { method: string; params?: Params }[]) : [];
    const results: Params[] = [];
    for (const call of calls) {
      try {
        if (call.method === 'hello' || call.method === 'shutdown' || call.method === 'batch') throw new Error(`${call.method} cannot be batched`);
        const callParams = { ...(call.params ?? {}) };
        if (isRef(callParams.agent)) {
          const earlier = results[callParams.agent.ref]?.result as Params | undefined;
          if (earlier?.agent === undefined) throw new Error(`{"ref": ${callParams.agent.ref}} names no agent returned earlier in this batch`);
          callParams.agent = earlier.agent;
        }
        results.push({ result: await answer(call.method, callParams) });
      } catch (error) {
        results.push({ error: errorOf(error, call.method) });
        break;
      }
    }
    return { results };
  };
  for await (const line of createInterface({ input })) {
    const request = JSON.parse(line) as { id: number; method: string; params?: Params };
    try {
      if (request.method === 'batch') options.onCall?.('batch');
      const result = request.method === 'batch' ? await methods.batch(request.params ?? {}) : await answer(request.method, request.params ?? {});
      write(`${JSON.stringify({ id: request.id, result })}\n`);
    } catch (error) {
      write(`${JSON.stringify({ id: request.id, error: errorOf(error, request.method) })}\n`);
    }
    if (request.method === 'shutdown') return;
  }
}

function errorOf(error: unknown, method: string): { type: string; message: string; rejected?: true } {
  const { name = 'Error', message = String(error) } = error instanceof Error ? error : {};
  // A configuration the adapter rejects (RejectedConfig) is a distinct answer: the suite discards the case.
  const rejected = name === 'RejectedConfig' && (method === 'create' || method === 'cloneWith') ? { rejected: true as const } : {};
  return { type: name, message, ...rejected };
}

/** The highest version both sides speak: the suite offers `protocols` (v2 on), or only `protocol` (v1). */
function chooseProtocol(params: Params, offered: readonly number[]): number {
  const asked = Array.isArray(params.protocols) ? params.protocols : [params.protocol ?? 1];
  const common = offered.filter((version) => asked.includes(version));
  return common.length > 0 ? Math.max(...common) : Math.max(...offered);
}
