"""The adapter base class, `Adapter`, and `Rejected`."""

from typing import Any, Dict, Optional, Sequence, Tuple


class Rejected(Exception):
    """Raise from `create` or `clone_with` when the framework rejects the configuration it was given
    (it validates it): the suite discards that case instead of failing it, and counts it."""


class Adapter(object):
    """Base class of an adapter. Override `create`, `view`, `clone_for_channel` and any probes."""

    name: Optional[str] = None  # shown in reports; defaults to the class name
    fields: Optional[Sequence[str]] = None  # field and feature names the adapter maps (snake_case or canonical camelCase); None: all
    deep_copy_tools: str = "shared"  # whether deep_copy shares tool objects ("shared") or copies them ("copied")
    # Classes of runtime objects the framework keeps inside configuration values, besides the
    # built-in ones (locks, events, threads, queues, weak containers, files, modules, generators):
    # observed by type only, never compared as configuration.
    runtime_types: Tuple[type, ...] = ()

    # The values the framework takes (PROTOCOL.md §3, hello.domains): {"fields": {name: domain},
    # "features": {name: domain}}; field names canonical (camelCase) or snake_case. A domain is a
    # dict such as {"kind": "boolean"}, {"kind": "oneOf", "values": ["strict", True]},
    # {"kind": "object", "keys": {...}, "optional": [...]}, {"kind": "list", "of": ...},
    # {"kind": "built", "name": "MemoryConfig", "from": ...}. None: the suite's usual values.
    domains: Optional[Dict[str, Any]] = None

    # Fields the framework holds beyond the canonical ones (PROTOCOL.md §3, hello.frameworkFields),
    # by name, each with its role: "config", "shared-list", "route", "runtime" or "state", or
    # {"role": ..., "domain": {...}}. `create` receives the configured ones (config, shared-list,
    # route) in config["framework"]; `view` shows every one under "framework" (a state place: its
    # content). None: no framework fields.
    framework_fields: Optional[Dict[str, Any]] = None

    # The fields clone_with takes, when it takes only some (canonical names, e.g. ["llm"] for a
    # `with_model(model)`): override cases override only these. None: every mapped field.
    # Framework fields are overridden only when named, as "framework.<name>": clone_with then
    # receives overrides["framework"] holding just the framework fields overridden.
    overridable: Optional[Sequence[str]] = None

    def create(self, config: Dict[str, Any]) -> Any:
        raise NotImplementedError("create")

    def view(self, agent: Any) -> Any:
        raise NotImplementedError("view")

    def clone_for_channel(self, agent: Any) -> Any:
        raise NotImplementedError("clone_for_channel")

    def clone_with(self, agent: Any, overrides: Dict[str, Any]) -> Any:
        """The override clone: `overrides` is a dict with snake_case keys, like `create`'s config."""
        raise NotImplementedError("clone_with")

    def deep_copy(self, agent: Any) -> Any:
        raise NotImplementedError("deep_copy")

    def interrupt(self, agent: Any) -> None:
        raise NotImplementedError("interrupt")

    def is_interrupted(self, agent: Any) -> bool:
        raise NotImplementedError("is_interrupted")

    def try_acquire(self, agent: Any, lock: str, owner: str) -> bool:
        """Take `lock` for `owner` without waiting; True when `owner` now holds it."""
        raise NotImplementedError("try_acquire")

    def release(self, agent: Any, lock: str, owner: str) -> None:
        raise NotImplementedError("release")

    def add_tool(self, agent: Any, tool: Any) -> None:
        raise NotImplementedError("add_tool")

    def record_state(self, agent: Any, place: str, entry: str) -> None:
        """Record `entry` (a string) in the agent's conversation state place `place` (a framework
        field of role "state"): append a message, store a memory entry, count a usage."""
        raise NotImplementedError("record_state")

    def build(self, name: str, value: Any) -> Any:
        """Build a value of a `built` domain (e.g. `MemoryConfig(**value)`) from its drawn plain value."""
        raise NotImplementedError("build: the adapter declares built values in `domains` but does not build them")

    def _overrides(self, method: str) -> bool:
        return getattr(type(self), method) is not getattr(Adapter, method)
