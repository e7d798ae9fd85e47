"""The pytest entry: one pytest test per invariant, named by its id.

    # test_conformance.py
    from clone_conformance.testing import conformance_tests

    test_clone_conformance = conformance_tests("my_adapter.py", seed=1, expect="expected-failures.json")

At collection, the suite lists the selected invariants (`--list`): each becomes a test,
`test_clone_conformance[channel.tools.new-list]`; those the baseline names are strict xfail (a
baseline entry that passes fails the run, as `--expect` does). The first test to run runs the
suite once (`--reporter json`) with this interpreter; every test then reads its invariant's result:
passed, skipped with the suite's reason, or failed with the rule, what was observed, the shrunk
counterexample and the command that replays it. What the adapter wrote on its standard error
during the run is printed with each failure (pytest shows it under "Captured stderr call").

Paths are taken relative to the test module's folder. pytest is needed only by this module.
"""

import inspect
import json
import os
import re
import shlex
import subprocess
import sys
from typing import Any, Callable, Iterable, Optional, Sequence, Union

import pytest

from .suite import SuiteNotFound, adapter_command, find_suite, suite_arguments

_LISTED = re.compile(r"^  (\S+) \[(MUST|SHOULD|MAY)\]$")
_RUNS = {}  # (adapter, flags) -> the finished run: one suite run per pytest session and selection


class _Run(object):
    def __init__(self, code, report, stderr, command):
        self.code, self.report, self.stderr, self.command = code, report, stderr, command

    def adapter_output(self):
        return "\n".join(line for line in self.stderr.splitlines() if line.startswith("[adapter] "))


def _flags(seed, runs, only, exclude, timeout, args):
    flags = []
    if seed is not None:
        flags += ["--seed", str(seed)]
    if runs is not None:
        flags += ["--runs", str(runs)]
    for option, values in (("--only", only), ("--exclude", exclude)):
        for value in [values] if isinstance(values, str) else values or ():
            flags += [option, value]
    if timeout is not None:
        flags += ["--timeout", str(timeout)]
    return flags + list(args)


def _listed(suite, adapter, flags):
    """(id, level, rule) of each selected invariant, from the suite's --list."""
    selection = []
    for index, flag in enumerate(flags[:-1]):
        if flag in ("--only", "--exclude"):
            selection += [flag, flags[index + 1]]
    listed = subprocess.run(suite + ["--list"] + selection, capture_output=True, text=True)
    if listed.returncode != 0:
        raise SuiteNotFound("clone-conformance --list failed (exit %d):\n%s" % (listed.returncode, listed.stderr.strip()))
    lines = listed.stdout.splitlines()
    found = []
    for index, line in enumerate(lines):
        match = _LISTED.match(line)
        if match:
            rule = lines[index + 1].strip() if index + 1 < len(lines) else ""
            found.append((match.group(1), match.group(2), rule))
    return found


def _baseline(path):
    if path is None:
        return frozenset()
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    return frozenset(data.get("expectedFailures", []) if isinstance(data, dict) else [])


def _run(suite, adapter, flags):
    key = (tuple(suite), adapter, tuple(flags))
    if key not in _RUNS:
        command = suite + suite_arguments(adapter, flags + ["--reporter", "json"])
        done = subprocess.run(command, capture_output=True, text=True)
        report = None
        if done.returncode in (0, 1):
            try:
                report = json.loads(done.stdout)
            except ValueError:
                report = None
        _RUNS[key] = _Run(done.returncode, report, done.stderr, command)
    return _RUNS[key]


def _replay(line, adapter):
    """The suite's replay line, as this package's command: `python -m clone_conformance check ...`."""
    prefix = "npx clone-conformance --command %s " % (shlex.quote(adapter_command(adapter)),)
    if line.startswith(prefix):
        return "python -m clone_conformance check %s %s" % (shlex.quote(adapter), line[len(prefix):])
    return line


def _failure(result, rule, level, run, adapter):
    message = result.get("message", "")
    observed, _, required = message.partition("; required ")
    lines = ["%s [%s] failed" % (result["id"], level), "Rule:      %s" % rule,
             "Observed:  %s" % re.sub(r"^observed ", "", observed)]
    if required:
        lines.append("Required:  %s" % required)
    if result.get("counterexample"):
        lines.append("Counterexample (shrunk):\n  %s" % result["counterexample"].replace("\n", "\n  "))
    if result.get("replay"):
        lines.append("Replay:    %s" % _replay(result["replay"], adapter))
    lines.append("Seed:      %s" % (run.report.get("seed"),))
    return "\n".join(lines)


def conformance_tests(adapter: str, seed: Optional[int] = None, runs: Optional[int] = None,
                      only: Union[str, Sequence[str], None] = None, exclude: Union[str, Sequence[str], None] = None,
                      expect: Optional[str] = None, timeout: Optional[int] = None,
                      args: Iterable[str] = ()) -> Callable[..., Any]:
    """A pytest test function, parametrised with one test per selected invariant (named by its id).

    `adapter`: the adapter file (a .py file runs with this interpreter); `seed`: the run's seed
    (default: random, printed with every failure); `runs`, `only`, `exclude`, `timeout`: as the
    CLI's flags; `expect`: a baseline file (its ids are strict xfail); `args`: further CLI flags.
    Relative paths are taken from the folder of the module that calls this.
    """
    caller = inspect.stack()[1].filename
    here = os.path.dirname(os.path.abspath(caller))
    adapter_path = os.path.relpath(os.path.join(here, adapter))
    baseline_path = os.path.relpath(os.path.join(here, expect)) if expect is not None else None
    flags = _flags(seed, runs, only, exclude, timeout, args)
    if baseline_path is not None:
        flags += ["--expect", baseline_path]
    try:
        suite, _ = find_suite()
        listed = _listed(suite, adapter_path, flags)
        problem = None if listed else "clone-conformance --list selected no invariant"
    except SuiteNotFound as missing:
        suite, listed, problem = None, [], str(missing)
    expected = _baseline(baseline_path)
    if problem is not None:
        params = [pytest.param(None, None, None, id="clone-conformance")]
    else:
        params = [pytest.param(invariant, level, rule, id=invariant,
                               marks=[pytest.mark.xfail(strict=True, reason="in the baseline %s" % (baseline_path,))]
                               if invariant in expected else [])
                  for invariant, level, rule in listed]

    @pytest.mark.parametrize(("invariant", "level", "rule"), params)
    def test_clone_conformance(invariant, level, rule):
        if problem is not None:
            pytest.fail(problem, pytrace=False)
        run = _run(suite, adapter_path, flags)
        if run.report is None:
            pytest.fail("clone-conformance could not run the adapter (exit %d): %s\n%s"
                        % (run.code, " ".join(shlex.quote(word) for word in run.command), run.stderr.strip()), pytrace=False)
        result = next((result for result in run.report["results"] if result["id"] == invariant), None)
        if result is None:
            pytest.fail("%s was not run (interrupted, or stopped by --bail)" % (invariant,), pytrace=False)
        if result["status"] == "skipped":
            pytest.skip(result.get("message", "skipped"))
        if result["status"] == "failed":
            output = run.adapter_output()
            if output:
                sys.stderr.write("The adapter's output during the run:\n%s\n" % (output,))
            pytest.fail(_failure(result, rule, level, run, adapter_path), pytrace=False)

    return test_clone_conformance
