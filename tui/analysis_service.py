"""The analysis runs in a process of its own.

spaCy holds the GIL while it works, so in a thread it would compete with the
UI for one core; in a process it has the other core, the interface keeps
answering keys on a 5 MB text, and spaCy is imported while the UI starts
rather than after it. No Textual here: the reader's worker thread calls
:meth:`AnalysisService.analyze` and turns what comes back into messages.

The language and the model are given once, when the service starts; the
reader only hands over texts. Anything with the :class:`Analyser` interface
can stand in for the service (the UI tests use recorded analyses).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from tui.analysis.chunks import CHUNK_CHARS, PARALLEL_FROM_CHUNKS, ChunkAnalysis
from tui.analysis.model import Analysis, ModelChoice
from tui.analysis.text import detect_language
from tui.sources import Document

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

Progress = Callable[[float], None]
# Gets each chunk of a long article as soon as it is analysed.
EachChunk = Callable[[ChunkAnalysis], None]
# Set, the analysis of a long article stays in one process (bench/long_article.py).
ONE_PROCESS_VARIABLE = "RANDNOTIZ_ANALYSIS_ONE_PROCESS"
# Lower scheduling priority of the analysis process (measured: bench/first_paint_tty.py).
ANALYSIS_NICENESS = 10


class AnalysisFailedError(Exception):
    """The analysis could not be done; the message is for the reader."""


class ServiceStoppedError(Exception):
    """The service was stopped (the reader is closing) while a request waited."""


class Analyser(Protocol):
    """What the reader needs of an analysis service."""

    def analyze(
        self, text: str, progress: Progress | None = None, each_chunk: EachChunk | None = None
    ) -> Analysis:
        """Blocking: the analysis of ``text``; ``progress`` gets the fraction
        done, ``each_chunk`` each chunk of a long article as soon as it is
        done. Raises :class:`AnalysisFailedError` or :class:`ServiceStoppedError`."""
        ...

    def start(self) -> None:
        """Begin loading what the analysis needs, before the first text comes.
        Call it from the main thread; calling it again does nothing."""
        ...

    def stop(self) -> None:
        """Release the service; a waiting :meth:`analyze` raises :class:`ServiceStoppedError`."""
        ...


class AnalysisService:
    """The analysis process, for one language and model (see :class:`Analyser`)."""

    def __init__(
        self,
        lang: str | None = None,
        model: ModelChoice = None,
        long_text: bool = False,
        *,
        deferred: bool = False,
    ) -> None:
        """The analysis process, started at once unless ``deferred`` (then
        :meth:`start` starts it). With a ``lang``, the pipeline for it is
        loaded before the first request arrives; without, each text's language
        is detected. ``long_text``: a long article is coming, so the second
        process that will share it starts loading now too."""
        self.lang = lang
        self.model = model
        self._long_text = long_text
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None
        self._stopped = False
        if not deferred:
            self.start()

    def start(self) -> None:
        if self._process is not None or self._stopped:
            return
        import multiprocessing  # after the first paint, when the reader starts the process

        context = multiprocessing.get_context("spawn")  # no fork of a threaded UI
        self._connection, child = context.Pipe()
        warm_up = None if self.lang is None else (self.lang, self.model, self._long_text)
        self._process = context.Process(
            target=_serve, args=(child, warm_up), name="randnotiz-analysis", daemon=True
        )
        # multiprocessing hands its helper process the stderr descriptor;
        # while Textual runs, sys.stderr is a capture object without one.
        with contextlib.redirect_stderr(sys.__stderr__ or sys.stderr):
            self._process.start()
        # Where cores are scarce the reader comes first: the UI paints and answers
        # keys while this process starts and loads spaCy (on an idle machine it
        # has a core of its own and nothing changes). Set from here, so that its
        # interpreter start-up is lowered too.
        assert self._process.pid is not None  # started
        os.setpriority(os.PRIO_PROCESS, self._process.pid, ANALYSIS_NICENESS)
        child.close()

    def analyze(
        self, text: str, progress: Progress | None = None, each_chunk: EachChunk | None = None
    ) -> Analysis:
        """Blocking: call it from a worker thread, after :meth:`start`. Raises
        :class:`AnalysisFailedError`, or :class:`ServiceStoppedError`."""
        if self._stopped:
            raise ServiceStoppedError
        if self._process is None or self._connection is None:
            raise RuntimeError("the analysis service was not started")
        try:
            return self._request(self._connection, text, progress, each_chunk)
        except (EOFError, OSError):
            if self._stopped:
                raise ServiceStoppedError from None
            self._process.join(timeout=2)
            raise AnalysisFailedError(
                f"the analysis process ended unexpectedly (exit code {self._process.exitcode})"
            ) from None

    def _request(
        self, connection: Connection, text: str, progress: Progress | None, each_chunk: EachChunk | None
    ) -> Analysis:
        connection.send((text, self.lang, self.model, each_chunk is not None))
        while True:
            kind, payload = connection.recv()
            if kind == "done":
                analysis: Analysis = payload
                return analysis
            if kind == "progress":
                if progress is not None:
                    progress(payload)
            elif kind == "chunk":
                if each_chunk is not None:
                    each_chunk(payload)
            else:
                raise AnalysisFailedError(payload)

    def stop(self) -> None:
        self._stopped = True
        if self._process is None or self._connection is None:
            return
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(timeout=2)
        self._connection.close()


def start_service(
    document: Document, lang: str | None, model: ModelChoice, *, deferred: bool = False
) -> AnalysisService:
    """An analysis process loading the pipeline ``document`` needs (from
    :meth:`~AnalysisService.start` on, if ``deferred``); its language is
    detected here, once, unless ``lang`` names it. A long article's starts at
    once all the same: there the reader waits for highlights, not for the text."""
    long_text = len(document.text) >= PARALLEL_FROM_CHUNKS * CHUNK_CHARS
    return AnalysisService(
        lang or detect_language(document.text), model, long_text, deferred=deferred and not long_text
    )


def _serve(connection: Connection, warm_up: tuple[str, ModelChoice, bool] | None) -> None:
    # The terminal belongs to the UI: nothing from this process (warnings of
    # spaCy or its dependencies) may write to it.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    if warm_up is not None:
        _warm_up(*warm_up)
    while True:
        try:
            text, lang, model, stream = connection.recv()
        except (EOFError, OSError):
            return
        _answer(connection, text, lang, model, stream)


def _warm_up(lang: str, model: ModelChoice, long_text: bool) -> None:
    from tui.analysis import ModelNotFoundError
    from tui.analysis.analyzer import model_for
    from tui.analysis.pipeline import get_pipeline

    if long_text:  # both processes load their pipelines at the same time
        _SECOND_CORE.warm(lang, model_for(model, lang))
    # A missing model is said again, with context, when the request comes.
    with contextlib.suppress(ModelNotFoundError):
        get_pipeline(lang, model_for(model, lang))


def _answer(connection: Connection, text: str, lang: str | None, model: ModelChoice, stream: bool) -> None:
    """Send the analysis of ``text``, with progress (and each chunk of a long
    text, if asked), or why there is none. The engine is imported here, in
    the analysis process, on first use."""
    from tui.analysis import ModelNotFoundError, analyze

    def send_chunk(chunk: ChunkAnalysis) -> None:
        connection.send(("chunk", chunk))

    try:
        analysis = analyze(
            text,
            lang,
            model,
            progress=lambda done: connection.send(("progress", done)),
            each_chunk=send_chunk if stream else None,
            # The benchmark's reference: a long article in one process, as before.
            helper=None if os.environ.get(ONE_PROCESS_VARIABLE) else _SECOND_CORE,
        )
    except ModelNotFoundError as error:
        connection.send(("failed", str(error)))
    except Exception as error:  # noqa: BLE001 - reported in the UI instead of a dead worker
        connection.send(("failed", f"internal error in the analysis: {type(error).__name__}: {error}"))
    else:
        connection.send(("done", analysis))


class _SecondProcess:
    """The later chunks of a long article, analysed in a second process, so
    that it has both cores while the reader waits (the UI needs little). It
    is started when a long article is announced (or first analysed) and
    loads its own pipeline, about as much memory again as this process. A plain child process talking
    pickles over its stdin/stdout: the analysis process is a daemon, which
    multiprocessing does not let have children, and the child ends by itself
    when its input closes."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._results: queue.Queue[ChunkAnalysis] = queue.Queue()
        self._expected = 0
        self._warming = 0  # answers to warm-up jobs, not to be handed out

    def _running(self) -> subprocess.Popen[bytes]:
        if self._process is None or self._process.poll() is not None:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "tui.analysis_service"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
            threading.Thread(target=self._read, args=(self._process,), daemon=True).start()
        return self._process

    def warm(self, lang: str, model: str | None) -> None:
        """Start the process and load its pipeline with a one-word job."""
        self._warming += 1
        self._write(self._running(), [("Warm.", 0, lang, model, False)])

    def start(
        self, chunks: Sequence[tuple[str, int]], lang: str, model: str | None, with_items: bool
    ) -> None:
        process = self._running()
        jobs = [(chunk, offset, lang, model, with_items) for chunk, offset in chunks]
        self._expected = len(jobs)
        # Written from a thread: the child answers while it reads, and neither
        # pipe may fill up while the other side waits.
        threading.Thread(target=self._write, args=(process, jobs), daemon=True).start()

    def _write(
        self, process: subprocess.Popen[bytes], jobs: list[tuple[str, int, str, str | None, bool]]
    ) -> None:
        assert process.stdin is not None
        for job in jobs:
            pickle.dump(job, process.stdin)
        process.stdin.flush()

    def _read(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        with contextlib.suppress(EOFError, OSError, pickle.UnpicklingError):
            while True:
                result = pickle.load(process.stdout)
                if self._warming:
                    self._warming -= 1
                else:
                    self._results.put(result)

    def done(self) -> list[ChunkAnalysis]:
        found: list[ChunkAnalysis] = []
        with contextlib.suppress(queue.Empty):
            while len(found) < self._expected:
                found.append(self._results.get_nowait())
        self._expected -= len(found)
        return found

    def rest(self) -> list[ChunkAnalysis]:
        found = [self._results.get() for _ in range(self._expected)]
        self._expected = 0
        return found


def _chunk_worker() -> None:
    """The second process: (chunk, offset, lang, model, with_items) pickles in,
    one :class:`ChunkAnalysis` pickle out for each, until the input ends."""
    from tui.analysis.analyzer import analyze_chunk_text

    with contextlib.suppress(EOFError, BrokenPipeError):
        while True:
            job = pickle.load(sys.stdin.buffer)
            pickle.dump(analyze_chunk_text(*job), sys.stdout.buffer)
            sys.stdout.buffer.flush()


_SECOND_CORE = _SecondProcess()

if __name__ == "__main__":
    _chunk_worker()
