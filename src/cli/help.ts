import { DEFAULTS } from './defaults.ts';

export const HELP = `Usage: clone-conformance [ADAPTER] [options]
       clone-conformance --command "python3 my_adapter.py" [options]
       clone-conformance spec
       clone-conformance init [--lang ts|python] [FILE]

Checks an agent framework's clone against the clone-conformance specification.
ADAPTER is a .ts, .mts, .cts, .js, .mjs or .cjs module exporting an adapter
(default export, or a named export "adapter"). Without it, the built-in
reference implementation is checked.

Commands:
  spec              print the specification (every invariant) as Markdown
  init              write a starter adapter (default: my-adapter.ts, or
                    my_adapter.py with --lang python)

Options:
  --command CMD       start CMD as an adapter process in any language, spoken
                      to over JSON lines on stdio (spec/PROTOCOL.md)
  --start-timeout MS  bound on starting the adapter: loading its module, or
                      starting its process and handshake (default ${DEFAULTS.startTimeout})
  --runs N            scenarios generated per invariant (default ${DEFAULTS.runs})
  --seed S            fast-check seed, a 32-bit integer (default: random, reported)
  --only ID[,ID]      run only these invariants (repeatable)
  --timeout MS        bound on every adapter call in milliseconds (default ${DEFAULTS.timeout})
  --reporter NAME     human (default), json, junit or github-actions; repeatable,
                      NAME:FILE writes that reporter to FILE
  --output FILE       the file for the junit reporter (or json)
  --expect FILE       known-failures baseline {"expectedFailures": [ids]}: exit 0
                      when exactly those fail, 1 on a new failure or a stale entry
  --write-expect FILE record the current failures as a starting baseline
  --strict            SHOULD failures fail the run too
  --path P            replay one failure: the fast-check path printed with it
                      (needs --seed and exactly one --only ID)
  --replay-path R     with --path, fast-check's commands replay path of a failed
                      operation sequence (printed in its replay line)
  --lang LANG         with init: ts (default) or python
  --debug             show stack traces for errors
  -h, --help          show this help
  -v, --version       show the version

Exit codes:
  0  every invariant passed, or was skipped for a missing probe, or failed as
     the baseline expects
  1  at least one invariant failed (or a baseline entry is stale)
  2  the run could not start (adapter missing or broken, bad flags or
     baseline), or no invariant ran
`;
