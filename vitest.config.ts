import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ when stale and installs the examples' frameworks: `npm install && npm test` is all a fresh clone needs.
    globalSetup: ['test/support/global-setup.ts'],
    // CLI end-to-end tests start Node processes; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
