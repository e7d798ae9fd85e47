"""JavaScript values Python has no word for: `UNDEFINED`, `JSMap`, `JSDate`."""

from datetime import datetime, timedelta, timezone


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
