"""What a function reaches (PROTOCOL.md §12, protocol version 4): closures, partials, bound methods."""

import functools
import types


def _function_reaches(value):
    """What a function holds on to (PROTOCOL.md §12), as (composite, [(label, value), ...]), or None
    when it shows nothing: a closure's cells by free variable name, a `functools.partial`'s func,
    args and keywords, a bound method's `__self__` and `__func__`, a closure's code and cells (these
    three are composite: a copy made of equal parts is equal), a builtin method's `__self__` (not a
    module's)."""
    if isinstance(value, functools.partial):
        return True, [("<partial>.func", value.func), ("<partial>.args", value.args), ("<partial>.keywords", value.keywords)]
    if isinstance(value, types.MethodType):
        return True, [("<bound>.__self__", value.__self__), ("<bound>.__func__", value.__func__)]
    if isinstance(value, types.FunctionType):
        cells = value.__closure__
        if not cells:
            return None
        found = []
        for name, cell in zip(value.__code__.co_freevars, cells):
            if name == "__class__":  # the cell super() uses: the class, not something the function acts on
                continue
            try:
                found.append(("<closure>." + name, cell.cell_contents))
            except ValueError:  # a cell not filled yet
                pass
        if not found:
            return None
        # A closure is made of its parts too: its code and what its cells hold. A deep copy that
        # rebuilds a closure around copies of what it closes over (the only way to copy one) makes
        # an equal function; the code, named by where it is defined, tells two definitions apart.
        code = value.__code__
        parts = [("<code>", "%s:%d:%s" % (code.co_filename, code.co_firstlineno, value.__qualname__))]
        if value.__defaults__:
            parts.append(("<defaults>", value.__defaults__))
        return True, parts + found
    owner = getattr(value, "__self__", None)
    if isinstance(value, types.BuiltinMethodType) and owner is not None and not isinstance(owner, types.ModuleType):
        return False, [("<bound>.__self__", owner)]
    return None
