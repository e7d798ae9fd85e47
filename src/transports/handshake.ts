import { MAPPED_FIELDS } from '../../spec/agent-config.ts';
import { validateDomains, type Domains } from '../../spec/domains.ts';
import { DESCRIPTION_KINDS } from '../../spec/generators/value-kinds.ts';
import { MINIMUM_FIELDS_REASON, missingMinimumFields } from '../../spec/model/field-scope.ts';
import { validateFrameworkFields, type FrameworkFields } from '../../spec/model/roles.ts';
import { validateOverridable } from '../../spec/model/overridable.ts';
import { CLONE_OPERATIONS, PROBES } from '../../spec/model/subject.ts';
import { AdapterLoadError } from '../adapter/load.ts';
import { AdapterProcess, PROTOCOL_VERSION, SUPPORTED_PROTOCOLS, type Hello } from './adapter-process.ts';

/** Starting an adapter process: its options, and the handshake (spec/PROTOCOL.md §3) checked. */

export interface ProcessOptions {
  /** The shell command that starts the adapter process. */
  readonly command: string;
  readonly cwd: string;
  /** Bound on every call, in milliseconds. */
  readonly timeout: number;
  /** Bound on starting the process and its handshake, in milliseconds. */
  readonly startTimeout: number;
  /** Receives each line the adapter process writes on standard error (PROTOCOL.md §1: passed through). */
  readonly stderr?: (line: string) => void;
  /**
   * The protocol versions the suite offers in the handshake; every version it speaks by default.
   * `[1]` forces version 1 (one round trip per call), e.g. to compare it with version 2.
   */
  readonly protocols?: readonly number[];
  /** Set in the adapter process's environment (e.g. PYTHONHASHSEED: src/transports/adapter-env.ts). */
  readonly env?: Readonly<Record<string, string>>;
  /** Ends the adapter processes at once when it aborts (a signal to the command), in every phase. */
  readonly signal?: AbortSignal;
  /** Told as soon as an adapter process leaves a call unanswered past its timeout (it is then stopped). */
  readonly onUnanswered?: (call: string) => void;
}

const MAPPABLE: readonly unknown[] = MAPPED_FIELDS;

/** The framework fields an adapter process declared in its handshake (hello.frameworkFields), already validated. */
export const frameworkFieldsOf = (hello: Hello): FrameworkFields | undefined => (hello as Hello & { frameworkFields?: FrameworkFields }).frameworkFields;

/** The value domains an adapter process declared in its handshake, already validated. */
export const domainsOf = (hello: Hello): Domains | undefined => (hello as Hello & { domains?: Domains }).domains;

/** Starts an adapter process and checks its handshake; any failure means the run cannot start. */
export async function start(options: ProcessOptions): Promise<{ process: AdapterProcess; hello: Hello }> {
  const process = new AdapterProcess(options.command, options.cwd, options.stderr, {
    ...(options.env ? { env: options.env } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onUnanswered ? { onUnanswered: options.onUnanswered } : {}),
  });
  const offered = options.protocols ?? SUPPORTED_PROTOCOLS;
  let answer: Record<string, unknown>;
  try {
    // `protocol: 1` stays for version 1 adapters that check it; `protocols` offers the others.
    answer = await process.request('hello()', 'hello', { protocol: PROTOCOL_VERSION, protocols: offered }, options.startTimeout);
  } catch (error) {
    await process.kill();
    throw new AdapterLoadError(`The adapter process \`${options.command}\` did not complete the handshake: ${(error as Error).message}.`);
  }
  const problems: string[] = [];
  if (!offered.includes(answer.protocol as number)) {
    problems.push(`it speaks protocol ${JSON.stringify(answer.protocol)}, this suite speaks ${offered.length === 1 ? offered[0] : `${offered.slice(0, -1).join(', ')} or ${offered.at(-1)}`}`);
  }
  if (typeof answer.name !== 'string' || answer.name.trim() === '') problems.push('"name" must be a non-empty string');
  const operations = Array.isArray(answer.operations) ? answer.operations : [];
  for (const required of ['create', 'view']) if (!operations.includes(required)) problems.push(`"operations" must include "${required}"`);
  if (!Array.isArray(answer.probes) || answer.probes.some((probe) => !(PROBES as readonly unknown[]).includes(probe))) {
    problems.push(`"probes" must be a list drawn from ${PROBES.join(', ')}`);
  }
  if (problems.length === 0 && !CLONE_OPERATIONS.some((operation) => operations.includes(operation))) {
    problems.push(`it has no clone operation to check (none of ${CLONE_OPERATIONS.join(', ')} is among its operations)`);
  }
  if (answer.deepCopyTools !== undefined && answer.deepCopyTools !== 'shared' && answer.deepCopyTools !== 'copied') {
    problems.push('"deepCopyTools", when given, must be "shared" or "copied"');
  }
  if (answer.fields !== undefined && (!Array.isArray(answer.fields) || answer.fields.some((field) => !MAPPABLE.includes(field)))) {
    problems.push(`"fields", when given, must be a list drawn from ${MAPPABLE.join(', ')}`);
  }
  const missing = problems.length === 0 && Array.isArray(answer.fields) ? missingMinimumFields(answer.fields as string[]) : [];
  if (missing.length > 0) problems.push(`its "fields" lack ${missing.map((field) => `"${field}"`).join(' and ')} (every profile needs at least name and tools, since ${MINIMUM_FIELDS_REASON})`);
  if (answer.accepts !== undefined && (!Array.isArray(answer.accepts) || answer.accepts.some((kind) => !DESCRIPTION_KINDS.includes(kind)))) {
    problems.push(`"accepts", when given, must be a list drawn from ${DESCRIPTION_KINDS.join(', ')}`);
  }
  // Declared value domains (hello.domains, spec/PROTOCOL.md §3) must be well formed.
  if (answer.domains !== undefined) problems.push(...validateDomains(answer.domains));
  // Declared framework fields (hello.frameworkFields, spec/PROTOCOL.md §3) must be well formed.
  if (answer.frameworkFields !== undefined) problems.push(...validateFrameworkFields(answer.frameworkFields, '"frameworkFields"'));
  if (answer.overridable !== undefined) problems.push(...validateOverridable(answer.overridable, answer.frameworkFields, '"overridable"'));
  if (problems.length > 0) {
    await process.kill();
    throw new AdapterLoadError(`The adapter process \`${options.command}\` answered the handshake, but ${problems.join('; ')}.`);
  }
  return { process, hello: answer as unknown as Hello };
}
