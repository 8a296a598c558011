"""Bytes and files to documents: encodings, refusals, titles, identity."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.analysis.text import normalise
from tui.sources import MAX_BYTES, InputError, decode, document_id, open_source

from .conftest import SEEDS


def test_decode_strips_the_utf8_byte_order_mark() -> None:
    document = decode("\ufeffHallo Welt".encode(), "a.txt")
    assert document.text == "Hallo Welt"
    assert document.note is None
    assert document.metadata["encoding"] == "utf-8"


def test_windows_1252_is_read_with_a_note() -> None:
    document = decode("Größe: 5 €".encode("cp1252"), "alt.txt")
    assert document.text == "Größe: 5 €"
    assert document.note == "alt.txt is not valid UTF-8; read it as cp1252"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_detected(encoding: str) -> None:
    data = "\ufeffÜber Straßen\r\nzweite Zeile".encode(encoding)
    document = decode(data, "u16.txt")
    assert document.text == "Über Straßen\nzweite Zeile"
    assert document.note is None
    assert document.metadata["encoding"] == "utf-16"


def test_a_utf16_mark_on_broken_utf16_is_refused() -> None:
    with pytest.raises(InputError, match="has a UTF-16 mark but is not valid UTF-16"):
        decode(b"\xff\xfeA\x00\x00\xd8", "kaputt.txt")


def test_a_named_encoding_wins_over_detection() -> None:
    data = "Ärger über Öl".encode("latin-1")
    named = decode(data, "l1.txt", "latin-1")
    assert (named.text, named.note) == ("Ärger über Öl", None)  # asked for: nothing to remark
    # Without it, the same bytes are read the Windows way, with a note.
    assert decode(data, "l1.txt").note == "l1.txt is not valid UTF-8; read it as cp1252"


def test_a_wrong_or_unknown_encoding_is_a_clear_error() -> None:
    with pytest.raises(InputError, match=r"a\.txt cannot be read as ascii: .*position 0"):
        decode("Ärger".encode(), "a.txt", "ascii")
    with pytest.raises(InputError, match=r"a\.txt cannot be read as klingon: unknown encoding"):
        decode(b"Hallo", "a.txt", "klingon")


def test_undecodable_bytes_name_the_offset() -> None:
    with pytest.raises(InputError, match=r"not valid UTF-8 \(byte 0x81 at offset 4\)"):
        decode(b"abcd\x81\x8d", "bad.txt")


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", "\ufeff  ".encode()])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^leer\.txt is empty$"):
        decode(data, "leer.txt")


def test_binary_input_is_refused() -> None:
    with pytest.raises(InputError, match="looks like a binary file"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "bild.png")


def test_escape_sequences_are_text_not_binary() -> None:
    assert decode(b"Titel \x1b[31mrot\x1b[0m", "esc.txt").text == "Titel \x1b[31mrot\x1b[0m"


def test_the_title_is_the_first_non_empty_line() -> None:
    document = decode(b"\n\n  Xiaomi will in die USA  \nDer Hersteller ...", "artikel.txt")
    assert document.title == "Xiaomi will in die USA"
    assert (document.source, document.format) == ("artikel.txt", "text")


def test_a_paragraph_is_no_title_so_the_file_name_is() -> None:
    paragraph = "Ein sehr langer erster Absatz ohne Überschrift. " * 10
    assert decode(paragraph.encode(), "/tmp/nachrichten/artikel.txt").title == "artikel.txt"
    assert decode(paragraph.encode(), "-").title == "stdin"


def test_open_source_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Titel\r\nText über Cafe\u0301.".encode())
    document = open_source(str(path))
    assert (document.text, document.source, document.title) == ("Titel\nText über Café.", str(path), "Titel")


def test_open_source_reads_stdin_for_a_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Hallo\nWelt".encode("cp1252"))))
    document = open_source("-")
    assert (document.text, document.source, document.title) == ("Hallo\nWelt", "-", "Hallo")


def test_stdin_errors_name_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    with pytest.raises(InputError, match=r"^stdin is empty$"):
        open_source("-")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        open_source(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="is a folder"):
        open_source(str(tmp_path))


def test_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(InputError, match="Randnotiz reads articles up to 20 MB"):
        open_source(str(path))


def test_the_id_is_stable_across_runs_and_follows_the_text(tmp_path: Path) -> None:
    sample = SEEDS / "xiaomi-usa.de.txt"
    # Pinned: later the library and the annotations are keyed on it.
    assert open_source(str(sample)).id == "21b8f9bf1e356b9041e603b0807a3f8a"
    copy = tmp_path / "copy.txt"
    copy.write_bytes(sample.read_bytes().replace(b"\n", b"\r\n"))
    assert open_source(str(copy)).id == open_source(str(sample)).id  # same normalised text
    copy.write_bytes(sample.read_bytes() + b" ")
    assert open_source(str(copy)).id != open_source(str(sample)).id


# Text as an article holds it: any character but the C0 controls the binary
# sniffer counts (tab, newline, form feed and escape are text), no byte order mark.
ARTICLE_TEXT = st.text(
    st.characters(codec="utf-8", exclude_characters="\ufeff").filter(
        lambda char: ord(char) >= 0x20 or char in "\t\n\r\x0c\x1b"
    ),
    min_size=1,
).filter(str.strip)


@given(ARTICLE_TEXT)
def test_utf8_and_utf16_give_the_normalised_text_and_the_same_id(text: str) -> None:
    from_utf8 = decode(text.encode("utf-8"), "a.txt")
    from_utf16 = decode(text.encode("utf-16"), "a.txt")  # with a byte order mark
    assert from_utf8.text == from_utf16.text == normalise(text)
    assert from_utf8.id == from_utf16.id == document_id(normalise(text))
    assert from_utf8.note is None and from_utf16.note is None
    assert from_utf8.title in from_utf8.text or from_utf8.title == "a.txt"


AGENCY_COPY = (
    "Berlin (dpa) - Die Bundesnetzagentur hat die Netzentgelte für das\n"
    "kommende Jahr genehmigt. Nach Angaben der Behörde steigen sie im\n"
    "Durchschnitt um knapp 15 Prozent, wie ein Sprecher am Montag in Bonn\n"
    "sagte.\n"
    "\n"
    'Die Verbraucherzentralen kritisierten die Entscheidung. "Das ist für\n'
    'viele Haushalte kaum zu stemmen", sagte eine Sprecherin. Der Smartphone-\n'
    "Hersteller Xiaomi meldete unterdessen:\n"
    "- Umsatz: 15 Milliarden Euro\n"
    "- Gewinn: 1 Milliarde Euro\n"
)


def test_hard_wrapped_paragraphs_flow_as_one(tmp_path: Path) -> None:
    (tmp_path / "meldung.txt").write_text(AGENCY_COPY, "utf-8")
    document = open_source(str(tmp_path / "meldung.txt"))
    assert document.text.split("\n") == [
        "Berlin (dpa) - Die Bundesnetzagentur hat die Netzentgelte für das kommende Jahr genehmigt. "
        "Nach Angaben der Behörde steigen sie im Durchschnitt um knapp 15 Prozent, wie ein Sprecher "
        "am Montag in Bonn sagte.",
        "",
        'Die Verbraucherzentralen kritisierten die Entscheidung. "Das ist für viele Haushalte kaum zu '
        'stemmen", sagte eine Sprecherin. Der Smartphone-Hersteller Xiaomi meldete unterdessen:',
        "- Umsatz: 15 Milliarden Euro",  # a list keeps its lines
        "- Gewinn: 1 Milliarde Euro",
        "",
    ]


def test_an_end_mark_after_wrapped_lines_stays_a_line_of_its_own(tmp_path: Path) -> None:
    # The paragraph's last line is as long as the others: only the mark itself ends it.
    copy = AGENCY_COPY.split("\n\n")[0].replace(" in Bonn\nsagte.", " in Bonn.") + "\n---\n"
    (tmp_path / "meldung.txt").write_text(copy, "utf-8")
    assert open_source(str(tmp_path / "meldung.txt")).text.split("\n")[-2:] == ["---", ""]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda path: path.name)
def test_paragraphs_on_one_line_each_are_left_alone(path: Path) -> None:
    assert open_source(str(path)).text == normalise(path.read_text("utf-8"))


def test_short_lines_are_no_wrapping(tmp_path: Path) -> None:
    address = "Bundesnetzagentur\nTulpenfeld 4\n53113 Bonn\nTelefon 0228 14-0\n"
    (tmp_path / "adresse.txt").write_text(address, "utf-8")
    assert open_source(str(tmp_path / "adresse.txt")).text == address


@given(st.lists(st.text(alphabet="abc äß-.\n", max_size=90), min_size=4, max_size=30).map("\n".join))
def test_joining_lines_changes_only_line_breaks(text: str) -> None:
    from tui.sources.plain_text import unwrap_hard_breaks

    joined = unwrap_hard_breaks(text)
    assert len(joined) <= len(text)
    assert joined.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")
