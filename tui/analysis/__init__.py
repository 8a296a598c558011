"""Text analysis for Randnotiz: no UI code and no I/O (import-linter contracts in
pyproject.toml; tests/test_architecture.py for the I/O).

``analyze(text)`` returns an immutable :class:`Analysis` whose every item is
a ``(start, end)`` span into the normalised text.

The facade is lazy (PEP 562): importing it, or the model types, loads neither
Babel nor spaCy nor the engine modules. The reader imports the types while it
starts; the engine loads in the analysis process or on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.analysis.model import Analysis, Entity, GlossaryEntry, ModelChoice, Number, Quote, Span
from tui.analysis.text import detect_language, normalise
from tui.lazy import lazy_attributes

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


__getattr__, __dir__ = lazy_attributes(__name__, _ENGINE, __all__)
