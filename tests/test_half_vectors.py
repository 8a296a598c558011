"""The float16-on-disk vector table: half the bytes, same floats to work with."""

from __future__ import annotations

import subprocess
import sys

import numpy
import spacy

from tui.analysis.half_vectors import HalfVectors


def test_the_table_is_half_on_disk_and_full_in_memory(tmp_path) -> None:
    data = numpy.random.default_rng(0).normal(size=(50, 8)).astype(numpy.float32)
    vectors = HalfVectors(
        strings=spacy.blank("de").vocab.strings, data=data, mode="floret", minn=4, maxn=5, hash_count=2
    )
    vectors.to_disk(tmp_path)

    assert numpy.load(tmp_path / "vectors").dtype == numpy.float16
    assert vectors.data.dtype == numpy.float32  # saving does not touch the live table
    loaded = HalfVectors(strings=spacy.blank("de").vocab.strings).from_disk(tmp_path)
    assert loaded.data.dtype == numpy.float32 and loaded.data.flags.c_contiguous
    assert numpy.allclose(loaded.data, data, atol=2e-3)
    assert (loaded.minn, loaded.maxn, loaded.hash_count) == (4, 5, 2)
    word = "Bundestag"
    assert numpy.allclose(loaded.get_batch([word]), vectors.get_batch([word]), atol=2e-3)


def test_spacy_finds_it_without_importing_randnotiz() -> None:
    probe = "import spacy; print(spacy.util.registry.vectors.get('randnotiz.HalfVectors.v1').__module__)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "tui.analysis.half_vectors"
