"""Batch analysis of JSON lines: in this process, on several worker processes,
or on a Dask cluster, always streamed back in input order.

Lines are parsed here (cheap), texts travel in batches, and each batch comes
back as finished JSON lines, so spaCy, the per-article steps (quotes,
numbers, glossary) and the JSON encoding all run where the batch runs. A
feeder thread reads the input and keeps a bounded number of batches in
flight; the caller's thread hands results out in order as each is done, so a
slow line on stdin never holds back a result that is ready.
"""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from tui.analysis.model import Analysis, ModelChoice
from tui.analysis.text import SUPPORTED_LANGUAGES, detect_language

if TYPE_CHECKING:
    import dask.bag

# Enough batches queued per worker that none waits for the next one.
_IN_FLIGHT_PER_WORKER = 2
_DONE = object()


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


@dataclass(frozen=True, slots=True)
class Request:
    """A line to analyse."""

    id: Any
    text: str
    lang: str


@dataclass(frozen=True, slots=True)
class Refusal:
    """A line that cannot be analysed, and why (its answer is an error object)."""

    id: Any
    error: str


Item = Request | Refusal
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def parse_item(line: bytes, default_lang: str | None) -> Item:
    """What one input line asks for, or why it cannot be answered."""
    try:
        decoded = line.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as error:
        return Refusal(None, f"not valid UTF-8 (byte 0x{line[error.start]:02x} at offset {error.start})")
    try:
        item = json.loads(decoded)
    except json.JSONDecodeError as error:
        return Refusal(None, f"invalid JSON: {error.msg} (column {error.colno})")
    except RecursionError:
        return Refusal(None, "invalid JSON: nested too deeply")
    except ValueError as error:  # e.g. an integer of more digits than Python converts
        return Refusal(None, f"invalid JSON: {error}")
    if not isinstance(item, dict):
        return Refusal(None, "each line must be a JSON object with 'id' and 'text'")
    return _request(item, default_lang)


def _request(item: Mapping[str, Any], default_lang: str | None) -> Item:
    item_id = item.get("id")
    text = item.get("text")
    if not isinstance(text, str):
        return Refusal(item_id, "missing 'text' (a string)")
    if not text.strip():
        return Refusal(item_id, "empty text")
    if surrogate := _LONE_SURROGATE.search(text):
        return Refusal(
            item_id,
            f"text holds a lone surrogate (U+{ord(surrogate.group()):04X}) at offset {surrogate.start()}",
        )
    lang = item.get("lang", default_lang)
    if lang in (None, "auto"):
        lang = detect_language(text)
    if lang not in SUPPORTED_LANGUAGES:
        return Refusal(item_id, f"unsupported lang {lang!r}; use one of {', '.join(SUPPORTED_LANGUAGES)}")
    return Request(item_id, text, lang)


def analyze_items(batch: Sequence[Item], model: ModelChoice, batch_size: int) -> list[dict[str, Any]]:
    """The result object of every item, in order (error objects for refusals)."""
    results: dict[int, dict[str, Any]] = {}
    by_lang: dict[str, list[tuple[int, Request]]] = {}
    for index, item in enumerate(batch):
        if isinstance(item, Refusal):
            results[index] = {"id": item.id, "error": item.error}
        else:
            by_lang.setdefault(item.lang, []).append((index, item))
    for lang, requests in by_lang.items():
        texts = [request.text for _, request in requests]
        for (index, request), outcome in zip(
            requests, _analyses(texts, lang, model, batch_size), strict=True
        ):
            if isinstance(outcome, str):
                results[index] = {"id": request.id, "error": outcome}
            else:
                results[index] = {"id": request.id, **outcome.to_json()}
    return [results[index] for index in range(len(batch))]


def _analyses(texts: list[str], lang: str, model: ModelChoice, batch_size: int) -> list[Analysis | str]:
    """The analyses in one spaCy pass; if that fails, one by one, so that
    only the text at fault gets an error (its message) instead of the batch."""
    from tui.analysis import ModelNotFoundError, analyze_batch

    try:
        return list(analyze_batch(texts, lang, model, batch_size))
    except ModelNotFoundError:
        raise
    except Exception:  # noqa: BLE001 - retried text by text below
        pass
    outcomes: list[Analysis | str] = []
    for text in texts:
        try:
            outcomes.extend(analyze_batch([text], lang, model, 1))
        except ModelNotFoundError:
            raise
        except Exception as error:  # noqa: BLE001 - reported on the text's own line
            outcomes.append(f"internal error in the analysis: {type(error).__name__}: {error}")
    return outcomes


def encode_batch(batch: Sequence[Item], model: ModelChoice, batch_size: int) -> list[str]:
    """One batch analysed and encoded: what a worker sends back."""
    return [_json_line(result) for result in analyze_items(batch, model, batch_size)]


def _json_line(result: dict[str, Any]) -> str:
    line = json.dumps(result, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate in an id: JSON's \\u escape carries it
        return json.dumps(result)
    return line


def analyze_jsonl(
    lines: Iterable[bytes],
    lang: str | None,
    model: ModelChoice,
    batch_size: int = 32,
    workers: int = 1,
    scheduler: str | None = None,
    progress: TextIO | None = None,
    input_bytes: int | None = None,
) -> Iterator[str]:
    """One JSON line per non-blank input line, in input order.

    ``workers`` 1 analyses here; more start that many worker processes;
    ``scheduler`` (a ``dask.distributed`` address or ``local``) sends the
    batches to a Dask cluster instead. ``progress``, a terminal, gets a
    status line as batches finish, with an ETA when ``input_bytes`` (the
    input's size) is known.
    """
    reader = _BatchReader(lines, lang, batch_size)
    if scheduler is not None:
        results = _on_dask(iter(reader), model, batch_size, scheduler)
    elif workers > 1:
        results = _on_processes(iter(reader), model, batch_size, workers)
    else:
        results = ((batch, encode_batch(batch, model, batch_size)) for batch in reader)
    meter = _Progress(progress, reader, input_bytes) if progress is not None else None
    for batch, encoded in results:
        if meter is not None:
            meter.done(batch)
        yield from encoded
    if meter is not None:
        meter.finish()


class _BatchReader:
    """Parses input lines into batches, counting the bytes read for an ETA."""

    def __init__(self, lines: Iterable[bytes], lang: str | None, batch_size: int) -> None:
        self._lines = lines
        self._lang = lang
        self._batch_size = batch_size
        self.bytes_read = 0

    def __iter__(self) -> Iterator[list[Item]]:
        batch: list[Item] = []
        for line in self._lines:
            self.bytes_read += len(line)
            if not line.strip():
                continue
            batch.append(parse_item(line, self._lang))
            if len(batch) >= self._batch_size:
                yield batch
                batch = []
        if batch:
            yield batch


class _Pending(Protocol):
    """What a submitted batch is on any backend: a result to wait for."""

    def wait(self) -> list[str]: ...


def _in_order(
    batches: Iterator[list[Item]], submit: Callable[[list[Item]], _Pending], in_flight: int
) -> Iterator[tuple[list[Item], list[str]]]:
    """Submit batches from a feeder thread, at most ``in_flight`` ahead of the
    consumer, and hand results out in submission order."""
    pending: queue.Queue[Any] = queue.Queue()
    slots = threading.Semaphore(in_flight)
    failure: list[BaseException] = []

    def feed() -> None:
        try:
            for batch in batches:
                slots.acquire()
                pending.put((batch, submit(batch)))
        except Exception as error:  # noqa: BLE001 - re-raised by the consumer, in order
            failure.append(error)
        finally:
            pending.put(_DONE)

    # A daemon: a feeder blocked on stdin must not keep the process alive.
    threading.Thread(target=feed, name="randnotiz-batch-feeder", daemon=True).start()
    while (head := pending.get()) is not _DONE:
        batch, result = head
        encoded = result.wait()
        slots.release()
        yield batch, encoded
    if failure:
        raise failure[0]


@dataclass(frozen=True, slots=True)
class _PoolResult:
    result: Any  # multiprocessing.pool.AsyncResult[list[str]]

    def wait(self) -> list[str]:
        return list(self.result.get())


def _on_processes(
    batches: Iterator[list[Item]], model: ModelChoice, batch_size: int, workers: int
) -> Iterator[tuple[list[Item], list[str]]]:
    import multiprocessing

    # spawn: a worker starts from a clean interpreter, never from a fork of
    # a process that holds threads (the feeder) or a half-loaded pipeline.
    pool = multiprocessing.get_context("spawn").Pool(workers, initializer=_ignore_interrupts)
    finished = False
    try:
        yield from _in_order(
            batches,
            lambda batch: _PoolResult(pool.apply_async(encode_batch, (batch, model, batch_size))),
            workers * _IN_FLIGHT_PER_WORKER,
        )
        finished = True
    finally:
        # Ctrl+C, a closed pipe or an error: stop every worker now, leave no orphans.
        if finished:
            pool.close()
        else:
            pool.terminate()
        pool.join()


def _ignore_interrupts() -> None:
    # Ctrl+C reaches the whole process group: the parent stops the workers,
    # which must not die half-way with tracebacks of their own. Each worker
    # loads a language's pipeline once, on its first batch in that language.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@dataclass(frozen=True, slots=True)
class _DaskResult:
    future: Any  # distributed.Future

    def wait(self) -> list[str]:
        return list(self.future.result())


def _on_dask(
    batches: Iterator[list[Item]], model: ModelChoice, batch_size: int, scheduler: str
) -> Iterator[tuple[list[Item], list[str]]]:
    client, cluster = _dask_client(scheduler)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        yield from _in_order(
            batches,
            lambda batch: _DaskResult(client.submit(encode_batch, batch, model, batch_size, pure=False)),
            workers * _IN_FLIGHT_PER_WORKER,
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _dask_client(scheduler: str) -> tuple[Any, Any]:
    """A client of the named scheduler, or of a new local cluster (one
    single-threaded worker process per core: spaCy holds the GIL)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise DaskMissingError("--scheduler needs Dask: pip install 'randnotiz[dask]'") from error
    if scheduler != "local":
        return Client(scheduler), None
    cluster = LocalCluster(
        n_workers=default_workers(), threads_per_worker=1, processes=True, dashboard_address=None
    )
    return Client(cluster), cluster


class DaskMissingError(Exception):
    """``--scheduler`` was given but Dask is not installed; the message says how to get it."""


def analyze_bag(
    bag: dask.bag.Bag, lang: str | None = None, model: ModelChoice = None, batch_size: int = 32
) -> dask.bag.Bag:
    """Analyse a Dask bag of articles where it lies: each element a
    ``{"id", "text", "lang"?}`` mapping or a plain text; the result is a bag of
    the same result objects that ``analyze --jsonl`` prints, in the same order."""
    return bag.map_partitions(_analyze_partition, lang, model, batch_size)


def _analyze_partition(
    records: Iterable[Mapping[str, Any] | str], lang: str | None, model: ModelChoice, batch_size: int
) -> list[dict[str, Any]]:
    items = [_request({"text": record} if isinstance(record, str) else record, lang) for record in records]
    return analyze_items(items, model, batch_size)


class _Progress:
    """A one-line status on a terminal: articles done, words/s, and an ETA
    when the input's size is known."""

    def __init__(self, stream: TextIO, reader: _BatchReader, input_bytes: int | None) -> None:
        self._stream = stream
        self._reader = reader
        self._input_bytes = input_bytes
        self._started = time.perf_counter()
        self._articles = 0
        self._words = 0

    def done(self, batch: list[Item]) -> None:
        self._articles += len(batch)
        self._words += sum(len(item.text.split()) for item in batch if isinstance(item, Request))
        elapsed = max(time.perf_counter() - self._started, 1e-9)
        status = f"{self._articles:,} articles, {self._words / elapsed:,.0f} words/s"
        if self._input_bytes and self._reader.bytes_read:
            share = min(1.0, self._reader.bytes_read / self._input_bytes)
            status += f", {share:.0%}, about {elapsed / share - elapsed:,.0f} s left"
        self._stream.write(f"\r\x1b[K{status}")
        self._stream.flush()

    def finish(self) -> None:
        self._stream.write("\n")
        self._stream.flush()


def progress_stream() -> TextIO | None:
    """stderr when it is a terminal (a person watching), else nothing."""
    return sys.stderr if sys.stderr.isatty() else None
