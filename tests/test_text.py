import pytest

from tui.analysis.text import detect_language, normalise


def test_normalise_composes_and_unifies_line_ends() -> None:
    assert normalise("Cafe\u0301\r\nzwei\rdrei") == "Café\nzwei\ndrei"


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
