"""`python -m clone_conformance`: check a Python adapter with the suite of this package's version."""

import os
import subprocess
import sys

from ._version import __version__
from .suite import SuiteNotFound, find_suite, suite_arguments

USAGE = """Usage: python -m clone_conformance check ADAPTER.py [flags]
       python -m clone_conformance --version

Runs the clone-conformance suite (Node.js) on a Python adapter, with this interpreter: the same
flags and exit codes as `npx clone-conformance --command "python ADAPTER.py"` (--seed, --runs,
--only, --exclude, --reporter, --expect, --strict, ...; `npx clone-conformance --help` lists them).

The suite of version %s is found in CLONE_CONFORMANCE_CLI (a path to the CLI), in a local
install (node_modules/clone-conformance, in this folder or above), or fetched with npx.

Exit codes: 0 conformant (or failing exactly as the baseline expects), 1 an invariant failed,
2 the run could not start (adapter, flags, Node.js missing).
""" % (__version__,)


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help", "help"):
        sys.stdout.write(USAGE)
        return 0 if argv else 2
    if argv[0] in ("-v", "--version"):
        sys.stdout.write("%s\n" % (__version__,))
        return 0
    if argv[0] != "check":
        sys.stderr.write("clone_conformance: unknown command %r; the command is `check` (see --help).\n" % (argv[0],))
        return 2
    if len(argv) < 2 or argv[1].startswith("-"):
        sys.stderr.write("clone_conformance: check takes the adapter file first: python -m clone_conformance check my_adapter.py [flags]\n")
        return 2
    adapter, flags = argv[1], argv[2:]
    if not os.path.isfile(adapter):
        sys.stderr.write("clone_conformance: the adapter %s does not exist.\n" % (adapter,))
        return 2
    try:
        suite, note = find_suite()
    except SuiteNotFound as missing:
        sys.stderr.write("%s\n" % (missing,))
        return 2
    if note:
        sys.stderr.write("%s\n" % (note,))
    try:
        return subprocess.call(suite + suite_arguments(adapter, flags))
    except KeyboardInterrupt:  # the suite got the signal too, printed its report and exited 130
        return 130
