"""The corrections overlay: the reader's fixes over the model's analysis, never mutating it."""

from __future__ import annotations

from dataclasses import replace

from tui.analysis.model import Analysis, Entity, Quote, Span
from tui.store.anchoring import quote_selector
from tui.store.corrections import apply_corrections
from tui.store.model import Annotation, EntityCorrection

TEXT = "„Wir kommen“, sagte Hugo Barra. Xiaomi und Apple streiten in Amerika. Barra lacht."


def span(words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return start, start + len(words)


def entity(words: str, label: str, nth: int = 0) -> Entity:
    start, end = span(words, nth)
    return Entity(start, end, words, label=label)


def fix(words: str, stamp: str, *, nth: int = 0, **body: object) -> Annotation:
    start, end = span(words, nth)
    return Annotation(
        f"id-{words}-{stamp}",
        "doc",
        start,
        end,
        quote_selector(TEXT, start, end),
        created=stamp,
        modified=stamp,
        **body,  # type: ignore[arg-type]
    )


ANALYSIS = Analysis(
    text=TEXT,
    lang="de",
    pipeline="test",
    entities=(
        entity("Hugo Barra", "PER"),
        entity("Xiaomi", "ORG"),
        entity("Apple", "LOC"),
        entity("Barra", "PER", nth=1),
    ),
    quotes=(Quote(*span("Wir kommen"), "Wir kommen", kind="direct", speaker=None),),
)


def test_labels_are_fixed_entities_added_and_deleted_and_the_glossary_follows() -> None:
    corrected = apply_corrections(
        ANALYSIS,
        [
            fix("Apple", "2026-01-01T10:00:00Z", entity=EntityCorrection("ORG")),
            fix("Amerika", "2026-01-01T10:00:01Z", entity=EntityCorrection("LOC")),
            fix("Xiaomi", "2026-01-01T10:00:02Z", entity=EntityCorrection(None)),
        ],
    )
    assert [(e.text, e.label, e.origin) for e in corrected.entities] == [
        ("Hugo Barra", "PER", "model"),
        ("Apple", "ORG", "reader"),
        ("Amerika", "LOC", "reader"),
        ("Barra", "PER", "model"),
    ]
    assert all(TEXT[e.start : e.end] == e.text for e in corrected.entities)
    # The entity cards follow; the key terms (a removed name may become one) are not entities.
    assert [(g.name, g.label, len(g.mentions)) for g in corrected.glossary if g.kind == "entity"] == [
        ("Hugo Barra", "PER", 2),
        ("Apple", "ORG", 1),
        ("Amerika", "LOC", 1),
    ]
    assert [e.text for e in ANALYSIS.entities] == ["Hugo Barra", "Xiaomi", "Apple", "Barra"]  # untouched


def test_a_wider_label_replaces_the_entities_it_overlaps_and_the_later_fix_wins() -> None:
    corrected = apply_corrections(
        ANALYSIS,
        [
            fix("Xiaomi und Apple", "2026-01-01T10:00:05Z", entity=EntityCorrection("MISC")),
            fix("Apple", "2026-01-01T10:00:01Z", entity=EntityCorrection("ORG")),
        ],
    )
    assert [(e.text, e.label) for e in corrected.entities][1:3] == [
        ("Xiaomi und Apple", "MISC"),
        ("Barra", "PER"),
    ]


def test_a_speaker_is_set_at_the_nearest_mention_and_can_be_cleared() -> None:
    quote_fix = fix("Wir kommen", "2026-01-01T10:00:00Z", speaker="Barra")
    (quote,) = apply_corrections(ANALYSIS, [quote_fix]).quotes
    assert quote.speaker == Span(*span("Barra"), "Barra")  # in "Hugo Barra", not the later "Barra"
    cleared = fix("Wir kommen", "2026-01-01T10:00:09Z", speaker="")
    assert apply_corrections(ANALYSIS, [quote_fix, cleared]).quotes[0].speaker is None


def test_the_readers_speaker_replaces_the_name_the_model_resolved() -> None:
    resolved = replace(
        ANALYSIS,
        quotes=(replace(ANALYSIS.quotes[0], speaker=Span(*span("Xiaomi"), "Xiaomi"), speaker_name="Xiaomi"),),
    )
    (quote,) = apply_corrections(
        resolved, [fix("Wir kommen", "2026-01-01T10:00:00Z", speaker="Hugo Barra")]
    ).quotes
    assert (quote.speaker_name, quote.said_by) == ("Hugo Barra", "Hugo Barra")
    cleared = fix("Wir kommen", "2026-01-01T10:00:09Z", speaker="")
    assert apply_corrections(resolved, [cleared]).quotes[0].said_by is None


def test_orphans_and_plain_notes_change_nothing() -> None:
    orphan = fix("Apple", "2026-01-01T10:00:00Z", entity=EntityCorrection(None))
    orphan = replace(orphan, state="orphan")
    note = fix("Xiaomi", "2026-01-01T10:00:00Z", note="Marke", tags=("prüfen",))
    assert apply_corrections(ANALYSIS, [orphan, note]) is ANALYSIS
