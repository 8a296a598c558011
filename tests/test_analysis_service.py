import pytest

from tui.analysis import analyze
from tui.analysis_service import AnalysisFailedError, AnalysisService, ServiceStoppedError, start_service
from tui.sources import Document

TEXT = "„Wir kommen“, sagte Hugo Barra in Indien. Xiaomi kaufte rund 1.500 Patente."


@pytest.fixture
def service():
    service = AnalysisService("de", "rules")
    yield service
    service.stop()


def test_the_process_gives_the_same_analysis_with_progress(service) -> None:
    progress: list[float] = []
    assert service.analyze(TEXT, progress.append) == analyze(TEXT, "de", "rules")
    assert progress == [1.0]


def test_a_missing_model_is_a_failure_with_the_reason() -> None:
    service = AnalysisService("de", "de_nope")
    try:
        with pytest.raises(AnalysisFailedError, match="no spaCy pipeline 'de_nope'"):
            service.analyze(TEXT)
        with pytest.raises(AnalysisFailedError, match="no spaCy pipeline 'de_nope'"):
            service.analyze(TEXT)  # the process is still serving
    finally:
        service.stop()


def test_the_language_is_detected_once_when_the_service_starts() -> None:
    english = "The company said that it would sell 1,500 phones in India this year."
    service = start_service(Document(english, "-", "en"), None, "rules")
    try:
        assert (service.lang, service.model) == ("en", "rules")
        # Given to every request, so a German text is analysed as English too.
        assert service.analyze(TEXT).lang == "en"
    finally:
        service.stop()


def test_a_process_that_died_is_reported(service) -> None:
    service._process.kill()
    with pytest.raises(AnalysisFailedError, match="ended unexpectedly"):
        service.analyze(TEXT)


def test_a_stopped_service_says_so(service) -> None:
    service.stop()
    with pytest.raises(ServiceStoppedError):
        service.analyze(TEXT)
