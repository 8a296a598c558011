"""What a reader sees: SVG snapshots of the main screens in a fixed size, on
recorded analyses. Update after an intended change with
``pytest --snapshot-update`` and say in the commit message why each changed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from .ui import analysed, make_app

SIZE = (140, 40)


def keys(*pressed: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Wait for the analysis, then press ``pressed``."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await analysed(pilot)
        await pilot.press(*pressed)
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()

    return run_before


def test_reader_with_the_seed_article(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=keys())


def test_reader_after_jumping_to_a_quote_light_theme(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=keys("t", "c", "c", "c", "c"))


def test_help_screen(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=keys("question_mark"))


@pytest.mark.parametrize("tabs", [1, 2, 3], ids=["quotes", "numbers", "glossary"])
def test_pane_focused(snap_compare, tabs: int) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=keys(*["tab"] * tabs, "down", "down"))


def test_label_dialog_over_the_reader(snap_compare) -> None:
    # A box over the article, the entity it is about still in view.
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=keys("e", "L"))


def test_search_active(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=keys("slash", *"Barra", "enter", "n"))


def test_search_bar_open(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=keys("slash", *"Xiao"))


def test_80_by_24_with_a_number_selected(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=keys("d"))


def test_english_article_light_theme(snap_compare) -> None:
    assert snap_compare(
        make_app("harbour-bridge.en", theme="textual-light"), terminal_size=SIZE, run_before=keys("e")
    )


def test_no_color(snap_compare, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=keys("e", "c"))


def test_annotations_in_the_text_the_gutter_and_their_pane(snap_compare, tmp_path) -> None:
    from tui.store import AnnotationSession, EntityCorrection, SQLiteStore

    from .recorded import recorded
    from .ui import document

    text = recorded("xiaomi-usa.de").text
    store = SQLiteStore(tmp_path / "annotations.sqlite3")
    session = AnnotationSession.open(store, document(text))
    phrase = text.index("chinesische Smartphone Hersteller")
    session.add(phrase, phrase + 33, note="Bindestrich fehlt im Original", tags=("prüfen",))
    session.add(38, 44, entity=EntityCorrection("MISC"))
    barra = text.index("Hugo Barra war")
    session.add(barra, barra + 10, tags=("Person", "Zitat bestätigt"))
    assert snap_compare(make_app(store=store), terminal_size=SIZE, run_before=keys("1", "2"))
