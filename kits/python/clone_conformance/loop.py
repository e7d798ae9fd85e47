"""The protocol loop: `run` serves the protocol on stdin/stdout."""

import gc
import json
import os
import sys
from typing import NoReturn, Optional

from .adapter import Adapter  # noqa: F401  (for the annotation)
from .session import PROTOCOL_VERSION, _Session, _error_answer


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


# The protocol's own handle on the real stdout, once the loop has claimed it: importing the kit
# claims nothing (a test run that imports an adapter keeps its stdout).
_PROTOCOL_OUT = None


def _protocol_out():
    global _PROTOCOL_OUT
    if _PROTOCOL_OUT is None:
        _PROTOCOL_OUT = _claim_stdout()
    return _PROTOCOL_OUT


# Compact: views are large. Without the check for cycles, a quarter faster: observations are
# trees (a cycle is a ref), and a cycle an adapter put in its handshake still fails (RecursionError).
# One encoder for the session: json.dumps with options makes a new one per answer.
_ENCODE = json.JSONEncoder(allow_nan=False, separators=(",", ":"), check_circular=False).encode


def _send(message):
    out = _PROTOCOL_OUT or _protocol_out()
    out.write(_ENCODE(message) + "\n")
    out.flush()


# Answers between two collections that freeze what survives (see `run`): each walks only what is new.
_FREEZE_EVERY = 16


def run(adapter: "Adapter", protocol: Optional[int] = None) -> NoReturn:
    """Serve the protocol on stdin/stdout until `shutdown` or end of input, then exit with status 0.

    `protocol` caps the version spoken (1: no batches); the environment variable
    CLONE_CONFORMANCE_ADAPTER_PROTOCOL does too, e.g. to compare versions on one adapter.
    """
    cap = protocol or int(os.environ.get("CLONE_CONFORMANCE_ADAPTER_PROTOCOL") or PROTOCOL_VERSION)
    session = _Session(adapter, max_protocol=cap)
    _protocol_out()  # from here on, standard output is the protocol's: print() goes to stderr
    # The collections below (every _FREEZE_EVERY answers) are the only ones: the automatic ones,
    # every few hundred objects allocated, walked each answer's observations several times over.
    gc.disable()
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
            response = {"id": request_id, "result": session.answer(method, params)}
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
