"""The small dialogs of annotating: a note, tags, an entity label, a speaker.

Each is a modal that returns what the reader chose (None when cancelled) and
knows nothing of the store: the reader screen turns the answer into a store
change. Every dialog shows the words it is about, so a reader never annotates
the wrong span by accident.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester, SuggestFromList
from textual.widgets import Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from tui.i18n import _
from tui.safe_text import one_line

# What the label dialog can answer besides a label: the span is no entity,
# or the reader's earlier correction is withdrawn.
LabelChoice = Literal["PER", "LOC", "ORG", "MISC", "none", "clear"]
NOT_AN_ENTITY: LabelChoice = "none"
CLEAR_CORRECTION: LabelChoice = "clear"

_LABEL_OPTIONS: tuple[tuple[LabelChoice, str], ...] = (
    ("PER", _("Person (PER)")),
    ("LOC", _("Place (LOC)")),
    ("ORG", _("Organisation (ORG)")),
    ("MISC", _("Other name (MISC)")),
    (NOT_AN_ENTITY, _("Not an entity: remove it")),
    (CLEAR_CORRECTION, _("Clear my correction")),
)
_EXCERPT_CHARS = 60


def _about(text: str) -> Static:
    return Static(f"“{one_line(text, _EXCERPT_CHARS)}”", classes="dialog-about", markup=False)


class NoteDialog(ModalScreen[str | None]):
    """A multi-line note; ``Ctrl+S`` saves, ``Esc`` cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", _("Save note"), id="note.save"),
        Binding("escape", "cancel", _("Cancel"), id="note.cancel"),
    ]

    def __init__(self, about: str, note: str = "") -> None:
        super().__init__()
        self._about = about
        self._note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="note-dialog"):
            yield Static(_("Note"), classes="dialog-title")
            yield _about(self._about)
            yield TextArea(self._note, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Static(_("Ctrl+S save · Esc cancel"), classes="dialog-help")

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


def parse_tags(value: str) -> tuple[str, ...]:
    """Comma-separated tags, trimmed, each once, in the order typed."""
    tags = (" ".join(tag.split()) for tag in value.split(","))
    return tuple(dict.fromkeys(tag for tag in tags if tag))


class TagSuggester(Suggester):
    """Completes the tag being typed (after the last comma) from the tags
    used before."""

    def __init__(self, known: Sequence[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._known = list(known)

    async def get_suggestion(self, value: str) -> str | None:
        head, comma, typed = value.rpartition(",")
        stem = typed.lstrip()
        if not stem:
            return None
        taken = set(parse_tags(head))
        for tag in self._known:
            if tag.casefold().startswith(stem.casefold()) and tag not in taken:
                # The tag as first written, so "zit" becomes "Zitat bestätigt".
                return head + comma + typed[: len(typed) - len(stem)] + tag
        return None


class TagsDialog(ModalScreen[tuple[str, ...] | None]):
    """Tags, comma-separated, completed with ``→`` from the tags used before;
    ``Enter`` saves (an empty line removes all tags), ``Esc`` cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", _("Cancel"), id="tags.cancel")]

    def __init__(self, about: str, tags: Iterable[str], known: Sequence[str]) -> None:
        super().__init__()
        self._about = about
        self._tags = ", ".join(tags)
        self._known = known

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="tags-dialog"):
            yield Static(_("Tags"), classes="dialog-title")
            yield _about(self._about)
            yield Input(
                self._tags,
                placeholder=_("check, quote confirmed"),
                suggester=TagSuggester(self._known),
                id="tags-input",
            )
            used = ", ".join(self._known[:12]) or _("none yet")
            yield Static(_("Used before: {tags}").format(tags=used), classes="dialog-help", markup=False)
            yield Static(_("Enter save · → complete · Esc cancel"), classes="dialog-help")

    @on(Input.Submitted)
    def save(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(parse_tags(event.value))

    def action_cancel(self) -> None:
        self.dismiss(None)


class LabelDialog(ModalScreen[LabelChoice | None]):
    """The entity label of a span: a type, no entity, or back to the model's."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", _("Cancel"), id="label.cancel")]

    def __init__(self, about: str, current: str | None) -> None:
        super().__init__()
        self._about = about
        self._current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="label-dialog"):
            yield Static(_("Entity label"), classes="dialog-title")
            yield _about(self._about)
            yield OptionList(
                *(Option(text, id=choice) for choice, text in _LABEL_OPTIONS), id="label-options"
            )
            yield Static(_("Enter choose · Esc cancel"), classes="dialog-help")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        choices = [choice for choice, _ in _LABEL_OPTIONS]
        options.highlighted = choices.index(self._current) if self._current in choices else 0
        options.focus()

    @on(OptionList.OptionSelected)
    def choose(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = event.option.id
        self.dismiss(next(c for c, _ in _LABEL_OPTIONS if c == choice))

    def action_cancel(self) -> None:
        self.dismiss(None)


class SpeakerDialog(ModalScreen[str | None]):
    """Who said a quote: completed from the article's people and
    organisations; an empty line says the quote has no known speaker."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", _("Cancel"), id="speaker.cancel")]

    def __init__(self, about: str, speaker: str, names: Sequence[str]) -> None:
        super().__init__()
        self._about = about
        self._speaker = speaker
        self._names = names

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="speaker-dialog"):
            yield Static(_("Speaker"), classes="dialog-title")
            yield _about(self._about)
            yield Input(
                self._speaker,
                # An example from this article: a fixed name would look like a suggestion.
                placeholder=self._names[0] if self._names else _("who said it"),
                suggester=SuggestFromList(self._names, case_sensitive=False),
                id="speaker-input",
            )
            yield Static(_("Enter save (empty: no speaker) · → complete · Esc cancel"), classes="dialog-help")

    @on(Input.Submitted)
    def save(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(" ".join(event.value.split()))

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True, slots=True)
class PersonalEntryAnswer:
    """What the reader wrote in the personal glossary dialog."""

    term: str
    note: str
    tags: tuple[str, ...]


class PersonalEntryDialog(ModalScreen[PersonalEntryAnswer | None]):
    """An entry of the reader's own glossary: the term (prefilled from the
    text, editable), a note and tags, each under its label; ``Ctrl+S`` saves,
    ``Esc`` cancels. The focus starts in the first empty field (the note,
    usually: the term is mostly right as it comes); Tab and Shift+Tab move
    between the fields, and a field reached by Tab keeps its text, the
    cursor at its end, so nothing typed replaces it unseen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", _("Save to my glossary"), id="personal.save"),
        Binding("escape", "cancel", _("Cancel"), id="personal.cancel"),
    ]

    def __init__(
        self, term: str, note: str = "", tags: Iterable[str] = (), known: Sequence[str] = (), *, new: bool
    ) -> None:
        super().__init__()
        self._term = term
        self._note = note
        self._tags = ", ".join(tags)
        self._known = known
        self._new = new

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="personal-dialog"):
            title = _("Add to my glossary") if self._new else _("Edit my glossary entry")
            yield Static(title, classes="dialog-title")
            with Vertical(classes="dialog-field"):
                yield Label(_("Term"), classes="dialog-label")
                yield Input(self._term, placeholder=_("term"), select_on_focus=False, id="personal-term")
            with Vertical(classes="dialog-field"):
                yield Label(_("Note"), classes="dialog-label")
                yield TextArea(
                    self._note,
                    placeholder=_("what the term means, where it comes from"),
                    id="personal-note",
                    soft_wrap=True,
                    show_line_numbers=False,
                )
            with Vertical(classes="dialog-field"):
                yield Label(_("Tags"), classes="dialog-label")
                yield Input(
                    self._tags,
                    placeholder=_("tags, comma-separated"),
                    suggester=TagSuggester(self._known),
                    select_on_focus=False,
                    id="personal-tags",
                )
            yield Static(
                _("Ctrl+S save · Tab/Shift+Tab next/previous field · → complete a tag · Esc cancel"),
                classes="dialog-help",
            )

    def on_mount(self) -> None:
        term = self.query_one("#personal-term", Input)
        note = self.query_one(TextArea)
        tags = self.query_one("#personal-tags", Input)
        note.move_cursor(note.document.end)
        empty = [
            field
            for field, value in ((term, self._term), (note, self._note), (tags, self._tags))
            if not value
        ]
        (empty[0] if empty else note).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        term = " ".join(self.query_one("#personal-term", Input).value.split())
        if not term:
            self.notify(_("A glossary entry needs a term"), severity="warning", timeout=3)
            self.query_one("#personal-term", Input).focus()
            return
        note = self.query_one(TextArea).text.strip()
        tags = parse_tags(self.query_one("#personal-tags", Input).value)
        self.dismiss(PersonalEntryAnswer(term, note, tags))

    def action_cancel(self) -> None:
        self.dismiss(None)
