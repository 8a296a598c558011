"""One vocabulary for what the analysis finds, shared by the JSON output, the
legend, the panes, the article view and the stylesheet.

``name`` is the label exactly as ``randnotiz analyze`` writes it (``PER``,
``indirect``, ``percent``); the UI shows that name, and the legend says
what it means. ``component`` names the highlight: the article view and the
legend get one component class per highlight (``article-view--per``,
``legend--per``), styled by the rule that :func:`component_css` builds from
``style``. Every style differs in text style as well as colour, so
``NO_COLOR`` and monochrome terminals still tell the highlights apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tui.i18n import _


@dataclass(frozen=True, slots=True)
class Label:
    name: str  # as in the JSON output
    meaning: str  # what the legend says, in the interface's language
    component: str  # the highlight: component class suffix
    style: str  # TCSS declarations of that highlight


_QUOTE_STYLE = "background: $primary-muted;"
_NUMBER_STYLE = "color: $text-error; text-style: bold italic;"

ENTITY_LABELS: tuple[Label, ...] = (
    Label("PER", _("person"), "per", "color: $text-warning; text-style: bold;"),
    Label("ORG", _("organisation"), "org", "color: $text-accent; text-style: bold underline;"),
    Label("LOC", _("place"), "loc", "color: $text-success; text-style: underline;"),
    Label("MISC", _("other name"), "misc", "color: $text-secondary; text-style: italic;"),
)
QUOTE_KINDS: tuple[Label, ...] = (
    Label("direct", _("direct speech, in quotation marks"), "quote", _QUOTE_STYLE),
    Label("indirect", _("reported speech"), "quote", _QUOTE_STYLE),
)
NUMBER_KINDS: tuple[Label, ...] = tuple(
    Label(kind, meaning, "number", _NUMBER_STYLE)
    for kind, meaning in (
        ("cardinal", _("a count")),
        ("decimal", _("a decimal number")),
        ("percent", _("a percentage")),
        ("percentage_points", _("percentage points")),
        ("money", _("an amount of money")),
        ("quantity", _("a measured quantity")),
        ("year", _("a year")),
        ("ordinal", _("an ordinal")),
        ("date", _("a date")),
        ("time", _("a time of day")),
        ("fraction", _("a fraction")),
        ("score", _("a score")),
    )
)

# A term of the reader's own glossary: overline tells it from every entity
# style without colour, and it adds to the entity style of a name.
PERSONAL = Label("mine", _("in my glossary"), "mine", "text-style: overline; background: $secondary-muted;")

LABELS: Mapping[str, Label] = {
    label.name: label for label in (*ENTITY_LABELS, *QUOTE_KINDS, *NUMBER_KINDS, PERSONAL)
}

# What the legend shows, in order: each entity label, then one sample for
# all quotes and one for all numbers (their kinds share a highlight), and
# the reader's own glossary (shown only where the article has its terms).
LEGEND: tuple[tuple[str, str, str], ...] = (
    *((label.component, label.name, label.meaning) for label in ENTITY_LABELS),
    ("quote", _("quote"), ""),
    ("number", _("number"), ""),
    (PERSONAL.component, _("mine"), ""),
)


def highlight_styles() -> dict[str, str]:
    """Component suffix -> TCSS declarations, one entry per highlight."""
    return {label.component: label.style for label in LABELS.values()}


def entity_component(label: str) -> str | None:
    """The highlight of an entity label, or None for labels the UI does not
    highlight (an English pipeline's DATE, say)."""
    found = LABELS.get(label)
    return found.component if found is not None and found in ENTITY_LABELS else None


def component_css(widget: str, prefix: str) -> str:
    """TCSS rules styling ``widget``'s ``{prefix}--{component}`` classes."""
    return "\n".join(
        f"{widget} > .{prefix}--{component} {{ {style} }}" for component, style in highlight_styles().items()
    )
