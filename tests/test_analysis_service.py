import pytest

import tui.analysis_service
from tui.analysis import analyze
from tui.analysis_service import AnalysisFailedError, AnalysisService, ServiceStoppedError, start_service
from tui.sources import Document

TEXT = "„Wir kommen“, sagte Hugo Barra in Indien. Xiaomi kaufte rund 1.500 Patente."


@pytest.fixture(scope="module")
def service():
    """One warmed-up process for the tests that only ask it for analyses."""
    service = AnalysisService("de", "rules")
    yield service
    service.stop()


@pytest.fixture
def idle_service():
    """A process that never loads the engine: for the tests that end it."""
    service = AnalysisService()
    yield service
    service.stop()


def test_the_process_gives_the_same_analysis_with_progress(service) -> None:
    progress: list[float] = []
    assert service.analyze(TEXT, progress.append) == analyze(TEXT, "de", "rules")
    assert progress == [1.0]


def test_a_long_text_comes_chunk_by_chunk_before_the_whole(service) -> None:
    from tui.analysis.chunks import CHUNK_CHARS, ChunkAnalysis

    paragraph = TEXT + " " + TEXT + "\n"
    long = paragraph * (2 * CHUNK_CHARS // len(paragraph) + 2)
    chunks: list[ChunkAnalysis] = []
    whole = service.analyze(long, each_chunk=chunks.append)
    assert len(chunks) == 3 and [c.start for c in chunks] == sorted(c.start for c in chunks)
    # Each chunk's highlights are already the whole analysis' in that stretch.
    first = chunks[0]
    assert [e for e in whole.entities if e.end <= first.end] == list(first.entities)
    assert [n for n in whole.numbers if n.end <= first.end] == list(first.numbers)
    assert service.analyze(TEXT, each_chunk=chunks.append) == analyze(TEXT, "de", "rules")
    assert len(chunks) == 3  # a short text is one chunk: nothing streamed


def test_a_long_article_is_shared_with_a_second_process_and_comes_out_the_same(service) -> None:
    from tui.analysis.chunks import CHUNK_CHARS, PARALLEL_FROM_CHUNKS, ChunkAnalysis

    paragraph = TEXT + " " + TEXT + "\n"
    long = paragraph * (PARALLEL_FROM_CHUNKS * CHUNK_CHARS // len(paragraph) + 2)
    chunks: list[ChunkAnalysis] = []
    assert service.analyze(long, each_chunk=chunks.append) == analyze(long, "de", "rules")
    assert len(chunks) > PARALLEL_FROM_CHUNKS
    assert sorted(c.start for c in chunks) == sorted({c.start for c in chunks})  # each chunk once


def test_the_language_and_model_go_with_every_request(service) -> None:
    english = "The company said that it would sell 1,500 phones in India this year."
    analysis = service.analyze(english)
    assert (analysis.lang, analysis.pipeline) == ("de", "rules")  # as started, not detected again


def test_a_missing_model_is_a_failure_with_the_reason() -> None:
    service = AnalysisService("de", "de_nope")
    try:
        for _ in range(2):  # the process is still serving after the first failure
            with pytest.raises(AnalysisFailedError, match="no spaCy pipeline 'de_nope'"):
                service.analyze(TEXT)
    finally:
        service.stop()


def test_the_language_is_detected_once_when_the_service_starts(monkeypatch) -> None:
    started: list[tuple[object, ...]] = []
    monkeypatch.setattr(tui.analysis_service, "AnalysisService", lambda *args, **_: started.append(args))
    english = "The company said that it would sell 1,500 phones in India this year."
    start_service(Document(english, "-", "en"), None, "rules")
    start_service(Document(english, "-", "en"), "de", None)
    # A short article: no second process is warmed up for it.
    assert started == [("en", "rules", False), ("de", None, False)]


def test_a_long_article_is_announced_when_the_service_starts(monkeypatch) -> None:
    from tui.analysis.chunks import CHUNK_CHARS, PARALLEL_FROM_CHUNKS

    started: list[tuple[tuple[object, ...], dict[str, object]]] = []
    monkeypatch.setattr(
        tui.analysis_service, "AnalysisService", lambda *args, **options: started.append((args, options))
    )
    long = Document(TEXT * (PARALLEL_FROM_CHUNKS * CHUNK_CHARS // len(TEXT) + 1), "-", "x")
    start_service(long, "de", None, deferred=True)
    start_service(Document(TEXT, "-", "x"), "de", None, deferred=True)
    # The long article's process starts at once; a short one's after the first paint.
    assert started == [(("de", None, True), {"deferred": False}), (("de", None, False), {"deferred": True})]


def test_a_process_that_died_is_reported(idle_service) -> None:
    idle_service._process.kill()
    with pytest.raises(AnalysisFailedError, match="ended unexpectedly"):
        idle_service.analyze(TEXT)


def test_a_stopped_service_says_so(idle_service) -> None:
    idle_service.stop()
    with pytest.raises(ServiceStoppedError):
        idle_service.analyze(TEXT)


def test_a_deferred_service_has_no_process_until_started() -> None:
    service = AnalysisService("de", "rules", deferred=True)
    try:
        assert service._process is None
        with pytest.raises(RuntimeError, match="not started"):
            service.analyze(TEXT)
        service.start()
        service.start()  # again: nothing new
        assert service._process is not None and service._process.is_alive()
        assert service.analyze(TEXT) == analyze(TEXT, "de", "rules")
    finally:
        service.stop()


def test_a_deferred_service_stopped_before_it_started_refuses_requests() -> None:
    service = AnalysisService(deferred=True)
    service.stop()
    service.start()  # too late: the reader has closed
    assert service._process is None
    with pytest.raises(ServiceStoppedError):
        service.analyze(TEXT)
