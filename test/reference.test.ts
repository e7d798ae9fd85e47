import { referenceAdapter } from '../src/adapter/reference-adapter.ts';
import { describeCloneConformance } from '../suites/index.ts';

// The reference must pass every invariant, on more than one seed (test/vitest-entry.test.ts checks
// that the entry registers the whole catalogue).
for (const seed of [1, 20261121]) describeCloneConformance(referenceAdapter, { seed });
