"""The garbage collector waits for the reader's first frame.

Starting the reader creates some 60,000 objects that the collector tracks
(modules, classes, the stylesheet, the widgets), and nearly all of them
live as long as the reader does. The collector walks the youngest objects
after every 700 new ones, the middle generation every tenth time and all
of them every hundredth (a full pass of 15-30 ms here, which frees
nothing); the first frame waited for that work.
So the reader starts with the collector off (:func:`pause`). Once the first
frame is on screen, :func:`resume` freezes what exists by then, so that no
later pass walks those objects again (a full pass after the start: 14 ms
without, none with), and turns the collector back on. bench/first_paint_tty.py
measures the start.
"""

from __future__ import annotations

import gc


def pause() -> None:
    """Collect no garbage until :func:`resume`."""
    gc.disable()


def resume() -> None:
    """Collect garbage again, if :func:`pause` stopped it; the objects of the
    start are moved out of the collector's way. Calling it again, or without
    a pause, does nothing."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
