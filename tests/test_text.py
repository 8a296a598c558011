import pytest

from tui.analysis.text import MAX_BYTES, InputError, decode, detect_language, normalise, read_path


def test_normalise_composes_and_unifies_line_ends() -> None:
    assert normalise("Cafe\u0301\r\nzwei\rdrei") == "Café\nzwei\ndrei"


def test_decode_strips_the_utf8_byte_order_mark() -> None:
    document = decode("\ufeffHallo Welt".encode(), "a.txt")
    assert document.text == "Hallo Welt"
    assert document.decoding_note is None


def test_windows_1252_is_read_with_a_note() -> None:
    document = decode("Größe: 5 €".encode("cp1252"), "alt.txt")
    assert document.text == "Größe: 5 €"
    assert document.decoding_note == "alt.txt is not valid UTF-8; read it as cp1252"


def test_undecodable_bytes_name_the_offset() -> None:
    with pytest.raises(InputError, match=r"not valid UTF-8 \(byte 0x81 at offset 4\)"):
        decode(b"abcd\x81\x8d", "bad.txt")


@pytest.mark.parametrize("data", [b"", b"   \n\t  "])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="is empty"):
        decode(data, "leer.txt")


def test_binary_input_is_refused() -> None:
    with pytest.raises(InputError, match="looks like a binary file"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "bild.png")


def test_escape_sequences_are_text_not_binary() -> None:
    assert decode(b"Titel \x1b[31mrot\x1b[0m", "esc.txt").text == "Titel \x1b[31mrot\x1b[0m"


def test_missing_file_and_folder(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_path(tmp_path)


def test_huge_file_is_refused(tmp_path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(InputError, match="Randnotiz reads articles up to 20 MB"):
        read_path(path)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Der Hersteller möchte in die USA expandieren, sagte der Chef.", "de"),
        ("The company said it would expand into the US market this year.", "en"),
        ("Xiaomi 2014", "de"),  # nothing to go on: the default
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang
