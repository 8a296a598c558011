"""What the import-linter contracts in pyproject.toml cannot say.

The analysis is pure: it reads no user files or streams and writes nothing.
Only :mod:`tui.analysis.bundled` reads files, those shipped in the package.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ANALYSIS = Path(__file__).resolve().parents[1] / "tui" / "analysis"
# Calls and attributes that touch files, streams or the user's folders.
IO_NAMES = frozenset(
    {
        "open",
        "read_text",
        "read_bytes",
        "write_text",
        "write_bytes",
        "mkdir",
        "touch",
        "unlink",
        "rename",
        "rmtree",
        "stdin",
        "stdout",
        "stderr",
        "print",
        "input",
        "home",
        "expanduser",
        "getenv",
        "environ",
        "to_disk",
        "from_disk",
    }
)
IO_MODULES = frozenset({"os", "shutil", "tempfile", "io", "sys", "platformdirs", "pickle", "sqlite3"})
ALLOWED = {
    "bundled.py": "reads the data files and models shipped in the package",
    # Serialisation hooks spaCy calls when it loads the bundled model (and
    # the training recipe saves it): the files are the model's, not the user's.
    "half_vectors.py": "the vector table's half-precision disk format",
    "word_classes.py": "the word-feature tables the model component saves and loads with the model",
}


def io_uses(source: str) -> set[str]:
    """Names in ``source`` that read or write outside the process."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] in IO_MODULES)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in IO_MODULES:
            found.add(node.module)
        elif isinstance(node, ast.Attribute) and node.attr in IO_NAMES:
            found.add(node.attr)
        elif isinstance(node, ast.Name) and node.id in IO_NAMES:
            found.add(node.id)
    return found


@pytest.mark.parametrize(
    "path",
    sorted(path for path in ANALYSIS.rglob("*.py") if path.name not in ALLOWED),
    ids=lambda path: path.name,
)
def test_the_analysis_reads_and_writes_no_files(path: Path) -> None:
    assert not io_uses(path.read_text("utf-8")), f"{path.name} does I/O; only bundled.py may read files"


def test_the_checker_sees_io() -> None:
    source = (
        "import os, tempfile\nfrom platformdirs import user_cache_path\n"
        "open('x')\nPath('x').write_text('y')\nsys.stdin.read()\n"
    )
    assert io_uses(source) >= {"os", "tempfile", "platformdirs", "open", "write_text", "stdin"}
    assert not io_uses("text = normalise(text)\nspans = sorted(spans)\n")
