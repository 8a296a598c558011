"""The article view: wrapped text with highlight layers, rendered with the
Line API so only visible lines are ever built (a 5 MB text scrolls as fast
as a short one)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import ClassVar

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.analysis.spans import SpanIndex
from tui.i18n import _
from tui.labels import component_css, highlight_styles
from tui.safe_text import safe

# Drawing order: later layers win where they overlap.
LAYER_ORDER = ("quote", "entity", "mine", "number", "annotation", "match", "selection", "visual", "caret")
# The gutter left of the text, where annotated lines get a mark.
GUTTER = 1
MARK = "▍"


@dataclass(frozen=True, slots=True)
class Highlight:
    start: int
    end: int
    component: str  # an ArticleView component class, e.g. "article-view--per"


def merge_highlights(highlights: Iterable[Highlight]) -> SpanIndex[Highlight]:
    """One layer: overlapping highlights (nested quotes) become one, in the
    style of the first; empty ones are dropped."""
    merged: list[Highlight] = []
    for highlight in sorted(highlights, key=lambda h: (h.start, -h.end)):
        if highlight.end <= highlight.start:
            continue
        if merged and highlight.start < merged[-1].end:
            last = merged[-1]
            if highlight.end > last.end:
                merged[-1] = Highlight(last.start, highlight.end, last.component)
            continue
        merged.append(highlight)
    return SpanIndex(merged)


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """Shows the article; knows nothing of NLP, only of highlighted spans.

    The text wraps, so the container keys for scrolling sideways are not inherited:
    the help would list keys that do nothing."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"article-view--{component}" for component in highlight_styles()),
        "article-view--match",
        "article-view--selection",
        "article-view--annotation",
        "article-view--visual",
        "article-view--caret",
        "article-view--mark",
    }
    DEFAULT_CSS = component_css("ArticleView", "article-view")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_down", _("Line down"), show=False, id="article.line_down"),
        Binding("up,k", "scroll_up", _("Line up"), show=False, id="article.line_up"),
        Binding("pagedown,space", "page_down", _("Page down"), show=False, id="article.page_down"),
        Binding("pageup,b", "page_up", _("Page up"), show=False, id="article.page_up"),
        Binding("home,g", "scroll_home", _("Top"), show=False, id="article.top"),
        Binding("end,G", "scroll_end", _("Bottom"), show=False, id="article.bottom"),
    ]

    @dataclass
    class ViewportMoved(Message):
        """The visible part of the text changed: [start, end) offsets."""

        start: int
        end: int

    @dataclass
    class Clicked(Message):
        """The reader clicked on the character at ``offset``."""

        offset: int

    @dataclass
    class Dragged(Message):
        """The reader drags the mouse from ``anchor`` to ``offset`` (both on characters)."""

        anchor: int
        offset: int

    def __init__(self, text: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = text
        self._display = safe(text, keep_newlines=True)
        self._layers: dict[str, SpanIndex[Highlight]] = {}
        self._lines: list[tuple[int, int]] = []
        self._line_starts: list[int] = []
        self._wrap_width = 0
        self._strips: LRUCache[tuple[int, int], Strip] = LRUCache(1024)
        self._last_viewport: tuple[int, int] | None = None
        self._marks: SpanIndex[Highlight] = SpanIndex(())
        self._drag_anchor: int | None = None
        # Where the reader is: the first character on screen. Kept apart from
        # the scroll position, which a resize clamps on its way (the view is
        # laid out at in-between sizes before the text is wrapped again).
        self._reading_offset = 0

    # -- what the screen calls -------------------------------------------------

    def set_layer(self, name: str, highlights: Iterable[Highlight]) -> None:
        self._layers[name] = merge_highlights(highlights)
        self._invalidate()

    def highlights(self, layer: str) -> list[Highlight]:
        """What a layer highlights now, in text order."""
        found = self._layers.get(layer)
        return list(found) if found is not None else []

    def select(self, start: int, end: int, *, scroll: bool = True) -> None:
        """Mark [start, end) as the current item and bring it into view."""
        self.set_layer("selection", [Highlight(start, end, "article-view--selection")])
        if scroll:
            self.scroll_to_offset(start)

    def clear_selection(self) -> None:
        self.set_layer("selection", [])

    def set_marks(self, spans: Iterable[tuple[int, int]]) -> None:
        """Mark the lines these spans are on, in the gutter (annotations)."""
        self._marks = SpanIndex(Highlight(start, end, "article-view--mark") for start, end in spans)
        self._invalidate()

    def scroll_to_offset(self, offset: int) -> None:
        line = self.line_of(offset)
        height = self.scrollable_content_region.height
        if not self.top_line <= line < self.top_line + height:
            self.scroll_to(y=max(0, line - height // 3), animate=False)

    def line_of(self, offset: int) -> int:
        return max(0, bisect_right(self._line_starts, offset) - 1)

    @property
    def top_line(self) -> int:
        """The line at the top of the view. Textual repaints a scroll view when
        the *rounded* scroll position changes, so rendering must round too."""
        return self.scroll_offset.y

    @property
    def visible_range(self) -> tuple[int, int]:
        if not self._lines:
            return 0, 0
        top = min(self.top_line, len(self._lines) - 1)
        bottom = min(top + self.scrollable_content_region.height, len(self._lines)) - 1
        return self._lines[top][0], self._lines[max(top, bottom)][1]

    @property
    def line_count(self) -> int:
        return len(self._lines)

    # -- layout ------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap(self.scrollable_content_region.width - GUTTER)

    def _rewrap(self, width: int) -> None:
        width = max(width, 10)
        if width == self._wrap_width:
            return
        anchor = self._reading_offset if self._lines else 0
        self._wrap_width = width
        self._lines = list(wrap(self._display, width))
        self._line_starts = [start for start, _ in self._lines]
        self.virtual_size = Size(width, len(self._lines))
        self._invalidate()
        # Forced: the scrollbars of the new size are not laid out yet.
        self.scroll_to(y=self.line_of(anchor), animate=False, force=True)

    def _invalidate(self) -> None:
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # the theme changed: component styles did too

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if self._lines and self._wrap_width == max(self.scrollable_content_region.width - GUTTER, 10):
            self._reading_offset = self._lines[min(self.top_line, len(self._lines) - 1)][0]
        self._post_viewport()

    def on_mount(self) -> None:
        self.call_after_refresh(self._post_viewport)

    def _post_viewport(self) -> None:
        viewport = self.visible_range
        if viewport != self._last_viewport:
            self._last_viewport = viewport
            self.post_message(self.ViewportMoved(*viewport))

    # -- rendering ---------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if self._wrap_width != max(width - GUTTER, 10):
            # The first frame is drawn before the Resize event arrives: wrap
            # now, so that the text is in it.
            self._rewrap(width - GUTTER)
        index = self.top_line + y
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        key = (index, width)
        strip = self._strips.get(key)
        if strip is None:
            start, end = self._lines[index]
            gutter = (
                Segment(MARK, self._component_style("article-view--mark"))
                if self._marked(start, end)
                else None
            )
            text = self._render_text_line(start, end)
            strip = Strip([gutter or Segment(" " * GUTTER, self.rich_style), *text])
            strip = strip.adjust_cell_length(width, self.rich_style)
            self._strips[key] = strip
        return strip

    def _marked(self, start: int, end: int) -> bool:
        # An empty spacer line is marked by nothing: its span would touch the
        # next paragraph's first annotation.
        return end > start and bool(self._marks.overlapping(start, end))

    def _render_text_line(self, start: int, end: int) -> Strip:
        base = self.rich_style
        cuts = {start, end}
        active: list[Highlight] = []  # in drawing order: layers are visited in LAYER_ORDER
        for name in LAYER_ORDER:
            layer = self._layers.get(name)
            if layer is None:
                continue
            for highlight in layer.overlapping(start, end):
                active.append(highlight)
                cuts.add(max(start, highlight.start))
                cuts.add(min(end, highlight.end))
        points = sorted(cuts)
        segments = []
        for left, right in pairwise(points):
            style = base
            for highlight in active:
                if highlight.start < right and highlight.end > left:
                    style = style + self._component_style(highlight.component)
            segments.append(Segment(self._display[left:right], style))
        return Strip(segments)

    def _component_style(self, component: str) -> Style:
        return self.get_component_rich_style(component, partial=True)

    # -- mouse -------------------------------------------------------------------

    def offset_at(self, event: events.MouseEvent) -> int | None:
        """The text offset of the character under the mouse, or None."""
        position = event.get_content_offset(self)  # None on the border or padding
        if position is None:
            return None
        index = self.top_line + position.y
        if index >= len(self._lines):
            return None
        start, end = self._lines[index]
        column = GUTTER
        for offset in range(start, end):
            column += get_character_cell_size(self._display[offset])
            if column > position.x:
                return offset
        return None

    def on_click(self, event: events.Click) -> None:
        offset = self.offset_at(event)
        if offset is not None:
            self.post_message(self.Clicked(offset))

    def on_mouse_down(self, event: events.MouseDown) -> None:
        self._drag_anchor = self.offset_at(event)
        if self._drag_anchor is not None:
            self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._drag_anchor is None or not event.button:
            return
        offset = self.offset_at(event)
        if offset is not None and offset != self._drag_anchor:
            self.post_message(self.Dragged(self._drag_anchor, offset))

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._drag_anchor is not None:
            self._drag_anchor = None
            self.release_mouse()


def wrap(text: str, width: int) -> Iterable[tuple[int, int]]:
    """Greedy word wrap of ``text`` into (start, end) lines of at most
    ``width`` cells; paragraphs break at ``\\n``, long words hard-break."""
    paragraph_start = 0
    length = len(text)
    while paragraph_start <= length:
        paragraph_end = text.find("\n", paragraph_start)
        if paragraph_end == -1:
            paragraph_end = length
        paragraph = text[paragraph_start:paragraph_end]
        if cell_len(paragraph) == len(paragraph):
            yield from _wrap_narrow(text, paragraph_start, paragraph_end, width)
        else:
            yield from _wrap_cells(text, paragraph_start, paragraph_end, width)
        following = paragraph_end + 1
        if paragraph.strip() and following < length and text[following] != "\n":
            # Paragraphs separated by a single line end still read as
            # paragraphs: an empty spacer line at the line end's offset.
            yield paragraph_end, paragraph_end
        paragraph_start = following


def _wrap_narrow(text: str, start: int, end: int, width: int) -> Iterable[tuple[int, int]]:
    """Fast path: one cell per character, so string searches do the work."""
    while end - start > width:
        space = text.rfind(" ", start, start + width + 1)
        if space <= start:
            yield start, start + width
            start += width
        else:
            yield start, space
            start = space + 1
    yield start, end


def _wrap_cells(text: str, start: int, end: int, width: int) -> Iterable[tuple[int, int]]:
    """Wide characters (CJK, emoji) take two cells: count them one by one."""
    line_start = start
    cells = 0
    last_space = -1
    offset = start
    while offset < end:
        size = get_character_cell_size(text[offset])
        if cells + size > width and offset > line_start:
            if last_space > line_start:
                yield line_start, last_space
                line_start = offset = last_space + 1
            else:
                yield line_start, offset
                line_start = offset
            cells = 0
            last_space = -1
            continue
        if text[offset] == " ":
            last_space = offset
        cells += size
        offset += 1
    yield line_start, end
