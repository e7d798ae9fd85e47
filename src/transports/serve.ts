import { createInterface } from 'node:readline';
import type { AgentConfig } from '../../spec/agent-config.ts';
import type { Observed } from '../../spec/model/observed.ts';
import { CLONE_OPERATIONS, PROBES } from '../../spec/model/subject.ts';
import type { CloneAdapter } from '../adapter/contract.ts';
import { PROTOCOL_VERSION } from './adapter-process.ts';
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
export async function serveAdapter(adapter: CloneAdapter, input: NodeJS.ReadableStream, write: (line: string) => void): Promise<void> {
  const registry = new IdentityRegistry();
  const materialiser = new Materialiser(adapter.build?.bind(adapter));
  const agents = new Map<number, unknown>();
  let nextHandle = 1;
  const handle = (agent: unknown) => {
    agents.set(nextHandle, agent);
    return nextHandle++;
  };
  const agentOf = (params: Params) => {
    if (!agents.has(params.agent as number)) throw new Error(`unknown agent handle ${JSON.stringify(params.agent)}`);
    return agents.get(params.agent as number);
  };
  /** Materialises a description and tells the suite which token each described object got here. */
  const materialise = (description: unknown) => {
    const seen = new Map<string, unknown>();
    const value = materialiser.value(description as Observed, seen);
    const tokens: Record<string, string> = {};
    for (const [id, object] of seen) if ((typeof object === 'object' && object !== null) || typeof object === 'function') tokens[id] = registry.tokenOf(object);
    // What each `built` description became, observed: the suite compares the overrides it gave with it.
    const built: Record<string, unknown> = {};
    for (const id of builtIds(description)) if (seen.has(id)) built[id] = observe(registry, seen.get(id));
    return { value, tokens, ...(Object.keys(built).length > 0 ? { built } : {}) };
  };
  const probe = <K extends (typeof PROBES)[number]>(name: K) => {
    const fn = adapter[name];
    if (typeof fn !== 'function') throw new Error(`${name} is not supported`);
    return fn.bind(adapter) as NonNullable<CloneAdapter[K]>;
  };
  const methods: Record<string, (params: Params) => Promise<Params>> = {
    hello: async () => ({
      protocol: PROTOCOL_VERSION,
      name: adapter.name,
      operations: ['create', 'view', ...CLONE_OPERATIONS.filter((name) => typeof adapter[name] === 'function')],
      probes: PROBES.filter((name) => typeof adapter[name] === 'function'),
      ...(adapter.fields ? { fields: adapter.fields } : {}),
      ...(adapter.deepCopyTools ? { deepCopyTools: adapter.deepCopyTools } : {}),
      ...(adapter.domains ? { domains: adapter.domains } : {}),
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
      return { view: observeView(registry, await adapter.view(agent), agent, adapter.runtimeTypes) };
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
    dispose: async (params) => {
      for (const agent of (params.agents as number[]) ?? []) agents.delete(agent);
      return {};
    },
    shutdown: async () => ({}),
  };
  for await (const line of createInterface({ input })) {
    const request = JSON.parse(line) as { id: number; method: string; params?: Params };
    try {
      const method = methods[request.method];
      if (!method) throw new Error(`unknown method ${JSON.stringify(request.method)}`);
      write(`${JSON.stringify({ id: request.id, result: await method(request.params ?? {}) })}\n`);
    } catch (error) {
      const { name = 'Error', message = String(error) } = error instanceof Error ? error : {};
      // A configuration the adapter rejects (RejectedConfig) is a distinct answer: the suite discards the case.
      const rejected = name === 'RejectedConfig' && (request.method === 'create' || request.method === 'cloneWith') ? { rejected: true } : {};
      write(`${JSON.stringify({ id: request.id, error: { type: name, message, ...rejected } })}\n`);
    }
    if (request.method === 'shutdown') return;
  }
}
