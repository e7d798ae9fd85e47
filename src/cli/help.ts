import { DEFAULTS } from './defaults.ts';

export const HELP = `Usage: clone-conformance [ADAPTER] [options]
       clone-conformance --command "python3 my_adapter.py" [options]
       clone-conformance spec
       clone-conformance init [--lang ts|js|python] [FILE]
       clone-conformance help [COMMAND]
       clone-conformance --list [--only ID] [--exclude ID]

Checks an agent framework's clones against the clone-conformance specification.
ADAPTER is a .ts, .mts, .cts, .js, .mjs or .cjs module exporting an adapter
(default export, or a named export "adapter"). Without it, the built-in
reference implementation is checked.

Commands:
  spec                 print the specification (every invariant) as Markdown
  init                 write a starter adapter (my-adapter.ts, my-adapter.mjs or my_adapter.py)
  help                 show this help (help init, help spec: theirs)

Options:
  --command CMD        check an adapter process in any language (spec/PROTOCOL.md)
  --tsconfig FILE      tsconfig of a TypeScript adapter (default: the nearest tsconfig.json)
  --start-timeout MS   bound on loading the adapter or starting its process (${DEFAULTS.startTimeout})
  --runs N             scenarios generated per invariant (${DEFAULTS.runs})
  --seed S             fast-check seed, a 32-bit integer (default: random, reported)
  --only ID[,ID]       run only these invariants (repeatable; * patterns: channel.*)
  --exclude ID[,ID]    leave these invariants out (repeatable; * patterns: *.tools.*)
  --list               print the selected invariants with their rules, run nothing
  --bail               stop at the first failed invariant
  --timeout MS         bound on every adapter call, in milliseconds (${DEFAULTS.timeout})
  --reporter NAME      human, json, junit or github-actions; repeatable; NAME:FILE to a file
  --output FILE        the file of the junit reporter (or of json)
  --expect FILE        known-failures baseline: exit 0 when exactly those fail
  --write-expect FILE  record the current failures as a starting baseline
  --strict             SHOULD failures and report warnings fail the run too
  --spec VERSION       pin to a specification version (1.0): later invariants do not gate
  --path P             replay one failure (with --seed and one --only ID, as printed)
  --replay-path R      with --path: the commands replay path of a failed sequence
  --lang LANG          with init: ts (default), js or python
  --debug              show stack traces for errors
  -h, --help           show this help
  -v, --version        show the version

Colour: on a terminal; NO_COLOR (non-empty) or TERM=dumb turns it off, FORCE_COLOR
turns it on (FORCE_COLOR=0 or false: off). Progress goes to standard error, on a
terminal only.

Exit codes:
  0    every invariant passed, was skipped for a missing probe, or failed as expected
  1    an invariant failed, or a baseline entry is stale
  2    the run could not start (adapter, flags, baseline, output file), or nothing was checked
  130  interrupted by SIGINT (Ctrl-C); 143 by SIGTERM: the report so far is printed
`;

export const SPEC_HELP = `Usage: clone-conformance spec

Prints the specification (every invariant, its level, rule, reason and probes, and the
adapter contract) as Markdown on standard output. spec/SPEC.md is this output.

Options:
  -h, --help  show this help
`;

export const INIT_HELP = `Usage: clone-conformance init [--lang ts|js|python] [FILE]

Writes a starter adapter whose every method says what it must do, then prints the
command that checks it, in the language FILE's extension says: .ts (.mts, .cts)
TypeScript; .mjs an ES module; .cjs CommonJS; .js either, as its package.json says;
.py Python. FILE defaults to my-adapter.ts (ts), my-adapter.mjs (js) or
my_adapter.py (python); an existing file is never overwritten. The Python starter
imports the Python package (pip install clone-conformance).

Options:
  --lang LANG  ts (default), js or python
  -h, --help   show this help
`;
