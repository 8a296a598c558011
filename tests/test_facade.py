"""The reader starts fast: the analysis facade and its types load no engine."""

from __future__ import annotations

import functools
import gc
import json
import subprocess
import sys
from collections.abc import Iterator

import pytest

from tui import startup
from tui.cli import main

from .ui import make_app

ENGINE = ("spacy", "babel", "tui.analysis.analyzer", "tui.analysis.pipeline", "tui.analysis.gazetteer")


def modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running ``code``."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    return set(json.loads(result.stdout))


# The reader as `randnotiz` starts it on the sample (headless), stopped at its first frame.
AT_FIRST_PAINT = """
import json, sys
from tui import cli
from tui.app import RandnotizApp

def on_ready(app):
    print(json.dumps(sorted(sys.modules)))
    app.exit()

RandnotizApp.on_ready = on_ready
cli._run = lambda app: app.run(headless=True, size=(140, 40)) or 0
cli.main([])
"""


@functools.cache
def modules_at_first_paint() -> frozenset[str]:
    """The modules the reader's process has loaded when its first frame is on screen."""
    result = subprocess.run(
        [sys.executable, "-c", AT_FIRST_PAINT], capture_output=True, text=True, timeout=60, check=True
    )
    return frozenset(json.loads(result.stdout))


@pytest.mark.parametrize(
    "code",
    [
        "import tui.analysis",
        "from tui.analysis import Analysis, Entity, GlossaryEntry, Number, Quote, Span, detect_language",
        "from tui.analysis.model import Analysis\nfrom tui.analysis.spans import SpanIndex",
    ],
)
def test_importing_the_facade_loads_no_engine(code: str) -> None:
    loaded = modules_after(code)
    assert not {name for name in loaded if name.split(".")[0] in ENGINE or name in ENGINE}


def test_the_reader_loads_no_engine_before_its_first_paint() -> None:
    loaded = modules_at_first_paint()
    assert "tui.screens.reader" in loaded
    assert not {name for name in loaded if name.split(".")[0] in ENGINE or name in ENGINE}


def test_the_engine_loads_on_first_use() -> None:
    loaded = modules_after("from tui.analysis import analyze")
    assert {"tui.analysis.analyzer", "babel"} <= loaded


def test_an_unknown_name_is_an_attribute_error() -> None:
    import tui.analysis

    with pytest.raises(AttributeError, match="has no attribute 'analyse'"):
        _ = tui.analysis.analyse
    assert "analyze" in dir(tui.analysis)


def test_the_reader_imports_only_what_its_first_frame_needs_before_it() -> None:
    loaded = modules_at_first_paint()
    later = {
        "importlib.metadata",  # --version alone needs the installed version
        "markdown_it",  # ~20 ms; .md files only
        "tui.sources.html",  # .html files only
        "multiprocessing",  # starts the analysis process, after the first paint
        "rapidfuzz",  # re-anchors annotations, after the first paint
        "sqlite3",  # opens the store, after the first paint
        "tomllib",  # a first start has no settings file to parse
        "textual.widgets._data_table",  # the panes are mounted after the first paint...
        "tui.widgets.panes",
        "tui.widgets.annotations_pane",
        "tui.widgets.footer",  # ... and so are the footer's keys
        "textual.widgets._progress_bar",  # only a long article reports progress
        "tui.screens.annotation_dialogs",  # open on a key
        "tui.screens.help",
        "tui.screens.library",  # other commands
        "tui.batch",
    }
    assert not {name for name in loaded if name.split(".")[0] in later or name in later}
    # Of the store, only where its files are: the store opens after the first paint.
    assert {name for name in loaded if name.startswith("tui.store.")} == {"tui.store.location"}


@pytest.fixture
def collector_paused() -> Iterator[None]:
    """The collector off, as the CLI starts the reader; back as it was afterwards."""
    startup.pause()
    try:
        yield
    finally:
        gc.enable()
        gc.unfreeze()


@pytest.mark.usefixtures("collector_paused")
async def test_the_collector_runs_again_once_the_first_frame_is_on_screen() -> None:
    async with make_app().run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        assert gc.isenabled()
        # What the start allocated is out of the collector's way from then on.
        assert gc.get_freeze_count() > 0


@pytest.mark.usefixtures("collector_paused")
def test_resuming_twice_or_without_a_pause_changes_nothing() -> None:
    startup.resume()
    frozen = gc.get_freeze_count()
    startup.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_the_cli_leaves_the_collector_on_when_the_reader_does_not_start(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--theme", "no-such-theme"]) == 1
    assert "unknown theme 'no-such-theme'" in capsys.readouterr().err
    assert gc.isenabled()
