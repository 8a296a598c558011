"""HTML pages and Markdown notes become the text a reader sees: the article
alone, its title and metadata, and a segment per block pointing back to its
source line."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from tui.sources import InputError, open_source

PAGES = Path(__file__).parent / "data" / "pages"


def blocks(path: Path) -> list[str]:
    document = open_source(str(path))
    return [document.text[segment.start : segment.end] for segment in document.segments]


def test_a_german_news_page_keeps_only_the_article() -> None:
    document = open_source(str(PAGES / "windpark.html"))
    assert document.format == "html"
    assert document.title == "Windpark vor Borkum geht ans Netz"
    assert dict(document.metadata) == {"author": "Jonas Wild", "date": "2025-10-03", "site": "Nordsee-Kurier"}
    assert blocks(PAGES / "windpark.html") == [
        "Windpark vor Borkum geht ans Netz",
        (
            "Nach zwei Jahren Bauzeit liefert der Offshore-Windpark „Borkum Riffgrund 3“ seit Freitag Strom. "
            "Die 83 Turbinen kommen zusammen auf 913 Megawatt."
        ),
        (
            "„Das ist ein guter Tag für die Energiewende“, sagte Bauamtsleiterin Petra Sommer bei der Eröffnung. "
            "Der Betreiber Ørsted rechnet mit rund 3,5 Terawattstunden im Jahr."
        ),
        "Kritik der Fischer",
        (
            "Die Fischerei sieht das Projekt skeptisch. "
            "Laut dem Verband der Kutterfischer seien die Fanggründe um knapp ein Fünftel geschrumpft."
        ),
        "Baubeginn: Juli 2023",
        "Kosten: etwa 1,5 Milliarden Euro",
        "Wir werden nicht gefragt, wir werden informiert.",
    ]
    assert [segment.kind for segment in document.segments] == [
        "heading", "paragraph", "paragraph", "heading", "paragraph", "list_item", "list_item", "quote",
    ]  # fmt: skip
    # Each block points back at the line of the page it came from.
    page_lines = (PAGES / "windpark.html").read_text("utf-8").splitlines()
    for segment in document.segments:
        assert segment.source_line is not None
        assert document.text[segment.start : segment.start + 12] in page_lines[segment.source_line - 1]


@pytest.mark.parametrize("page", ["windpark.html", "harbour.html", "xiaomi.html"])
def test_no_navigation_banner_teaser_comment_footer_or_script_reaches_the_text(page: str) -> None:
    text = open_source(str(PAGES / page)).text
    for boilerplate in (
        "Cookies", "cookies", "Akzeptieren", "Impressum", "Kommentar", "Comments", "troll42", "Leser123",
        "Kuttermann", "Mehr zum Thema", "interessieren", "Most read", "newsletter", "Copyright", "©",
        "Skript", "not article text", "CSS-Text", "Subscribe", "Wirtschaft ›", "Anzeige", "Lesezeit",
    ):  # fmt: skip
        assert boilerplate not in text, boilerplate


def test_an_english_page_has_its_paragraphs_and_metadata() -> None:
    document = open_source(str(PAGES / "harbour.html"))
    assert document.title == "Harbour bridge repairs to cost $120 million"
    assert dict(document.metadata) == {
        "author": "Maria Lopez",
        "date": "2024-07-15",
        "site": "The Coastal Times",
    }
    assert document.text.split("\n\n")[1].startswith('"We cannot wait any longer," Mayor Jane Whitfield told')
    assert len(document.segments) == 3


def test_html_on_stdin_is_recognised(monkeypatch) -> None:
    page = (PAGES / "xiaomi.html").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page)))
    document = open_source("-")
    assert (document.format, document.title, document.source) == ("html", "Xiaomi will in die USA", "-")


def test_a_copyright_year_is_no_publication_date(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Windkraft: Neuer Rekord</title></head><body><article>"
        "<h1>Windkraft: Neuer Rekord</h1><p>Die Windparks in der Nordsee haben im Oktober so viel Strom "
        "erzeugt wie nie zuvor, teilte der Netzbetreiber Tennet am Montag in Bayreuth mit.</p>"
        "<p>Nach Angaben des Unternehmens lag die Einspeisung bei rund 4,2 Terawattstunden.</p>"
        "</article><footer>© Tagesblatt 2026</footer></body></html>",
        "utf-8",
    )
    document = open_source(str(page))
    assert document.title == "Windkraft: Neuer Rekord" and "date" not in document.metadata


def test_a_page_without_an_article_gets_one_line(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><head><script>var x = 1;</script></head><body><nav>Start</nav></body></html>")
    with pytest.raises(InputError, match=r"^.*empty\.html has no article text that Randnotiz could find$"):
        open_source(str(page))


def test_markdown_shows_text_without_markup() -> None:
    document = open_source(str(PAGES / "notes.md"))
    assert document.format == "markdown"
    assert document.title == "Recherche: Windpark Borkum"
    assert document.metadata["author"] == "Jonas Wild" and document.metadata["date"] == "2025-10-04"
    assert blocks(PAGES / "notes.md") == [
        "Windpark Borkum: offene Fragen",
        (
            "Die Bauamtsleiterin Petra Sommer nannte 913 Megawatt als Leistung. Das deckt sich mit der "
            "Pressemitteilung."
        ),
        "Zu prüfen",
        "Kosten: etwa 1,5 Milliarden Euro",
        "Fanggründe um knapp ein Fünftel kleiner?",
        "„Wir werden nicht gefragt“, sagte ein Fischer.",
        "Karte des Windparks",
    ]
    assert [s.kind for s in document.segments][:3] == ["heading", "paragraph", "heading"]
    assert [s.source_line for s in document.segments][:4] == [7, 9, 12, 14]
    assert "Roh-HTML" not in document.text and "https://" not in document.text


def test_markdown_without_a_heading_is_titled_by_its_first_line(tmp_path: Path) -> None:
    note = tmp_path / "n.md"
    note.write_text("Nur *ein* Absatz.\n")
    document = open_source(str(note))
    assert (document.title, document.text) == ("Nur ein Absatz.", "Nur ein Absatz.")


def test_analyze_points_into_the_extracted_text_and_says_so(capsys) -> None:
    import json

    from tui.cli import main

    assert main(["analyze", "--text", "--model", "rules", str(PAGES / "windpark.html")]) == 0
    result = json.loads(capsys.readouterr().out)
    document = result["document"]
    assert (document["format"], document["title"], document["author"]) == (
        "html",
        "Windpark vor Borkum geht ans Netz",
        "Jonas Wild",
    )
    assert document["id"] == open_source(str(PAGES / "windpark.html")).id
    text = result["text"]
    assert text.startswith("Windpark vor Borkum geht ans Netz\n\nNach zwei Jahren")
    for item in (*result["entities"], *result["numbers"], *result["quotes"]):
        assert text[item["start"] : item["end"]] == item["text"]
    assert [s["kind"] for s in document["segments"]][:2] == ["heading", "paragraph"]
