"""Materialising value descriptions (PROTOCOL.md §6). Descriptions are read packed (§11, the way the
suite writes them from protocol version 3); those of versions 1 and 2 are packed first."""

import math
from datetime import timedelta

from .values import JSDate, JSMap, UNDEFINED, _EPOCH

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
        # Version 5 (§13): the suite's id "#..." becomes the token of the object made for it, unless
        # it has one: the observer's tokens.setdefault, (id(obj), (suite id, obj)).
        self.adopt = None
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
            if self.adopt is not None and p[1][:1] == "#":
                self.adopt(id(obj), (p[1], obj))
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
