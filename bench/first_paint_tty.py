"""Time to first paint in a real terminal, as a user starts the reader,
against a minimal Textual app measured in alternation in the same run.

    python bench/first_paint_tty.py [--runs 7] [--size 140x40] [--compare CHECKOUT ...]

Each command runs in a pseudo-terminal of the given size (what a terminal
emulator or tmux gives it); the clock starts before the process is spawned
and stops when the first text of the screen arrives on the terminal: the
article's first words for the reader, the one line of the minimal app.
Interpreter start-up and every import are included. The two commands take
turns, so a busy machine slows both alike; the ratio of the medians is
the figure to compare (the issue asks for at most 1.5). ``--compare`` (repeatable) adds
the reader of another checkout (say, the last release) to the rotation.
For this checkout's reader the clock also stops when the analysis is on
screen (the status line names the pipeline): what the first paint defers
must not make the highlights later.
Each start gets an empty data directory: a first start, as after install
(with history, the reader opens its library instead of the sample).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MINIMAL_APP = """
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("Minimal Textual app, painted.")

Minimal().run()
"""
# (name, command, texts that show the first paint happened, then the analysis)
COMMANDS: tuple[tuple[str, list[str], tuple[bytes, ...]], ...] = (
    ("minimal Textual app", [sys.executable, "-c", MINIMAL_APP], (b"Minimal Textual app",)),
    ("randnotiz (sample)", [sys.executable, "-m", "tui"], (b"Der chinesische Smartphone", b"de_randnotiz")),
)
TIMEOUT_S = 30.0


def first_paint(
    command: list[str], markers: tuple[bytes, ...], columns: int, rows: int, root: Path = ROOT
) -> list[float]:
    """Seconds from spawning ``command`` in ``root`` in a pty until each of ``markers`` is on it."""
    main_fd, child_fd = pty.openpty()
    fcntl.ioctl(child_fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    data_dir = tempfile.mkdtemp(prefix="randnotiz-first-paint-")
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    env["RANDNOTIZ_DATA_DIR"] = data_dir
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's Python caches compiled modules
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdin=child_fd,
        stdout=child_fd,
        stderr=child_fd,
        cwd=root,
        env=env,
        start_new_session=True,  # its own process group: the analysis process goes with it
    )
    os.close(child_fd)
    seen = b""
    times: list[float] = []
    try:
        for marker in markers:
            while marker not in seen:
                if time.perf_counter() - start > TIMEOUT_S:
                    raise TimeoutError(f"{command[-1]} did not paint {marker!r} within {TIMEOUT_S} s")
                ready, _, _ = select.select([main_fd], [], [], 0.5)
                if ready:
                    try:
                        seen += os.read(main_fd, 65536)
                    except OSError:  # the terminal closed: the program ended
                        raise RuntimeError(f"{command} ended before painting: {seen[-500:]!r}") from None
            times.append(time.perf_counter() - start)
        return times
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(main_fd)
        shutil.rmtree(data_dir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7, help="starts of each command (alternating)")
    parser.add_argument("--size", default="140x40", help="terminal COLUMNSxROWS")
    parser.add_argument(
        "--compare",
        type=Path,
        action="append",
        default=[],
        help="another checkout whose reader joins the rotation",
    )
    args = parser.parse_args()
    columns, rows = (int(part) for part in args.size.split("x"))
    runs = [(name, command, markers, ROOT) for name, command, markers in COMMANDS]
    for checkout in args.compare:
        _, command, markers = COMMANDS[1]
        # First paint only: other versions' status lines differ.
        runs.append((f"randnotiz in {checkout.name}", command, markers[:1], checkout.resolve()))
    times: dict[str, list[list[float]]] = {name: [] for name, *_ in runs}
    for _, command, markers, root in runs:  # warm the file cache once, not timed
        first_paint(command, markers, columns, rows, root)
    for _ in range(args.runs):
        for name, command, markers, root in runs:
            times[name].append(first_paint(command, markers, columns, rows, root))
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"first paint in a {columns}x{rows} pty, median of {args.runs} alternating starts")
    print(f"({os.cpu_count()} cores, load average {load}):")
    reference = statistics.median(paint for paint, *_ in times[COMMANDS[0][0]])
    for name, starts in times.items():
        paints = [paint for paint, *_ in starts]
        median = statistics.median(paints)
        spread = ", ".join(f"{value:.2f}" for value in sorted(paints))
        line = f"  {name:24} {median:.2f} s  {median / reference:.2f}x  ({spread})"
        analysed = [rest[0] for _, *rest in starts if rest]
        if analysed:
            line += f"; analysis on screen {statistics.median(analysed):.2f} s"
        print(line)


if __name__ == "__main__":
    main()
