"""The adapter base class, `Adapter`, and `Rejected`."""


class Rejected(Exception):
    """Raise from `create` or `clone_with` when the framework rejects the configuration it was given
    (it validates it): the suite discards that case instead of failing it, and counts it."""


class Adapter(object):
    """Base class of an adapter. Override `create`, `view`, `clone_for_channel` and any probes."""

    name = None  # shown in reports; defaults to the class name
    fields = None  # field and feature names the adapter maps (snake_case or canonical camelCase); None: all
    deep_copy_tools = "shared"  # whether deep_copy shares tool objects ("shared") or copies them ("copied")
    # Classes of runtime objects the framework keeps inside configuration values, besides the
    # built-in ones (locks, events, threads, queues, weak containers, files, modules, generators):
    # observed by type only, never compared as configuration.
    runtime_types = ()

    # The values the framework takes (PROTOCOL.md §3, hello.domains): {"fields": {name: domain},
    # "features": {name: domain}}; field names canonical (camelCase) or snake_case. A domain is a
    # dict such as {"kind": "boolean"}, {"kind": "oneOf", "values": ["strict", True]},
    # {"kind": "object", "keys": {...}, "optional": [...]}, {"kind": "list", "of": ...},
    # {"kind": "built", "name": "MemoryConfig", "from": ...}. None: the suite's usual values.
    domains = None

    def create(self, config):
        raise NotImplementedError("create")

    def view(self, agent):
        raise NotImplementedError("view")

    def clone_for_channel(self, agent):
        raise NotImplementedError("clone_for_channel")

    def clone_with(self, agent, overrides):
        """The override clone: `overrides` is a dict with snake_case keys, like `create`'s config."""
        raise NotImplementedError("clone_with")

    def deep_copy(self, agent):
        raise NotImplementedError("deep_copy")

    def interrupt(self, agent):
        raise NotImplementedError("interrupt")

    def is_interrupted(self, agent):
        raise NotImplementedError("is_interrupted")

    def try_acquire(self, agent, lock, owner):
        """Take `lock` for `owner` without waiting; True when `owner` now holds it."""
        raise NotImplementedError("try_acquire")

    def release(self, agent, lock, owner):
        raise NotImplementedError("release")

    def add_tool(self, agent, tool):
        raise NotImplementedError("add_tool")

    def build(self, name, value):
        """Build a value of a `built` domain (e.g. `MemoryConfig(**value)`) from its drawn plain value."""
        raise NotImplementedError("build: the adapter declares built values in `domains` but does not build them")

    def _overrides(self, method):
        return getattr(type(self), method) is not getattr(Adapter, method)
