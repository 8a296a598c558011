"""Property tests: offsets always slice the text; wrapping loses nothing;
number parsing agrees with Babel's own formatting."""

from decimal import Decimal

from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.analysis import analyze
from tui.analysis.numbers import parse_digits
from tui.widgets.article_view import wrap

WORDS = st.sampled_from(
    [
        "Xiaomi",
        "Hugo",
        "Barra",
        "sagte",
        "„",
        "“",
        "»",
        "«",
        '"',
        "1.500",
        "3,5",
        "Prozent",
        "Euro",
        "sei",
        "Laut",
        "Indien",
        "\n",
        "Ⅻ",
        "漢字",
        "e\u0301",
        "\r\n",
        "\x1b[31m",
        "[bold]",
        " ",
        ".",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, max_size=40).map(" ".join))
def test_every_span_slices_the_normalised_text(text: str) -> None:
    analysis = analyze(text, "de", model="rules")
    spans = [*analysis.entities, *analysis.quotes, *analysis.numbers, *analysis.sentences, *analysis.sources]
    spans += [q.speaker for q in analysis.quotes if q.speaker] + [q.cue for q in analysis.quotes if q.cue]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(analysis.text)
        assert analysis.text[span.start : span.end] == span.text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab  \n漢x-"), max_size=300), st.integers(min_value=10, max_value=50))
def test_wrap_covers_the_text_in_order_within_the_width(text: str, width: int) -> None:
    lines = list(wrap(text, width))
    position = 0
    for start, end in lines:
        assert start >= position
        assert text[position:start].strip(" \n") == ""  # only the swallowed break
        assert cell_len(text[start:end]) <= width
        position = max(position, end)
    assert position == len(text.rstrip("\n")) or text[position:].strip(" \n") == ""


@settings(max_examples=200, deadline=None)
@given(
    st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(["de", "en"]),
)
def test_parse_digits_reads_what_babel_writes(value: Decimal, lang: str) -> None:
    written = format_decimal(value, format="#,##0.##", locale=lang)
    parsed, _ = parse_digits(written, lang)
    assert parsed == value.normalize() or parsed == value
