from hypothesis import given
from hypothesis import strategies as st

from tui.analysis import analyze, analyze_batch
from tui.analysis.analyzer import analyze_chunks, assemble
from tui.analysis.chunks import CHUNK_CHARS, FIRST_CHUNK_CHARS, chunk_bounds, reading_order

PARAGRAPH = "„Wir kommen“, sagte Hugo Barra in Indien über Xiaomi. Rund 1.500 Patente. " * 25 + "\n"
LONG = PARAGRAPH * (3 * CHUNK_CHARS // len(PARAGRAPH) + 1)


def test_progress_is_reported_per_chunk_up_to_one() -> None:
    seen: list[float] = []
    analysis = analyze(LONG, "de", model="rules", progress=seen.append)
    assert len(seen) >= 4 and seen == sorted(seen) and seen[-1] == 1.0
    # Offsets of later chunks are shifted into the whole text.
    last = analysis.entities[-1]
    assert last.start > 3 * CHUNK_CHARS and LONG[last.start : last.end] == last.text


def test_batch_and_single_analysis_agree() -> None:
    texts = ["„Wir kommen“, sagte Hugo Barra in Indien.", "Xiaomi kaufte rund 1.500 Patente."]
    assert analyze_batch(texts, "de", model="rules") == [analyze(text, "de", model="rules") for text in texts]


def test_the_chunk_at_the_reader_comes_first_then_below_then_above() -> None:
    bounds = [(0, 10), (10, 20), (20, 30), (30, 40)]
    assert reading_order(bounds, 25) == [2, 3, 1, 0]
    assert reading_order(bounds, 0) == [0, 1, 2, 3]
    assert reading_order(bounds, 39) == [3, 2, 1, 0]


def test_chunks_in_reading_order_carry_their_items_in_article_offsets() -> None:
    bounds = chunk_bounds(LONG)
    order = reading_order(bounds, bounds[2][0])
    chunks = list(analyze_chunks(LONG, "de", "rules", order, with_items=True))
    assert [chunk.start for chunk in chunks] == [bounds[i][0] for i in order]
    for chunk in chunks:
        for item in (*chunk.entities, *chunk.quotes, *chunk.numbers, *chunk.sentences):
            assert chunk.start <= item.start < item.end <= chunk.end
            assert LONG[item.start : item.end] == item.text
        quote = chunk.quotes[0]
        assert quote.speaker is not None
        assert (quote.text, quote.speaker.text) == ("Wir kommen", "Hugo Barra")
        assert LONG[quote.speaker.start : quote.speaker.end] == "Hugo Barra"
        assert [n.value for n in chunk.numbers[:1]] == [1500]
    # Assembled in any order, the chunks give the same analysis as one pass.
    assert assemble(LONG, "de", "rules", chunks) == analyze(LONG, "de", model="rules")


@given(st.text(alphabet=st.sampled_from("ab \n"), max_size=3 * CHUNK_CHARS // 100).map(lambda s: s * 100))
def test_chunks_cover_the_text_exactly(text: str) -> None:
    bounds = chunk_bounds(text)
    assert "".join(text[start:end] for start, end in bounds) == text
    assert all(0 < end - start <= CHUNK_CHARS for start, end in bounds)
    if len(text) > CHUNK_CHARS:  # the reader's first screen comes in a short first chunk
        assert bounds[0][1] <= FIRST_CHUNK_CHARS
