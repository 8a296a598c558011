"""The Textual application: wiring, themes, help, the command palette and
what the reader remembers between runs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingsMap, BindingType
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.screen import Screen

from tui import startup
from tui.analysis_service import Analyser, AnalysisService, start_service
from tui.i18n import _
from tui.paths import STYLES
from tui.screens.reader import PanesChanged, ReaderScreen
from tui.sources import Document, InputError, open_source
from tui.ui_state import UiState, load_state, save_state, screenshot_dir

if TYPE_CHECKING:
    from tui.screens.help import HelpRow
    from tui.screens.library import LibraryScreen
    from tui.store.protocol import AnnotationStore

DARK, LIGHT = "textual-dark", "textual-light"
# Textual's own palette commands and their help, in the interface's language.
_TEXTUAL_COMMANDS = {
    "Theme": _("Theme"),
    "Change the current theme": _("Change the current theme"),
    "Minimize": _("Minimize"),
    "Minimize the widget and restore to normal size": _("Minimize the widget and restore to normal size"),
    "Maximize": _("Maximize"),
    "Maximize the focused widget": _("Maximize the focused widget"),
}
# Textual's commands that ours replace: Keys (its key panel, beside our Help),
# Quit (in its words) and Screenshot (saved where we choose).
_REPLACED_COMMANDS = {"Keys", "Quit", "Screenshot"}


class RandnotizApp(App[None]):
    TITLE = "Randnotiz"
    CSS_PATH = STYLES / "randnotiz.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", _("Quit"), id="app.quit"),
        Binding("question_mark", "help", _("Help"), id="app.help"),
        Binding("t", "toggle_theme", _("Light/dark"), id="app.toggle_theme"),
        # Textual adds this one itself, but without a description for the help.
        Binding(
            "ctrl+p",
            "command_palette",
            _("Command palette"),
            show=False,
            priority=True,
            id="app.command_palette",
        ),
    ]

    def __init__(
        self,
        document: Document | None,
        *,
        library: LibraryScreen | None = None,
        theme: str | None = None,
        service: Analyser | None = None,
        store: AnnotationStore | None = None,
        keymap: dict[str, str] | None = None,
    ) -> None:
        """``service`` analyses the text, in the language and with the model it
        was started with; one with the defaults is started when none is given
        (it is started after the first paint, see :meth:`on_mount`). ``theme``
        None means the theme of the last run, else dark. ``store`` keeps the
        annotations; None opens the one in the user data directory once the
        text is on screen. Without a ``document`` the app starts on the
        ``library`` and opens what the reader chooses there (the service then
        detects each article's language). ``keymap`` maps binding ids to keys
        (the settings' ``[keymap]``)."""
        super().__init__()
        self.document = document
        self.library = library
        self._state = load_state()
        self.theme = theme or self._state.theme or DARK
        if service is None:
            service = (
                start_service(document, None, None, deferred=True)
                if document
                else AnalysisService(None, None, deferred=True)
            )
        self.analysis_service = service
        self._store = store
        self._clashes_reported: set[frozenset[str]] = set()
        if keymap:
            self.set_keymap(keymap)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is plain text: they quote the article, file names
        and the reader's words, and "[sic]" or "[/]" there is no markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def get_default_screen(self) -> Screen[None]:
        if self.document is None:
            assert self.library is not None, "the app needs a document or a library"
            return self.library
        return self._reader(self.document)

    def _reader(self, document: Document) -> ReaderScreen:
        return ReaderScreen(
            document,
            self.analysis_service,
            hidden_panes=self._state.hidden_panes,
            store=self.annotation_store,
        )

    def on_library_screen_chosen(self, message: LibraryScreen.Chosen) -> None:
        try:
            document = open_source(message.path)
        except InputError as error:
            self.notify(str(error), severity="error", timeout=8)
            return
        self.push_screen(self._reader(document), partial(self._back_in_library, document))

    def _back_in_library(self, document: Document, _: None = None) -> None:
        if self.library is None or self._store is None:
            return
        activity = self._store.activity([document.id]).get(document.id)
        if activity is not None:
            self.library.opened(document.source, activity.annotations, activity.last_opened or "")

    def annotation_store(self) -> AnnotationStore:
        if self._store is None:
            from tui.store import SQLiteStore  # opened after the first paint

            self._store = SQLiteStore()
        return self._store

    def on_mount(self) -> None:
        # A reader starts it itself, before its first request; the library
        # after its first paint, so that the process is ready when an article is chosen.
        self.call_after_refresh(self.analysis_service.start)

    def on_ready(self) -> None:
        # The first frame is on screen: the garbage collector may run again.
        startup.resume()

    def on_unmount(self) -> None:
        self.analysis_service.stop()
        if self._store is not None:
            self._store.close()

    # -- remembered between runs ------------------------------------------------

    def _remember(self, state: UiState) -> None:
        if state != self._state:
            self._state = state
            save_state(state)

    def watch_theme(self, theme: str) -> None:
        if self.is_running:  # the theme given at start is not a choice to remember
            self._remember(UiState(theme, self._state.hidden_panes))

    def on_panes_changed(self, message: PanesChanged) -> None:
        self._remember(UiState(self._state.theme, message.hidden))

    # -- actions -------------------------------------------------------------------

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen  # imported on first use, not before the first paint

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.help_rows()))

    def help_rows(self) -> list[HelpRow]:
        """The keys that work where the reader is now."""
        from tui.screens.help import help_rows

        return help_rows(self.screen)

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Save an SVG of the screen in the data folder (Textual's default,
        ~/Downloads, may not exist)."""
        folder = Path(path) if path else screenshot_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            saved = self.save_screenshot(filename, str(folder))
        except OSError as error:
            self.notify(_("No screenshot: {error}").format(error=error), severity="error")
        else:
            self.notify(_("Screenshot saved to {path}").format(path=saved), timeout=8)

    def action_command_palette(self) -> None:
        """Textual's palette, its placeholder in the interface's language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(CommandPalette(placeholder=_("Search for commands…"), id="--command-palette"))

    def search_themes(self) -> None:
        from textual.command import CommandPalette
        from textual.theme import ThemeProvider

        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=_("Search for themes…")))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title not in _REPLACED_COMMANDS:
                yield command._replace(
                    title=_TEXTUAL_COMMANDS.get(command.title, command.title),
                    help=_TEXTUAL_COMMANDS.get(command.help, command.help),
                )
        yield SystemCommand(_("Help"), _("Every key that works here"), self.action_help)
        yield SystemCommand(_("Quit"), _("Close Randnotiz"), self.action_quit)
        yield SystemCommand(
            _("Light/dark"), _("Switch between the light and the dark theme"), self.action_toggle_theme
        )
        yield SystemCommand(
            _("Screenshot"),
            _("Save an SVG of the screen in {folder}").format(folder=screenshot_dir()),
            # After the palette has closed, so that it is not in the picture.
            lambda: self.call_after_refresh(self.action_screenshot),
        )

    # -- keymap ----------------------------------------------------------------------

    def keymap_problems(self) -> list[str]:
        """Why the keymap cannot be used as it is: binding ids that no part of
        the interface has, and keys that two bindings of one screen or widget
        would share. Checked before the app runs, so each is one clear line."""
        if not self._keymap:
            return []
        classes = _interface_classes()
        known = {binding.id for cls in classes for binding in _own_bindings(cls) if binding.id}
        problems = [
            _("keymap: no key binding has the id {id!r}").format(id=binding_id)
            for binding_id in sorted(set(self._keymap) - known)
        ]
        for cls in classes:
            problems.extend(_clash_message(clash) for clash in _clashes(cls, self._keymap))
        return list(dict.fromkeys(problems))

    def handle_bindings_clash(self, clashed_bindings: set[Binding], node: DOMNode) -> None:
        """Keys a keymap gave two bindings that only meet at run time: said once."""
        ids = frozenset(binding.id or binding.action for binding in clashed_bindings)
        if ids not in self._clashes_reported:
            self._clashes_reported.add(ids)
            self.notify(_clash_message(clashed_bindings), severity="warning", timeout=10)


def _clashes(cls: type[DOMNode], keymap: Mapping[str, str]) -> list[set[Binding]]:
    """Bindings of ``cls`` (its own and inherited) that the keymap puts on one
    key. Textual's own check misses a key moved onto a binding the keymap
    leaves alone, the usual mistake."""
    by_key: dict[str, set[Binding]] = {}
    for key, binding in cls._merged_bindings or BindingsMap():  # what Textual overlays the keymap on
        keys = keymap[binding.id].split(",") if binding.id and binding.id in keymap else [key]
        for new_key in keys:
            by_key.setdefault(new_key.strip(), set()).add(binding)
    return [
        bindings
        for bindings in by_key.values()
        if len({binding.action for binding in bindings}) > 1 and any(b.id in keymap for b in bindings)
    ]


def _clash_message(clashed: set[Binding]) -> str:
    names = ", ".join(sorted({binding.id or binding.action for binding in clashed}))
    return _("keymap: one key for two actions: {bindings}").format(bindings=names)


def _interface_classes() -> list[type[DOMNode]]:
    """Every screen and widget class of Randnotiz (the app included)."""
    # Imported on first use elsewhere; their bindings count here.
    from tui.screens import annotation_dialogs, help, library  # noqa: F401

    found: list[type[DOMNode]] = []
    pending: list[type[DOMNode]] = [DOMNode]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("tui."):
            found.append(cls)
    return found


def _own_bindings(cls: type[DOMNode]) -> list[Binding]:
    return [binding for _key, binding in BindingsMap(cls.BINDINGS)]
