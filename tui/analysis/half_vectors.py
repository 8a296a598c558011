"""Static vectors stored at half precision on disk, used at full precision.

The bundled German model's floret table is the largest part of the package.
Rounding it to float16 halves the download and makes no difference to the
entities (the NER reads the vectors through a learned projection, and the
scores are measured on the packaged model). spaCy's numeric kernels need
float32, so the table is widened again when it is loaded.

Registered as ``randnotiz.HalfVectors.v1`` in spaCy's ``vectors`` registry
(see the ``spacy_vectors`` entry point in ``pyproject.toml``), so
``spacy.load`` finds it without importing Randnotiz first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy
from spacy.util import registry
from spacy.vectors import Vectors
from spacy.vocab import Vocab


# Vectors is a Cython class without a stub, and spaCy's registry is untyped.
class HalfVectors(Vectors):  # type: ignore[misc]
    """:class:`spacy.vectors.Vectors` whose table is float16 on disk only."""

    data: Any

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        full = self.data
        self.data = numpy.asarray(full, dtype=numpy.float16)
        try:
            super().to_disk(path, exclude=exclude)
        finally:
            self.data = full

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> HalfVectors:
        super().from_disk(path, exclude=exclude)
        self.data = numpy.ascontiguousarray(self.data, dtype=numpy.float32)
        return self


@registry.vectors("randnotiz.HalfVectors.v1")  # type: ignore[untyped-decorator]
def create_half_vectors() -> Callable[[Vocab], Vectors]:
    def vectors_factory(vocab: Vocab) -> Vectors:
        return HalfVectors(strings=vocab.strings)

    return vectors_factory
