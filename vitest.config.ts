import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ when stale and installs the examples' frameworks: `npm install && npm test` is all a fresh clone needs.
    globalSetup: ['test/support/global-setup.ts'],
    // CLI end-to-end tests start Node processes and run the whole catalogue (39 invariants since
    // conversation state); give them room on a 2-core machine shared with other work.
    testTimeout: 90_000,
    // Both cores: vitest's default (one fewer than the cores) leaves one idle on a 2-core CI
    // machine, and most of the suite is CPU-bound runs of the catalogue.
    maxWorkers: 2,
    hookTimeout: 30_000,
  },
});
