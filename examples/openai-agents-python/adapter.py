"""clone-conformance adapter for the OpenAI Agents SDK for Python (`openai-agents`): the override
clone `Agent.clone(**overrides)` and `copy.deepcopy(agent)`.

    pip install openai-agents==0.22.0 clone-conformance
    python -m clone_conformance check examples/openai-agents-python/adapter.py

(In this repository, the package need not be installed: `PYTHONPATH=kits/python npx
clone-conformance --command "python3 examples/openai-agents-python/adapter.py"`.) See FINDINGS.md for what the
suite found and how it was run. The SDK has no channel clone.

Every field of the `agents.Agent` dataclass (agent.py:186-395 at 0.22.0) is mapped:
  canonical fields  name -> name, instructions -> instructions, llm -> model (a model name),
                    tools -> tools, handoffs -> handoffs (SDK agents and `handoff(agent)` objects, the
                    two forms its docs teach); the canonical `null` (no handoffs) is an empty list the
                    adapter makes and remembers, viewed as null again: the SDK has no "no handoffs" but
                    `[]` (its default) and rejects `handoffs=None` (agent.py:477-478)
  framework fields  (FRAMEWORK_FIELDS below, with their roles)
    shared-list     input_guardrails, output_guardrails, mcp_servers: lists of objects the user made
                    once (guardrail functions, MCP server connections the user manages, agent.py:197-206)
    config          model_settings, mcp_config, handoff_description, prompt, output_type, hooks,
                    tool_use_behavior, reset_tool_choice
The canonical `parallelToolCalls` is `model_settings.parallel_tool_calls`: it is drawn as part of
`model_settings` (a config field compared whole), not mapped on its own, since one object cannot be
both. Canonical fields with no counterpart on an SDK agent: role, goal, backstory, baseUrl, apiKey
and auth (connection settings live on the model provider), toolTimeout (per tool), cliBackend, and
the feature configs (guardrails and hooks are the framework fields above).

Conversation state: none. An SDK agent holds configuration only; a conversation lives in a
`Session` passed to each run (run.py:263) and usage in the run's `RunContextWrapper`
(run_context.py:83), so no state place is declared. Runtime state: no interrupt controller and no
locks (a run is cancelled through its `RunResultStreaming`); the view reports none.

Value domains (DOMAINS, FRAMEWORK_FIELDS): what the SDK accepts per field; handoffs, guardrails,
MCP servers, model settings and hooks built by `build()` from drawn names. MCP servers are
`MCPServerStdio` objects that are never connected (the SDK connects them only when the user calls
`connect()`). Configurations the SDK rejects (`Agent.__post_init__`) raise the kit's `Rejected`,
so the suite discards the case.

The adapter's name carries the installed version, read at run time (the class attribute names the
version FINDINGS.md was made with).

Nothing here runs an agent or calls a model: no API key is needed and none is read.
"""

import contextlib
import copy
import importlib.metadata
import os
import sys

sys.dont_write_bytecode = True

from clone_conformance import Adapter, Rejected, run  # noqa: E402

os.environ.setdefault("OPENAI_AGENTS_DISABLE_TRACING", "1")  # no trace export, even if a key is set

import agents  # noqa: E402
from agents import Agent, AgentHooks, InputGuardrail, ModelSettings, OutputGuardrail, handoff  # noqa: E402
from agents.mcp import MCPServerStdio  # noqa: E402
from openai.types.shared import Reasoning  # noqa: E402  (the SDK's own dependency: ModelSettings.reasoning)

# Canonical top-level field (snake_case, as the kit hands it over) -> Agent field.
SIMPLE = {"name": "name", "instructions": "instructions", "llm": "model", "tools": "tools"}


def installed_version():
    """The installed `openai-agents` version; a source tree on PYTHONPATH has none."""
    try:
        return importlib.metadata.version("openai-agents")
    except importlib.metadata.PackageNotFoundError:
        return "(source at %s, not installed)" % os.path.dirname(os.path.dirname(os.path.abspath(agents.__file__)))


def _one_of(*values):
    return {"kind": "oneOf", "values": list(values)}


def _names(*names):
    return {"kind": "list", "of": _one_of(*names), "maxLength": 3}


def _built(name, plain):
    return {"kind": "built", "name": name, "from": plain}


NONE = _one_of(None)

# What the SDK accepts per canonical field (clone-conformance value domains).
DOMAINS = {
    "fields": {
        "name": {"kind": "string"},
        "instructions": {"kind": "anyOf", "of": [{"kind": "string"}, {"kind": "function"}, NONE]},
        # A model name or None (a `Model` object is accepted too; none is drawn: it would be a stand-in).
        # The presets are names for which the SDK picks model-specific default settings
        # (models/default_models.py): "gpt-5.6-luna" is its default model.
        "llm": {"kind": "anyOf", "of": [{"kind": "string"}, _one_of("gpt-5.6-luna", "gpt-5", "gpt-4.1"), NONE]},
        # SDK agents, or `handoff(agent)` objects (handoffs/__init__.py:260-374), to a named agent.
        "handoffs": {"kind": "anyOf", "of": [NONE, {"kind": "list", "maxLength": 3, "of": {"kind": "anyOf", "of": [
            _built("Agent", _one_of("billing", "escalation", "triage")),
            _built("Handoff", _one_of("billing", "escalation", "triage"))]}}]},
    },
}

# The fields an SDK agent holds beyond the canonical ones, with their roles and the values drawn.
FRAMEWORK_FIELDS = {
    # Lists of objects made once by the user and meant to be shared: each agent its own list.
    "input_guardrails": {"role": "shared-list", "domain": {
        "kind": "list", "maxLength": 2, "of": _built("InputGuardrail", _one_of("relevance", "no_pii", "tone"))}},
    "output_guardrails": {"role": "shared-list", "domain": {
        "kind": "list", "maxLength": 2, "of": _built("OutputGuardrail", _one_of("no_pii", "tone"))}},
    "mcp_servers": {"role": "shared-list", "domain": {
        "kind": "list", "maxLength": 2, "of": _built("MCPServerStdio", _one_of("files", "git"))}},
    # Configuration values.
    "model_settings": {"role": "config", "domain": _built("ModelSettings", {"kind": "object", "keys": {
        "temperature": {"kind": "number", "min": 0, "max": 2},
        "parallel_tool_calls": {"kind": "boolean"},
        "max_tokens": {"kind": "number", "integer": True, "min": 1, "max": 4096},
        "verbosity": _one_of("low", "medium", "high"),
        "reasoning": _one_of("none", "low", "medium", "high"),  # built as Reasoning(effort=...)
        "tool_choice": _one_of("auto", "required", "none"),
    }, "optional": ["temperature", "parallel_tool_calls", "max_tokens", "verbosity", "reasoning", "tool_choice"]})},
    "mcp_config": {"role": "config", "domain": {"kind": "object", "keys": {
        "convert_schemas_to_strict": {"kind": "boolean"}, "include_server_in_tool_names": {"kind": "boolean"},
    }, "optional": ["convert_schemas_to_strict", "include_server_in_tool_names"]}},
    "handoff_description": {"role": "config", "domain": {"kind": "anyOf", "of": [{"kind": "string"}, NONE]}},
    "prompt": {"role": "config", "domain": {"kind": "anyOf", "of": [NONE, {"kind": "function"}, {"kind": "object", "keys": {
        "id": _one_of("pmpt_support", "pmpt_sales"), "version": _one_of("1", "2")}, "optional": ["version"]}]}},
    "output_type": {"role": "config", "domain": {"kind": "anyOf", "of": [NONE, _built("OutputType", _one_of("str", "int", "list[str]"))]}},
    "hooks": {"role": "config", "domain": {"kind": "anyOf", "of": [NONE, _built("AgentHooks", _one_of("hooks"))]}},
    "tool_use_behavior": {"role": "config", "domain": {"kind": "anyOf", "of": [
        _one_of("run_llm_again", "stop_on_first_tool"), {"kind": "function"},
        {"kind": "object", "keys": {"stop_at_tool_names": _names("search", "lookup")}}]}},
    "reset_tool_choice": {"role": "config", "domain": {"kind": "boolean"}},
}

OUTPUT_TYPES = {"str": str, "int": int, "list[str]": list[str]}


class OpenAIAgentsAdapter(Adapter):
    # The version FINDINGS.md and the baseline were made with; __init__ names the installed one.
    name = "openai-agents 0.22.0 (python)"
    fields = ["name", "instructions", "llm", "tools", "handoffs"]
    domains = DOMAINS
    framework_fields = FRAMEWORK_FIELDS
    deep_copy_tools = "copied"  # copy.deepcopy copies tool objects (functions stay themselves)
    # clone(**kwargs) takes every keyword argument the constructor takes: the framework fields too,
    # so override cases override them as well (overrides["framework"] holds those overridden).
    overridable = fields + ["framework.%s" % name for name in FRAMEWORK_FIELDS]
    # An MCP server's exit stack holds the cleanups of its live connection (`connect()` enters the
    # transport and the client session into it, mcp/server.py): state of a running server, like the
    # asyncio locks beside it, not configuration. Compared by type only.
    runtime_types = (contextlib.AsyncExitStack,)

    def __init__(self):
        self.name = "openai-agents %s (python)" % installed_version()
        self._no_handoffs = {}  # id(list) -> list: the empty lists made for a canonical null

    # Creating and cloning
    def create(self, config):
        kwargs = self._sdk(config)
        kwargs.update(config.get("framework", {}))  # the framework fields are the SDK's own keyword arguments
        return self._checked(lambda: Agent(**kwargs))

    def clone_with(self, agent, overrides):
        kwargs = self._sdk(overrides)
        kwargs.update(overrides.get("framework", {}))  # the SDK's own keyword arguments, as in create
        return self._checked(lambda: agent.clone(**kwargs))

    def deep_copy(self, agent):
        duplicate = copy.deepcopy(agent)
        if self._stands_for_null(agent.handoffs) and duplicate.handoffs == []:
            self._remember_null(duplicate.handoffs)  # the copy of "no handoffs" is "no handoffs"
        return duplicate

    def build(self, name, value):
        """A value of a `built` domain from its drawn plain value."""
        if name == "Agent":
            return Agent(name=value)
        if name == "Handoff":
            return handoff(Agent(name=value))
        if name == "InputGuardrail":
            return InputGuardrail(guardrail_function=_check, name=value)
        if name == "OutputGuardrail":
            return OutputGuardrail(guardrail_function=_check, name=value)
        if name == "MCPServerStdio":  # never connected: the SDK connects only on server.connect()
            return MCPServerStdio(params={"command": "mcp-server-" + value}, name=value)
        if name == "ModelSettings":
            settings = dict(value)
            if "reasoning" in settings:
                settings["reasoning"] = Reasoning(effort=settings["reasoning"])
            return ModelSettings(**settings)
        if name == "OutputType":
            return OUTPUT_TYPES[value]
        if name == "AgentHooks":
            return ConformanceHooks()
        raise KeyError("no built values named %r" % (name,))

    @staticmethod
    def _checked(make):
        try:
            return make()
        except TypeError as error:  # Agent.__post_init__'s validation (agent.py:432-546)
            raise Rejected("the OpenAI Agents SDK rejects this configuration: %s: %s" % (type(error).__name__, error))

    def _sdk(self, fields):
        """Canonical fields (or overrides) as Agent keyword arguments."""
        sdk = {}
        for key, target in SIMPLE.items():
            if key in fields:
                sdk[target] = fields[key]  # lists as given: `Agent(tools=my_list)` keeps my_list
        if "handoffs" in fields:
            sdk["handoffs"] = self._handoffs(fields["handoffs"])
        # (`features: {}` carries nothing: no feature is mapped; anything else would be lost)
        unmapped = sorted(key for key in set(fields) - set(SIMPLE) - {"handoffs", "framework"}
                          if not (key == "features" and fields[key] == {}))
        if unmapped:
            raise ValueError("the OpenAI Agents SDK has no counterpart for %s" % (unmapped,))
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
            "framework": {name: getattr(agent, name) for name in FRAMEWORK_FIELDS},
            "interrupt_controller": None, "locks": {},
        }

    # Probes
    def add_tool(self, agent, tool):
        agent.tools.append(tool)


class ConformanceHooks(AgentHooks):
    """Lifecycle hooks as users write them: a subclass of `AgentHooks` (every callback a no-op)."""


def _check(context, agent, user_input):
    raise RuntimeError("not run by the conformance adapter")


if __name__ == "__main__":
    run(OpenAIAgentsAdapter())
