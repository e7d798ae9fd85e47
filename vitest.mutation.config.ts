import { defineConfig } from 'vitest/config';

// The conformance suite against the reference, alone: what mutation testing runs for each mutant.
export default defineConfig({ test: { include: ['test/reference.test.ts'] } });
