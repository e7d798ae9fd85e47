import { describe, expect, it } from 'vitest';
import { runMain } from './support/cli.ts';

// Every way an adapter module can be unusable: exit 2, one paragraph naming the problem, no stack trace.
const BROKEN: [file: string, message: RegExp][] = [
  ['syntax-error.ts', /^The adapter fixtures\/broken\/syntax-error\.ts could not be parsed: /],
  ['throws-on-import.ts', /^The adapter fixtures\/broken\/throws-on-import\.ts threw while loading: /],
  ['no-export.ts', /^The adapter fixtures\/broken\/no-export\.ts has no default export and no export named "adapter" \(it exports: something\)/],
  ['not-an-object.ts', /^The adapter fixtures\/broken\/not-an-object\.ts exports number as its adapter/],
  ['wrong-shape.ts', /^The adapter fixtures\/broken\/wrong-shape\.ts does not export a valid adapter: `create` must be a function \(it is string\); `view` must be a function \(it is undefined\)/],
  ['empty-name.ts', /^The adapter fixtures\/broken\/empty-name\.ts does not export a valid adapter: `name` must be a non-empty string/],
  ['no-clone.ts', /^The adapter fixtures\/broken\/no-clone\.ts has no clone operation to check: implement cloneForChannel/],
  ['bad-domains.ts', /^The adapter fixtures\/broken\/bad-domains\.ts does not export a valid adapter: domains\.fields\.llm must be a domain: an object whose "kind" is one of .*; domains\.fields names "temperature", which is not a canonical field/],
  ['view-returns-copies.ts', /^The adapter's view\(\) returns a new tools( and handoffs)? list on each call \(two views of one agent, nothing done in between, hold other list objects\)/],
  ['built-without-build.ts', /^The adapter fixtures\/broken\/built-without-build\.ts does not export a valid adapter: `domains` declares built values, so the adapter needs `build\(name, value\)`/],
  ['misspelt-probe.ts', /^The adapter fixtures\/broken\/misspelt-probe\.ts does not export a valid adapter: `isInterupted` is not a key of the adapter contract \(did you mean `isInterrupted`\?\)\./],
  ['misspelt-method-in-class.ts', /^The adapter fixtures\/broken\/misspelt-method-in-class\.ts does not export a valid adapter: `deepcopy` is not a key of the adapter contract \(did you mean `deepCopy`\?\)\./],
  ['no-module-exports.cjs', /^The adapter fixtures\/broken\/no-module-exports\.cjs has no default export and no export named "adapter"\. Export the adapter object: module\.exports = adapter\./],
];

describe('broken adapters exit 2 with a clear message', () => {
  it.each(BROKEN)('fixtures/broken/%s', async (file, message) => {
    const { code, stdout, stderr } = await runMain([`fixtures/broken/${file}`]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const text = stderr.replace(/^clone-conformance: /, '');
    expect(text).toMatch(message);
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(text).not.toMatch(/\bat .+:\d+:\d+\)?$/m);
  });

  it('a misspelt key ends the run with exit 2 (it used to pass as a missing probe, even with --strict)', async () => {
    const { code, stderr } = await runMain(['fixtures/broken/misspelt-probe.ts', '--strict']);
    expect(code).toBe(2);
    expect(stderr).toContain('did you mean `isInterrupted`?');
  });

  it('shows the stack trace when asked with --debug', async () => {
    const { stderr } = await runMain(['fixtures/broken/throws-on-import.ts', '--debug']);
    expect(stderr).toMatch(/\n\s+at /);
  });
});
