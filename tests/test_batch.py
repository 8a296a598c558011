"""Batch analysis: the same lines, in the same order, whether one process,
two worker processes or a Dask cluster does the work; Ctrl+C leaves nothing
behind."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator

import psutil
import pytest

from tui.batch import analyze_bag, analyze_jsonl
from tui.cli import main

TEXT_LINES = [
    json.dumps({"id": "de-1", "text": "Xiaomi will in die USA, sagte Hugo Barra am Montag."}),
    "{not json",
    json.dumps({"id": "en-1", "text": "The mayor of Springfield said 1,500 people came.", "lang": "en"}),
    json.dumps({"id": "empty", "text": "  "}),
    json.dumps({"id": "de-2", "text": "Laut Reuters stieg der Umsatz um knapp 15 Prozent."}),
    json.dumps({"id": "fr", "text": "Bonjour", "lang": "fr"}),
    json.dumps({"id": "no-text"}),
    json.dumps({"id": "de-3", "text": "Der Konzern verkaufte 2013 rund 18,7 Millionen Smartphones."}),
    json.dumps({"id": "en-2", "text": "Apple sold about 4.1 billion dollars worth of phones.", "lang": "en"}),
]
LINES = [line.encode() for line in TEXT_LINES]


@pytest.fixture(scope="module")
def one_process() -> list[str]:
    return list(analyze_jsonl(LINES, None, None, batch_size=2, workers=1))


def test_one_process_keeps_order_and_error_lines(one_process: list[str]) -> None:
    results = [json.loads(line) for line in one_process]
    assert [result["id"] for result in results] == [
        "de-1",
        None,
        "en-1",
        "empty",
        "de-2",
        "fr",
        "no-text",
        "de-3",
        "en-2",
    ]
    assert ["error" in result for result in results] == [
        False,
        True,
        False,
        True,
        False,
        True,
        True,
        False,
        False,
    ]


def test_two_worker_processes_print_the_same_lines(one_process: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "analyze", "--jsonl", "--workers", "2", "--batch-size", "2"],
        input="\n".join(TEXT_LINES) + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert result.stdout.splitlines() == one_process
    assert result.stderr == ""  # not a terminal: no progress line


@pytest.fixture(scope="module")
def dask_cluster() -> Iterator[object]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster


def test_a_dask_cluster_prints_the_same_lines(dask_cluster, one_process: list[str]) -> None:
    lines = analyze_jsonl(LINES, None, None, batch_size=2, scheduler=dask_cluster.scheduler_address)
    assert list(lines) == one_process


def test_analyze_bag_gives_the_same_objects(dask_cluster, one_process: list[str]) -> None:
    import dask.bag
    from distributed import Client

    records = [json.loads(line) for line in TEXT_LINES if line.startswith('{"')]
    expected = [json.loads(line) for line in one_process if json.loads(line)["id"] is not None]
    with Client(dask_cluster):
        results = analyze_bag(dask.bag.from_sequence(records, npartitions=3)).compute()
    assert results == expected


def test_scheduler_without_dask_says_how_to_get_it(monkeypatch, capsys) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(LINES[0] + b"\n")))
    assert main(["analyze", "--jsonl", "--scheduler", "local"]) == 1
    assert capsys.readouterr().err == "randnotiz: --scheduler needs Dask: pip install 'randnotiz[dask]'\n"


def test_progress_goes_to_a_terminal_only() -> None:
    status = io.StringIO()
    list(analyze_jsonl(LINES[:3], None, None, batch_size=2, progress=status, input_bytes=10_000))
    assert status.getvalue().startswith("\r\x1b[K2 articles, ")
    assert "3 articles" in status.getvalue() and "s left" in status.getvalue()


def test_ctrl_c_stops_every_worker() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "analyze", "--jsonl", "--workers", "2", "--batch-size", "1"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a shell gives it
    )
    assert process.stdin is not None and process.stdout is not None and process.stderr is not None
    try:
        process.stdin.write(TEXT_LINES[0] + "\n")
        process.stdin.flush()
        assert json.loads(process.stdout.readline())["id"] == "de-1"  # the workers are up
        workers = psutil.Process(process.pid).children(recursive=True)
        assert len(workers) >= 2
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl+C in a terminal does
        assert process.wait(timeout=30) == 130
        _, alive = psutil.wait_procs(workers, timeout=10)
        assert alive == []
        assert "Traceback" not in process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
