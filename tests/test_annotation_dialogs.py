"""The annotation dialogs, driven with real keys: what the reader types is
what comes back, and Esc always cancels."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App
from textual.screen import ModalScreen
from textual.widgets import TextArea

from tui.screens.annotation_dialogs import (
    LabelDialog,
    NoteDialog,
    PersonalEntryAnswer,
    PersonalEntryDialog,
    SpeakerDialog,
    TagsDialog,
    parse_tags,
)

NOT_ANSWERED = object()


class Host(App[None]):
    def __init__(self, dialog: ModalScreen[Any]) -> None:
        super().__init__()
        self.dialog = dialog
        self.answer: Any = NOT_ANSWERED

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.answered)

    def answered(self, answer: Any) -> None:
        self.answer = answer


async def answer_of(dialog: ModalScreen[Any], *keys: str) -> Any:
    app = Host(dialog)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        return app.answer


async def test_a_note_is_saved_with_ctrl_s() -> None:
    answer = await answer_of(NoteDialog("Hugo Barra"), *"Quelle?", "enter", *"Anrufen", "ctrl+s")
    assert answer == "Quelle?\nAnrufen"


async def test_editing_a_note_starts_from_the_old_text() -> None:
    assert await answer_of(NoteDialog("Hugo Barra", "Alt"), *" und neu", "ctrl+s") == "Alt und neu"


@pytest.mark.parametrize(
    "dialog",
    [
        NoteDialog("x", "keep"),
        TagsDialog("x", ["prüfen"], []),
        LabelDialog("x", "PER"),
        SpeakerDialog("x", "Barra", []),
    ],
    ids=["note", "tags", "label", "speaker"],
)
async def test_escape_cancels_every_dialog(dialog: ModalScreen[Any]) -> None:
    assert await answer_of(dialog, "x", "escape") is None


async def test_tags_complete_from_those_used_before() -> None:
    dialog = TagsDialog("Hugo Barra", [], ["prüfen", "falsch", "Zitat bestätigt"])
    answer = await answer_of(dialog, *"prü", "right", *", zit", "right", "enter")
    assert answer == ("prüfen", "Zitat bestätigt")


async def test_an_empty_tag_line_removes_all_tags() -> None:
    assert await answer_of(TagsDialog("x", ["prüfen", "falsch"], []), "ctrl+u", "enter") == ()


def test_tags_are_trimmed_and_each_kept_once() -> None:
    assert parse_tags(" prüfen ,falsch,, prüfen , Zitat   bestätigt ") == (
        "prüfen",
        "falsch",
        "Zitat bestätigt",
    )


async def test_the_label_dialog_starts_on_the_current_label() -> None:
    assert await answer_of(LabelDialog("Xiaomi", "PER"), "down", "enter") == "LOC"
    assert await answer_of(LabelDialog("Xiaomi", None), "down", "down", "enter") == "ORG"
    assert await answer_of(LabelDialog("Montag", "MISC"), "down", "enter") == "none"


async def test_the_speaker_completes_from_the_article_names() -> None:
    dialog = SpeakerDialog("„Wir kommen“", "", ["Hugo Barra", "Xiaomi"])
    assert await answer_of(dialog, *"hu", "right", "enter") == "Hugo Barra"
    assert await answer_of(SpeakerDialog("„Wir kommen“", "Barra", []), "ctrl+u", "enter") == ""


async def test_the_speaker_example_comes_from_this_article() -> None:
    from textual.widgets import Input

    for names, example in ((["James Lewis", "Leeds"], "James Lewis"), ([], "who said it")):
        app = Host(SpeakerDialog("“We will not back down”", "", names))
        async with app.run_test() as pilot:
            await pilot.pause()
            assert app.screen.query_one(Input).placeholder == example


async def test_a_glossary_entry_keeps_its_term_takes_a_note_and_completes_tags() -> None:
    dialog = PersonalEntryDialog("Netzentgelt", known=["Strompreis", "prüfen"], new=True)
    answer = await answer_of(dialog, *"Gebühr", "enter", *"fürs Netz", "tab", *"Str", "right", "ctrl+s")
    assert answer == PersonalEntryAnswer("Netzentgelt", "Gebühr\nfürs Netz", ("Strompreis",))


async def test_a_glossary_entry_needs_a_term() -> None:
    keys = ("shift+tab", "ctrl+u", "ctrl+s")  # to the term, cleared: not saved
    assert await answer_of(PersonalEntryDialog("IEA", new=False), *keys) is NOT_ANSWERED
    answer = await answer_of(
        PersonalEntryDialog("IEA", new=False), *keys, *"  Internationale   Energieagentur", "enter"
    )
    assert answer == PersonalEntryAnswer("Internationale Energieagentur", "", ())


async def test_the_glossary_dialog_labels_its_fields_and_starts_in_the_first_empty_one() -> None:
    app = Host(PersonalEntryDialog("Netzentgelt", new=True))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        labels = [str(label.render()) for label in screen.query(".dialog-label")]
        assert labels == ["Term", "Note", "Tags"]
        assert screen.query_one("#personal-note", TextArea).placeholder
        assert app.focused is screen.query_one("#personal-note")
        await pilot.press("tab")
        assert app.focused is screen.query_one("#personal-tags")
        await pilot.press("tab")
        assert app.focused is screen.query_one("#personal-term")
        await pilot.press("shift+tab", "shift+tab")
        assert app.focused is screen.query_one("#personal-note")
    cases: tuple[tuple[PersonalEntryDialog, str], ...] = (
        (PersonalEntryDialog("", new=True), "#personal-term"),
        (PersonalEntryDialog("IEA", "Agentur", new=False), "#personal-tags"),
        (PersonalEntryDialog("IEA", "Agentur", ["Energie"], new=False), "#personal-note"),
    )
    for dialog, first in cases:
        app = Host(dialog)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert app.focused is dialog.query_one(first)


async def test_tab_into_a_filled_field_keeps_its_text() -> None:
    dialog = PersonalEntryDialog("IEA", "Agentur", ["Energie"], new=False)
    answer = await answer_of(dialog, *" in Paris", "tab", *", Paris", "tab", *"-Report", "ctrl+s")
    assert answer == PersonalEntryAnswer("IEA-Report", "Agentur in Paris", ("Energie", "Paris"))
