#!/usr/bin/env node
// Runs the compiled command from dist/ (built by `npm install` through `prepare`, and shipped in the
// package): no TypeScript loader at start-up. tsx is registered later, only to import a TypeScript
// adapter (src/adapter/typescript-loader.ts).

// SIGINT and SIGTERM stop the run: main() ends the adapter (its whole process group), prints the
// report so far and exits 130 or 143. A second signal exits at once, and so does one that comes
// once main() is done (while the output drains).
let interrupt;
const interrupted = new Promise((resolve) => (interrupt = resolve));
const codes = { SIGINT: 130, SIGTERM: 143 };
let received = false;
let finished = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (received || finished) process.exit(codes[signal]);
    received = true;
    interrupt(signal);
  });
}

const { main } = await import('../dist/src/cli/main.js').catch((error) => {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write('clone-conformance: dist/ is missing: build it with `npm run prepare` (npm install does it).\n');
  process.exit(2);
});
const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  interrupted,
});
finished = true;
// Exit explicitly once output is flushed: an adapter's stray timers or hung calls must not keep
// the process alive after the verdict.
process.stdout.write('', () => process.exit(code));
