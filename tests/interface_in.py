"""Print what the reader shows in the interface language that the command
line and the environment choose, the way ``randnotiz`` chooses it: before
any UI module is imported. Run in a subprocess by tests/test_interface_language.py:

    LANG=de_DE.UTF-8 python -m tests.interface_in [--ui-lang en]

Prints the reader on the recorded sample after its analysis, then its help
screen and the command palette, as plain text lines (a ruler of ``=`` between them).
"""

from __future__ import annotations

import asyncio
import sys

from tui.cli import install_language

SIZE = (140, 40)


async def screens() -> list[str]:
    from .ui import analysed, make_app, screen_lines  # only now: the language is installed

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await analysed(pilot)
        reader = screen_lines(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = screen_lines(pilot)
        await pilot.press("escape", "ctrl+p")
        await pilot.app.workers.wait_for_complete()  # the palette lists its commands in a worker
        await pilot.pause()
        palette = screen_lines(pilot)
    return [*reader, "=" * SIZE[0], *help_screen, "=" * SIZE[0], *palette]


def main() -> int:
    problem = install_language(sys.argv[1:])
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from tui.ui_state import screenshot_dir

    lines = asyncio.run(screens())
    # The palette names the screenshot folder, which differs between machines.
    shown = (line.replace(str(screenshot_dir()), "DATA/screenshots").rstrip() for line in lines)
    sys.stdout.write("\n".join(shown) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
