"""What the reader remembers between runs (theme, hidden panes) and where
its own files go (screenshots): a small JSON file in the user data folder,
or in the folder named by ``RANDNOTIZ_DATA_DIR`` (tests point it elsewhere,
so they never touch the real home).

The state is a convenience: a missing, unreadable or broken file means
the defaults, and a failed write is ignored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from tui.store.location import data_dir

STATE_FILE = "state.json"


@dataclass(frozen=True, slots=True)
class UiState:
    theme: str | None = None  # a Textual theme name; None: the default
    hidden_panes: frozenset[str] = field(default_factory=frozenset)


def load_state(folder: Path | None = None) -> UiState:
    path = (folder or data_dir()) / STATE_FILE
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return UiState()
    if not isinstance(data, dict):
        return UiState()
    theme = data.get("theme")
    hidden = data.get("hidden_panes")
    return UiState(
        theme=theme if isinstance(theme, str) else None,
        hidden_panes=frozenset(p for p in hidden if isinstance(p, str))
        if isinstance(hidden, list)
        else frozenset(),
    )


def save_state(state: UiState, folder: Path | None = None) -> None:
    folder = folder or data_dir()
    data = {"theme": state.theme, "hidden_panes": sorted(state.hidden_panes)}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / STATE_FILE).write_text(json.dumps(data) + "\n", "utf-8")
    except OSError:
        pass  # remembering is a convenience: a read-only home must not stop the reader


def screenshot_dir() -> Path:
    """Where the palette's "Screenshot" saves (created when needed)."""
    return data_dir() / "screenshots"
