"""Text analysis for Randnotiz: no UI code here (a test enforces it).

``analyze(text)`` returns an immutable :class:`Analysis` whose every item is
a ``(start, end)`` span into the normalised text.
"""

from tui.analysis.analyzer import analyze, analyze_batch
from tui.analysis.model import Analysis, Entity, GlossaryEntry, Number, Quote, Span
from tui.analysis.pipeline import ModelNotFoundError
from tui.analysis.text import Document, InputError, detect_language, normalise

__all__ = [
    "Analysis",
    "Document",
    "Entity",
    "GlossaryEntry",
    "InputError",
    "ModelNotFoundError",
    "Number",
    "Quote",
    "Span",
    "analyze",
    "analyze_batch",
    "detect_language",
    "normalise",
]
