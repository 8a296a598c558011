"""The analysis and store layers never import the UI toolkit."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "tui"
UI_MODULES = ("textual", "rich", "tui.app", "tui.screens", "tui.widgets")


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
    return modules


@pytest.mark.parametrize("path", sorted((PACKAGE / "analysis").rglob("*.py")), ids=lambda p: p.name)
def test_analysis_does_not_import_the_ui(path: Path) -> None:
    offending = {
        m
        for m in imported_modules(path)
        if m.split(".")[0] in {"textual", "rich"} or m.startswith(UI_MODULES[2:])
    }
    assert not offending, f"{path.name} imports {offending}"


def test_the_checker_sees_ui_imports(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text("from textual.app import App\nimport rich\n")
    assert {"textual.app", "rich"} <= imported_modules(module)
