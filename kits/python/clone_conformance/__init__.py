"""clone-conformance adapter kit for Python (protocol versions 1 to 5, stdlib only, Python >= 3.9).

An adapter process lets the clone-conformance suite check a Python framework's clones.
This package speaks the JSON-lines protocol (spec/PROTOCOL.md) on stdin/stdout; an adapter only
says how to create, view and clone an agent of its framework::

    from clone_conformance import Adapter, run, UNDEFINED

    class MyAdapter(Adapter):
        name = "my-framework 1.0 (python)"
        def create(self, config): return Agent(**config)
        def view(self, agent): return {**agent.settings(), "interrupt_controller": ..., "locks": {...}}
        def clone_for_channel(self, agent): return agent.clone_for_channel()
        # other clone operations, each optional: clone_with(agent, overrides), deep_copy(agent)
        # optional probes: interrupt, is_interrupted, try_acquire, release, add_tool, record_state (OwnedLock(lock)
        # keeps the owner of one of the agent's threading locks for try_acquire and release)
        # optional declarations: fields = [...] (canonical names it maps, at least name and tools),
        # deep_copy_tools = "copied", runtime_types = (MyMutex,) (runtime classes kept inside
        # configuration: compared by type only); raise Rejected("why") from create or clone_with when
        # the framework rejects a configuration: the case is discarded, not failed
        # domains = {...} (the values the framework takes), with build(name, value) for built values
        # framework_fields = {"input_guardrails": "shared-list", "memory": "state", ...}: fields beyond
        # the canonical ones, each with its role (config, shared-list, route, runtime, state)
        # overridable = ["llm"]: the fields clone_with takes, when it takes only some;
        # "framework.<name>" opts a framework field in (overrides["framework"] holds those overridden)

    if __name__ == "__main__":
        run(MyAdapter())

`create` receives a dict with snake_case keys (name, role, goal, backstory, instructions, llm,
base_url, api_key, auth, tools, handoffs, features, tool_timeout, parallel_tool_calls,
cli_backend); top-level fields the suite leaves undefined are absent. Values inside it are real
Python values: tools are functions or objects, an undefined value nested in a feature config is
the `UNDEFINED` singleton. `view` returns a dict (or any object with attributes) with the same
keys plus `interrupt_controller` and `locks` (lock name -> lock object), holding the agent's real
objects, never copies: the suite compares identities. The handshake announces exactly the probes
the subclass overrides, and at least one clone operation must be among them.

Importing the package has no side effects. Standard output is the protocol's once `run()` starts
the loop (or from the start in a process the suite launched, which it marks with the environment
variable CLONE_CONFORMANCE_ADAPTER_PROCESS=1): `print()` and anything else written to file
descriptor 1 then go to standard error, which the suite passes through to its own standard error,
each line prefixed `[adapter] `. When an adapter method
raises, its traceback travels with the error answer; `--debug` shows it with the failure.

Values are observed the way PROTOCOL.md §7 says: sets, frozensets and dicts with non-string keys
by content; Enum members, tuples and frozensets of immutables and frozen dataclasses flagged
immutable (never shared mutable state); locks, events, threads, queues, weak containers, files,
modules and generators met inside configuration flagged runtime (compared by type only).

The session keeps every object it observed alive (a token never names two objects). Every 16
answers the kit collects garbage, then freezes what survives (`gc.freeze()`), so that later
collections walk only what is new: full collections over the whole session took a fifth of an
adapter's time. While it serves, these are the only collections (`gc.disable()`): the automatic
ones walked each answer's observations several times over. An object that outlives a freeze and
later becomes unreachable in a reference cycle stays in memory until the process ends.
"""

import os as _os

from ._version import __version__
from .adapter import Adapter, Rejected
from .locks import OwnedLock
from .loop import run
from .values import JSDate, JSMap, UNDEFINED

# Internal names the project's own tests reach (kept importable from the package).
from .loop import _protocol_out, _send  # noqa: F401
from .materialise import _packed_description  # noqa: F401
from .observe import _GENERAL, _MAX_DEPTH, _Observer, _identity_kind  # noqa: F401
from .packed import _unpacked  # noqa: F401
from .session import PROTOCOL_VERSION, _Session  # noqa: F401

__all__ = ["Adapter", "run", "Rejected", "UNDEFINED", "JSDate", "JSMap", "OwnedLock", "__version__"]

if _os.environ.get("CLONE_CONFORMANCE_ADAPTER_PROCESS") == "1":
    # Started by the suite as an adapter process: stdout is the protocol's from the start, so what a
    # framework prints on import, before run(), goes to stderr too. Anywhere else, importing the
    # kit claims nothing; run() claims stdout when the protocol loop starts.
    _protocol_out()
