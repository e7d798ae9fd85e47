"""Locks an adapter hands the try_acquire and release probes: `OwnedLock`."""

import threading
from typing import Any, Optional


class OwnedLock(object):
    """Owner bookkeeping around one of an agent's threading locks, for the try_acquire and release
    probes: `OwnedLock(agent._lock).try_acquire(owner)`; keep one per lock object.

    The suite names owners with strings and calls from one thread, so an RLock alone would let
    every owner in (it is re-entrant per thread). The owner string decides who holds the lock; the
    real lock is taken with acquire(blocking=False) and released as often as it was taken.
    """

    def __init__(self, lock: Any, reentrant: Optional[bool] = None) -> None:
        self.lock = lock
        self.reentrant = isinstance(lock, type(threading.RLock())) if reentrant is None else reentrant
        self.owner = None
        self.depth = 0

    def try_acquire(self, owner: str) -> bool:
        if self.owner is not None and (self.owner != owner or not self.reentrant):
            return False
        if not self.lock.acquire(blocking=False):
            return False
        self.owner = owner
        self.depth += 1
        return True

    def release(self, owner: str) -> None:
        if self.owner != owner:
            raise RuntimeError("lock is not held by %r" % (owner,))
        self.lock.release()
        self.depth -= 1
        if self.depth == 0:
            self.owner = None
