"""The protocol session: one adapter's answers to the suite's requests."""

from .adapter import Rejected
from .materialise import _Materialiser, _packed_description
from .names import _METHODS, _OPERATIONS, _PROBES, _VIEW_NAMES, _camel, _snake
from .observe import _MAX_DEPTH, _Observer
from .packed import _SELF_STANDING, _unpacked
from .values import UNDEFINED

PROTOCOL_VERSION = 5  # the highest version this kit speaks; 2 adds batches, 3 requests in flight, 4 what functions reach, 5 fewer bytes
_PROTOCOLS = (1, 2, 3, 4, 5)
_REACHES_PROTOCOL = 4
_COMPACT_PROTOCOL = 5  # the suite's ids as tokens, refs to what the adapter holds, class names once per answer (§13)


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

    def answer(self, method, params):
        """One request's result. From version 5, an answer that observed objects as `["O", ...]`
        names their classes once, in `classes` (§13)."""
        if self.protocol < _COMPACT_PROTOCOL:
            return self.handle(method, params)
        self.observer.classes = classes = {}
        try:
            result = self.handle(method, params)
        finally:
            self.observer.classes = None
        if classes:
            result["classes"] = classes
        return result

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
        self.observer.reaches = self.protocol >= _REACHES_PROTOCOL
        # Version 5: the suite's ids ("#...") become the tokens of what is materialised for them; the
        # kit's own tokens never begin with "#" (py1, py2, ...).
        self.materialiser.adopt = self.observer.tokens.setdefault if self.protocol >= _COMPACT_PROTOCOL else None
        operations = [method for method in _OPERATIONS if self.supports(method)]
        probes = [method for method in _PROBES if self.supports(method)]
        name = self.adapter.name or type(self.adapter).__name__
        answer = {"protocol": self.protocol, "name": name, "operations": operations, "probes": probes,
                  "deepCopyTools": self.adapter.deep_copy_tools,
                  # the kit materialises sets and maps in every version (PROTOCOL.md §3), so an adapter
                  # capped at version 1 or 2 is sent the very values a version 3 one is
                  "accepts": ["set", "map"],
                  "language": "python"}  # a hint: the suite may name fields the Python way (base_url)
        if self.adapter.fields is not None:  # snake_case or canonical names, announced canonical
            answer["fields"] = [_camel(field) for field in self.adapter.fields]
        if self.adapter.domains is not None:
            answer["domains"] = _canonical_domains(self.adapter.domains)
        if self.adapter.framework_fields is not None:
            answer["frameworkFields"] = self.adapter.framework_fields
        if self.adapter.overridable is not None:  # snake_case or canonical names, announced canonical
            # framework.<name> names a framework field as declared: never renamed
            answer["overridable"] = [field if str(field).startswith("framework.") else _camel(field) for field in self.adapter.overridable]
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
        session's token for what it became, and what the adapter built, observed (§6). From version
        5, only the tokens that are not the suite's id itself (§13)."""
        token = self.observer.token
        if self.protocol >= _COMPACT_PROTOCOL:
            answer = {"tokens": dict((ours, mine) for ours, obj in self.materialiser.described if (mine := token(obj)) != ours)}
        else:
            answer = {"tokens": dict((ours, token(obj)) for ours, obj in self.materialiser.described)}
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

    answer = dict(domains)
    if isinstance(domains.get("fields"), dict):
        answer["fields"] = dict((_camel(name), domain) for name, domain in domains["fields"].items())
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
