"""General-domain knowledge for the German NER model: word classes and name lists.

GermEval's 24,000 training sentences cannot teach the model that ``Coldplay`` is
a name or that ``Kühlschrank`` is not. Two resources built from far more text
can: Clark word classes over 258,000 word types of German news (the feature
that carried GermaNER) and lists of first names, surnames, places and
organisations. The ``randnotiz_word_features`` component looks each token up
and stores two small integers per token on the ``Doc``; the
``randnotiz.WordFeatureEmbed.v1`` layer embeds them next to spaCy's usual
NORM/PREFIX/SUFFIX/SHAPE features, exactly as ``spacy.MultiHashEmbed.v2`` does.

The tables travel inside the model package (``word_features/tables.json.gz``),
so a loaded model needs nothing else. Training builds them with
``python -m training.features`` from ``../shared/data/germaner-lists`` and CLDR.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, cast

import numpy
import srsly
from spacy.language import Language
from spacy.ml.staticvectors import StaticVectors
from spacy.tokens import Doc, Span
from spacy.util import ensure_path, registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d, Ragged

FEATURES_EXTENSION = "randnotiz_word_features"
FACTORY = "randnotiz_word_features"
TABLES_FILE = "tables.json.gz"
# Word class 0 is "not in the table": itself informative for a capitalised word.
UNKNOWN_CLASS = 0
# Gazetteer code: bit flags for single-token lists, plus the position in the
# longest phrase match (begin or inside of a place or an organisation).
FIRST_NAME = 1
SURNAME = 2
PHRASE_CODES = {("B", "place"): 1, ("I", "place"): 2, ("B", "org"): 3, ("I", "org"): 4}
PHRASE_SHIFT = 2
N_FEATURES = 2

if not Doc.has_extension(FEATURES_EXTENSION):
    Doc.set_extension(FEATURES_EXTENSION, default=None)


class WordFeatures:
    """Sets ``doc._.randnotiz_word_features``: a (tokens x 2) uint64 array of
    [word class, gazetteer code]."""

    def __init__(self, name: str = FACTORY) -> None:
        self.name = name
        self.tables: dict[str, Any] = {}
        self._classes: dict[str, int] = {}
        self._first_names: frozenset[str] = frozenset()
        self._surnames: frozenset[str] = frozenset()
        # first token -> [(phrase tokens, type)], longest phrase first
        self._phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}

    def set_tables(self, tables: dict[str, Any]) -> None:
        """``tables``: word classes as {class id: newline-joined words}, name lists as
        newline-joined strings (the layout that loads fastest)."""
        self.tables = tables
        self._classes = {}
        for class_id, words in tables.get("word_classes", {}).items():
            self._classes.update(dict.fromkeys(words.split("\n"), int(class_id)))
        self._first_names = frozenset(tables.get("first_names", "").split("\n"))
        self._surnames = frozenset(tables.get("surnames", "").split("\n"))
        phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for kind in ("place", "org"):
            for name in tables.get(f"{kind}s", "").split("\n"):
                words = tuple(name.split())
                if words:
                    phrases.setdefault(words[0], []).append((words, kind))
        for candidates in phrases.values():
            candidates.sort(key=lambda item: -len(item[0]))
        self._phrases = phrases

    def word_class(self, word: str) -> int:
        return self._classes.get(word) or self._classes.get(word.lower(), UNKNOWN_CLASS)

    def features(self, words: Sequence[str]) -> numpy.ndarray[Any, numpy.dtype[numpy.uint64]]:
        # Comprehensions over the words and a loop over phrase starts only: this runs
        # on every token the reader analyses.
        classes, first_names, surnames, phrases = (
            self._classes,
            self._first_names,
            self._surnames,
            self._phrases,
        )
        codes = [
            (FIRST_NAME if word in first_names else 0) | (SURNAME if word in surnames else 0)
            for word in words
        ]
        covered = 0
        for start in [i for i, word in enumerate(words) if word in phrases]:
            if start < covered:
                continue
            for phrase, kind in phrases[words[start]]:
                end = start + len(phrase)
                if tuple(words[start:end]) == phrase:
                    codes[start] |= PHRASE_CODES["B", kind] << PHRASE_SHIFT
                    for inside in range(start + 1, end):
                        codes[inside] |= PHRASE_CODES["I", kind] << PHRASE_SHIFT
                    covered = end
                    break
        rows = numpy.empty((len(words), N_FEATURES), dtype=numpy.uint64)
        rows[:, 0] = [classes.get(word) or classes.get(word.lower(), UNKNOWN_CLASS) for word in words]
        rows[:, 1] = codes
        return rows

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(FEATURES_EXTENSION, self.features([token.text for token in doc]))
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 1000) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        tables: str | None = None,
    ) -> None:
        """``tables``: the JSON(.gz) file of ``python -m training.features``."""
        if tables is not None:
            self.set_tables(cast(dict[str, Any], srsly.read_gzip_json(tables)))

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        folder = ensure_path(path)
        folder.mkdir(parents=True, exist_ok=True)
        srsly.write_gzip_json(folder / TABLES_FILE, self.tables)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> WordFeatures:
        self.set_tables(cast(dict[str, Any], srsly.read_gzip_json(ensure_path(path) / TABLES_FILE)))
        return self


@Language.factory(FACTORY)
def make_word_features(nlp: Language, name: str) -> WordFeatures:
    return WordFeatures(name)


def _extract_forward(
    model: Model[list[Doc], list[Ints2d]], docs: list[Doc], is_train: bool
) -> tuple[list[Ints2d], Callable[[list[Ints2d]], list[Any]]]:
    columns = model.attrs["columns"]
    features: list[Ints2d] = []
    for doc in docs:
        whole = doc.doc if isinstance(doc, Span) else doc
        lexical = whole.to_array(columns).reshape((len(whole), -1))
        extra = whole._.get(FEATURES_EXTENSION)
        if extra is None:
            # Only spaCy's initialisation passes documents the component has
            # not seen (to infer shapes); at run time the component always runs.
            extra = numpy.zeros((len(whole), N_FEATURES), dtype=numpy.uint64)
        both = numpy.hstack([lexical.astype(numpy.uint64), extra])
        if isinstance(doc, Span):
            both = both[doc.start : doc.end]
        features.append(model.ops.asarray2i(cast(Ints2d, both), dtype="uint64"))
    return features, lambda d_features: []


def FeatureExtractor(columns: list[str | int]) -> Model[list[Doc], list[Ints2d]]:  # noqa: N802 - named as spaCy names its layers
    """spaCy's FeatureExtractor plus the two word-feature columns."""
    return Model("extract_word_features", _extract_forward, attrs={"columns": columns})


@registry.architectures("randnotiz.WordFeatureEmbed.v1")  # type: ignore[untyped-decorator]
def WordFeatureEmbed(  # noqa: N802 - named as spaCy names its architectures
    width: int,
    attrs: list[str | int],
    rows: list[int],
    feature_rows: list[int],
    include_static_vectors: bool,
) -> Model[list[Doc], list[Floats2d]]:
    """``spacy.MultiHashEmbed.v2`` with two more hash-embedded columns: the
    word class and the gazetteer code (``feature_rows`` rows each)."""
    if len(rows) != len(attrs) or len(feature_rows) != N_FEATURES:
        raise ValueError(f"need one row count per attribute and {N_FEATURES} feature rows")
    all_rows = [*rows, *feature_rows]
    # Same seeds as MultiHashEmbed for the lexical tables.
    embeddings: list[Model[Ints2d, Floats2d]] = [
        HashEmbed(width, n_rows, column=index, seed=8 + index, dropout=0.0)
        for index, n_rows in enumerate(all_rows)
    ]
    concat_size = width * (len(embeddings) + include_static_vectors)
    max_out: Model[Ragged, Ragged] = with_array(Maxout(width, concat_size, nP=3, dropout=0.0, normalize=True))
    features: Model[list[Doc], Ragged] = chain(
        FeatureExtractor(attrs),
        cast(Model[list[Ints2d], Ragged], list2ragged()),
        with_array(concatenate(*embeddings)),
    )
    if include_static_vectors:
        features = concatenate(features, StaticVectors(width, dropout=0.0))
    return cast(Model[list[Doc], list[Floats2d]], chain(features, max_out, ragged2list()))
