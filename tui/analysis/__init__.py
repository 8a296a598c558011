"""Text analysis for Randnotiz: no UI code, no I/O (import-linter contracts).

``analyze(text)`` returns an immutable :class:`Analysis` whose every item is
a ``(start, end)`` span into the normalised text.

The facade is lazy (PEP 562): importing it, or the model types, loads neither
Babel nor spaCy nor the engine modules. The reader imports the types while it
starts; the engine loads in the analysis process or on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from tui.analysis.model import Analysis, Entity, GlossaryEntry, ModelChoice, Number, Quote, Span
from tui.analysis.text import detect_language, normalise

if TYPE_CHECKING:
    from tui.analysis.analyzer import analyze, analyze_batch
    from tui.analysis.pipeline import ModelNotFoundError

# Names of the facade that live in engine modules, loaded on first access.
_ENGINE = {
    "analyze": "tui.analysis.analyzer",
    "analyze_batch": "tui.analysis.analyzer",
    "ModelNotFoundError": "tui.analysis.pipeline",
}

__all__ = [
    "Analysis",
    "Entity",
    "GlossaryEntry",
    "ModelChoice",
    "ModelNotFoundError",
    "Number",
    "Quote",
    "Span",
    "analyze",
    "analyze_batch",
    "detect_language",
    "normalise",
]


def __getattr__(name: str) -> Any:
    module = _ENGINE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
