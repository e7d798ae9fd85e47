"""clone-conformance adapter for CrewAI (`crewai`, Python): `Agent.copy()` as the channel clone and
as the deep copy, `Agent.model_copy(update=...)` as the override clone.

    pip install crewai==1.15.17 clone-conformance
    python -m clone_conformance check examples/crewai/adapter.py

(In this repository, the package need not be installed: `PYTHONPATH=kits/python npx
clone-conformance --command "python3 examples/crewai/adapter.py"`.) See FINDINGS.md for what the
suite found and how it was run.

The operations, and why each profile:
  channel clone  `agent.copy()`: the copy `Crew.kickoff_for_each` makes of every agent for every
                 input (crew.py:1113 -> crew.py:2138; kickoff_for_each_async and akickoff_for_each
                 through crews/utils.py:450), each input a run of its own: a channel clone
  deep copy      `agent.copy()` again: its docstring says "Create a deep copy of the Agent"
                 (agents/agent_builder/base_agent.py:720-721). The kit lets one adapter offer one
                 operation under two profiles, and each profile judges it by its own rules.
  override clone `agent.model_copy(update={...})`: pydantic's, which `Agent` does not override (its
                 `copy()` takes no overrides)
`python3 examples/crewai/adapter.py --deepcopy` checks Python's `copy.deepcopy(agent)` as the deep
copy instead (class DeepcopyAdapter below): a flag, not a second baseline, because it changes one
operation and the suite's other profiles do not change with it; FINDINGS.md records its results.

What is mapped (canonical field -> `crewai.Agent` field):
  name       -> role (CrewAI has no name: an agent is named by its role, e.g. in delegation tools)
  goal, backstory -> goal, backstory
  llm        -> llm: an `LLM` object (CrewAI turns a model name into one at construction, so the
                domain draws the object, with a `stop` list, built by `LLM(model=..., stop=[...])`)
  tools      -> tools: CrewAI `Tool` objects (anything else is converted into a new object)
  features   planning -> planning_config (a `PlanningConfig`), guardrails -> guardrail (a
             function), knowledge -> knowledge_config (a `KnowledgeConfig`)
Not mapped, for want of a counterpart on a CrewAI agent: role (used for name), instructions,
baseUrl, apiKey, auth (they belong to the LLM object), handoffs (delegation goes through the crew,
`allow_delegation`), toolTimeout, parallelToolCalls, cliBackend, the other 14 features. Not
mapped either: `memory`, `knowledge_sources`, `knowledge_storage` and `embedder` (they need an
embedding store CrewAI builds with lancedb/chromadb), `security_config` (its fingerprint is the
agent's identity), `a2a`, `crew`, `function_calling_llm` (deprecated), `i18n` (deprecated).

Framework fields (FRAMEWORK_FIELDS), each with its role:
  config       max_iter, max_rpm, max_retry_limit, max_execution_time, max_tokens, allow_delegation,
               verbose, cache, respect_context_window, use_system_prompt, inject_date, date_format,
               system_template, prompt_template, response_template, guardrail_max_retries,
               tool_failure_policy, step_callback
  shared-list  apps (platform apps), mcps (MCP server references and configs), callbacks
  runtime      rpm_controller (`_rpm_controller`, made when max_rpm is set), cache_handler,
               tools_handler
  state        messages (`_last_messages`, the last run's conversation), tools_results (the
               results of the tools the agent ran, read back as answers), usage (`_token_process`,
               the token counters), llm_usage (the LLM's own token counters, `llm._token_usage`: a
               private attribute, which the kit's observation of a pydantic model does not show,
               so it is a state place of its own)

Runtime state: no interrupt controller, no lock of the agent's own (its rate limiter's lock is
inside the runtime field rpm_controller); the view reports none.

Side effects: none outside a temporary working directory of the adapter's own (removed at exit),
where the XDG folders point, so that the storage folder CrewAI makes at import lands there (on
macOS and Windows it is an empty `clone-conformance` folder in the user's data folder); telemetry
and tracing off. No agent is run: nothing calls a model.
"""

import atexit
import copy
import os
import shutil
import sys
import tempfile
import warnings

sys.dont_write_bytecode = True

from clone_conformance import Adapter, Rejected, UNDEFINED, run  # noqa: E402

_WORKDIR = tempfile.mkdtemp(prefix="crewai-conformance-")
atexit.register(shutil.rmtree, _WORKDIR, True)
os.chdir(_WORKDIR)
# CrewAI makes its storage folder at import (crewai_core/paths.py:16-26, from rag/chromadb/constants.py:11),
# under the user's data folder (appdirs): on Linux and other XDG systems, inside the working directory
# instead. (macOS and Windows keep their own folders: there CrewAI makes an empty `clone-conformance`.)
for _variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
    os.environ[_variable] = os.path.join(_WORKDIR, _variable.lower())
os.environ["CREWAI_STORAGE_DIR"] = "clone-conformance"
os.environ["CREWAI_DISABLE_TELEMETRY"] = "true"
os.environ["CREWAI_DISABLE_TRACKING"] = "true"
os.environ["CREWAI_TRACING_ENABLED"] = "false"
os.environ["OTEL_SDK_DISABLED"] = "true"
warnings.simplefilter("ignore")  # deprecated fields (i18n, reasoning, ...) warn at every construction

import crewai  # noqa: E402
from crewai import LLM, Agent  # noqa: E402
from crewai.agent.planning_config import PlanningConfig  # noqa: E402
from crewai.knowledge.knowledge_config import KnowledgeConfig  # noqa: E402
from crewai.mcp.config import MCPServerStdio  # noqa: E402
from crewai.tools.base_tool import Tool  # noqa: E402

# Canonical field (snake_case, as the kit hands it over) -> Agent field.
SIMPLE = {"name": "role", "goal": "goal", "backstory": "backstory", "llm": "llm", "tools": "tools"}
FEATURES = {"planning": "planning_config", "guardrails": "guardrail", "knowledge": "knowledge_config"}


def _one_of(*values):
    return {"kind": "oneOf", "values": list(values)}


def _built(name, plain):
    return {"kind": "built", "name": name, "from": plain}


def _or_none(domain):
    return {"kind": "anyOf", "of": [_one_of(None), domain]}


_STRING = {"kind": "string"}
_BOOL = {"kind": "boolean"}


def _int(low, high):
    return {"kind": "number", "integer": True, "min": low, "max": high}


DOMAINS = {
    "fields": {
        "name": _STRING, "goal": _STRING, "backstory": _STRING,
        # An LLM object with its stop list (base_llm.py:186-189); CrewAI builds one from a name.
        "llm": _built("LLM", {"kind": "object", "keys": {
            "model": _one_of("gpt-4o", "gpt-4o-mini"),
            "stop": {"kind": "list", "of": _one_of("Observation:", "END", "###"), "maxLength": 2}}}),
        "tools": {"kind": "list", "of": _built("Tool", _one_of("search", "lookup", "weather")), "maxLength": 3},
    },
    "features": {
        "planning": _built("PlanningConfig", {"kind": "object", "keys": {
            "reasoning_effort": _one_of("low", "medium", "high"), "max_attempts": _int(1, 3)},
            "optional": ["max_attempts"]}),
        "guardrails": {"kind": "function"},
        "knowledge": _built("KnowledgeConfig", {"kind": "object", "keys": {
            "results_limit": _int(1, 10), "score_threshold": _one_of(0.3, 0.6)}}),
    },
}

# Fields of CrewAI's Agent beyond the canonical ones, each with its role and the values it takes.
FRAMEWORK_FIELDS = {
    # config (base_agent.py:277-330, agent/core.py:211-334)
    "max_iter": {"role": "config", "domain": _int(1, 50)},
    "max_rpm": {"role": "config", "domain": _or_none(_int(1, 120))},
    "max_retry_limit": {"role": "config", "domain": _int(0, 5)},
    "max_execution_time": {"role": "config", "domain": _or_none(_int(1, 600))},
    "max_tokens": {"role": "config", "domain": _or_none(_int(1, 4096))},
    "allow_delegation": {"role": "config", "domain": _BOOL},
    "verbose": {"role": "config", "domain": _BOOL},
    "cache": {"role": "config", "domain": _BOOL},
    "respect_context_window": {"role": "config", "domain": _BOOL},
    "use_system_prompt": {"role": "config", "domain": _or_none(_BOOL)},  # `bool | None`, default True
    "inject_date": {"role": "config", "domain": _BOOL},
    "date_format": {"role": "config", "domain": _one_of("%Y-%m-%d", "%d/%m/%Y")},
    "system_template": {"role": "config", "domain": _or_none(_STRING)},
    "prompt_template": {"role": "config", "domain": _or_none(_STRING)},
    "response_template": {"role": "config", "domain": _or_none(_STRING)},
    "guardrail_max_retries": {"role": "config", "domain": _int(0, 5)},
    "tool_failure_policy": {"role": "config", "domain": _one_of(None, "ignore", "warn", "raise")},
    "step_callback": {"role": "config", "domain": _or_none({"kind": "function"})},
    # shared-list: lists of references made once by the user (base_agent.py:383-385, 393-400)
    "apps": {"role": "shared-list", "domain": _or_none({"kind": "list", "maxLength": 3, "of": _one_of(
        "gmail", "slack", "notion", "gmail/send_email")})},
    "mcps": {"role": "shared-list", "domain": _or_none({"kind": "list", "maxLength": 2, "of": {"kind": "anyOf", "of": [
        _one_of("notion", "crewai-amp:notion", "https://mcp.example.com/mcp"),
        _built("MCPServerStdio", _one_of("files", "git"))]}})},
    "callbacks": {"role": "shared-list", "domain": {"kind": "list", "of": {"kind": "function"}, "maxLength": 2}},
    # runtime: objects made for the agent (base_agent.py:264, 344-350)
    "rpm_controller": "runtime",
    "cache_handler": "runtime",
    "tools_handler": "runtime",
    # conversation state
    "messages": "state",
    "tools_results": "state",
    "usage": "state",
    "llm_usage": "state",
}
CONFIGURED = [name for name, spec in FRAMEWORK_FIELDS.items() if isinstance(spec, dict)]


def _tool_function(query: str) -> str:
    """A tool's function. Never called: no agent is run."""
    raise RuntimeError("not run by the conformance adapter")


def _installed_version():
    """The version of crewai imported, read at run time: installed, else the source's `__version__`."""
    try:
        from importlib.metadata import version
        return version("crewai")
    except Exception:
        return getattr(crewai, "__version__", "unknown")


class CrewAIAdapter(Adapter):
    # The version FINDINGS.md and the baseline were made with; __init__ names the one imported.
    name = "crewai 1.15.17 (python)"
    fields = ["name", "goal", "backstory", "llm", "tools", "planning", "guardrails", "knowledge"]
    domains = DOMAINS
    framework_fields = FRAMEWORK_FIELDS  # roles config, shared-list, runtime and "state" (messages, ...)
    # model_copy(update=...) takes any field: the configured framework fields too (_crewai passes
    # overrides["framework"] in `update`), so override cases override them as well.
    overridable = fields + ["framework.%s" % name for name, field in FRAMEWORK_FIELDS.items()
                            if (field if isinstance(field, str) else field["role"]) not in ("runtime", "state")]
    deep_copy_tools = "shared"  # copy() hands the source's tool objects to the new agent

    def __init__(self):
        self.name = "crewai %s (python)" % (_installed_version(),)
        self._views = {}  # id(agent) -> (agent, features dict): the adapter's container, refilled in place

    # Creating and cloning
    def create(self, config):
        kwargs = self._crewai(config)
        return self._checked(lambda: Agent(**kwargs))

    def clone_for_channel(self, agent):
        return agent.copy()  # what kickoff_for_each makes per input (crew.py:1113, 2138)

    def clone_with(self, agent, overrides):
        update = self._crewai(overrides)
        return agent.model_copy(update=update)

    def deep_copy(self, agent):
        return agent.copy()  # "Create a deep copy of the Agent." (base_agent.py:720-721)

    def build(self, name, value):
        if name == "LLM":
            return LLM(model=value["model"], stop=list(value["stop"]))
        if name == "Tool":
            return Tool(name=value, description="%s things" % (value,), func=_tool_function)
        if name == "PlanningConfig":
            return PlanningConfig(**value)
        if name == "KnowledgeConfig":
            return KnowledgeConfig(**value)
        if name == "MCPServerStdio":  # a configuration only: CrewAI connects when it resolves tools
            return MCPServerStdio(command="mcp-server-" + value)
        raise KeyError("no built values named %r" % (name,))

    @staticmethod
    def _checked(make):
        try:
            return make()
        except (TypeError, ValueError) as error:  # pydantic's ValidationError is a ValueError
            raise Rejected("CrewAI rejects this configuration: %s: %s" % (type(error).__name__, error))

    @staticmethod
    def _crewai(fields):
        """Canonical fields (or overrides) as Agent fields."""
        crew = dict((target, fields[key]) for key, target in SIMPLE.items() if key in fields)
        features = fields.get("features")
        if features is not None:
            for target in FEATURES.values():
                crew[target] = None  # a features override replaces them all: those left out are unset
            for name, value in features.items():
                if name not in FEATURES:
                    raise ValueError("CrewAI has no counterpart for the feature %r" % (name,))
                if value is UNDEFINED or value is None:
                    raise Rejected("%s=%r: a CrewAI agent cannot hold a feature present but unset" % (name, value))
                crew[FEATURES[name]] = value
        crew.update(fields.get("framework") or {})  # framework fields: Agent fields of the same names
        # (`handoffs: None` carries nothing: handoffs are not mapped; anything else would be lost)
        unmapped = sorted(key for key in set(fields) - set(SIMPLE) - {"features", "framework"}
                          if not (key == "handoffs" and fields[key] is None))
        if unmapped:
            raise ValueError("CrewAI has no counterpart for %s" % (unmapped,))
        return crew

    # Observing
    def view(self, agent):
        framework = dict((name, getattr(agent, name)) for name in CONFIGURED)
        framework.update(
            rpm_controller=agent._rpm_controller, cache_handler=agent.cache_handler, tools_handler=agent.tools_handler,
            messages=agent._last_messages, tools_results=agent.tools_results, usage=agent._token_process,
            llm_usage=getattr(agent.llm, "_token_usage", None))
        return {"name": agent.role, "goal": agent.goal, "backstory": agent.backstory, "llm": agent.llm,
                "tools": agent.tools, "handoffs": None, "features": self._features(agent),
                "interrupt_controller": None, "locks": {}, "framework": framework}

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

    # Probes
    def add_tool(self, agent, tool):
        agent.tools.append(tool)

    def record_state(self, agent, place, entry):
        if place == "messages":  # what save_last_messages keeps after a run (agent/utils.py:247-280)
            agent._last_messages.append({"role": "user", "content": entry})
        elif place == "tools_results":  # what a tool run appends (tools/tool_usage.py:403-420)
            agent.tools_results.append({"result": entry, "tool_name": "search", "tool_args": {}})
        elif place == "usage":  # one model call counted (agents/agent_builder/utilities/base_token_process.py)
            agent._token_process.sum_prompt_tokens(len(entry))
            agent._token_process.sum_successful_requests(1)
        elif place == "llm_usage":  # one call counted by the agent's LLM (llms/base_llm.py:955-971)
            agent.llm._token_usage["prompt_tokens"] += len(entry)
            agent.llm._token_usage["total_tokens"] += len(entry)
            agent.llm._token_usage["successful_requests"] += 1
        else:
            raise KeyError("the agent has no state place named %r" % (place,))


class DeepcopyAdapter(CrewAIAdapter):
    """`--deepcopy`: Python's `copy.deepcopy(agent)` as the deep copy (pydantic's `__deepcopy__`)."""

    deep_copy_tools = "copied"  # pydantic's __deepcopy__ deep-copies the tools list and its tool objects

    def __init__(self):
        CrewAIAdapter.__init__(self)
        self.name = "crewai %s (python, copy.deepcopy)" % (_installed_version(),)

    def deep_copy(self, agent):
        return copy.deepcopy(agent)


if __name__ == "__main__":
    run(DeepcopyAdapter() if "--deepcopy" in sys.argv[1:] else CrewAIAdapter())
