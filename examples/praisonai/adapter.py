"""clone-conformance adapter for PraisonAI (`praisonaiagents`, Python): the channel clone
`Agent.clone_for_channel()` and `copy.deepcopy(agent)` (the agent's own `__deepcopy__`).

    pip install praisonaiagents==1.7.0 clone-conformance
    python -m clone_conformance check examples/praisonai/adapter.py

(In this repository, the package need not be installed: `PYTHONPATH=kits/python npx
clone-conformance --command "python3 examples/praisonai/adapter.py"`.) See FINDINGS.md for what the
suite found and how it was run.

What is mapped (canonical field -> PraisonAI `Agent`):
  name, role, goal, backstory, instructions -> the constructor arguments and attributes of the same names
  llm               -> `llm=` (a model name, or the "model" of a model dict); viewed as `agent.llm`
  baseUrl, apiKey, auth -> `base_url=`, `api_key=`, `auth=`; viewed as the attributes of those names
  tools             -> `tools=`; viewed as `agent.tools`, the agent's own list
  handoffs          -> `handoffs=`; viewed as `agent.handoffs` (the constructor turns None into [])
  features          -> the 17 constructor arguments of the same names (memory=, knowledge=, ...)
  toolTimeout       -> `tool_config=ToolConfig(timeout=...)`; viewed as `agent._tool_timeout`
  parallelToolCalls -> `tool_config=ToolConfig(parallel=...)`; viewed as `agent.parallel_tool_calls`
  cliBackend        -> `cli_backend=` (a backend object; PraisonAI rejects a string id); viewed as
                       `agent._cli_backend`
Runtime state, mapped to the agent's real objects:
  interruptController -> `agent.interrupt_controller`: every agent is created with an
                         `InterruptController()` of PraisonAI's own (`interrupt_controller=`), the
                         documented way to make an agent cancellable (without one it has None)
  locks               -> "cache": the agent's re-entrant `_Agent__cache_lock` (`threading.RLock`),
                         "cost": its `_cost_lock` (`threading.Lock`), the two the docs name.

Framework fields (beyond the canonical ones, FRAMEWORK_FIELDS), each with its role:
  llm_settings (config) -> the llm settings of a model dict, `llm={"model": ..., "temperature": ...,
                       "max_tokens": ...}`; viewed as those keys of `agent._llm_init_params`
  fallback_models (config) -> `llm=LLMConfig(model=..., fallback_models=[...])`; viewed as
                       `agent.fallback_models`
  rules, message_steering, retry (config) -> the constructor arguments of those names
  approvals_lock (runtime) -> `agent._approvals_lock`
Conversation state places, with the `record_state` probe:
  chat_history -> `agent.chat_history`, recorded with `agent._append_to_chat_history(message)`
  usage        -> the counters of `agent.cost_summary` (cost, tokens in and out, llm calls),
                  recorded by counting one call under `agent._cost_lock`, as chat() does
The llm settings and usage counters are held as several values; the view shows them in a dict of
the adapter's per agent, refilled in place, holding the agent's values.

The adapter's name carries the version of praisonaiagents imported, read at run time.

Feature configs: PraisonAI keeps no one object holding an agent's features. For each feature the
view reports what the agent really holds for it: the config object itself where the constructor
keeps it (FEATURE_OBJECT: `_memory_config`, `_execution_config`, `_learn_config`, `sandbox_config`,
`_autonomy_config_obj`, the raw `context=` and `hooks=` values), otherwise the config rebuilt, with
the config's own class, from the attributes the constructor derives from it (FEATURE_REBUILT: e.g.
planning -> `planning_tools`, `planning_reasoning`, `plan_mode`), so that it compares with the
config given. PraisonAI has no "unset" feature, only defaults: a feature is reported when what the
agent holds for it differs from what an agent created without it holds (planning and reflection:
when their flag is on, FEATURE_ON). A feature given as unset (None) leaves the agent holding such a
default, which no view can tell from "not given": rejected, with that reason. So is one given as
off (False), except `context`, `hooks` (the agent keeps the argument as given) and `caching`
(`cache False` with `prompt_caching None`, which no drawn CachingConfig holds) (OFF_AS_GIVEN):
planning, reflection and the others hold their default for False, and `web` holds for False what
`WebConfig(search=False, fetch=False)` gives too, so a view cannot tell those apart.
The execution config PraisonAI copies to merge `ToolConfig(parallel=...)` into it is shown with
the config's own `parallel_tool_calls` (see `_execution_projection`): that setting is the canonical
field parallelToolCalls.
The containers (one dict per agent, one rebuilt config per agent and feature, one execution
projection per held config) belong to the adapter:
they are kept per agent and refilled in place at each view, so that two views of one agent show the
same objects; the values inside are the agent's own, never copies.

Value domains (DOMAINS, clone-conformance issue 10): what PraisonAI accepts per field and per
feature, features as the typed configs it documents (`memory=MemoryConfig(...)`), built by
`build()` from drawn plain values, handoffs as PraisonAI agents, `cliBackend` as a backend object.
Configurations PraisonAI rejects (unknown keys in a feature dict, unknown presets, an unknown
`auth` provider, `web` fetch with a non-Claude model, a string `cli_backend`, ...) raise the kit's
`Rejected` when the kit has it, so the suite discards the case; with an older kit they raise the
framework's own error.

Side effects: PraisonAI writes memory files under `./.praisonai` and reads a project config from the
working directory; the adapter runs in a temporary directory of its own (removed at exit), with
`PRAISONAI_HOME` pointing into it and telemetry disabled, so that nothing outside it is touched and
no user configuration changes the agents. No agent is ever run: nothing calls a model.

`python3 examples/praisonai/adapter.py --without-interrupt-controller` creates agents without an
interrupt controller (PraisonAI's default), to see what the deep copy does when it does not fail
on the controller's lock (see FINDINGS.md).

`python3 examples/praisonai/adapter.py --non-empty-identity` (or the environment variable
CLONE_CONFORMANCE_EXAMPLE_NONEMPTY_NAMES=1) draws non-empty identity strings and model names and
leaves out the other configurations PraisonAI does not hold as given (see NON_EMPTY_IDENTITY and
FINDINGS.md), so that agent.config-held shows what PraisonAI holds of every other configuration.
"""

import atexit
import copy
import logging
import os
import shutil
import sys
import tempfile
import warnings

sys.dont_write_bytecode = True

import clone_conformance  # noqa: E402
from clone_conformance import Adapter, OwnedLock, UNDEFINED, run  # noqa: E402

# A private working directory: PraisonAI's file memory and project config live under the cwd.
_WORKDIR = tempfile.mkdtemp(prefix="praisonai-conformance-")
atexit.register(shutil.rmtree, _WORKDIR, True)
os.chdir(_WORKDIR)
os.environ["PRAISONAI_HOME"] = os.path.join(_WORKDIR, "home")
os.environ["PRAISONAI_TELEMETRY_DISABLED"] = "true"
os.environ["DO_NOT_TRACK"] = "true"
os.environ.pop("OPENAI_MODEL_NAME", None)  # the default model would otherwise come from the environment
warnings.simplefilter("ignore", DeprecationWarning)  # llm= and cli_backend= are deprecated spellings
logging.disable(logging.WARNING)  # one "memory enabled without an explicit user_id" warning per agent

from praisonaiagents import Agent  # noqa: E402
from praisonaiagents.agent.retry_utils import RetryBackoffConfig  # noqa: E402
from praisonaiagents.config import LLMConfig  # noqa: E402
from praisonaiagents.agent.interrupt import InterruptController  # noqa: E402
from praisonaiagents.agent.autonomy import AutonomyConfig  # noqa: E402
from praisonaiagents.approval.protocols import ApprovalConfig  # noqa: E402
from praisonaiagents.config.feature_configs import (  # noqa: E402
    CachingConfig, ExecutionConfig, GuardrailConfig, HooksConfig, KnowledgeConfig, LearnConfig, MemoryConfig,
    OutputConfig, PlanningConfig, ReflectionConfig, SkillsConfig, TemplateConfig, ToolConfig, WebConfig)
from praisonaiagents.context.models import ContextConfig  # noqa: E402
from praisonaiagents.sandbox import SandboxConfig  # noqa: E402

# The kit's rejection (clone-conformance issue 10); older kits have none.
Rejected = getattr(clone_conformance, "Rejected", None)

# `--non-empty-identity` (or CLONE_CONFORMANCE_EXAMPLE_NONEMPTY_NAMES=1): identity strings and model
# names are drawn non-empty, and the other configurations PraisonAI does not hold as given are left
# out (domains below; create() rejects the rest), so that agent.config-held shows what PraisonAI
# does with every other configuration; without it, it fails first on the names it drops.
NON_EMPTY_IDENTITY = "--non-empty-identity" in sys.argv[1:] or os.environ.get("CLONE_CONFORMANCE_EXAMPLE_NONEMPTY_NAMES") == "1"
IDENTITY_STRINGS = ("name", "role", "goal", "backstory", "instructions", "llm")

FEATURE_NAMES = (
    "memory", "knowledge", "planning", "reflection", "guardrails", "web", "context", "autonomy",
    "output", "execution", "templates", "caching", "hooks", "skills", "approval", "learn", "sandbox",
)

# Features a view can tell given as off (`False`) from not given: the agent keeps the argument of
# context and hooks as given (`_context_param`, agent.py:2776; `_hooks_registry_param`, agent.py:2018),
# and caching=False holds `cache False, prompt_caching None` (agent.py:1317-1318), unlike the default
# (`cache True`) and unlike any CachingConfig drawn (its prompt_caching is True or False).
OFF_AS_GIVEN = ("context", "hooks", "caching")

# What an agent holds for each feature it keeps as an object (agent.py, the constructor): the config
# object itself (`_memory_config`, `_execution_config`, `_learn_config`, `sandbox_config`,
# `_autonomy_config_obj`) or the raw argument (`context=`, `hooks=`).
FEATURE_OBJECT = {
    "memory": "_memory_config",  # agent.py:1423
    "context": "_context_param",  # agent.py:2776
    "autonomy": "_autonomy_config_obj",  # agent.py:3814
    "execution": "_execution_config",  # agent.py:2365 (a copy when tool_config's parallel differs, agent.py:2892-2894)
    "hooks": "_hooks_registry_param",  # agent.py:2018
    "learn": "_learn_config",  # agent.py:2762
    "sandbox": "sandbox_config",
}

# The features PraisonAI unpacks into attributes of the agent and does not keep as an object: the
# view shows the config the agent holds, rebuilt with the config's class from those attributes
# (config key -> what the agent holds for it, agent.py's constructor). Keys not listed are not held
# by the agent at all, or turned into something else, and are never drawn (DOMAINS): they show the
# class default.
FEATURE_REBUILT = {
    "knowledge": ("KnowledgeConfig", {  # agent.py:1618-1645, 2660-2695
        "sources": lambda a: a._knowledge_sources,
        "retrieval_k": lambda a: getattr(a._retrieval_config, "top_k", None)}),
    "planning": ("PlanningConfig", {  # agent.py:1697-1702 (llm, auto_approve: not held)
        "tools": lambda a: a.planning_tools, "reasoning": lambda a: a.planning_reasoning,
        "read_only": lambda a: a.plan_mode}),
    "reflection": ("ReflectionConfig", {  # agent.py:1730-1736 (llm: None is held as a model, agent.py:2384)
        "min_iterations": lambda a: a.min_reflect, "max_iterations": lambda a: a.max_reflect,
        "prompt": lambda a: a.reflect_prompt}),
    "guardrails": ("GuardrailConfig", {  # agent.py:1853-1855
        "validator": lambda a: a.guardrail, "max_retries": lambda a: a.max_guardrail_retries}),
    "web": ("WebConfig", {  # agent.py:1880-1883 (max_results is not held)
        "search": lambda a: a.web_search, "fetch": lambda a: a.web_fetch}),
    "output": ("OutputConfig", {
        "verbose": lambda a: a.verbose, "markdown": lambda a: a.markdown, "stream": lambda a: a.stream,
        "metrics": lambda a: a.metrics, "reasoning_steps": lambda a: a.reasoning_steps,
        "actions_trace": lambda a: a._actions_trace, "output_file": lambda a: a._output_file,
        "template": lambda a: a._output_template, "style": lambda a: a._output_style}),
    "templates": ("TemplateConfig", {  # agent.py:2357-2359, 2368
        "system": lambda a: a.system_template, "prompt": lambda a: a.prompt_template,
        "response": lambda a: a.response_template, "use_system_prompt": lambda a: a.use_system_prompt}),
    "caching": ("CachingConfig", {  # agent.py:1314-1320
        "enabled": lambda a: a.cache, "prompt_caching": lambda a: a.prompt_caching}),
    "skills": ("SkillsConfig", {  # agent.py:1371-1375
        "paths": lambda a: a._skills, "dirs": lambda a: a._skills_dirs,
        "auto_discover": lambda a: a._skills_auto_discover}),
    "approval": ("ApprovalConfig", {  # agent.py:2555-2575
        "backend": lambda a: a._approval_backend, "all_tools": lambda a: a._approve_all_tools,
        "timeout": lambda a: a._approval_timeout, "permissions": lambda a: a._approval_permissions,
        "permission_mode": lambda a: a._permission_mode}),
}

# Features the agent turns on with a flag of its own, whatever the config holds (a PlanningConfig
# equal to the default still turns planning on): present when the flag is on.
FEATURE_ON = {
    "planning": lambda a: bool(a.planning),  # agent.py:1698-1699
    "reflection": lambda a: bool(a.self_reflect),  # agent.py:1731-1732
}


def _one_of(*values):
    return {"kind": "oneOf", "values": list(values)}


def _typed(name, keys, optional=None):
    """A typed config built from a dict of these keys: `build(name, {...})` is `Class(**dict)`."""
    shape = {"kind": "object", "keys": keys}
    if optional:
        shape["optional"] = list(optional)
    return {"kind": "built", "name": name, "from": shape}


_BOOL = {"kind": "boolean"}
_STRING = {"kind": "string"}

# What PraisonAI accepts, per field and per feature (clone-conformance value domains). Features are
# drawn as the typed config objects PraisonAI documents (`memory=MemoryConfig(...)`), each with
# keys that make it differ from the feature's default (a config equal to the default reads as
# absent, see _features); the shorthands (`True`, presets) are accepted too but turned into other
# objects by the constructor, so the agent never holds them as given.
DOMAINS = {
    "fields": {
        "name": _STRING, "role": _STRING, "goal": _STRING, "backstory": _STRING, "instructions": _STRING,
        # A model name. The other form, a dict with "model" and llm settings, is the framework
        # field llm_settings (PraisonAI keeps the name in agent.llm, the rest in _llm_init_params).
        "llm": _STRING,
        "baseUrl": _STRING,
        "apiKey": _STRING,
        # A subscription provider id needs its credentials on the machine (agent.py resolves them at
        # construction); drawing one would read the user's credential files, so only None is drawn.
        "auth": _one_of(None),
        "handoffs": {"kind": "anyOf", "of": [_one_of(None), {"kind": "list", "of": {
            "kind": "built", "name": "Agent", "from": _one_of("billing", "escalation", "triage")}, "maxLength": 3}]},
        "toolTimeout": {"kind": "number"},  # stored as given (ToolConfig does not validate it)
        "parallelToolCalls": _BOOL,
        "cliBackend": {"kind": "built", "name": "CliBackend", "from": _STRING},  # a string id is rejected
    },
    "features": {
        "memory": _typed("MemoryConfig", {"history": _BOOL, "history_limit": {"kind": "number", "integer": True, "min": 1, "max": 50}}),
        "knowledge": _typed("KnowledgeConfig", {"sources": {"kind": "list", "of": _one_of("notes.txt", "faq.md"), "maxLength": 2},
                                                "retrieval_k": {"kind": "number", "integer": True, "min": 1, "max": 10}}),
        "planning": _typed("PlanningConfig", {"reasoning": _BOOL, "read_only": _BOOL}),
        "reflection": _typed("ReflectionConfig", {"min_iterations": _one_of(1, 2), "max_iterations": _one_of(2, 4, 5)}),
        "guardrails": _typed("GuardrailConfig", {"validator": {"kind": "function"}, "max_retries": {"kind": "number", "integer": True, "min": 0, "max": 5}}),
        "web": _typed("WebConfig", {"search": _BOOL, "fetch": _one_of(False), "max_results": _one_of(3, 10)}),  # fetch needs a Claude model
        "context": {"kind": "anyOf", "of": [_one_of(False), _typed("ContextConfig", {"auto_compact": _BOOL, "compact_threshold": _one_of(0.5, 0.9)})]},
        "autonomy": _typed("AutonomyConfig", {"level": _one_of("suggest", "auto_edit"), "max_iterations": _one_of(5, 30)}),
        "output": _typed("OutputConfig", {"markdown": _one_of(True), "stream": _BOOL, "metrics": _BOOL}),  # all False is the default
        "execution": _typed("ExecutionConfig", {"max_iter": _one_of(1, 5, 7), "max_retry_limit": _one_of(0, 1, 4)}),
        "templates": _typed("TemplateConfig", {"system": _STRING, "prompt": _STRING, "use_system_prompt": _BOOL}, optional=["prompt"]),
        "caching": {"kind": "anyOf", "of": [_one_of(False), _typed("CachingConfig", {"enabled": _BOOL, "prompt_caching": _BOOL})]},
        "hooks": {"kind": "anyOf", "of": [_one_of(False), _typed("HooksConfig", {"on_step": {"kind": "function"}, "on_tool_call": {"kind": "function"}}, optional=["on_tool_call"])]},
        "skills": _typed("SkillsConfig", {"paths": {"kind": "list", "of": _one_of("skills/a", "skills/b"), "maxLength": 2}, "auto_discover": _BOOL}),
        # (all_tools=False, timeout=0) is the default the agent holds without approval (agent.py:2508-2512)
        "approval": {"kind": "anyOf", "of": [_typed("ApprovalConfig", {"all_tools": _one_of(True), "timeout": _one_of(0, 30)}),
                                             _typed("ApprovalConfig", {"all_tools": _one_of(False), "timeout": _one_of(30)})]},
        "learn": _typed("LearnConfig", {"persona": _BOOL, "insights": _BOOL}),
        "sandbox": _typed("SandboxConfig", {"sandbox_type": _one_of("subprocess"), "working_dir": _one_of("/workspace", "/tmp/work")}),
    },
}

if NON_EMPTY_IDENTITY:
    # Non-empty strings, the suite's edge strings but "" (blank, padded, both Unicode normal forms,
    # falsy-looking), drawn instead of rejecting "" so that few cases are discarded.
    for _field in IDENTITY_STRINGS:
        DOMAINS["fields"][_field] = _one_of(" ", " padded\t", "caf\u00e9", "cafe\u0301", "\u2126", "0", "false", "billing agent")
    # Also left out: what PraisonAI does not hold as given (FINDINGS.md): WebConfig's max_results (no
    # attribute holds it, agent.py:1880-1883), and search=True, which with a model lacking native web
    # search adds a DuckDuckGo tool to agent.tools (agent.py:2434-2440).
    DOMAINS["features"]["web"] = _typed("WebConfig", {"search": _one_of(False), "fetch": _one_of(False)})
    # An autonomy config without default_tools adds PraisonAI's autonomy tools to an agent given none
    # (agent.py:2306-2332); `default_tools=[]`, the documented way to choose them, adds none.
    DOMAINS["features"]["autonomy"] = _typed("AutonomyConfig", {
        "level": _one_of("suggest", "auto_edit"), "max_iterations": _one_of(5, 30), "default_tools": {"kind": "list", "of": _one_of(None), "maxLength": 0}})

# The llm settings PraisonAI takes with a model dict (`llm={"model": ..., "temperature": ...}`) and
# keeps in `_llm_init_params` for the LLM it builds (agent.py:2193-2206).
LLM_SETTINGS = ("temperature", "max_tokens")

# Fields of PraisonAI's Agent beyond the canonical ones (clone-conformance framework fields), each
# with the role that says what a clone must do with it, and the values PraisonAI takes.
FRAMEWORK_FIELDS = {
    # config: kept by every clone, deeply equal
    "llm_settings": {"role": "config", "domain": {"kind": "object", "keys": {
        "temperature": _one_of(0, 0.2, 1.5), "max_tokens": {"kind": "number", "integer": True, "min": 1, "max": 4096}},
        "optional": list(LLM_SETTINGS)}},  # {}: no settings (the model is given as a name)
    "fallback_models": {"role": "config", "domain": {
        "kind": "list", "of": _one_of("gpt-4o-mini", "anthropic/claude-3-5-sonnet"), "maxLength": 2}},  # []: none
    "rules": {"role": "config", "domain": _BOOL},  # auto-applied project rules (AGENTS.md ...), on unless False
    "message_steering": {"role": "config", "domain": _BOOL},
    "retry": {"role": "config", "domain": {"kind": "anyOf", "of": [_one_of(False), {
        "kind": "built", "name": "RetryBackoffConfig", "from": {"kind": "object", "keys": {
            "max_retries": {"kind": "number", "integer": True, "min": 0, "max": 5}}}}]}},
    # runtime: each agent its own
    "approvals_lock": "runtime",
    # conversation state: isolated, fresh in a channel clone, copied by a deep copy
    "chat_history": "state",
    "usage": "state",
}

# build(name, value) for the typed configs above: the class, called with the drawn dict.
CONFIG_CLASSES = dict((cls.__name__, cls) for cls in (
    MemoryConfig, KnowledgeConfig, PlanningConfig, ReflectionConfig, GuardrailConfig, WebConfig, ContextConfig,
    AutonomyConfig, OutputConfig, ExecutionConfig, TemplateConfig, CachingConfig, HooksConfig, SkillsConfig,
    ApprovalConfig, LearnConfig, SandboxConfig, RetryBackoffConfig))


class StubCliBackend(object):
    """A user's CLI backend object (PraisonAI takes any object with `execute` and `stream`).
    Never called: no agent is run."""

    def __init__(self, label):
        self.label = label

    def execute(self, *args, **kwargs):
        raise RuntimeError("not run by the conformance adapter")

    def stream(self, *args, **kwargs):
        raise RuntimeError("not run by the conformance adapter")


def _one_parameter(function):
    def validator(task_output):
        return function(task_output)

    validator.__name__ = validator.__qualname__ = getattr(function, "__name__", "validator")
    return validator


def _same(value, default):
    """Equal without raising (config objects compare by fields; odd values may not compare)."""
    try:
        return value is default or bool(value == default)
    except Exception:
        return False


def _rejected(error):
    """The framework's validation error as the kit's Rejected (or as itself, with an older kit)."""
    if Rejected is None:
        return error
    return Rejected("PraisonAI rejects this configuration: %s: %s" % (type(error).__name__, error))


def _installed_version():
    """The version of praisonaiagents imported, read at run time (installed, else the package's own
    `__version__`, which a source checkout has too)."""
    try:
        from importlib.metadata import version
        return version("praisonaiagents")
    except Exception:
        pass
    try:
        import praisonaiagents
        return str(praisonaiagents.__version__)
    except Exception:
        return None


class PraisonAIAdapter(Adapter):
    # The version this example was checked with (FINDINGS.md); reports name the one imported.
    name = "praisonaiagents 1.7.0 (python)"
    fields = ["name", "role", "goal", "backstory", "instructions", "llm", "baseUrl", "apiKey", "auth",
              "tools", "handoffs", "features", "toolTimeout", "parallelToolCalls", "cliBackend"]
    domains = DOMAINS
    framework_fields = FRAMEWORK_FIELDS  # roles config, runtime and "state" (chat_history, usage)
    deep_copy_tools = "copied"  # __deepcopy__ deep-copies the tools list: objects copied, functions kept

    def __init__(self):
        self._owned = {}  # id(lock) -> (lock, OwnedLock): two agents sharing a lock share its owner
        self._views = {}  # id(agent) -> (agent, features dict, {feature: derived dict}); kept alive
        self._held = {}  # id(agent) -> (agent, llm settings dict, usage dict); kept alive, refilled in place
        self._projections = {}  # id(execution config held) -> (it, the adapter's projection of it)
        self._default_features = None
        installed = _installed_version()
        if installed:
            self.name = "praisonaiagents %s (python)" % (installed,)

    # Creating and cloning
    def create(self, config):
        if NON_EMPTY_IDENTITY:
            for key in IDENTITY_STRINGS:
                if config.get(key) == "":
                    raise _rejected(ValueError("%s=\"\": left out by --non-empty-identity (PraisonAI replaces an empty "
                                               "%s with a default, agent.py:1948-1970, 2231)" % (key, key)))
            knowledge = config.get("features", {}).get("knowledge")
            if isinstance(knowledge, KnowledgeConfig) and not knowledge.sources:
                raise _rejected(ValueError("KnowledgeConfig(sources=[]): left out by --non-empty-identity (PraisonAI "
                                           "holds no sources for an empty list, agent.py:2669-2671)"))
        kwargs = {}
        for key in ("name", "role", "goal", "backstory", "instructions", "llm", "base_url", "api_key", "auth",
                    "tools", "handoffs"):
            if key in config:
                kwargs[key] = config[key]
        for feature, value in config.get("features", {}).items():
            if value is UNDEFINED or value is None or (value is False and feature not in OFF_AS_GIVEN):
                # Off or unset: the agent then holds the feature's default, or (web) the same
                # attributes a config of that feature gives, so no view can tell it.
                raise _rejected(ValueError("%s=%r: PraisonAI holds no config for a feature given as off or unset"
                                           % (feature, value)))
            kwargs[feature] = value
        tool_settings = {}
        if config.get("tool_timeout", UNDEFINED) is not UNDEFINED:
            tool_settings["timeout"] = config["tool_timeout"]
        if config.get("parallel_tool_calls", UNDEFINED) is not UNDEFINED:
            tool_settings["parallel"] = config["parallel_tool_calls"]
        if tool_settings:
            kwargs["tool_config"] = ToolConfig(**tool_settings)
        if "cli_backend" in config:
            kwargs["cli_backend"] = config["cli_backend"]
        self._framework_kwargs(config.get("framework", {}), kwargs)
        kwargs.update(self._runtime())
        try:
            return Agent(**kwargs)
        except (TypeError, ValueError) as error:  # PraisonAI's validation (AuthError is a ValueError too)
            raise _rejected(error)

    @staticmethod
    def _framework_kwargs(framework, kwargs):
        """The framework fields as PraisonAI takes them: llm settings in a model dict
        (`llm={"model": ..., "temperature": ...}`), fallback models in `LLMConfig(fallback_models=...)`
        (with a model dict, through the `fallback_models=` keyword the constructor takes for
        clone_for_channel, agent.py:866-870, since a model dict has no place for them), `rules=`,
        `message_steering=`, `retry=`."""
        model = kwargs.pop("llm", None)
        settings = framework.get("llm_settings") or {}
        fallbacks = framework.get("fallback_models") or []
        if settings:
            kwargs["llm"] = dict(settings, model=model if model is not None else Agent._get_default_model())
            if fallbacks:
                kwargs["fallback_models"] = list(fallbacks)
        elif fallbacks:
            kwargs["llm"] = LLMConfig(model=model if model is not None else Agent._get_default_model(),
                                      fallback_models=list(fallbacks))
        elif model is not None:
            kwargs["llm"] = model
        for name in ("rules", "message_steering", "retry"):
            if name in framework:
                kwargs[name] = framework[name]

    def _runtime(self):
        """Runtime objects given to a new agent: none (PraisonAI's default)."""
        return {}

    def build(self, name, value):
        """A value of a `built` domain (DOMAINS) from its drawn plain value."""
        if name in CONFIG_CLASSES:
            if name == "GuardrailConfig" and callable(value.get("validator")):
                # PraisonAI requires a validator of exactly one parameter (the task output); the
                # drawn function takes any arguments, so it is called through one that does.
                value = dict(value, validator=_one_parameter(value["validator"]))
            try:
                return CONFIG_CLASSES[name](**value)
            except (TypeError, ValueError) as error:  # the config class's own validation
                raise _rejected(error)
        if name == "Agent":
            return Agent(name=value)  # a handoff target, as users write one: no controller of its own
        if name == "CliBackend":
            return StubCliBackend(value)
        raise KeyError("no built values named %r" % (name,))

    def clone_for_channel(self, agent):
        return agent.clone_for_channel()

    def deep_copy(self, agent):
        return copy.deepcopy(agent)

    # Observing
    def view(self, agent):
        return {
            "name": agent.name, "role": agent.role, "goal": agent.goal, "backstory": agent.backstory,
            "instructions": agent.instructions, "llm": agent.llm, "base_url": agent.base_url,
            "api_key": agent.api_key, "auth": agent.auth, "tools": agent.tools, "handoffs": agent.handoffs,
            "features": self._features(agent), "tool_timeout": agent._tool_timeout,
            "parallel_tool_calls": agent.parallel_tool_calls, "cli_backend": agent._cli_backend,
            "interrupt_controller": agent.interrupt_controller, "locks": self._locks(agent),
            "framework": self._framework(agent),
        }

    def _framework(self, agent):
        """The framework fields as the agent holds them. The llm settings and the usage counters are
        held as several values (`_llm_init_params`' keys, `_total_cost` ...): shown in a dict of the
        adapter's, one per agent refilled in place, holding the agent's values (numbers)."""
        entry = self._held.get(id(agent))
        if entry is None:
            entry = self._held[id(agent)] = (agent, {}, {})
        _, settings, usage = entry
        params = getattr(agent, "_llm_init_params", None) or {}
        settings.clear()
        settings.update((key, params[key]) for key in LLM_SETTINGS if key in params)
        usage.clear()
        usage.update(cost=agent._total_cost, tokens_in=agent._total_tokens_in, tokens_out=agent._total_tokens_out,
                     llm_calls=agent._llm_call_count)  # agent.cost_summary's keys, agent.py:3224-3237
        return {
            "llm_settings": settings,
            "fallback_models": agent.fallback_models,
            # rules=False is held as _rules_enabled False; a RulesConfig as _rules_config (agent.py:2431-2432)
            "rules": agent._rules_config if agent._rules_config is not None else agent._rules_enabled,
            # True makes a MessageSteering queue of the agent's own, False None (message_steering.py:178-188)
            "message_steering": agent._message_steering is not None,
            # retry=False is held as None; None and True as RetryBackoffConfig() (agent.py:2637-2644)
            "retry": agent._retry_config if agent._retry_config is not None else False,
            "approvals_lock": agent._approvals_lock,
            "chat_history": agent.chat_history,
            "usage": usage,
        }

    def _features(self, agent):
        """What the agent holds for each feature it has. PraisonAI has no unset feature, only
        defaults: a feature whose held value is what an agent created without it holds is
        reported absent."""
        entry = self._views.get(id(agent))
        if entry is None:
            entry = self._views[id(agent)] = (agent, {}, {})
        _, features, rebuilt = entry
        defaults = self._defaults()
        features.clear()
        for feature in FEATURE_NAMES:
            value = self._held_feature(agent, feature, rebuilt)
            on = FEATURE_ON.get(feature)
            if (on(agent) if on else not _same(value, defaults[feature])):
                features[feature] = value
        return features

    def _held_feature(self, agent, feature, rebuilt):
        """What the agent holds for one feature: the object it keeps, or the config rebuilt from
        the attributes it derived (FEATURE_REBUILT), in an object of the adapter's per agent and
        feature (`rebuilt`), refilled in place."""
        if feature in FEATURE_OBJECT:
            value = getattr(agent, FEATURE_OBJECT[feature], UNDEFINED)
            if feature == "execution":
                return self._execution_projection(value)
            return value
        class_name, keys = FEATURE_REBUILT[feature]
        values = dict((key, held(agent)) for key, held in keys.items())
        if feature == "caching" and values["enabled"] is False and values["prompt_caching"] is None:
            # caching=False holds exactly this (agent.py:1317-1318); a CachingConfig drawn here always
            # has a prompt_caching of True or False, so the view can tell them apart.
            return False
        fresh = CONFIG_CLASSES[class_name](**values)
        target = rebuilt.get(feature)
        if target is None:
            target = rebuilt[feature] = fresh
        else:
            target.__dict__.clear()
            target.__dict__.update(fresh.__dict__)
        return target

    def _execution_projection(self, held):
        """The execution config as configured. PraisonAI holds one setting in two spellings: given
        `tool_config=ToolConfig(parallel=...)` and an ExecutionConfig that does not set
        `parallel_tool_calls`, the agent holds a copy of the config with `parallel_tool_calls` set
        (agent.py:1989-1994, 2857-2895); the setting is the canonical field parallelToolCalls
        (viewed as agent.parallel_tool_calls). Such a copy (its `parallel_tool_calls` True while never
        set explicitly, which only that copy holds) is shown with the config's own value, False, in
        an object of the adapter's per held config (so that agents sharing it show one object)."""
        if getattr(held, "_parallel_tool_calls_explicit", True) or not getattr(held, "parallel_tool_calls", False):
            return held
        entry = self._projections.get(id(held))
        if entry is None:
            entry = self._projections[id(held)] = (held, copy.copy(held))
        projection = entry[1]
        projection.__dict__.clear()
        projection.__dict__.update(held.__dict__)
        projection.parallel_tool_calls = False
        return projection

    def _defaults(self):
        """What an agent holds for each feature when it is given none (computed once)."""
        if self._default_features is None:
            bare = Agent(name="defaults", **self._runtime())
            self._default_features = dict((f, self._held_feature(bare, f, {})) for f in FEATURE_NAMES)
        return self._default_features

    @staticmethod
    def _locks(agent):
        return {"cache": agent._Agent__cache_lock, "cost": agent._cost_lock}

    # Probes
    def try_acquire(self, agent, lock, owner):
        return self._lock(agent, lock).try_acquire(owner)

    def release(self, agent, lock, owner):
        self._lock(agent, lock).release(owner)

    def add_tool(self, agent, tool):
        agent.tools.append(tool)  # PraisonAI has no add_tool(); users append to agent.tools

    def record_state(self, agent, place, entry):
        if place == "chat_history":
            agent._append_to_chat_history({"role": "user", "content": entry})  # as chat() does
        elif place == "usage":
            with agent._cost_lock:  # one model call counted, as chat() counts it (chat_mixin.py:1909-1914)
                agent._total_tokens_in += len(entry)
                agent._llm_call_count += 1
        else:
            raise KeyError("the agent has no state place named %r" % (place,))

    def _lock(self, agent, name):
        locks = self._locks(agent)
        if name not in locks:
            raise KeyError("the agent has no lock named %r" % (name,))
        lock = locks[name]
        if id(lock) not in self._owned:
            self._owned[id(lock)] = (lock, OwnedLock(lock))
        return self._owned[id(lock)][1]


class WithInterruptController(PraisonAIAdapter):
    """Every agent created with an interrupt controller of its own, as a cancellable agent is."""

    def _runtime(self):
        return {"interrupt_controller": InterruptController()}

    def interrupt(self, agent):
        controller = agent.interrupt_controller
        if controller is None:
            raise RuntimeError("this agent has no interrupt controller (agent.interrupt_controller is None): "
                               "it cannot be interrupted")
        controller.request("clone-conformance")

    def is_interrupted(self, agent):
        controller = agent.interrupt_controller
        return controller is not None and controller.is_set()


if __name__ == "__main__":
    run(PraisonAIAdapter() if "--without-interrupt-controller" in sys.argv[1:] else WithInterruptController())
