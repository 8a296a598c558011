"""Building and caching the spaCy pipeline for a language.

A pipeline is built once per (language, model) and reused. The statistical
NER is a seam: the bundled model of the language (German or English), an
installed official pipeline the user names, or none at all; the rule layer
(:mod:`tui.analysis.rules`) is added on top in every case, so model-less
setups still get entities.
"""

from __future__ import annotations

import importlib.metadata
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, cast

from tui.analysis.bundled import bundled_model

if TYPE_CHECKING:
    from spacy.language import Language

# Official pipelines used, best first, when installed and nothing is bundled
# for the language; with a bundled model they run when the user names them.
OFFICIAL_MODELS = {
    "de": ("de_core_news_lg", "de_core_news_md", "de_core_news_sm"),
    "en": ("en_core_web_lg", "en_core_web_md", "en_core_web_sm"),
}
RULES_ONLY = "rules"

_lock = threading.Lock()


class ModelNotFoundError(Exception):
    """A pipeline named by the user is not installed; the message says what is."""


@cache
def installed_pipelines() -> list[str]:
    """Names of spaCy pipeline packages installed in this environment.

    Cached: scanning every distribution's metadata takes a quarter second,
    and the Analysis of every text asks for its pipeline's name (that scan
    was why English, which had no bundled model, ran 5x slower than German).
    """
    names = []
    for dist in importlib.metadata.distributions():
        name = (dist.metadata["Name"] or "").replace("-", "_")
        if (name[:3] in {"de_", "en_"} and "_core_" in name) or name.endswith("_randnotiz"):
            names.append(name)
    return sorted(set(names))


def default_model(lang: str) -> str:
    """The pipeline used for ``lang`` when the user names none."""
    bundled = bundled_model(lang)
    if bundled is not None:
        return str(bundled)
    installed = set(installed_pipelines())
    for name in OFFICIAL_MODELS.get(lang, ()):
        if name in installed:
            return name
    return RULES_ONLY


def model_label(model: str) -> str:
    """A short name for the status bar and the JSON output."""
    if model == RULES_ONLY:
        return "rules"
    return Path(model).name


_LANGUAGE_NAMES = {"de": "German", "en": "English"}


@dataclass(frozen=True, slots=True)
class PipelineInfo:
    """What runs for a language, in words a reader can follow."""

    lang: str
    # The short label of Analysis.pipeline: "en_randnotiz", "en_core_web_sm", "rules".
    label: str
    # The spaCy package name and version of the NER model; None without one.
    name: str | None
    version: str | None

    @property
    def has_model(self) -> bool:
        return self.name is not None

    @property
    def summary(self) -> str:
        """One line for a help or about screen."""
        language = _LANGUAGE_NAMES.get(self.lang, self.lang)
        if self.name is None:
            return (
                f"{language}: no NER model, names come from word lists and patterns only "
                "(fewer people and organisations are found)"
            )
        return f"{language}: NER model {self.name} {self.version}, with word lists and patterns"


def pipeline_info(lang: str, model: str | None = None) -> PipelineInfo:
    """Name and version of the pipeline :func:`get_pipeline` gives for ``lang``."""
    model = model or default_model(lang)
    if model == RULES_ONLY:
        return PipelineInfo(lang, model_label(model), None, None)
    meta = get_pipeline(lang, model).meta
    return PipelineInfo(lang, model_label(model), f"{meta['lang']}_{meta['name']}", str(meta["version"]))


def get_pipeline(lang: str, model: str | None = None) -> Language:
    """The cached pipeline for ``lang``; ``model`` is a package name or path."""
    with _lock:  # the UI worker and a CLI batch may ask at the same time
        return _build(lang, model or default_model(lang))


@cache
def _build(lang: str, model: str) -> Language:
    import spacy

    import tui.analysis.sentences  # noqa: F401  (registers randnotiz_line_breaks)
    from tui.analysis.rules import add_rule_layer

    if model == RULES_ONLY:
        nlp = spacy.blank(lang)
    else:
        nlp = _load(model)
        if nlp.lang != lang:
            raise ModelNotFoundError(
                f"pipeline {model_label(model)} is for language {nlp.lang!r}, not {lang!r}"
            )
    _split_angle_quotes(nlp)
    add_rule_layer(nlp, lang)
    if not {"parser", "senter", "sentencizer"} & set(nlp.pipe_names):
        # Last: the NER must not see boundaries, or "St. Nikolaus" is cut at "St."
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("randnotiz_line_breaks")
    return nlp


def _split_angle_quotes(nlp: Language) -> None:
    """Treat ``<<`` and ``>>`` (typewriter guillemets, as in the sample
    article) as punctuation, so "<<The" is two tokens like "»The"."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_prefix_regex, compile_suffix_regex

    tokenizer = cast(Tokenizer, nlp.tokenizer)
    tokenizer.prefix_search = compile_prefix_regex([r"<<", *(nlp.Defaults.prefixes or ())]).search
    tokenizer.suffix_search = compile_suffix_regex([r">>", *(nlp.Defaults.suffixes or ())]).search


def _load(model: str) -> Language:
    import spacy

    # The bundled German model's feature component and embedding layer (the
    # entry points register them too, once the package is installed).
    import tui.analysis.word_classes  # noqa: F401

    # Components Randnotiz does not read are left out: they cost time on
    # every article.
    exclude = ["lemmatizer", "textcat", "textcat_multilabel", "entity_linker"]
    try:
        return spacy.load(model, exclude=exclude)
    except OSError:
        installed = ", ".join(installed_pipelines()) or "none"
        raise ModelNotFoundError(
            f"no spaCy pipeline {model!r} (a package name or a folder); installed: "
            f"{installed}; the bundled one is used when --model is not given"
        ) from None
