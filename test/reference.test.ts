import { describe, expect, it } from 'vitest';
import { referenceAdapter } from '../src/adapter/reference-adapter.ts';
import { CATALOGUE } from '../spec/invariants/catalogue.ts';
import { describeCloneConformance } from '../suites/index.ts';
import { agentInvariants } from '../suites/agent.ts';
import { configurationInvariants } from '../suites/channel/configuration.ts';
import { familyInvariants } from '../suites/channel/family.ts';
import { historyInvariants } from '../suites/channel/histories.ts';
import { deepCopyInvariants } from '../suites/deepcopy.ts';
import { overrideInvariants } from '../suites/override.ts';
import { interruptInvariants, lockInvariants, runtimeInvariants } from '../suites/channel/runtime.ts';
import { toolsInvariants, toolsIsolationInvariants } from '../suites/channel/tools.ts';

// The reference must pass every invariant, on more than one seed.
for (const seed of [1, 20261121]) describeCloneConformance(referenceAdapter, { seed });

describe('suites/', () => {
  it('registers every invariant of the catalogue exactly once', () => {
    const registered = [
      ...agentInvariants, ...configurationInvariants, ...toolsInvariants, ...toolsIsolationInvariants, ...runtimeInvariants,
      ...interruptInvariants, ...lockInvariants, ...familyInvariants, ...historyInvariants, ...overrideInvariants, ...deepCopyInvariants,
    ].map((invariant) => invariant.id);
    expect([...registered].sort()).toEqual(CATALOGUE.map((invariant) => invariant.id).sort());
  });
});
