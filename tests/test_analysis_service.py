import pytest

from tui.analysis import analyze
from tui.analysis_service import AnalysisFailedError, AnalysisService, ServiceStoppedError

TEXT = "„Wir kommen“, sagte Hugo Barra in Indien. Xiaomi kaufte rund 1.500 Patente."


@pytest.fixture
def service():
    service = AnalysisService()
    yield service
    service.stop()


def test_the_process_gives_the_same_analysis_with_progress(service) -> None:
    progress: list[float] = []
    assert service.analyze(TEXT, "de", "rules", progress.append) == analyze(TEXT, "de", "rules")
    assert progress == [1.0]


def test_a_missing_model_is_a_failure_with_the_reason(service) -> None:
    with pytest.raises(AnalysisFailedError, match="no spaCy pipeline 'de_nope'"):
        service.analyze(TEXT, "de", "de_nope")
    assert service.analyze(TEXT, "de", "rules").entities  # the process is still serving


def test_a_process_that_died_is_reported(service) -> None:
    service._process.kill()
    with pytest.raises(AnalysisFailedError, match="ended unexpectedly"):
        service.analyze(TEXT, "de", "rules")


def test_a_stopped_service_says_so(service) -> None:
    service.stop()
    with pytest.raises(ServiceStoppedError):
        service.analyze(TEXT, "de", "rules")
