"""clone-conformance adapter for Agno (`agno`, Python): `Agent.deep_copy(update=...)`, checked as
the override clone (with `update`) and as the deep copy (without).

    pip install agno==2.9.0 clone-conformance
    python -m clone_conformance check examples/agno/adapter.py

(In this repository, the package need not be installed: `PYTHONPATH=kits/python npx
clone-conformance --command "python3 examples/agno/adapter.py"`.) See FINDINGS.md for what the
suite found and how it was run. Agno has no channel clone.

What is mapped (canonical field -> `agno.agent.Agent` attribute and constructor argument):
  name, role, instructions -> name, role, instructions
  llm               -> model: a `Model` object (Agno turns a "provider:id" string into one at
                       construction, so the domain draws the object, built by `get_model()`)
  tools             -> tools (the constructor keeps `list(tools)`, a new list)
  features.hooks    -> pre_hooks (a list of callables run before the agent)
  features.knowledge -> knowledge (a knowledge object: anything with `search`)
Not mapped, because an Agno agent has no counterpart: goal, backstory (Agno's `description` is
free text of another kind), baseUrl, apiKey and auth (they belong to the `Model`), handoffs (Agno
delegates through a `Team`, not through the agent), toolTimeout, parallelToolCalls, cliBackend,
and the other 15 features. Agno's other settings (memory_manager, learning, output_schema, ...)
are not mapped; db and session_id are set by the adapter (below).

Framework fields (beyond the canonical ones, FRAMEWORK_FIELDS), each with its role:
  description, tool_choice (config) -> the constructor arguments and attributes of those names
  session_state (config) -> the default session state, copied into each new session
  dependencies, metadata (config) -> dicts, drawn from session_state's domain: one dict may be
                       given as two of them
  fallback_config (config) -> `fallback_config=FallbackConfig(on_error=[models])` (what
                       `fallback_models=[...]` becomes)
  post_hooks, tool_hooks (shared-list) -> lists of callables (post_hooks from the feature
                       hooks' domain: one list may be given as pre_hooks and post_hooks)
Conversation state place, with the `record_state` probe:
  session -> the state of the agent's stored session (`agent.get_session_state()`), recorded with
             `agent.update_session_state({entry: entry})`. Every agent is created with a database
             of its own (`InMemoryDb()`) and a session id of its own, as an agent that keeps its
             conversation is, and its session stored at once.

The adapter's name carries the version of agno imported, read at run time.

Runtime state: an Agno agent has no interrupt controller and no locks of its own (runs are
cancelled by run id through a process-wide manager), so the view reports none.

Features: Agno has no unset feature but `None`: the view reports hooks and knowledge only when the
agent has them; a feature given as unset (None) is rejected with that reason. The `features`
container is the adapter's, one dict per agent refilled in place at each view; the values are the
agent's own.

Configurations Agno rejects (an empty model string, a model that is neither a `Model` nor a
string) raise the kit's `Rejected` when the kit has it, so the suite discards the case; with an
older kit they raise Agno's own error. Nothing here runs an agent or calls a model.
"""

import os
import sys
import uuid

sys.dont_write_bytecode = True

import clone_conformance  # noqa: E402
from clone_conformance import Adapter, UNDEFINED, run  # noqa: E402

os.environ.setdefault("AGNO_TELEMETRY", "false")  # no usage telemetry

from agno.agent import Agent  # noqa: E402
from agno.agent._storage import read_or_create_session  # noqa: E402
from agno.db.in_memory import InMemoryDb  # noqa: E402
from agno.models.fallback import FallbackConfig  # noqa: E402
from agno.models.utils import get_model  # noqa: E402

Rejected = getattr(clone_conformance, "Rejected", None)

# Canonical field (snake_case, as the kit hands it over) -> Agent argument.
SIMPLE = {"name": "name", "role": "role", "instructions": "instructions", "llm": "model", "tools": "tools"}
FEATURES = {"hooks": "pre_hooks", "knowledge": "knowledge"}

# A list of hook functions: the feature `hooks` (pre_hooks) and the framework field `post_hooks`
# take the same values, so the suite draws one list given as both, as a user running the same
# hooks before and after does.
_HOOKS = {"kind": "list", "of": {"kind": "function"}, "maxLength": 3}

# A session state: what `session_state`, `dependencies` and `metadata` hold (dicts, agent.py:112,
# 350, 522-593), one domain, so the suite draws one dict given as two of them.
_STATE = {"kind": "object", "keys": {
    "cart": {"kind": "list", "of": {"kind": "oneOf", "values": ["apple", "pear"]}, "maxLength": 2},
    "plan": {"kind": "oneOf", "values": ["free", "pro"]}}, "optional": ["cart", "plan"]}

DOMAINS = {
    "fields": {
        "name": {"kind": "string"},
        "role": {"kind": "string"},
        "instructions": {"kind": "anyOf", "of": [{"kind": "string"}, {"kind": "list", "of": {"kind": "string"}}]},
        "llm": {"kind": "built", "name": "Model", "from": {"kind": "oneOf", "values": ["openai:gpt-4o", "openai:gpt-4o-mini"]}},
    },
    "features": {
        "hooks": _HOOKS,
        "knowledge": {"kind": "built", "name": "Knowledge", "from": {"kind": "oneOf", "values": ["docs", "faq"]}},
    },
}


_FUNCTIONS = {"kind": "list", "of": {"kind": "function"}, "maxLength": 2}

# Fields of Agno's Agent beyond the canonical ones (clone-conformance framework fields), each with
# the role that says what a clone must do with it, and the values Agno takes.
FRAMEWORK_FIELDS = {
    # config: kept by the override clone, an equal and separate copy in a deep copy
    "description": {"role": "config", "domain": {"kind": "string"}},
    "tool_choice": {"role": "config", "domain": {"kind": "oneOf", "values": ["auto", "none"]}},
    # the default session state, deep-copied into each new session (agent/_storage.py:319-322)
    "session_state": {"role": "config", "domain": _STATE},
    # values given to tools and the context (agent.py:537), and the agent's metadata (agent.py:593):
    # dicts a user may hand the session state itself
    "dependencies": {"role": "config", "domain": _STATE},
    "metadata": {"role": "config", "domain": _STATE},
    # fallback_models=[...] is held as FallbackConfig(on_error=[...]) (agent.py:508-515). Its models
    # are drawn as Model objects: strings in a FallbackConfig are replaced, in the user's own object,
    # by models at construction (agent/_init.py:261, models/fallback.py:47-70)
    "fallback_config": {"role": "config", "domain": {"kind": "built", "name": "FallbackConfig", "from": {
        "kind": "object", "keys": {"on_error": {"kind": "list", "of": {"kind": "built", "name": "Model", "from": {
            "kind": "oneOf", "values": ["openai:gpt-4o-mini", "openai:gpt-4.1"]}}, "maxLength": 2}}}}},
    # shared-list: a list of the agent's own holding the very hooks. post_hooks takes what the
    # feature hooks (pre_hooks) takes; tool hooks are called with other arguments, so no user hands
    # them the same list: their domain is their own
    "post_hooks": {"role": "shared-list", "domain": _HOOKS},
    "tool_hooks": {"role": "shared-list", "domain": _FUNCTIONS},
    # conversation state: the agent's stored session's state (its db, its session_id)
    "session": "state",
}


class NotesKnowledge(object):
    """A user's knowledge object (Agno takes anything with `search`). Never searched here."""

    def __init__(self, label):
        self.label = label
        self.documents = []

    def search(self, *args, **kwargs):
        return []


def _rejected(error):
    if Rejected is None:
        return error
    return Rejected("Agno rejects this configuration: %s: %s" % (type(error).__name__, error))


def _installed_version():
    """The version of agno imported, read at run time: installed, else the `version` of the
    pyproject.toml of a source checkout (agno's own `__version__` is then "0.0.0")."""
    try:
        from importlib.metadata import version
        return version("agno")
    except Exception:
        pass
    import agno
    pyproject = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(agno.__file__))), "pyproject.toml")
    try:
        with open(pyproject) as lines:
            for line in lines:
                if line.startswith("version = "):
                    return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return None


class AgnoAdapter(Adapter):
    # The version this example was checked with (FINDINGS.md); reports name the one imported.
    name = "agno 2.9.0 (python)"
    fields = ["name", "role", "instructions", "llm", "tools", "hooks", "knowledge"]
    domains = DOMAINS
    framework_fields = FRAMEWORK_FIELDS  # roles config, shared-list and "state" (session)
    # deep_copy(update=...) takes any constructor argument: the configured framework fields too
    # (_agno passes overrides["framework"] in `update`), so override cases override them as well.
    overridable = fields + ["framework.%s" % name for name, field in FRAMEWORK_FIELDS.items()
                            if (field if isinstance(field, str) else field["role"]) != "state"]
    deep_copy_tools = "copied"  # deep_copy() deep-copies each tool object (functions stay themselves)

    def __init__(self):
        self._views = {}  # id(agent) -> (agent, features dict); kept alive
        installed = _installed_version()
        if installed:
            self.name = "agno %s (python)" % (installed,)

    def create(self, config):
        kwargs = self._agno(config)  # (outside _checked: an unmapped field is an error, not a rejection)
        # An agent that keeps its conversation: a database and a session of its own, as a user
        # gives them (`Agent(db=..., session_id=...)`), the session stored at once so that its
        # state can be read and recorded before any run.
        kwargs.update(db=InMemoryDb(), session_id="conformance-%s" % (uuid.uuid4().hex,))
        agent = self._checked(lambda: Agent(**kwargs))
        agent.save_session(session=read_or_create_session(agent, session_id=agent.session_id, user_id=None))
        return agent

    def clone_with(self, agent, overrides):
        update = self._agno(overrides)
        return self._checked(lambda: agent.deep_copy(update=update))

    def deep_copy(self, agent):
        return agent.deep_copy()

    def build(self, name, value):
        if name == "Model":
            return get_model(value)
        if name == "Knowledge":
            return NotesKnowledge(value)
        if name == "FallbackConfig":
            return FallbackConfig(**value)
        raise KeyError("no built values named %r" % (name,))

    @staticmethod
    def _checked(make):
        try:
            return make()
        except (TypeError, ValueError) as error:
            raise _rejected(error)

    @staticmethod
    def _agno(fields):
        agno = dict((target, fields[key]) for key, target in SIMPLE.items() if key in fields)
        features = fields.get("features")
        if features is not None:
            for name, target in FEATURES.items():
                agno[target] = None  # a features override replaces them all: those left out are reset
            for name, value in features.items():
                if name not in FEATURES:
                    raise ValueError("Agno has no counterpart for the feature %r" % (name,))
                if value is UNDEFINED or value is None:
                    raise _rejected(ValueError("%s=%r: Agno cannot hold a feature present but unset" % (name, value)))
                agno[FEATURES[name]] = value
        agno.update(fields.get("framework") or {})  # framework fields: Agent arguments of the same names
        return agno

    def view(self, agent):
        return {"name": agent.name, "role": agent.role, "instructions": agent.instructions, "llm": agent.model,
                "tools": agent.tools, "features": self._features(agent), "handoffs": None,
                "interrupt_controller": None, "locks": {},
                "framework": {"description": agent.description, "tool_choice": agent.tool_choice,
                              "session_state": agent.session_state, "dependencies": agent.dependencies,
                              "metadata": agent.metadata, "fallback_config": agent.fallback_config,
                              "post_hooks": agent.post_hooks, "tool_hooks": agent.tool_hooks,
                              # the stored session's state (agent/_session.py:476-489)
                              "session": agent.get_session_state()}}

    def _features(self, agent):
        entry = self._views.get(id(agent))
        if entry is None:
            entry = self._views[id(agent)] = (agent, {})
        features = entry[1]
        features.clear()
        for name, attribute in FEATURES.items():
            value = getattr(agent, attribute)
            if value is not None:
                features[name] = value
        return features

    def add_tool(self, agent, tool):
        agent.tools.append(tool)

    def record_state(self, agent, place, entry):
        if place != "session":
            raise KeyError("the agent has no state place named %r" % (place,))
        agent.update_session_state({entry: entry})  # stored in its session, in its db (utils/agent.py:871-897)


if __name__ == "__main__":
    run(AgnoAdapter())
