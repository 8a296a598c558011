"""The texts the UI tests open: the sample articles and a few made for a test.

Their analyses are recorded once from the real pipeline
(``python -m tests.record_analyses``), so a retrained model changes no UI test.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# Markup, escape sequences, an OSC 52 clipboard write, a C1 control and a
# bidi override: all must reach the screen as harmless visible characters.
HOSTILE = (
    "Titel [bold red]fett[/] und [link=https://evil.example]Link[/link]\n"
    "Escape \x1b[2J\x1b]52;c;ZXZpbA==\x07 und C1 \x9b31m sowie \u202eRTL.\n"
    "Xiaomi bleibt in Indien."
)


@dataclass(frozen=True, slots=True)
class Sample:
    name: str
    text: str
    lang: str | None = None
    model: str | None = None  # None: the bundled pipeline for the language


def seed_sample(file_name: str) -> Sample:
    return Sample(file_name.removesuffix(".txt"), (SEEDS / file_name).read_text("utf-8"))


def samples() -> list[Sample]:
    return [
        seed_sample("xiaomi-usa.de.txt"),
        seed_sample("windpark-nordsee.de.txt"),
        seed_sample("harbour-bridge.en.txt"),
        Sample("hostile", HOSTILE, model="rules"),
    ]
