"""Cost of a document's annotations when it is opened: 2,000 annotations vs none.

    python bench/annotation_load.py [--count 2000] [--repeat 21]

Times, in alternation and as medians: reading the article (the reference,
measured in the same run), opening its annotation session with no
annotations, and with COUNT annotations (registering the document, a
committed write, and loading them all); adding one annotation (until it
is committed: what the screen waits for); plus re-anchoring all COUNT after
the article was edited (a one-off when the file changed) and laying COUNT
annotations, a tenth of them entity corrections, over an analysis.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.analysis.model import Analysis, Entity
from tui.store.anchoring import quote_selector, reanchor
from tui.store.commands import open_article
from tui.store.corrections import apply_corrections
from tui.store.model import Annotation, EntityCorrection, new_annotation_id, now
from tui.store.session import AnnotationSession
from tui.store.sqlite_store import SQLiteStore

ARTICLE = ROOT / "seeds" / "xiaomi-usa.de.txt"


def annotations_on(text: str, document_id: str, count: int) -> list[Annotation]:
    rng = random.Random(8)
    made = []
    for index in range(count):
        start = rng.randrange(len(text) - 30)
        end = start + rng.randint(1, 30)
        made.append(
            Annotation(
                new_annotation_id(),
                document_id,
                start,
                end,
                quote_selector(text, start, end),
                note=f"Notiz {index}",
                tags=("prüfen",),
                entity=EntityCorrection("ORG") if index % 10 == 0 else None,
                created=now(),
                modified=now(),
            )
        )
    return made


def timed(action: Callable[[], object], timings: list[float]) -> None:
    started = time.perf_counter()
    action()
    timings.append((time.perf_counter() - started) * 1000)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="randnotiz-load-") as folder:
        empty_article = Path(folder) / "leer.txt"
        full_article = Path(folder) / "voll.txt"
        text = ARTICLE.read_text("utf-8")
        empty_article.write_text(text, "utf-8")
        full_article.write_text(text + "\n", "utf-8")  # another text: another document id
        store = SQLiteStore(Path(folder) / "annotations.sqlite3")
        full = open_article(str(full_article))
        AnnotationSession.open(store, full)
        made = annotations_on(full.text, full.id, args.count)
        store.save(made)
        edited = "Vorspann.\n" + full.text.replace("Xiaomi", "Xiaomi Inc.", 3)
        analysis = Analysis(full.text, "de", "bench", entities=(Entity(0, 3, full.text[:3], label="MISC"),))
        scratch_article = Path(folder) / "neu.txt"
        scratch_article.write_text(text + "\n\n", "utf-8")
        scratch = AnnotationSession.open(store, open_article(str(scratch_article)))
        names = ("read", "none", "full", "add", "reanchor", "overlay")
        timings: dict[str, list[float]] = {name: [] for name in names}
        for _ in range(args.repeat):
            timed(lambda: open_article(str(empty_article)), timings["read"])
            timed(lambda: AnnotationSession.open(store, open_article(str(empty_article))), timings["none"])
            timed(lambda: AnnotationSession.open(store, open_article(str(full_article))), timings["full"])
            timed(lambda: scratch.add(10, 20, note="neu", tags=["prüfen"]), timings["add"])
            timed(lambda: reanchor(made, edited, "edited"), timings["reanchor"])
            timed(lambda: apply_corrections(analysis, made), timings["overlay"])
        loaded = len(AnnotationSession.open(store, full).annotations)
        store.close()
    # The fastest run is the one least disturbed by other load on a shared machine.
    print(f"{loaded} annotations loaded; median and fastest of {args.repeat} runs in alternation, ms:")
    labels = {
        "read": "read the article (reference)",
        "none": "read + open session, no annotations",
        "full": f"read + open session, {args.count} annotations",
        "add": "add one annotation (committed, fsync'd)",
        "reanchor": f"re-anchor {args.count} in an edited article (once per edit)",
        "overlay": f"overlay {args.count} on an analysis",
    }
    for name, label in labels.items():
        print(f"  {label:<58} {statistics.median(timings[name]):8.2f} {min(timings[name]):8.2f}")
    extra = statistics.median(timings["full"]) - statistics.median(timings["none"])
    print(f"  extra for {args.count} annotations (medians): {extra:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
