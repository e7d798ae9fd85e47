#!/usr/bin/env node
// Registers a TypeScript loader so that the tool and TypeScript adapters run without a build step.
// Both hooks: an adapter outside any "type": "module" package is loaded as CommonJS.
import { register as registerCjs } from 'tsx/cjs/api';
import { register as registerEsm } from 'tsx/esm/api';

registerEsm();
registerCjs();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
// Exit explicitly once output is flushed: an adapter's stray timers or hung calls must not keep
// the process alive after the verdict.
process.stdout.write('', () => process.exit(code));
