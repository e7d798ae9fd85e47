"""Observing values (PROTOCOL.md §7): the classes observed as functions, as runtime state, as atoms."""

import functools
import io
import queue
import sys
import threading
import types
import weakref
from datetime import date, time as time_of_day, timedelta, tzinfo

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
