from hypothesis import given
from hypothesis import strategies as st

from tui.analysis import analyze, analyze_batch
from tui.analysis.analyzer import CHUNK_CHARS, _chunks


def test_progress_is_reported_per_chunk_up_to_one() -> None:
    paragraph = "Hugo Barra sprach in Indien über Xiaomi. " * 50 + "\n"
    text = paragraph * (3 * CHUNK_CHARS // len(paragraph) + 1)
    seen: list[float] = []
    analysis = analyze(text, "de", model="rules", progress=seen.append)
    assert len(seen) >= 4 and seen == sorted(seen) and seen[-1] == 1.0
    # Offsets of later chunks are shifted into the whole text.
    last = analysis.entities[-1]
    assert last.start > 3 * CHUNK_CHARS and text[last.start : last.end] == last.text


def test_batch_and_single_analysis_agree() -> None:
    texts = ["„Wir kommen“, sagte Hugo Barra in Indien.", "Xiaomi kaufte rund 1.500 Patente."]
    assert analyze_batch(texts, "de", model="rules") == [analyze(text, "de", model="rules") for text in texts]


@given(st.text(alphabet=st.sampled_from("ab \n"), max_size=3 * CHUNK_CHARS // 100).map(lambda s: s * 100))
def test_chunks_cover_the_text_exactly(text: str) -> None:
    chunks = list(_chunks(text))
    assert "".join(chunk for chunk, _ in chunks) == text
    assert all(text.startswith(chunk, offset) for chunk, offset in chunks)
    assert all(len(chunk) <= CHUNK_CHARS for chunk, _ in chunks)
