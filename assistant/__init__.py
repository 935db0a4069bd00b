"""Negotiation-guide assistant: exact, cited answers from a library of salary-negotiation guides.

The data walks one way: corpus files -> Guide (assistant.corpus) -> chunks and index
(assistant.index) -> hits and Answer (assistant.answer) -> CLI / API / chat / widget.
Importing this package loads no model and no database client.

Example:
    >>> from assistant import Assistant, Settings
    >>> Assistant(Settings.load()).ask("Alibaba Seattle sign-on?").status
    'answered'
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what mypy sees; keep in step with _LAZY (tests/test_facade.py checks)
    from assistant.answer.pipeline import Assistant
    from assistant.answer.types import Answer
    from assistant.index.writing.builder import build_index
    from assistant.settings import Settings

__version__ = "0.1.0"
__all__ = ["Answer", "Assistant", "Settings", "build_index"]

# Public name -> "module:attribute", imported on first access so that `import assistant` stays
# cheap. When a module moves, this table (and the TYPE_CHECKING block) is all that changes.
_LAZY: dict[str, str] = {
    "Assistant": "assistant.answer.pipeline:Assistant",
    "Answer": "assistant.answer.types:Answer",
    "Settings": "assistant.settings:Settings",
    "build_index": "assistant.index.writing.builder:build_index",
}


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is asked for."""
    target = _LAZY.get(name)
    if target is None:
        # an AttributeError also lets `from assistant import <submodule>` import the submodule
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, _, attr = target.partition(":")
    value = getattr(import_module(module), attr)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    """The module's names, the lazy ones included."""
    return sorted({*globals(), *_LAZY})
