"""A stand-in for the analysis process (a :class:`tui.analysis_service.Analyser`) that answers
with recorded analyses at once: no process, no spaCy, no model.

``gate`` holds every request until it is set (or the service is stopped),
to look at the reader while it is still analysing; ``chunks`` are handed
out first, as the real service does with a long article.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence

from tui.analysis.chunks import ChunkAnalysis
from tui.analysis.model import Analysis
from tui.analysis_service import AnalysisFailedError, ServiceStoppedError


class FakeAnalysisService:
    def __init__(
        self,
        analyses: Iterable[Analysis] = (),
        *,
        progress: Sequence[float] = (),
        gate: threading.Event | None = None,
        failure: str | None = None,
        chunks: Sequence[ChunkAnalysis] = (),
    ) -> None:
        self._analyses = {analysis.text: analysis for analysis in analyses}
        self._progress = tuple(progress)
        self._gate = gate
        self._failure = failure
        self._chunks = tuple(chunks)
        self._stopped = threading.Event()
        self.requests: list[str] = []
        self.started = False
        self.asked = threading.Event()  # set when a request has reported its progress

    def analyze(
        self,
        text: str,
        progress: Callable[[float], None] | None = None,
        each_chunk: Callable[[ChunkAnalysis], None] | None = None,
    ) -> Analysis:
        self.requests.append(text)
        for fraction in self._progress:
            if progress is not None:
                progress(fraction)
        for chunk in self._chunks:
            if each_chunk is not None:
                each_chunk(chunk)
        self.asked.set()
        if self._gate is not None:
            while not self._gate.wait(0.05):
                if self._stopped.is_set():
                    raise ServiceStoppedError
        if self._stopped.is_set():
            raise ServiceStoppedError
        if self._failure is not None:
            raise AnalysisFailedError(self._failure)
        try:
            return self._analyses[text]
        except KeyError:
            raise AnalysisFailedError(
                "no recorded analysis for this text (see tests/record_analyses.py)"
            ) from None

    def start(self) -> None:
        self.started = True

    def stop(self) -> None:
        self._stopped.set()
