"""Crash safety of the annotation store: kill a writer with SIGKILL at random
moments, many times, and check that the store is intact and holds every
annotation whose creation was confirmed.

    python bench/crash_safety.py [--rounds 50] [--seed 8] [--driver "COMMAND" | --app]

A driver is any command that adds annotations to the store in
``$RANDNOTIZ_DATA_DIR`` on the article given as its last argument and prints
``confirmed <annotation id>`` on standard output once each one is committed
(the UI would print it where it shows the reader the new annotation). The
default driver is this script's ``--child`` mode, which adds through the store
API; ``--app`` drives the real reader with key presses (``bench/app_driver.py``)
and kills it at random moments over a longer window, since it takes a second
or two to start.
Not a test: it takes a minute.
"""

from __future__ import annotations

import argparse
import os
import random
import shlex
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = ROOT / "seeds" / "xiaomi-usa.de.txt"
CONFIRMED = "confirmed "


def child(article: str) -> None:
    """The default driver: add annotations as fast as the store takes them."""
    from tui.store.commands import open_article
    from tui.store.session import AnnotationSession
    from tui.store.sqlite_store import SQLiteStore

    document = open_article(article)
    rng = random.Random(os.getpid())
    with SQLiteStore() as store:
        session = AnnotationSession.open(store, document)
        for index in range(1_000_000):
            start = rng.randrange(len(document.text) - 40)
            annotation = session.add(
                start,
                start + rng.randint(1, 40),
                note=f"Notiz {index}",
                tags=[rng.choice(["prüfen", "falsch"])],
            )
            print(CONFIRMED + annotation.id, flush=True)


def round_trip(
    driver: list[str], data_dir: Path, article: Path, kill_after: float
) -> tuple[set[str], str, set[str]]:
    """Run the driver, kill it after ``kill_after`` seconds; (confirmed ids, integrity, stored ids)."""
    environment = {**os.environ, "RANDNOTIZ_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([*driver, str(article)], stdout=subprocess.PIPE, text=True, env=environment)
    confirmed: set[str] = set()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith(CONFIRMED):
                confirmed.add(line.removeprefix(CONFIRMED).strip())

    reader = threading.Thread(target=read)
    reader.start()
    time.sleep(kill_after)
    process.send_signal(signal.SIGKILL)
    process.wait()
    reader.join()
    connection = sqlite3.connect(data_dir / "annotations.sqlite3")
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        tables = {
            name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        # Killed before the store was first set up: there is nothing yet.
        rows = connection.execute("SELECT id FROM annotations") if "annotations" in tables else []
        stored = {row[0] for row in rows}
    finally:
        connection.close()
    return confirmed, integrity, stored


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--driver", help="command that adds annotations and prints 'confirmed ID' lines")
    parser.add_argument("--app", action="store_true", help="drive the real reader (bench/app_driver.py)")
    parser.add_argument("--child", metavar="ARTICLE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    if args.app:
        driver = [sys.executable, str(ROOT / "bench" / "app_driver.py")]
    elif args.driver:
        driver = shlex.split(args.driver)
    else:
        driver = [sys.executable, __file__, "--child"]
    # The reader needs a few seconds to start before the first annotation.
    latest_kill = 20.0 if args.app else 2.5
    rng = random.Random(args.seed)
    failures = 0
    total_confirmed = 0
    while_writing = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="randnotiz-crash-") as folder:
        data_dir = Path(folder) / "data"
        data_dir.mkdir()
        article = Path(folder) / ARTICLE.name
        article.write_bytes(ARTICLE.read_bytes())
        for number in range(1, args.rounds + 1):
            # From before the store is opened to well into a run of commits.
            kill_after = rng.uniform(0.05, latest_kill)
            confirmed, integrity, stored = round_trip(driver, data_dir, article, kill_after)
            lost = confirmed - stored
            total_confirmed += len(confirmed)
            while_writing += bool(confirmed)
            ok = integrity == "ok" and not lost
            failures += not ok
            print(
                f"round {number:2}: killed after {kill_after:.2f} s, {len(confirmed):4} confirmed, "
                f"{len(lost)} lost, integrity {integrity}, {len(stored)} in store"
                + ("" if ok else "  <-- FAILED"),
                flush=True,
            )
    print(
        f"{args.rounds} SIGKILLs ({while_writing} while adding, the rest while starting), "
        f"{total_confirmed} confirmed annotations, {failures} rounds with a failed "
        f"integrity check or a lost annotation ({time.perf_counter() - started:.0f} s)"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
