/**
 * The conformance suite as vitest tests: one test per invariant, named by its id, for one adapter.
 * Files that need an operation or optional probes are registered only when the adapter has them.
 */
import { describe } from 'vitest';
import type { CloneAdapter } from '../src/adapter/contract.ts';
import { validateAdapter } from '../src/adapter/load.ts';
import { inProcessSubject } from '../src/transports/in-process.ts';
import type { Subject } from '../spec/model/subject.ts';
import { agentTests } from './agent.ts';
import { configurationTests } from './channel/configuration.ts';
import { familyTests } from './channel/family.ts';
import { historyTests } from './channel/histories.ts';
import { interruptTests, lockTests, runtimeTests } from './channel/runtime.ts';
import { toolsIsolationTests, toolsTests } from './channel/tools.ts';
import { deepCopyTests } from './deepcopy.ts';
import { overrideTests } from './override.ts';
import type { SuiteOptions } from './trait.ts';

export type { SuiteOptions } from './trait.ts';

export interface CloneConformanceOptions extends SuiteOptions {
  /** Bound on every adapter call, in milliseconds (default 2000). */
  readonly timeout?: number;
}

export function describeCloneConformance(adapter: CloneAdapter, options: CloneConformanceOptions): void {
  validateAdapter(adapter, `The adapter "${adapter.name}"`);
  const has = (...probes: (keyof CloneAdapter)[]) => probes.every((probe) => typeof adapter[probe] === 'function');
  let current: Subject | undefined;
  const subject = () => (current ??= inProcessSubject(adapter, { timeout: options.timeout ?? 2000 }));

  describe(`clone-conformance: ${adapter.name}`, () => {
    describe('configured agent', () => agentTests(subject, options));
    if (has('cloneWith')) describe('override clone', () => overrideTests(subject, options));
    if (has('deepCopy')) describe('deep copy', () => deepCopyTests(subject, options));
    if (!has('cloneForChannel')) return;
    describe('channel clone', () => {
      configurationTests(subject, options);
      toolsTests(subject, options);
      if (has('addTool')) toolsIsolationTests(subject, options);
      runtimeTests(subject, options);
      if (has('interrupt', 'isInterrupted')) interruptTests(subject, options);
      if (has('tryAcquire', 'release')) lockTests(subject, options);
      familyTests(subject, options);
      historyTests(subject, options);
    });
  });
}
