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
view reports what the agent really holds for it (see FEATURE_HELD): the config object itself where
the constructor stores it (`_memory_config`, `_execution_config`, `_learn_config`, `sandbox_config`,
the raw `context=` and `hooks=` values), otherwise the attributes the constructor derives from it
(e.g. planning -> `planning`, `planning_tools`, `planning_reasoning`, `plan_mode`). PraisonAI has
no "unset" feature, only defaults: a feature is reported when what the agent holds for it differs
from what an agent created without it holds. A feature given as unset (None) leaves the agent
holding such a default, which no view can tell from "not given": rejected, with that reason. So is
one given as off (False), except `context` and `hooks`, whose argument the agent keeps as given
(`False`, not the default None; OFF_AS_GIVEN): planning, reflection and the others hold their
default for False, and `web` and `caching` hold for False what a config of theirs can give too
(`CachingConfig(enabled=False)`), so a view cannot tell those apart.
The containers (one dict per agent, and one per agent and derived feature) belong to the adapter:
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

FEATURE_NAMES = (
    "memory", "knowledge", "planning", "reflection", "guardrails", "web", "context", "autonomy",
    "output", "execution", "templates", "caching", "hooks", "skills", "approval", "learn", "sandbox",
)

# Features whose argument the agent keeps as given (`_context_param`, `_hooks_registry_param`), so
# that `False` (off) is held as False, and shown as such, unlike the default None.
OFF_AS_GIVEN = ("context", "hooks")

# What an agent holds for each feature (agent.py, the constructor): one attribute, reported as the
# object itself, or several attributes derived from the config, reported together.
FEATURE_HELD = {
    "memory": "_memory_config",
    "knowledge": ("_knowledge_sources", "_retrieval_config", "knowledge", "embedder_config"),
    "planning": ("planning", "planning_tools", "planning_reasoning", "plan_mode"),
    "reflection": ("self_reflect", "min_reflect", "max_reflect", "reflect_llm", "reflect_prompt"),
    "guardrails": ("guardrail", "max_guardrail_retries"),
    "web": ("web_search", "web_fetch"),
    "context": "_context_param",
    "autonomy": ("autonomy_enabled", "autonomy_config"),
    "output": ("verbose", "markdown", "stream", "metrics", "reasoning_steps", "_actions_trace",
               "_output_file", "_output_template", "_output_style"),
    "execution": "_execution_config",
    "templates": ("system_template", "prompt_template", "response_template", "use_system_prompt"),
    "caching": ("cache", "prompt_caching"),
    "hooks": "_hooks_registry_param",
    "skills": ("_skills", "_skills_dirs", "_skills_auto_discover"),
    "approval": ("_approval_backend", "_approve_all_tools", "_approval_timeout", "_approval_permissions",
                 "_perm_deny", "_permission_mode"),
    "learn": "_learn_config",
    "sandbox": "sandbox_config",
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
# absent, see FEATURE_HELD); the shorthands (`True`, presets) are accepted too but turned into other
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
        "caching": _typed("CachingConfig", {"enabled": _BOOL, "prompt_caching": _BOOL}),
        "hooks": {"kind": "anyOf", "of": [_one_of(False), _typed("HooksConfig", {"on_step": {"kind": "function"}, "on_tool_call": {"kind": "function"}}, optional=["on_tool_call"])]},
        "skills": _typed("SkillsConfig", {"paths": {"kind": "list", "of": _one_of("skills/a", "skills/b"), "maxLength": 2}, "auto_discover": _BOOL}),
        "approval": _typed("ApprovalConfig", {"all_tools": _BOOL, "timeout": _one_of(0, 30)}),
        "learn": _typed("LearnConfig", {"persona": _BOOL, "insights": _BOOL}),
        "sandbox": _typed("SandboxConfig", {"sandbox_type": _one_of("subprocess"), "working_dir": _one_of("/workspace", "/tmp/work")}),
    },
}

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
        self._default_features = None
        installed = _installed_version()
        if installed:
            self.name = "praisonaiagents %s (python)" % (installed,)

    # Creating and cloning
    def create(self, config):
        kwargs = {}
        for key in ("name", "role", "goal", "backstory", "instructions", "llm", "base_url", "api_key", "auth",
                    "tools", "handoffs"):
            if key in config:
                kwargs[key] = config[key]
        for feature, value in config.get("features", {}).items():
            if value is UNDEFINED or value is None or (value is False and feature not in OFF_AS_GIVEN):
                # Off or unset: the agent then holds the feature's default, or (web, caching) the
                # same attributes a config of that feature can give, so no view can tell it.
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
            entry = self._views[id(agent)] = (agent, {}, dict((f, {}) for f, held in FEATURE_HELD.items()
                                                               if not isinstance(held, str)))
        _, features, derived = entry
        defaults = self._defaults()
        features.clear()
        for feature in FEATURE_NAMES:
            held = FEATURE_HELD[feature]
            if isinstance(held, str):
                value = getattr(agent, held, UNDEFINED)
            else:
                value = derived[feature]
                for attribute in held:
                    value[attribute] = getattr(agent, attribute, UNDEFINED)
            if not _same(value, defaults[feature]):
                features[feature] = value
        return features

    def _defaults(self):
        """What an agent holds for each feature when it is given none (computed once)."""
        if self._default_features is None:
            bare = Agent(name="defaults", **self._runtime())
            self._default_features = dict(
                (f, getattr(bare, held, UNDEFINED) if isinstance(held, str)
                 else dict((a, getattr(bare, a, UNDEFINED)) for a in held))
                for f, held in FEATURE_HELD.items())
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
