"""clone-conformance adapter kit for Python (protocol version 1, stdlib only, Python >= 3.9).

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
        # optional probes: interrupt, is_interrupted, try_acquire, release, add_tool
        # optional declarations: fields = [...] (canonical names it maps, at least name and tools),
        # deep_copy_tools = "copied"; raise Rejected("why") from create or clone_with when the
        # framework rejects a configuration: the case is discarded, not failed

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
and anything else written to file descriptor 1 go to standard error instead.
"""

import functools
import json
import math
import os
import sys
import traceback
import types
from datetime import datetime, timedelta, timezone

__all__ = ["Adapter", "run", "UNDEFINED", "JSDate"]

PROTOCOL_VERSION = 1


def _claim_stdout():
    """Keep a private handle on the real stdout; point fd 1 and sys.stdout at stderr."""
    try:
        sys.stdout.flush()
        out = os.fdopen(os.dup(1), "w", encoding="utf-8", newline="\n")
        os.dup2(2, 1)  # also catches C extensions and child processes writing to fd 1
    except (OSError, ValueError, AttributeError):
        out = sys.stdout
    sys.stdout = sys.stderr
    return out


_PROTOCOL_OUT = _claim_stdout()


class _Undefined(object):
    """The JavaScript `undefined`, kept apart from `None` (which is `null`). Falsy, as in JS."""

    def __repr__(self):
        return "UNDEFINED"

    def __bool__(self):
        return False

    def __reduce__(self):  # copies and pickles stay the singleton
        return "UNDEFINED"


UNDEFINED = _Undefined()


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
_VIEW_FIELDS = _CONFIG_FIELDS + ["interruptController"]


def _snake(name):
    return "".join("_" + c.lower() if c.isupper() else c for c in name)


# Protocol methods an adapter implements -> Adapter method names; the last five are the probes.
_METHODS = {"create": "create", "view": "view", "cloneForChannel": "clone_for_channel", "cloneWith": "clone_with",
            "deepCopy": "deep_copy", "interrupt": "interrupt", "isInterrupted": "is_interrupted",
            "tryAcquire": "try_acquire", "release": "release", "addTool": "add_tool"}
_OPERATIONS = ["create", "view", "cloneForChannel", "cloneWith", "deepCopy"]
_PROBES = ["interrupt", "isInterrupted", "tryAcquire", "release", "addTool"]


class Rejected(Exception):
    """Raise from `create` or `clone_with` when the framework rejects the configuration it was given
    (it validates it): the suite discards that case instead of failing it, and counts it."""


class Adapter(object):
    """Base class of an adapter. Override `create`, `view`, `clone_for_channel` and any probes."""

    name = None  # shown in reports; defaults to the class name
    fields = None  # canonical field and feature names the adapter maps (camelCase); None: all
    deep_copy_tools = "shared"  # whether deep_copy shares tool objects ("shared") or copies them ("copied")

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

    def _overrides(self, method):
        return getattr(type(self), method) is not getattr(Adapter, method)


# Materialising value descriptions (PROTOCOL.md §6)
class _Materialiser(object):
    """Turns descriptions into Python values; one `id` gives one object for the whole session."""

    def __init__(self, classes):
        self.classes = classes  # class name -> class, shared by the whole session
        self.objects = {}

    def value(self, d):
        kind = d["kind"]
        if kind == "undefined":
            return UNDEFINED
        if kind == "null":
            return None
        if kind in ("boolean", "string"):
            return d["value"]
        if kind == "number":
            return _number(d["value"])
        if kind == "bigint":
            return int(d["value"])
        if kind == "ref" or d.get("id") in self.objects:
            return self.objects[d["id"]]
        if kind == "function":
            return self._keep(d, _function(d["name"]))
        if kind == "date":
            return self._keep(d, _date(d["time"]))
        if kind == "array":
            items = self._keep(d, [])  # registered before filling, so that cycles resolve
            items.extend(self.value(item) for item in d["items"])
            return items
        if kind == "object":
            if d.get("type") in ("Object", None):
                mapping = self._keep(d, {})
                for key, item in d["entries"]:
                    mapping[key] = self.value(item)
                return mapping
            instance = self._keep(d, self._class(d["type"]).__new__(self._class(d["type"])))
            for key, item in d.get("entries", []):
                instance.__dict__[key] = self.value(item)  # any key, even "__proto__" or "constructor"
            return instance
        raise ValueError("cannot materialise a value of kind %r" % (kind,))

    def _keep(self, d, obj):
        if d.get("id") is not None:
            self.objects[d["id"]] = obj
        return obj

    def _class(self, name):
        if name not in self.classes:
            self.classes[name] = type(str(name), (object,), {"__module__": "clone_conformance.generated"})
        return self.classes[name]


def _number(value):
    if isinstance(value, str):
        return {"NaN": math.nan, "-0": -0.0, "Infinity": math.inf, "-Infinity": -math.inf}[value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


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


class _Observer(object):
    """Identity tokens for the session. Every tokenized object is kept alive until shutdown, so
    that `id()` is never reused and a token never names two objects."""

    def __init__(self):
        self.tokens = {}  # id(obj) -> (token, obj)

    def token(self, obj):
        entry = self.tokens.get(id(obj))
        if entry is None:
            entry = self.tokens[id(obj)] = ("py%d" % (len(self.tokens) + 1), obj)
        return entry[0]

    def observe(self, value, shallow=False):
        return self._visit(value, 0 if not shallow else _MAX_DEPTH, set())

    def _visit(self, value, depth, path):
        if value is UNDEFINED:
            return {"kind": "undefined"}
        if value is None:
            return {"kind": "null"}
        if isinstance(value, bool):
            return {"kind": "boolean", "value": value}
        if isinstance(value, (int, float)):
            return {"kind": "number", "value": _observe_number(value)}
        if isinstance(value, str):
            return {"kind": "string", "value": value}
        token = self.token(value)
        if isinstance(value, _FUNCTION_TYPES):
            name = getattr(value, "__name__", None) or getattr(getattr(value, "func", None), "__name__", "")
            return {"kind": "function", "id": token, "name": name}
        if isinstance(value, datetime):
            if value.tzinfo is None:  # naive date-times are taken as UTC
                value = value.replace(tzinfo=timezone.utc)
            return {"kind": "date", "id": token, "time": (value - _EPOCH) // _MS}
        if isinstance(value, JSDate):
            return {"kind": "date", "id": token, "time": _observe_number(value.time)}
        if id(value) in path:
            return {"kind": "ref", "id": token}
        cls = type(value)
        observed = {"kind": "object", "id": token,
                    "type": "Object" if cls is dict else cls.__name__, "protoId": self.token(cls)}
        if isinstance(value, (list, tuple)) and depth < _MAX_DEPTH:
            del observed["type"], observed["protoId"]
            observed["kind"] = "array"
            items = value
        elif isinstance(value, dict) and depth < _MAX_DEPTH:
            items = [(str(key), item) for key, item in value.items()]
        elif depth < _MAX_DEPTH and hasattr(value, "__dict__") and not isinstance(value, (type, types.ModuleType)):
            items = [(str(key), item) for key, item in vars(value).items()]
        else:
            return observed  # identity only: locks, controllers, classes, objects without __dict__
        path.add(id(value))
        try:
            if observed["kind"] == "array":
                observed["items"] = [self._visit(item, depth + 1, path) for item in items]
            else:
                observed["entries"] = [[key, self._visit(item, depth + 1, path)] for key, item in items]
        finally:
            path.discard(id(value))
        return observed


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
    def __init__(self, adapter):
        self.adapter = adapter
        self.agents = {}
        self.next_handle = 1
        self.classes = {}
        self.observer = _Observer()
        self.materialiser = _Materialiser(self.classes)

    def handle(self, method, params):
        if method == "hello":
            return self.hello()
        if method == "create":
            kwargs, tokens = self.config(params["config"])
            return {"agent": self.keep(self.adapter.create(kwargs)), "tokens": tokens}
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
            return {"view": self.view(agent)}
        if method == "cloneForChannel":
            return {"agent": self.keep(self.adapter.clone_for_channel(agent))}
        if method == "cloneWith":
            overrides, tokens = self.config(params["overrides"])
            return {"agent": self.keep(self.adapter.clone_with(agent, overrides)), "tokens": tokens}
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
        tool = self.materialise(params["tool"])
        self.adapter.add_tool(agent, tool)
        return {"tokens": self.tokens(params["tool"])}

    def supports(self, method):
        # create and view are required: always announced, even when the subclass forgot them.
        return method in ("create", "view") or (method in _METHODS and self.adapter._overrides(_METHODS[method]))

    def hello(self):
        operations = [method for method in _OPERATIONS if self.supports(method)]
        probes = [method for method in _PROBES if self.supports(method)]
        name = self.adapter.name or type(self.adapter).__name__
        answer = {"protocol": PROTOCOL_VERSION, "name": name, "operations": operations, "probes": probes,
                  "deepCopyTools": self.adapter.deep_copy_tools}
        if self.adapter.fields is not None:
            answer["fields"] = list(self.adapter.fields)
        return answer

    def materialise(self, description):
        return self.materialiser.value(description)

    def config(self, description):
        """A configuration (or overrides) as snake_case keyword arguments, and the tokens of its objects."""
        config = self.materialise(description)
        if not isinstance(config, dict):
            raise TypeError("a configuration must be an object description")
        # Top-level fields left undefined are left out; nested undefined values stay UNDEFINED.
        kwargs = dict((_snake(key), value) for key, value in config.items() if value is not UNDEFINED)
        return kwargs, self.tokens(description)

    def tokens(self, description):
        """The suite's id of each object described -> this session's token for what it became (§6)."""
        found, stack = {}, [description]
        while stack:
            d = stack.pop()
            if d.get("id") is not None and d["kind"] != "ref" and d["id"] in self.materialiser.objects:
                found[d["id"]] = self.observer.token(self.materialiser.objects[d["id"]])
            stack.extend(d.get("items", []))
            stack.extend(item for _, item in d.get("entries", []))
        return found

    def keep(self, agent):
        handle = self.next_handle
        self.next_handle += 1
        self.agents[handle] = agent
        return handle

    def agent(self, handle):
        if handle not in self.agents:
            raise KeyError("unknown agent handle %r" % (handle,))
        return self.agents[handle]

    def view(self, agent):
        view = self.adapter.view(agent)
        get = view.get if isinstance(view, dict) else (lambda key, default: getattr(view, key, default))
        fields = {}
        for field in _VIEW_FIELDS:
            value = get(_snake(field), get(field, UNDEFINED))
            fields[field] = self.observer.observe(value, shallow=field == "interruptController")
        locks = get("locks", None) or {}
        return {"fields": fields,
                "locks": dict((str(name), self.observer.observe(lock, shallow=True)) for name, lock in locks.items()),
                "self": self.observer.observe(agent, shallow=True)}


def _boolean(method, value):
    if not isinstance(value, bool):
        raise TypeError("%s must return True or False, not %r" % (method, value))
    return value


def _send(message):
    _PROTOCOL_OUT.write(json.dumps(message, allow_nan=False) + "\n")
    _PROTOCOL_OUT.flush()


def run(adapter):
    """Serve the protocol on stdin/stdout until `shutdown` or end of input, then exit with status 0."""
    session = _Session(adapter)
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
            if not isinstance(error, Rejected):  # a rejection is an answer, not a failure to debug
                traceback.print_exc(file=sys.stderr)
            # KeyError's str() is the repr of its key; its message reads better bare.
            message = error.args[0] if isinstance(error, KeyError) and len(error.args) == 1 else error
            response = {"id": request_id, "error": {"type": type(error).__name__, "message": str(message)}}
            if isinstance(error, Rejected) and method in ("create", "cloneWith"):
                response["error"]["rejected"] = True
        _send(response)
        if method == "shutdown" and "result" in response:
            break
    sys.stderr.flush()
    sys.exit(0)
