"""clone-conformance adapter for the OpenAI Agents SDK for Python (`openai-agents`): the override
clone `Agent.clone(**overrides)` and `copy.deepcopy(agent)`.

    pip install openai-agents==0.22.0 clone-conformance
    python -m clone_conformance check examples/openai-agents-python/adapter.py

(In this repository, the package need not be installed: `PYTHONPATH=kits/python npx
clone-conformance --command "python3 examples/openai-agents-python/adapter.py"`.) See FINDINGS.md for what the
suite found and how it was run. The SDK has no channel clone.

What is mapped (canonical field -> `agents.Agent` dataclass field):
  name              -> name
  instructions      -> instructions
  llm               -> model (a model name or a `Model` object)
  tools             -> tools
  handoffs          -> handoffs; the canonical `null` (no handoffs) is an empty list the adapter
                       makes and remembers, viewed as null again: the SDK has no "no handoffs" but
                       `[]` (its default) and rejects `handoffs=None`
  parallelToolCalls -> model_settings.parallel_tool_calls (creating: `ModelSettings(parallel_tool_calls=...)`;
                       overriding: `dataclasses.replace(agent.model_settings, parallel_tool_calls=...)`,
                       since `clone()` replaces `model_settings` as a whole)
  features.guardrails -> input_guardrails and output_guardrails: the value is a dict
                       {"input": [...], "output": [...]} of the two lists, viewed as such a dict
                       holding the agent's own two lists
  features.hooks    -> hooks (an `AgentHooks` object)
Not mapped, because an SDK agent has no counterpart: role, goal, backstory, baseUrl, apiKey and
auth (connection settings live on the model provider, not the agent), toolTimeout (per tool),
cliBackend, and the other 15 features. SDK fields with no canonical counterpart (not checked):
handoff_description, mcp_servers, mcp_config, prompt, output_type, tool_use_behavior,
reset_tool_choice and the rest of model_settings.

Runtime state: an SDK agent has no interrupt controller and no locks (a run is cancelled through
its `RunResultStreaming`, not through the agent), so the view reports none.

The SDK has no notion of a feature present but unset: no hooks is `None`, no guardrails two empty
lists. The view reports a feature only when the agent has it (hooks set, a guardrail in either
list), a feature given as unset (None) is rejected with that reason, and overriding `features` sets
both (those left out of the override are reset). The
containers of the `features` view (one dict per agent, and one per agent for the two guardrail
lists) belong to the adapter: kept per agent and refilled in place at each view, so that two views
of one agent show the same objects; the values inside are the agent's own.

Value domains (DOMAINS, clone-conformance issue 10): what the SDK accepts per field, handoffs built
as SDK agents, guardrails and hooks built by `build()` from drawn names. Configurations the SDK
rejects (a model that is neither a string nor a `Model`, hooks that are not
`AgentHooks`, guardrails that are not lists, ...: `Agent.__post_init__`) raise the kit's
`Rejected` when the kit has it, so the suite discards the case; with an older kit they raise the
SDK's own `TypeError`.

Nothing here runs an agent or calls a model: no API key is needed and none is read.
"""

import copy
import dataclasses
import os
import sys

sys.dont_write_bytecode = True

import clone_conformance  # noqa: E402
from clone_conformance import Adapter, UNDEFINED, run  # noqa: E402

os.environ.setdefault("OPENAI_AGENTS_DISABLE_TRACING", "1")  # no trace export, even if a key is set

from agents import Agent, AgentHooks, InputGuardrail, ModelSettings, OutputGuardrail  # noqa: E402

# The kit's rejection (clone-conformance issue 10); older kits have none.
Rejected = getattr(clone_conformance, "Rejected", None)

# Canonical top-level field (snake_case, as the kit hands it over) -> Agent field.
SIMPLE = {"name": "name", "instructions": "instructions", "llm": "model", "tools": "tools"}


def _rejected(error):
    if Rejected is None:
        return error
    return Rejected("the OpenAI Agents SDK rejects this configuration: %s: %s" % (type(error).__name__, error))


_GUARDRAIL_NAMES = {"kind": "list", "of": {"kind": "oneOf", "values": ["relevance", "no_pii", "tone"]}, "maxLength": 2}

# What the SDK accepts, per field and per feature (clone-conformance value domains).
DOMAINS = {
    "fields": {
        "name": {"kind": "string"},
        "instructions": {"kind": "anyOf", "of": [{"kind": "string"}, {"kind": "function"}, {"kind": "oneOf", "values": [None]}]},
        # A model name or None (a `Model` object is accepted too; none is drawn: it would be a stand-in).
        "llm": {"kind": "anyOf", "of": [{"kind": "string"}, {"kind": "oneOf", "values": [None]}]},
        "handoffs": {"kind": "anyOf", "of": [{"kind": "oneOf", "values": [None]}, {"kind": "list", "maxLength": 3, "of": {
            "kind": "built", "name": "Agent", "from": {"kind": "oneOf", "values": ["billing", "escalation", "triage"]}}}]},
        "parallelToolCalls": {"kind": "anyOf", "of": [{"kind": "boolean"}, {"kind": "oneOf", "values": [None]}]},
    },
    "features": {
        # Built as {"input": [...], "output": [...]} of guardrails with these names; build() puts a
        # "relevance" input guardrail first, since two empty lists are no guardrails at all.
        "guardrails": {"kind": "built", "name": "Guardrails", "from": {"kind": "object", "keys": {
            "input": _GUARDRAIL_NAMES, "output": _GUARDRAIL_NAMES}}},
        "hooks": {"kind": "built", "name": "AgentHooks", "from": {"kind": "oneOf", "values": ["hooks"]}},
    },
}


class OpenAIAgentsAdapter(Adapter):
    name = "openai-agents 0.22.0 (python)"
    fields = ["name", "instructions", "llm", "tools", "handoffs", "parallelToolCalls", "guardrails", "hooks"]
    domains = DOMAINS
    deep_copy_tools = "copied"  # copy.deepcopy copies tool objects (functions stay themselves)

    def __init__(self):
        self._no_handoffs = {}  # id(list) -> list: the empty lists made for a canonical null
        self._views = {}  # id(agent) -> (agent, features dict, guardrails dict); kept alive

    # Creating and cloning
    def create(self, config):
        kwargs = self._sdk(config, None)  # (outside _checked: an unmapped field is an error, not a rejection)
        return self._checked(lambda: Agent(**kwargs))

    def clone_with(self, agent, overrides):
        kwargs = self._sdk(overrides, agent)
        return self._checked(lambda: agent.clone(**kwargs))

    def deep_copy(self, agent):
        duplicate = copy.deepcopy(agent)
        if self._stands_for_null(agent.handoffs) and duplicate.handoffs == []:
            self._remember_null(duplicate.handoffs)  # the copy of "no handoffs" is "no handoffs"
        return duplicate

    def build(self, name, value):
        """A value of a `built` domain (DOMAINS) from its drawn plain value."""
        if name == "Guardrails":  # value: {"input": [names], "output": [names]}
            return {"input": [InputGuardrail(guardrail_function=_check, name=n) for n in ["relevance"] + list(value["input"])],
                    "output": [OutputGuardrail(guardrail_function=_check, name=n) for n in value["output"]]}
        if name == "AgentHooks":
            return ConformanceHooks()
        if name == "Agent":
            return Agent(name=value)
        raise KeyError("no built values named %r" % (name,))

    @staticmethod
    def _checked(make):
        try:
            return make()
        except TypeError as error:  # Agent.__post_init__'s validation
            raise _rejected(error)

    def _sdk(self, fields, current):
        """Canonical fields (or overrides) as Agent keyword arguments."""
        sdk = {}
        for key, target in SIMPLE.items():
            if key in fields:
                sdk[target] = fields[key]  # lists as given: `Agent(tools=my_list)` keeps my_list
        if "handoffs" in fields:
            sdk["handoffs"] = self._handoffs(fields["handoffs"])
        if "parallel_tool_calls" in fields:  # (the kit leaves out top-level fields left undefined)
            value = fields["parallel_tool_calls"]
            sdk["model_settings"] = (dataclasses.replace(current.model_settings, parallel_tool_calls=value)
                                     if current is not None else ModelSettings(parallel_tool_calls=value))
        if "features" in fields:  # a features override replaces them all: those left out are reset
            sdk.update(input_guardrails=[], output_guardrails=[], hooks=None)
        features = fields.get("features", {})
        for name, value in features.items():
            if name not in ("guardrails", "hooks"):
                raise ValueError("the OpenAI Agents SDK has no counterpart for the feature %r" % (name,))
            if value is UNDEFINED or value is None:
                # The SDK's "no hooks" / "no guardrails" is also what an agent not given them holds:
                # a feature present but unset has no counterpart, so no view could show it.
                raise _rejected(ValueError("%s=%r: the SDK cannot hold a feature present but unset" % (name, value)))
            if name == "hooks":
                sdk["hooks"] = value
            elif (isinstance(value, dict) and set(value) <= {"input", "output"} and any(value.values())
                  and all(isinstance(v, list) for v in value.values())):
                sdk["input_guardrails"] = value.get("input", [])
                sdk["output_guardrails"] = value.get("output", [])
            else:
                raise _rejected(TypeError("guardrails must be {'input': [...], 'output': [...]}, two lists not both "
                                          "empty (empty is no guardrails), got %r" % (value,)))
        return sdk

    def _handoffs(self, handoffs):
        if handoffs is not None:
            return handoffs
        return self._remember_null([])

    def _remember_null(self, empty):
        self._no_handoffs[id(empty)] = empty
        return empty

    def _stands_for_null(self, handoffs):
        return self._no_handoffs.get(id(handoffs)) is handoffs

    # Observing
    def view(self, agent):
        handoffs = agent.handoffs
        return {
            "name": agent.name, "instructions": agent.instructions, "llm": agent.model, "tools": agent.tools,
            "handoffs": None if self._stands_for_null(handoffs) else handoffs,
            "parallel_tool_calls": agent.model_settings.parallel_tool_calls,
            "features": self._features(agent),
            "interrupt_controller": None, "locks": {},
        }

    def _features(self, agent):
        """The features the agent has: the SDK has no unset feature but its default (no hooks, no
        guardrails), so a feature at its default is reported absent."""
        entry = self._views.get(id(agent))
        if entry is None:
            entry = self._views[id(agent)] = (agent, {}, {})
        _, features, guardrails = entry
        guardrails["input"] = agent.input_guardrails
        guardrails["output"] = agent.output_guardrails
        features.clear()
        if agent.input_guardrails or agent.output_guardrails:
            features["guardrails"] = guardrails
        if agent.hooks is not None:
            features["hooks"] = agent.hooks
        return features

    # Probes
    def add_tool(self, agent, tool):
        agent.tools.append(tool)


class ConformanceHooks(AgentHooks):
    """Lifecycle hooks as users write them: a subclass of `AgentHooks` (every callback a no-op)."""


def _check(context, agent, user_input):
    raise RuntimeError("not run by the conformance adapter")


if __name__ == "__main__":
    run(OpenAIAgentsAdapter())
