"""The reader starts fast: the analysis facade and its types load no engine."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

ENGINE = ("spacy", "babel", "tui.analysis.analyzer", "tui.analysis.pipeline", "tui.analysis.gazetteer")


def modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running ``code``."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    return set(json.loads(result.stdout))


@pytest.mark.parametrize(
    "code",
    [
        "import tui.analysis",
        "from tui.analysis import Analysis, Entity, GlossaryEntry, Number, Quote, Span, detect_language",
        "from tui.analysis.model import Analysis\nfrom tui.analysis.spans import SpanIndex",
        # What the reader's process imports before the first paint.
        "import tui.cli, tui.app, tui.sources, tui.analysis_service",
    ],
)
def test_importing_the_facade_loads_no_engine(code: str) -> None:
    loaded = modules_after(code)
    assert not {name for name in loaded if name.split(".")[0] in ENGINE or name in ENGINE}


def test_the_engine_loads_on_first_use() -> None:
    loaded = modules_after("from tui.analysis import analyze")
    assert {"tui.analysis.analyzer", "babel"} <= loaded


def test_an_unknown_name_is_an_attribute_error() -> None:
    import tui.analysis

    with pytest.raises(AttributeError, match="has no attribute 'analyse'"):
        _ = tui.analysis.analyse
    assert "analyze" in dir(tui.analysis)


def test_the_reader_imports_no_reader_of_other_formats_or_fuzzy_matcher_before_its_first_paint() -> None:
    # markdown-it (~20 ms) reads .md files only; rapidfuzz re-anchors annotations
    # after the first paint; the library screen and the batch tools are other commands,
    # the annotation dialogs open on a key.
    loaded = modules_after("import tui.cli, tui.app, tui.sources, tui.analysis_service")
    later = {
        "markdown_it",
        "rapidfuzz",
        "tui.screens.library",
        "tui.screens.annotation_dialogs",
        "tui.screens.help",
        "tui.batch",
    }
    assert not {name for name in loaded if name.split(".")[0] in later or name in later}
