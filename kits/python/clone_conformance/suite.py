"""Finding the Node suite of this package's version, and running it on a Python adapter.

The checks themselves live in the npm package `clone-conformance` (TypeScript, Node.js 20.19+).
The Python package runs the suite of its own version, found in this order: the file or command the
environment variable CLONE_CONFORMANCE_CLI names; a local install (node_modules/clone-conformance,
or a checkout of the repository) in the working directory or above it; `npx clone-conformance@VERSION`.
"""

import json
import os
import shlex
import shutil
import subprocess
import sys

from ._version import __version__

NODE_MISSING = (
    "clone-conformance: the suite runs on Node.js (20.19 or later), and no `node` is on PATH.\n"
    "Install Node.js (https://nodejs.org, or your system's package, e.g. `apt-get install nodejs`),\n"
    "then run again: the suite of this version (clone-conformance@%s) is fetched by npx, or\n"
    "installed with `npm install --save-dev clone-conformance@%s`." % (__version__, __version__)
)


class SuiteNotFound(Exception):
    """No way to run the Node suite: the message says what to install."""


def _node_command(path):
    """How to run a bin file: a JavaScript file through node, anything else as it is."""
    if path.endswith((".mjs", ".js", ".cjs")):
        node = shutil.which("node")
        if node is None:
            raise SuiteNotFound(NODE_MISSING)
        return [node, path]
    return [path]


def _installed_version(root):
    try:
        with open(os.path.join(root, "package.json"), encoding="utf-8") as handle:
            manifest = json.load(handle)
    except (OSError, ValueError):
        return None
    return manifest.get("version") if manifest.get("name") == "clone-conformance" else None


def _local_installs(start):
    """Folders holding the npm package, nearest first: node_modules/clone-conformance, or the
    repository itself (a checkout), in `start` and every folder above it."""
    folder = os.path.abspath(start)
    while True:
        for root in (os.path.join(folder, "node_modules", "clone-conformance"), folder):
            if os.path.isfile(os.path.join(root, "bin", "clone-conformance.mjs")) and _installed_version(root) is not None:
                yield root
        parent = os.path.dirname(folder)
        if parent == folder:
            return
        folder = parent


def find_suite(cwd=None, env=None):
    """The command (a list of words) that runs the clone-conformance CLI of this package's version,
    and a note on what was passed over (or None). Raises SuiteNotFound."""
    env = os.environ if env is None else env
    named = env.get("CLONE_CONFORMANCE_CLI")
    if named:
        if shutil.which(named) is None and not os.path.isfile(named):
            raise SuiteNotFound("clone-conformance: CLONE_CONFORMANCE_CLI names %s, which does not exist." % (named,))
        return (_node_command(named) if os.path.isfile(named) else shlex.split(named)), None
    passed_over = []
    for root in _local_installs(cwd or os.getcwd()):
        version = _installed_version(root)
        if version == __version__:
            return _node_command(os.path.join(root, "bin", "clone-conformance.mjs")), None
        passed_over.append("%s (version %s)" % (root, version))
    note = None
    if passed_over:
        note = "clone-conformance: passed over %s: this Python package is version %s." % (", ".join(passed_over), __version__)
    if shutil.which("node") is None:
        raise SuiteNotFound("\n".join(filter(None, [note, NODE_MISSING])))
    npx = shutil.which("npx")
    if npx is None:
        raise SuiteNotFound("clone-conformance: node is installed but npx is not: install npm (it comes with Node.js), "
                            "or `npm install --save-dev clone-conformance@%s` and run again." % (__version__,))
    return [npx, "--yes", "clone-conformance@%s" % (__version__,)], note


def adapter_command(adapter, python=None):
    """The shell command that starts a Python adapter file with this interpreter (the one that
    has this package installed)."""
    words = [python or sys.executable, adapter]
    if os.name == "nt":
        return subprocess.list2cmdline(words)
    return " ".join(shlex.quote(word) for word in words)


def suite_arguments(adapter, flags=()):
    """The CLI's arguments for checking `adapter`: a .py file runs as an adapter process with this
    interpreter; anything else (a .ts or .js module) is given to the CLI as it is."""
    if adapter.endswith(".py"):
        return ["--command", adapter_command(adapter)] + list(flags)
    return [adapter] + list(flags)
