// `npm run mutation`: mutates the reference Agent in spec/ and runs the conformance suite against it
// (test/reference.test.ts, whose fast-check seeds are fixed, so test names and results are stable).
// A mutant the suite does not kill is a behaviour of the reference that no invariant pins down.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: ['spec/reference/**/*.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 100, low: 90, break: null },
};
