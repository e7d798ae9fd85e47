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
and the other 15 features. Agno's other settings (db, memory_manager, session_state, learning,
post_hooks, tool_hooks, output_schema, ...) have no canonical counterpart here.

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

sys.dont_write_bytecode = True

import clone_conformance  # noqa: E402
from clone_conformance import Adapter, UNDEFINED, run  # noqa: E402

os.environ.setdefault("AGNO_TELEMETRY", "false")  # no usage telemetry

from agno.agent import Agent  # noqa: E402
from agno.models.utils import get_model  # noqa: E402

Rejected = getattr(clone_conformance, "Rejected", None)

# Canonical field (snake_case, as the kit hands it over) -> Agent argument.
SIMPLE = {"name": "name", "role": "role", "instructions": "instructions", "llm": "model", "tools": "tools"}
FEATURES = {"hooks": "pre_hooks", "knowledge": "knowledge"}

DOMAINS = {
    "fields": {
        "name": {"kind": "string"},
        "role": {"kind": "string"},
        "instructions": {"kind": "anyOf", "of": [{"kind": "string"}, {"kind": "list", "of": {"kind": "string"}}]},
        "llm": {"kind": "built", "name": "Model", "from": {"kind": "oneOf", "values": ["openai:gpt-4o", "openai:gpt-4o-mini"]}},
    },
    "features": {
        "hooks": {"kind": "list", "of": {"kind": "function"}, "maxLength": 3},
        "knowledge": {"kind": "built", "name": "Knowledge", "from": {"kind": "oneOf", "values": ["docs", "faq"]}},
    },
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


class AgnoAdapter(Adapter):
    name = "agno 2.9.0 (python)"
    fields = ["name", "role", "instructions", "llm", "tools", "hooks", "knowledge"]
    domains = DOMAINS
    deep_copy_tools = "copied"  # deep_copy() deep-copies each tool object (functions stay themselves)

    def __init__(self):
        self._views = {}  # id(agent) -> (agent, features dict); kept alive

    def create(self, config):
        kwargs = self._agno(config)  # (outside _checked: an unmapped field is an error, not a rejection)
        return self._checked(lambda: Agent(**kwargs))

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
        return agno

    def view(self, agent):
        return {"name": agent.name, "role": agent.role, "instructions": agent.instructions, "llm": agent.model,
                "tools": agent.tools, "features": self._features(agent), "handoffs": None,
                "interrupt_controller": None, "locks": {}}

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


if __name__ == "__main__":
    run(AgnoAdapter())
