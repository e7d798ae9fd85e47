"""Canonical (protocol) names of fields and methods, and the Python names adapters use."""

_CONFIG_FIELDS = ["name", "role", "goal", "backstory", "instructions", "llm", "baseUrl", "apiKey", "auth",
                  "tools", "handoffs", "features", "toolTimeout", "parallelToolCalls", "cliBackend"]
_VIEW_FIELDS = _CONFIG_FIELDS + ["interruptController", "framework"]  # framework: the framework fields, by name


_SNAKE = {}  # canonical name -> Python name: configurations name the same few fields over and over


def _snake(name):
    snake = _SNAKE.get(name)
    if snake is None:
        snake = "".join("_" + c.lower() if c.isupper() else c for c in name)
        if len(_SNAKE) < 4096:
            _SNAKE[name] = snake
    return snake


def _camel(name):
    """A Python (snake_case) field name as the canonical one: base_url -> baseUrl. Canonical names
    pass unchanged, so an adapter may use either."""
    head, *rest = str(name).split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


# Protocol methods an adapter implements -> Adapter method names; the last six are the probes.
_METHODS = {"create": "create", "view": "view", "cloneForChannel": "clone_for_channel", "cloneWith": "clone_with",
            "deepCopy": "deep_copy", "interrupt": "interrupt", "isInterrupted": "is_interrupted",
            "tryAcquire": "try_acquire", "release": "release", "addTool": "add_tool", "recordState": "record_state"}
_VIEW_NAMES = [(field, _snake(field)) for field in _VIEW_FIELDS]  # (canonical, Python) once, not per view
_OPERATIONS = ["create", "view", "cloneForChannel", "cloneWith", "deepCopy"]
_PROBES = ["interrupt", "isInterrupted", "tryAcquire", "release", "addTool", "recordState"]
