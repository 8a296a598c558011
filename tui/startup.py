"""The garbage collector waits for the reader's first frame.

Starting the reader allocates a few hundred thousand objects that live as
long as it does (modules, classes, the stylesheet, the widgets). Every 700
new objects the collector walks the youngest, and by the first frame it has
made one full pass over all of them as well: about 50 ms of a start that
takes 0.3 s, which finds nothing to free. So the reader starts with the
collector off (:func:`pause`); once the first frame is on screen,
:func:`resume` freezes what exists by then, so that no later pass walks
those objects again, and turns it back on (bench/first_paint_tty.py
measures the start).
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
