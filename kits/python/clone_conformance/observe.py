"""Observing values (PROTOCOL.md §7): identity tokens and the walkers that observe a value."""

import collections
import enum
import math
import types
from datetime import datetime, timezone

from .kinds import _FUNCTION_TYPES, _atomic_types, _runtime_types
from .packed import _COMPOSITE, _IMMUTABLE, _RUNTIME, _SELF_STANDING, _immutable_if_still
from .reaches import _function_reaches
from .values import JSDate, JSMap, UNDEFINED, _EPOCH, _MS, _Undefined

_MAX_DEPTH = 12


class _Observer(object):
    """Identity tokens for the session. Every tokenized object is kept alive until shutdown, so
    that `id()` is never reused and a token never names two objects."""

    def __init__(self, runtime_types=()):
        self.tokens = {}  # id(obj) -> (token, obj)
        self.runtime_types = tuple(runtime_types)  # declared by the adapter, besides the built-in ones
        self.reaches = False  # observe what functions reach (protocol version 4, set by the handshake)
        # Version 5 (§13), while an answer is made: class token -> type name of its ["O", ...] objects
        self.classes = None
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

    def _compact(self, packed):
        """An object's packed form as this answer writes it: from version 5, ["O", id, flags, class
        token, entries], the class named once in the answer's table (§13)."""
        classes = self.classes
        if classes is None or packed[0] != "o":
            return packed
        classes[packed[4]] = packed[3]
        return ["O", packed[1], packed[2], packed[4], packed[5]]

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
        tokens, token, general, observer = self.tokens, self.token, self._general, self
        dict_token = token(dict)  # the class of most objects a view holds
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
                        entries = [[key, item if type(item) in _SELF_STANDING else visit(item, depth)] for key, item in value.items()]
                        classes = observer.classes
                        if classes is None:
                            return ["o", own, 0, "Object", dict_token, entries]
                        classes[dict_token] = "Object"
                        return ["O", own, 0, dict_token, entries]
                    items = [item if type(item) in _SELF_STANDING else visit(item, depth) for item in value]
                    if cls is tuple:  # a tuple is never reported as a list: ["a", ..., "tuple"]
                        return _immutable_if_still(["a", own, 0, items, "tuple"], items)
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
                    if observer.reaches and not shallow and depth < _MAX_DEPTH and (cls is not types.FunctionType or value.__closure__):
                        return general(value, cls, depth, path, visit, shallow, runtime)  # what it reaches, too
                    return ["f", own, getattr(value, "__name__", None) or getattr(getattr(value, "func", None), "__name__", "")]
                if shallow or depth >= _MAX_DEPTH:
                    if id(value) in path:
                        return ["r", own]
                    classes = observer.classes
                    if classes is None:
                        return ["o", own, 0, kind[0], kind[1], None]
                    classes[kind[1]] = kind[0]
                    return ["O", own, 0, kind[1], None]
            return general(value, cls, depth, path, visit, shallow, runtime)

        return visit

    def _general(self, value, cls, depth, path, visit, shallow, runtime):
        """Any value, the way PROTOCOL.md §7 says (`visit` observes what it holds); an object in
        the form of this answer (`_compact`)."""
        packed = self._packed(value, cls, depth, path, visit, shallow, runtime)
        return packed if self.classes is None or type(packed) is not list else self._compact(packed)

    def _packed(self, value, cls, depth, path, visit, shallow, runtime):
        if cls is float:
            return value if value - value == 0 and (value != 0 or math.copysign(1.0, value) > 0) else ["n", _observe_number(value)]
        if value is UNDEFINED:
            return ["u"]
        if isinstance(value, bool):
            return bool(value)
        if isinstance(value, int):
            return int.__int__(value)  # the number itself, as JSON would write it, not the subclass
        if isinstance(value, float):
            return self._packed(float.__float__(value), float, depth, path, visit, shallow, runtime)
        if isinstance(value, str):
            return str.__str__(value)
        token = self.token(value)
        if isinstance(value, _FUNCTION_TYPES):
            name = getattr(value, "__name__", None) or getattr(getattr(value, "func", None), "__name__", "")
            if not self.reaches or shallow or depth >= _MAX_DEPTH:
                return ["f", token, name]
            if id(value) in path:
                return ["r", token]
            found = _function_reaches(value)
            if found is None:
                return ["f", token, name]
            depth += 1
            path.add(id(value))
            try:
                return ["f", token, name, _COMPOSITE if found[0] else 0, [[label, visit(part, depth)] for label, part in found[1]]]
            finally:
                path.discard(id(value))
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
                return _immutable_if_still(["a", token, 0, items, "tuple"], items) if isinstance(value, tuple) else ["a", token, 0, items]
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
            if isinstance(value, collections.deque):
                # A deque (a bounded history) holds its items in no attribute: its items by position.
                items = ([] if value.maxlen is None else [("maxlen", value.maxlen)]) + [(str(index), item) for index, item in enumerate(value)]
            elif hasattr(value, "__dict__") and not isinstance(value, types.ModuleType):
                items = list(vars(value).items()) + _slotted(value, cls) + _pydantic_hidden(value, cls)
            elif frozen:  # a frozen dataclass with __slots__
                import dataclasses  # loaded already: the adapter made a dataclass
                items = [(field.name, getattr(value, field.name)) for field in dataclasses.fields(value)]
            elif _slot_names(cls):
                items = _slotted(value, cls)
            else:
                return packed  # identity only: objects without attributes to show
            packed[5] = [[str(key), visit(item, depth)] for key, item in items]
            return _immutable_if_still(packed, [item for _, item in packed[5]]) if frozen else packed
        finally:
            path.discard(id(value))


_SLOTS = {}  # class -> the (defining class, attribute name) of each of its slots


def _slot_names(cls):
    """The slots instances of `cls` hold attributes in, beside or instead of a `__dict__`: every
    `__slots__` of its classes, but `__dict__`, `__weakref__` and dunder slots (pydantic's own,
    which `_pydantic_hidden` reads)."""
    names = _SLOTS.get(cls)
    if names is None:
        names = []
        for klass in cls.__mro__:
            declared = klass.__dict__.get("__slots__", ())
            for name in (declared,) if isinstance(declared, str) else declared:
                if not isinstance(name, str) or (name.startswith("__") and name.endswith("__")):
                    continue
                if name.startswith("__"):  # a private slot is stored under its mangled name
                    name = "_%s%s" % (klass.__name__.lstrip("_"), name)
                names.append((klass, name))
        names = _SLOTS[cls] = tuple(names)
    return names


def _slotted(value, cls):
    """The attributes held in slots (`vars()` never shows them), read through the slots' own
    descriptors: a slot never set is left out, and no `__getattr__` of the class is called."""
    held = []
    for klass, name in _slot_names(cls):
        slot = klass.__dict__.get(name)
        if slot is None or not hasattr(slot, "__get__"):
            continue
        try:
            held.append((name, slot.__get__(value, cls)))
        except AttributeError:
            continue
    return held


def _pydantic_hidden(value, cls):
    """A pydantic (v2) model's private attributes and extra fields: held in slots beside its
    `__dict__`, so `vars()` never shows them (CrewAI keeps an LLM's token counters there)."""
    if not hasattr(cls, "__pydantic_fields__"):
        return []
    hidden = []
    for slot in ("__pydantic_private__", "__pydantic_extra__"):
        try:
            held = object.__getattribute__(value, slot)
        except AttributeError:
            continue
        if type(held) is dict:
            hidden.extend((key, item) for key, item in held.items() if isinstance(key, str))
    return hidden


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
