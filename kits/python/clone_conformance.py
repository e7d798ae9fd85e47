"""clone-conformance adapter kit for Python (protocol versions 1 to 3, stdlib only, Python >= 3.9).

An adapter process lets the clone-conformance suite check a Python framework's clones.
This module speaks the JSON-lines protocol (spec/PROTOCOL.md) on stdin/stdout; an adapter only
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

Importing this module reserves the process's standard output for protocol messages: `print()`
and anything else written to file descriptor 1 go to standard error instead, which the suite
passes through to its own standard error, each line prefixed `[adapter] `. When an adapter method
raises, its traceback travels with the error answer; `--debug` shows it with the failure.

Values are observed the way PROTOCOL.md §7 says: sets, frozensets and dicts with non-string keys
by content; Enum members, tuples and frozensets of immutables and frozen dataclasses flagged
immutable (never shared mutable state); locks, events, threads, queues, weak containers, files,
modules and generators met inside configuration flagged runtime (compared by type only).

The session keeps every object it observed alive (a token never names two objects). Every 16
answers the kit collects garbage, then freezes what survives (`gc.freeze()`), so that later
collections walk only what is new: full collections over the whole session took a fifth of an
adapter's time. An object that outlives a freeze and later becomes unreachable in a reference cycle
stays in memory until the process ends.
"""

import enum
import functools
import gc
import io
import json
import math
import os
import queue
import sys
import threading
import types
import weakref
from datetime import date, datetime, time as time_of_day, timedelta, timezone, tzinfo

__all__ = ["Adapter", "run", "Rejected", "UNDEFINED", "JSDate", "JSMap", "OwnedLock"]

PROTOCOL_VERSION = 3  # the highest version this kit speaks; 2 adds batches, 3 requests in flight
_PROTOCOLS = (1, 2, 3)


def _claim_stdout():
    """Keep a private handle on the real stdout; point fd 1 and sys.stdout at stderr."""
    try:
        sys.stdout.flush()
        out = os.fdopen(os.dup(1), "w", buffering=1 << 18, encoding="utf-8", newline="\n")  # answers are written out whole
        os.dup2(2, 1)  # also catches C extensions and child processes writing to fd 1
    except (OSError, ValueError, AttributeError):
        out = sys.stdout
    sys.stdout = sys.stderr
    return out


_PROTOCOL_OUT = _claim_stdout()


class OwnedLock(object):
    """Owner bookkeeping around one of an agent's threading locks, for the try_acquire and release
    probes: `OwnedLock(agent._lock).try_acquire(owner)`; keep one per lock object.

    The suite names owners with strings and calls from one thread, so an RLock alone would let
    every owner in (it is re-entrant per thread). The owner string decides who holds the lock; the
    real lock is taken with acquire(blocking=False) and released as often as it was taken.
    """

    def __init__(self, lock, reentrant=None):
        self.lock = lock
        self.reentrant = isinstance(lock, type(threading.RLock())) if reentrant is None else reentrant
        self.owner = None
        self.depth = 0

    def try_acquire(self, owner):
        if self.owner is not None and (self.owner != owner or not self.reentrant):
            return False
        if not self.lock.acquire(blocking=False):
            return False
        self.owner = owner
        self.depth += 1
        return True

    def release(self, owner):
        if self.owner != owner:
            raise RuntimeError("lock is not held by %r" % (owner,))
        self.lock.release()
        self.depth -= 1
        if self.depth == 0:
            self.owner = None


class _Undefined(object):
    """The JavaScript `undefined`, kept apart from `None` (which is `null`). Falsy, as in JS."""

    def __repr__(self):
        return "UNDEFINED"

    def __bool__(self):
        return False

    def __reduce__(self):  # copies and pickles stay the singleton
        return "UNDEFINED"


UNDEFINED = _Undefined()


class JSMap(dict):
    """A JavaScript Map the suite described: a dict that is observed back as a map (by content),
    whatever its keys, so that a Map with string keys does not come back as a plain object."""

    __slots__ = ()


class JSDate(object):
    """A date `datetime` cannot hold: invalid (`time` is NaN) or outside years 1..9999.

    `time` is milliseconds since the epoch, UTC. Observed back as a date with that time.
    """

    __slots__ = ("time",)

    def __init__(self, time):
        self.time = time

    def __repr__(self):
        return "JSDate(%r)" % (self.time,)


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MS = timedelta(milliseconds=1)

# Canonical (protocol) field names and the Python names adapters use.
_CONFIG_FIELDS = ["name", "role", "goal", "backstory", "instructions", "llm", "baseUrl", "apiKey", "auth",
                  "tools", "handoffs", "features", "toolTimeout", "parallelToolCalls", "cliBackend"]
_VIEW_FIELDS = _CONFIG_FIELDS + ["interruptController", "framework"]  # framework: the framework fields, by name


def _snake(name):
    return "".join("_" + c.lower() if c.isupper() else c for c in name)


# Protocol methods an adapter implements -> Adapter method names; the last five are the probes.
_METHODS = {"create": "create", "view": "view", "cloneForChannel": "clone_for_channel", "cloneWith": "clone_with",
            "deepCopy": "deep_copy", "interrupt": "interrupt", "isInterrupted": "is_interrupted",
            "tryAcquire": "try_acquire", "release": "release", "addTool": "add_tool", "recordState": "record_state"}
_VIEW_NAMES = [(field, _snake(field)) for field in _VIEW_FIELDS]  # (canonical, Python) once, not per view
_OPERATIONS = ["create", "view", "cloneForChannel", "cloneWith", "deepCopy"]
_PROBES = ["interrupt", "isInterrupted", "tryAcquire", "release", "addTool", "recordState"]


class Rejected(Exception):
    """Raise from `create` or `clone_with` when the framework rejects the configuration it was given
    (it validates it): the suite discards that case instead of failing it, and counts it."""


class Adapter(object):
    """Base class of an adapter. Override `create`, `view`, `clone_for_channel` and any probes."""

    name = None  # shown in reports; defaults to the class name
    fields = None  # canonical field and feature names the adapter maps (camelCase); None: all
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

    # Fields the framework holds beyond the canonical ones (PROTOCOL.md §3, hello.frameworkFields),
    # by name, each with its role: "config", "shared-list", "route", "runtime" or "state", or
    # {"role": ..., "domain": {...}}. `create` receives the configured ones (config, shared-list,
    # route) in config["framework"]; `view` shows every one under "framework" (a state place: its
    # content). None: no framework fields.
    framework_fields = None

    # The fields clone_with takes, when it takes only some (canonical names, e.g. ["llm"] for a
    # `with_model(model)`): override cases override only these. None: every mapped field.
    overridable = None

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

    def record_state(self, agent, place, entry):
        """Record `entry` (a string) in the agent's conversation state place `place` (a framework
        field of role "state"): append a message, store a memory entry, count a usage."""
        raise NotImplementedError("record_state")

    def build(self, name, value):
        """Build a value of a `built` domain (e.g. `MemoryConfig(**value)`) from its drawn plain value."""
        raise NotImplementedError("build: the adapter declares built values in `domains` but does not build them")

    def _overrides(self, method):
        return getattr(type(self), method) is not getattr(Adapter, method)


# Materialising value descriptions (PROTOCOL.md §6). Descriptions are read packed (§11, the way the
# suite writes them from protocol version 3); those of versions 1 and 2 are packed first.
_SPECIAL_NUMBERS = {"NaN": math.nan, "-0": -0.0, "Infinity": math.inf, "-Infinity": -math.inf}


def _packed_description(d):
    """A description of protocol versions 1 and 2 (§6), packed."""
    kind = d["kind"]
    if kind in ("boolean", "string"):
        return d["value"]
    if kind == "number":
        return ["n", d["value"]] if isinstance(d["value"], str) else d["value"]
    if kind == "null":
        return None
    if kind == "undefined":
        return ["u"]
    if kind == "bigint":
        return ["b", d["value"]]
    if kind == "ref":
        return ["r", d["id"]]
    if kind == "function":
        return ["f", d.get("id"), d["name"]]
    if kind == "built":
        return ["B", d["id"], d["name"], _packed_description(d["value"])]
    if kind == "date":
        return ["d", d.get("id"), d["time"]]
    if kind == "array":
        return ["a", d.get("id"), 0, [_packed_description(item) for item in d["items"]]]
    if kind == "set":
        return ["S", d.get("id"), 0, d.get("type"), [_packed_description(item) for item in d["items"]]]
    if kind == "map":
        return ["m", d.get("id"), d.get("type"), [[_packed_description(key), _packed_description(item)] for key, item in d["entries"]]]
    if kind == "object":
        return ["o", d.get("id"), 0, d.get("type"), d.get("protoId"),
                [[key, _packed_description(item)] for key, item in d.get("entries", [])]]
    raise ValueError("cannot materialise a value of kind %r" % (kind,))


class _Materialiser(object):
    """Turns packed descriptions into Python values; one `id` gives one object for the whole session.
    `described` lists, for the description last materialised, each described object (id, object)
    and `built` the ids of the values the adapter built, as the answer echoes them (§6)."""

    def __init__(self, classes, build=None):
        self.classes = classes  # class name -> class, shared by the whole session
        self.objects = {}
        self.build = build  # the adapter's build(name, value), for built values
        self.described = []
        self.built = []

    def materialise(self, packed):
        self.described, self.built = [], []
        return self.value(packed)

    def value(self, p):
        kind = type(p)
        if kind is str or kind is int or kind is bool or p is None:
            return p
        if kind is float:
            return int(p) if p.is_integer() else p
        tag = p[0]
        if tag == "u":
            return UNDEFINED
        if tag == "n":
            return _SPECIAL_NUMBERS[p[1]]
        if tag == "b":
            return int(p[1])
        if tag == "r":
            return self.objects[p[1]]
        known = self.objects.get(p[1], self) if p[1] is not None else self
        if known is not self:
            self.described.append((p[1], known))
            return known
        if tag == "f":
            return self._keep(p, _function(p[2]))
        if tag == "B":  # one build per id: a value held in two places is built once
            built = self._keep(p, self.build(p[2], self.value(p[3])))
            self.built.append(p[1])
            return built
        if tag == "d":
            return self._keep(p, _date(p[2]))
        if tag == "a":
            items = self._keep(p, [])  # registered before filling, so that cycles resolve
            items.extend(self.value(item) for item in p[3])
            return items
        if tag == "S":
            return self._keep(p, set(self.value(item) for item in p[4]))
        if tag == "m":
            mapping = self._keep(p, JSMap())
            for key, item in p[3]:
                mapping[self.value(key)] = self.value(item)
            return mapping
        if tag == "o":
            if p[3] in ("Object", None):
                mapping = self._keep(p, {})
                for key, item in p[5] or ():
                    mapping[key] = self.value(item)
                return mapping
            instance = self._keep(p, self._class(p[3]).__new__(self._class(p[3])))
            for key, item in p[5] or ():
                instance.__dict__[key] = self.value(item)  # any key, even "__proto__" or "constructor"
            return instance
        raise ValueError("cannot materialise a value tagged %r" % (tag,))

    def _keep(self, p, obj):
        if p[1] is not None:
            self.objects[p[1]] = obj
            self.described.append((p[1], obj))
        return obj

    def _class(self, name):
        if name not in self.classes:
            self.classes[name] = type(str(name), (object,), {"__module__": "clone_conformance.generated"})
        return self.classes[name]


def _function(name):
    def tool(*args, **kwargs):
        return len(args) + len(kwargs)

    tool.__name__ = tool.__qualname__ = name
    return tool


def _date(time):
    if time == "NaN":
        return JSDate(math.nan)
    try:
        return _EPOCH + timedelta(milliseconds=time)
    except OverflowError:
        return JSDate(time)


# Observing values (PROTOCOL.md §7)
_MAX_DEPTH = 12
# What a config value can be that is "a function": plain, builtin and bound methods, partials.
_FUNCTION_TYPES = (types.FunctionType, types.BuiltinFunctionType, types.MethodType, types.MethodWrapperType,
                   types.WrapperDescriptorType, types.MethodDescriptorType, functools.partial)


def _cached_by_modules(make):
    """`make()` once per set of loaded modules: the type lists depend only on what is imported, and
    building them for every observed value made observation several times slower."""
    cache = {}

    def cached():
        key = len(sys.modules)
        if cache.get("key") != key:
            cache["key"], cache["value"] = key, make()
        return cache["value"]

    return cached


@_cached_by_modules
def _runtime_types():
    """Classes whose instances are state of a running program, never configuration: synchronisation
    primitives, threads, queues, weak containers, files, modules, generators. asyncio and
    concurrent.futures count only once the adapter has imported them."""
    found = [type(threading.Lock()), type(threading.RLock()), threading.Event, threading.Condition,
             threading.Semaphore, threading.Barrier, threading.Thread, queue.Queue, queue.SimpleQueue,
             weakref.WeakValueDictionary, weakref.WeakKeyDictionary, weakref.WeakSet, weakref.ref,
             weakref.ProxyType, weakref.CallableProxyType, io.IOBase, types.ModuleType, types.GeneratorType,
             types.CoroutineType, types.AsyncGeneratorType]
    found.append(getattr(threading, "_RLock", type(threading.RLock())))  # the pure-Python RLock
    asyncio = sys.modules.get("asyncio")
    if asyncio is not None:
        found += [asyncio.Lock, asyncio.Event, asyncio.Condition, asyncio.Semaphore, asyncio.Queue, asyncio.Future,
                  asyncio.AbstractEventLoop]
    futures = sys.modules.get("concurrent.futures")
    if futures is not None:
        found += [futures.Future, futures.Executor]
    return tuple(found)


@_cached_by_modules
def _atomic_types():
    """Immutable values without attributes to show (bytes, classes, dates, decimals, UUIDs, paths):
    observed by their repr. Types of modules the adapter has not imported cannot occur."""
    found = [bytes, complex, range, type, date, time_of_day, timedelta, tzinfo, types.GenericAlias]
    typing = sys.modules.get("typing")
    if typing is not None:  # type-level objects: `List[int]`, a TypeVar, the alias a generic instance keeps
        found += [getattr(typing, name) for name in ("_Final", "TypeVar") if hasattr(typing, name)]
    for module, names in (("decimal", ("Decimal",)), ("fractions", ("Fraction",)), ("uuid", ("UUID",)),
                          ("pathlib", ("PurePath",)), ("re", ("Pattern",))):
        loaded = sys.modules.get(module)
        found += [getattr(loaded, name) for name in names if loaded is not None and hasattr(loaded, name)]
    return tuple(found)


# Observations are made packed (PROTOCOL.md §11): a string, a finite number, a boolean or null as
# itself, anything else as a list tagged by its first item. Protocol versions 1 and 2 get them
# unpacked (_unpacked), as the objects of §7.
_STILL_TAGS = frozenset(("u", "n", "b", "y", "f", "d"))  # undefined, odd numbers, bigints, symbols, functions, dates
_FLAGGED = frozenset(("a", "S", "o"))
_SELF_STANDING = frozenset((str, int, bool, type(None)))  # observed as themselves, packed  # arrays, sets and objects carry flags at index 2
_IMMUTABLE, _RUNTIME = 1, 2


def _still(packed):
    """What a tuple, frozenset or frozen dataclass may hold and still be immutable: values,
    functions, dates, and what is immutable itself."""
    if type(packed) is not list:
        return True
    tag = packed[0]
    return tag in _STILL_TAGS or (tag in _FLAGGED and packed[2] & _IMMUTABLE != 0)


def _immutable_if_still(packed, parts):
    if all(_still(part) for part in parts):
        packed[2] |= _IMMUTABLE
    return packed


def _unpacked(packed):
    """A packed observation as the observation objects of PROTOCOL.md §7 (protocol versions 1 and 2)."""
    kind = type(packed)
    if kind is str:
        return {"kind": "string", "value": packed}
    if kind is bool:
        return {"kind": "boolean", "value": packed}
    if kind is int or kind is float:
        return {"kind": "number", "value": packed}
    if packed is None:
        return {"kind": "null"}
    tag = packed[0]
    if tag == "u":
        return {"kind": "undefined"}
    if tag == "n":
        return {"kind": "number", "value": packed[1]}
    if tag == "f":
        return {"kind": "function", "id": packed[1], "name": packed[2]}
    if tag == "d":
        return {"kind": "date", "id": packed[1], "time": packed[2]}
    if tag == "r":
        return {"kind": "ref", "id": packed[1]}
    if tag == "m":
        return {"kind": "map", "id": packed[1], "type": packed[2],
                "entries": [[_unpacked(key), _unpacked(item)] for key, item in packed[3]]}
    if tag == "a":
        observed = {"kind": "array", "id": packed[1], "items": [_unpacked(item) for item in packed[3]]}
    elif tag == "S":
        observed = {"kind": "set", "id": packed[1], "type": packed[3], "items": [_unpacked(item) for item in packed[4]]}
    else:  # "o"
        observed = {"kind": "object", "id": packed[1], "type": packed[3], "protoId": packed[4]}
        if packed[5] is not None:
            observed["entries"] = [[key, _unpacked(item)] for key, item in packed[5]]
    if packed[2] & _IMMUTABLE:
        observed["immutable"] = True
    if packed[2] & _RUNTIME:
        observed["runtime"] = True
    return observed


class _Observer(object):
    """Identity tokens for the session. Every tokenized object is kept alive until shutdown, so
    that `id()` is never reused and a token never names two objects."""

    def __init__(self, runtime_types=()):
        self.tokens = {}  # id(obj) -> (token, obj)
        self.runtime_types = tuple(runtime_types)  # declared by the adapter, besides the built-in ones
        self._types_of = (None, None)  # the (runtime, atomic) type lists the two below were made from
        self._runtime = ()
        self._plain = frozenset()
        self._deep = (None, None)  # (runtime classes, the walker made for them)
        self._shallow = self._walker(True, (), frozenset())

    def token(self, obj):
        entry = self.tokens.get(id(obj))
        if entry is None:
            entry = self.tokens[id(obj)] = ("py%d" % (len(self.tokens) + 1), obj)
        return entry[0]

    def _classes(self):
        """The runtime classes, and the built-in containers that no runtime, atomic or special class
        claims: those take the fast path of `_visit` (most of what a view holds), with the result
        the general path would give. Remade only when the modules loaded change the type lists."""
        runtime, atomic = _runtime_types(), _atomic_types()
        if self._types_of != (runtime, atomic):
            self._types_of = (runtime, atomic)
            self._runtime = runtime + self.runtime_types
            claimed = self._runtime + atomic + _FUNCTION_TYPES + (datetime, JSDate, enum.Enum)
            self._plain = frozenset(cls for cls in (list, tuple, dict, set, frozenset) if not issubclass(cls, claimed))
        return self._runtime, self._plain

    def observe(self, value, shallow=False, depth=0):
        """`value` observed, packed (see `_unpacked`), as if it lay `depth` levels down."""
        if type(value) in _SELF_STANDING:  # most view fields: nothing to look up
            return value
        deep, shallow_walker = self.walkers()
        return (shallow_walker if shallow else deep)(value, depth)

    def walkers(self):
        """The functions that observe a value at a depth, deeply and by identity only, for the
        modules loaded now. Each is `(value, depth) -> packed`."""
        runtime, plain = self._classes()
        if self._deep[0] is not runtime:
            self._deep = (runtime, self._walker(False, runtime, plain))
        return self._deep[1], self._shallow

    def _walker(self, shallow, runtime, plain):
        """The function that observes a value at a depth. A closure, since observing is most of an
        adapter process's work: values that stand for themselves are taken in place, without a call,
        and the built-in containers most views are made of go the shortest way."""
        tokens, token, general = self.tokens, self.token, self._general
        path = set()  # ids of the objects being observed above: a cycle is a ref (empty between observations)
        kinds = {}  # class -> how its instances are observed by identity (see _identity_kind)

        def visit(value, depth):
            cls = type(value)
            if cls in _SELF_STANDING:
                return value
            if cls in plain and depth < _MAX_DEPTH:
                # A list, tuple, dict, set or frozenset of its own class: as the general path would.
                entry = tokens.get(id(value))
                own = entry[0] if entry is not None else token(value)
                if id(value) in path:
                    return ["r", own]
                depth += 1
                path.add(id(value))
                try:
                    if cls is list:
                        return ["a", own, 0, [item if type(item) in _SELF_STANDING else visit(item, depth) for item in value]]
                    if cls is dict:
                        for key in value:
                            if type(key) is not str and not isinstance(key, str):
                                return ["m", own, "dict", [[visit(key, depth), visit(item, depth)] for key, item in value.items()]]
                        return ["o", own, 0, "Object", token(cls),
                                [[key, item if type(item) in _SELF_STANDING else visit(item, depth)] for key, item in value.items()]]
                    items = [item if type(item) in _SELF_STANDING else visit(item, depth) for item in value]
                    if cls is tuple:
                        return _immutable_if_still(["a", own, 0, items], items)
                    packed = ["S", own, 0, cls.__name__, items]
                    return _immutable_if_still(packed, items) if cls is frozenset else packed
                finally:
                    path.discard(id(value))
            # Functions, and objects seen by identity only (shallow views, what lies too deep): most
            # of what general() is asked, answered from the class alone, as general() would answer.
            kind = kinds.get(cls)
            if kind is None:
                kind = kinds[cls] = _identity_kind(cls, token)
            if kind is not _GENERAL and value.__class__ is cls:
                entry = tokens.get(id(value))
                own = entry[0] if entry is not None else token(value)
                if kind is _FUNCTION:
                    return ["f", own, getattr(value, "__name__", None) or getattr(getattr(value, "func", None), "__name__", "")]
                if shallow or depth >= _MAX_DEPTH:
                    return ["r", own] if id(value) in path else ["o", own, 0, kind[0], kind[1], None]
            return general(value, cls, depth, path, visit, shallow, runtime)

        return visit

    def _general(self, value, cls, depth, path, visit, shallow, runtime):
        """Any value, the way PROTOCOL.md §7 says (`visit` observes what it holds)."""
        if cls is float:
            return value if value - value == 0 and (value != 0 or math.copysign(1.0, value) > 0) else ["n", _observe_number(value)]
        if value is UNDEFINED:
            return ["u"]
        if isinstance(value, bool):
            return bool(value)
        if isinstance(value, int):
            return int.__int__(value)  # the number itself, as JSON would write it, not the subclass
        if isinstance(value, float):
            return self._general(float.__float__(value), float, depth, path, visit, shallow, runtime)
        if isinstance(value, str):
            return str.__str__(value)
        token = self.token(value)
        if isinstance(value, _FUNCTION_TYPES):
            name = getattr(value, "__name__", None) or getattr(getattr(value, "func", None), "__name__", "")
            return ["f", token, name]
        if isinstance(value, datetime):
            if value.tzinfo is None:  # naive date-times are taken as UTC
                value = value.replace(tzinfo=timezone.utc)
            return ["d", token, (value - _EPOCH) // _MS]
        if isinstance(value, JSDate):
            return ["d", token, _observe_number(value.time)]
        if id(value) in path:
            return ["r", token]
        packed = ["o", token, 0, "Object" if cls is dict else cls.__name__, self.token(cls), None]
        if shallow or depth >= _MAX_DEPTH:
            return packed  # identity only: locks, controllers, what lies too deep
        if isinstance(value, runtime):
            packed[2] = _RUNTIME  # state of a running agent: compared by type, never as configuration
            return packed
        if isinstance(value, _atomic_types()):
            packed[5] = [["repr", repr(value)]]
            packed[2] = _IMMUTABLE
            return packed
        depth += 1
        path.add(id(value))
        try:
            if isinstance(value, enum.Enum):  # a singleton constant: equal to itself, by identity too
                packed[5] = [["name", visit(value.name, depth)], ["value", visit(value.value, depth)]]
                packed[2] = _IMMUTABLE
                return packed
            if isinstance(value, (list, tuple)):
                items = [visit(item, depth) for item in value]
                return _immutable_if_still(["a", token, 0, items], items) if isinstance(value, tuple) else ["a", token, 0, items]
            if isinstance(value, (set, frozenset)):
                items = [visit(item, depth) for item in value]
                packed = ["S", token, 0, cls.__name__, items]
                return _immutable_if_still(packed, items) if isinstance(value, frozenset) else packed
            if isinstance(value, dict):
                if not isinstance(value, JSMap) and all(isinstance(key, str) for key in value):
                    packed[5] = [[key, visit(item, depth)] for key, item in value.items()]
                    return packed
                # Keys that are not strings (numbers, tuples, enums) stay values: a map.
                return ["m", token, "Map" if cls is JSMap else cls.__name__, [[visit(key, depth), visit(item, depth)] for key, item in value.items()]]
            # dataclasses.is_dataclass(value), without importing dataclasses (it costs the start-up time)
            frozen = hasattr(cls, "__dataclass_fields__") and getattr(value, "__dataclass_params__", None) is not None \
                and value.__dataclass_params__.frozen
            if hasattr(value, "__dict__") and not isinstance(value, types.ModuleType):
                items = list(vars(value).items())
            elif frozen:  # a frozen dataclass with __slots__
                import dataclasses  # loaded already: the adapter made a dataclass
                items = [(field.name, getattr(value, field.name)) for field in dataclasses.fields(value)]
            else:
                return packed  # identity only: objects without attributes to show
            packed[5] = [[str(key), visit(item, depth)] for key, item in items]
            return _immutable_if_still(packed, [item for _, item in packed[5]]) if frozen else packed
        finally:
            path.discard(id(value))


_GENERAL, _FUNCTION = "general", "function"


def _identity_kind(cls, token):
    """How `_general` observes an instance of `cls` (whose `__class__` is `cls`) by identity: a
    function (`_FUNCTION`), an object whose packed identity is (type name, class token), or
    `_GENERAL` for the classes it looks at more closely (numbers, strings, undefined, dates)."""
    if issubclass(cls, (bool, int, float, str, _Undefined, datetime, JSDate)):
        return _GENERAL
    if issubclass(cls, _FUNCTION_TYPES):
        return _FUNCTION
    return ("Object" if cls is dict else cls.__name__, token(cls))


def _observe_number(value):
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        if value == 0 and math.copysign(1.0, value) < 0:
            return "-0"
    return value


# The protocol loop
class _Session(object):
    def __init__(self, adapter, max_protocol=PROTOCOL_VERSION):
        self.adapter = adapter
        self.max_protocol = max_protocol
        self.protocol = 1
        self.agents = {}
        self.next_handle = 1
        self.classes = {}
        self.observer = _Observer(adapter.runtime_types)
        self.materialiser = _Materialiser(self.classes, adapter.build)

    def handle(self, method, params):
        if method == "hello":
            return self.hello(params)
        if method == "batch" and self.protocol >= 2:
            return {"results": self.batch(params.get("calls") or [])}
        if method == "create":
            kwargs, echo = self.config(params["config"])
            return dict(echo, agent=self.keep(self.adapter.create(kwargs)))
        if method == "shutdown":
            return {}
        if method == "dispose":
            for handle in params.get("agents", []):
                self.agents.pop(handle, None)
            return {}
        if not self.supports(method):
            raise NotImplementedError("the adapter does not implement %r" % (method,))
        agent = self.agent(params.get("agent"))
        if method == "view":
            return {"view": self.view(agent, params.get("fields") if self.protocol >= 2 else None,
                                      params.get("outline") or () if self.protocol >= 3 else ())}
        if method == "cloneForChannel":
            return {"agent": self.keep(self.adapter.clone_for_channel(agent))}
        if method == "cloneWith":
            overrides, echo = self.config(params["overrides"])
            return dict(echo, agent=self.keep(self.adapter.clone_with(agent, overrides)))
        if method == "deepCopy":
            return {"agent": self.keep(self.adapter.deep_copy(agent))}
        if method == "interrupt":
            self.adapter.interrupt(agent)
            return {}
        if method == "isInterrupted":
            return {"interrupted": _boolean("is_interrupted", self.adapter.is_interrupted(agent))}
        if method == "tryAcquire":
            acquired = self.adapter.try_acquire(agent, params["lock"], params["owner"])
            return {"acquired": _boolean("try_acquire", acquired)}
        if method == "release":
            self.adapter.release(agent, params["lock"], params["owner"])
            return {}
        if method == "recordState":
            self.adapter.record_state(agent, params["place"], params["entry"])
            return {}
        tool = self.materialise(params["tool"])
        tokens = self.echo()["tokens"]
        self.adapter.add_tool(agent, tool)
        return {"tokens": tokens}

    def supports(self, method):
        # create and view are required: always announced, even when the subclass forgot them.
        return method in ("create", "view") or (method in _METHODS and self.adapter._overrides(_METHODS[method]))

    def batch(self, calls):
        """Protocol version 2: the calls in order, up to and including the first that fails."""
        results = []
        for call in calls:
            try:
                method, params = call["method"], dict(call.get("params") or {})
                if method in ("hello", "shutdown", "batch"):
                    raise ValueError("%s cannot be batched" % (method,))
                agent = params.get("agent")
                if isinstance(agent, dict):  # {"ref": i}: the agent call i of this batch returned
                    earlier = results[agent["ref"]]["result"] if agent.get("ref", len(results)) < len(results) else {}
                    if "agent" not in earlier:
                        raise KeyError("{\"ref\": %r} names no agent returned earlier in this batch" % (agent.get("ref"),))
                    params["agent"] = earlier["agent"]
                results.append({"result": self.handle(method, params)})
            except Exception as error:
                results.append({"error": _error_answer(error, call.get("method") if isinstance(call, dict) else None)})
                break
        return results

    def hello(self, params):
        offered = params.get("protocols") or [params.get("protocol", 1)]
        common = [version for version in _PROTOCOLS if version in offered and version <= self.max_protocol]
        self.protocol = max(common) if common else 1
        operations = [method for method in _OPERATIONS if self.supports(method)]
        probes = [method for method in _PROBES if self.supports(method)]
        name = self.adapter.name or type(self.adapter).__name__
        answer = {"protocol": self.protocol, "name": name, "operations": operations, "probes": probes,
                  "deepCopyTools": self.adapter.deep_copy_tools}
        if self.adapter.fields is not None:
            answer["fields"] = list(self.adapter.fields)
        if self.adapter.domains is not None:
            answer["domains"] = _canonical_domains(self.adapter.domains)
        if self.adapter.framework_fields is not None:
            answer["frameworkFields"] = self.adapter.framework_fields
        if self.adapter.overridable is not None:
            answer["overridable"] = list(self.adapter.overridable)
        return answer

    def materialise(self, description):
        """A description as the Python value it stands for; packed from protocol version 3 (§11)."""
        return self.materialiser.materialise(description if self.protocol >= 3 else _packed_description(description))

    def config(self, description):
        """A configuration (or overrides) as snake_case keyword arguments, and the echo of §6."""
        config = self.materialise(description)
        if not isinstance(config, dict):
            raise TypeError("a configuration must be an object description")
        # Top-level fields left undefined are left out; nested undefined values stay UNDEFINED.
        kwargs = dict((_snake(key), value) for key, value in config.items() if value is not UNDEFINED)
        return kwargs, self.echo()

    def echo(self):
        """For the description last materialised: the suite's id of each object described -> this
        session's token for what it became, and what the adapter built, observed (§6)."""
        answer = {"tokens": dict((ours, self.observer.token(obj)) for ours, obj in self.materialiser.described)}
        objects = self.materialiser.objects
        built = dict((ours, self.observed(objects[ours])) for ours in self.materialiser.built)
        if built:
            answer["built"] = built
        return answer

    def keep(self, agent):
        handle = self.next_handle
        self.next_handle += 1
        self.agents[handle] = agent
        return handle

    def agent(self, handle):
        if handle not in self.agents:
            raise KeyError("unknown agent handle %r" % (handle,))
        return self.agents[handle]

    def view(self, agent, only=None, outline=()):
        """The agent observed; with `only` (protocol 2), just those view fields (and locks if named);
        the fields in `outline` (protocol 3) one level deep: what they hold by identity only (§11)."""
        view = self.adapter.view(agent)
        get = view.get if isinstance(view, dict) else (lambda key, default: getattr(view, key, default))
        # Every value read first (an object view's properties are adapter code, which may import the
        # modules that make a class runtime state), then observed, with the walkers of that moment.
        values = [(field, get(snake, get(field, UNDEFINED))) for field, snake in _VIEW_NAMES if only is None or field in only]
        locks = (get("locks", None) or {}) if only is None or "locks" in only else None
        deep, shallow = self.observer.walkers()
        fields = {}
        for field, value in values:
            if type(value) in _SELF_STANDING:  # most fields: nothing to walk
                fields[field] = value
            elif field == "interruptController":
                fields[field] = shallow(value, 0)
            else:
                fields[field] = deep(value, _MAX_DEPTH - 1 if field in outline else 0)
        answer = {"fields": fields}
        if locks is not None:
            answer["locks"] = dict((str(name), shallow(lock, 0)) for name, lock in locks.items())
        answer["self"] = shallow(agent, 0)  # which agent object this is
        if self.protocol < 3:
            answer["fields"] = dict((field, _unpacked(packed)) for field, packed in fields.items())
            answer["self"] = _unpacked(answer["self"])
            if locks is not None:
                answer["locks"] = dict((name, _unpacked(packed)) for name, packed in answer["locks"].items())
        return answer

    def observed(self, value, shallow=False, outline=False):
        """`value` observed as this session's protocol version writes observations: packed from version 3.
        In `outline`, what it holds is observed as what lies beyond the depth limit is: by identity only."""
        packed = self.observer.observe(value, shallow, _MAX_DEPTH - 1 if outline else 0)
        return packed if self.protocol >= 3 else _unpacked(packed)


def _canonical_domains(domains):
    """The adapter's domains with canonical (camelCase) field names; snake_case names are accepted."""
    if not isinstance(domains, dict):
        return domains  # the suite names the problem at the handshake

    def camel(name):
        head, *rest = str(name).split("_")
        return head + "".join(part[:1].upper() + part[1:] for part in rest)

    answer = dict(domains)
    if isinstance(domains.get("fields"), dict):
        answer["fields"] = dict((camel(name), domain) for name, domain in domains["fields"].items())
    return answer


def _boolean(method, value):
    if not isinstance(value, bool):
        raise TypeError("%s must return True or False, not %r" % (method, value))
    return value


def _error_answer(error, method):
    """An adapter failure as a protocol error answer (call it inside the `except` block)."""
    # KeyError's str() is the repr of its key; its message reads better bare.
    message = error.args[0] if isinstance(error, KeyError) and len(error.args) == 1 else error
    answer = {"type": type(error).__name__, "message": str(message)}
    if isinstance(error, Rejected) and method in ("create", "cloneWith"):
        answer["rejected"] = True  # the framework refuses the configuration: the suite discards the case
    else:  # the traceback travels with the answer: the suite shows it under --debug
        import traceback  # only ever needed for a failure: not at start-up
        answer["traceback"] = traceback.format_exc()
    return answer


def _send(message):
    # Compact: views are large. Without the check for cycles, a quarter faster: observations are
    # trees (a cycle is a ref), and a cycle an adapter put in its handshake still fails (RecursionError).
    _PROTOCOL_OUT.write(json.dumps(message, allow_nan=False, separators=(",", ":"), check_circular=False) + "\n")
    _PROTOCOL_OUT.flush()


# Answers between two collections that freeze what survives (see `run`): each walks only what is new.
_FREEZE_EVERY = 16


def run(adapter, protocol=None):
    """Serve the protocol on stdin/stdout until `shutdown` or end of input, then exit with status 0.

    `protocol` caps the version spoken (1: no batches); the environment variable
    CLONE_CONFORMANCE_ADAPTER_PROTOCOL does too, e.g. to compare versions on one adapter.
    """
    cap = protocol or int(os.environ.get("CLONE_CONFORMANCE_ADAPTER_PROTOCOL") or PROTOCOL_VERSION)
    session = _Session(adapter, max_protocol=cap)
    answered = 0
    for line in sys.stdin.buffer:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            request_id, method = request["id"], request["method"]
            params = request.get("params") or {}
        except (ValueError, KeyError, TypeError) as error:
            # Without an id there is no one to answer; the suite reports the missing response.
            print("clone_conformance: ignoring malformed request %r: %s" % (line[:200], error), file=sys.stderr)
            continue
        try:
            response = {"id": request_id, "result": session.handle(method, params)}
        except Exception as error:  # an adapter failure is an answer, never the end of the loop
            response = {"id": request_id, "error": _error_answer(error, method)}
        _send(response)
        answered += 1
        if answered % _FREEZE_EVERY == 0:
            # What the session holds now it mostly holds to the end (its tokens keep every object
            # observed alive): collect the garbage, then put the rest out of the collector's sight.
            # Otherwise each full collection walks all of it again: a fifth of an adapter's time.
            gc.collect()
            gc.freeze()
        if method == "shutdown" and "result" in response:
            break
    gc.freeze()  # what is left is the session's: exit without a last collection over it (hundreds of ms)
    sys.stderr.flush()
    sys.exit(0)
