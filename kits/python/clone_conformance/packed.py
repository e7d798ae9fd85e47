"""Observations packed (PROTOCOL.md §11), and unpacked for protocol versions 1 and 2."""

# Observations are made packed (PROTOCOL.md §11): a string, a finite number, a boolean or null as
# itself, anything else as a list tagged by its first item. Protocol versions 1 and 2 get them
# unpacked (_unpacked), as the objects of §7.
_STILL_TAGS = frozenset(("u", "n", "b", "y", "f", "d"))  # undefined, odd numbers, bigints, symbols, functions, dates
_FLAGGED = frozenset(("a", "S", "o", "O"))  # "O": an object whose class the answer names once (version 5)
_SELF_STANDING = frozenset((str, int, bool, type(None)))  # observed as themselves, packed  # arrays, sets and objects carry flags at index 2
_IMMUTABLE, _RUNTIME = 1, 2
_COMPOSITE = 4  # a function's flags (protocol version 4): made of its parts, a partial or a bound method


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
        observed = {"kind": "function", "id": packed[1], "name": packed[2]}
        if len(packed) == 5:  # protocol version 4: what the function reaches (§12)
            observed["reaches"] = [[label, _unpacked(item)] for label, item in packed[4]]
            if packed[3] & _COMPOSITE:
                observed["composite"] = True
        return observed
    if tag == "d":
        return {"kind": "date", "id": packed[1], "time": packed[2]}
    if tag == "r":
        return {"kind": "ref", "id": packed[1]}
    if tag == "m":
        return {"kind": "map", "id": packed[1], "type": packed[2],
                "entries": [[_unpacked(key), _unpacked(item)] for key, item in packed[3]]}
    if tag == "a":
        observed = {"kind": "array", "id": packed[1], "items": [_unpacked(item) for item in packed[3]]}
        if len(packed) == 5:
            observed["type"] = packed[4]  # a tuple
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
