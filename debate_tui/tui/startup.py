"""The reader's start-up tricks, in one place: each reaches past Textual's public API or
around Python's defaults to put the first screen up sooner, and each says what it saves.

Each can be switched off for measuring (`DEBATE_TUI_TRICKS_OFF=gc,size-classes,restyle`;
benchmarks/tricks.py does it and prints what each is worth). A trick worth less than 5 ms
of a warm launch has no place here.

- `gc`: the cyclic collector is paused as soon as the command line knows it opens the
  reader, so importing Textual and the reader's modules (tens of thousands of objects that
  live as long as the process: about 80 collections that free nothing) and building the
  first screen run without it; frozen objects are then left out of later collections, and
  it runs again once the reader is drawn.
- `size-classes`: the reader screen starts with the breakpoint classes (-narrow, -tall)
  the first resize would give, so no widget is styled twice before the first frame; it
  repeats Textual's breakpoint rule and catches `textual._context.NoActiveAppError`.
- `restyle`: the first ScreenResume does not restyle the screen, every widget having been
  styled as it was mounted with those classes already set.

- `column_spans`: the two speakers' headings are one widget drawing both columns (one
  widget fewer to mount, style and lay out on the first screen), split exactly as the rows'
  grid splits them: a copy of Textual's `fr` rounding, checked against the real grid by
  tests/test_tui_reader.py (each heading starts where the statements under it start).
  Not a switch: its gain was measured when it went in, not again here.
"""

from __future__ import annotations

import gc
import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual import events
    from textual.app import App
    from textual.screen import Screen

TRICKS = ("gc", "size-classes", "restyle")
_OFF = frozenset(os.environ.get("DEBATE_TUI_TRICKS_OFF", "").replace(" ", "").split(","))


def enabled(trick: str) -> bool:
    return trick not in _OFF


# -- gc ----------------------------------------------------------------------------------


def pause_collector() -> None:
    """As soon as the command line knows it opens the reader (so Textual's import runs
    without it), and again before the first screen is built (a caller of `run_reader`
    other than the command line)."""
    if enabled("gc"):
        gc.disable()


def freeze_long_lived() -> None:
    """Everything allocated so far (modules, styles, the debate) lives as long as the app."""
    if enabled("gc"):
        gc.freeze()


def resume_collector() -> None:
    """Once the reader is drawn, or before parsing starts, or when the app ends."""
    gc.enable()


# -- size-classes ------------------------------------------------------------------------


def take_size_classes(screen: Screen[Any]) -> None:
    """Give `screen` the size classes the first resize would give (Textual's rule: the
    largest threshold not above the size), without restyling it."""
    if not enabled("size-classes"):
        return
    from textual._context import NoActiveAppError  # private: see the module's docstring

    try:
        app: App[Any] = screen.app
    except NoActiveAppError:  # built outside a running app: the resize will set them
        return
    width, height = app.size
    for size, breakpoints in (
        (width, app.HORIZONTAL_BREAKPOINTS),
        (height, app.VERTICAL_BREAKPOINTS),
    ):
        for threshold, name in sorted(breakpoints or (), reverse=True):
            if size >= threshold:
                screen.add_class(name, update=False)
                break


# -- restyle -----------------------------------------------------------------------------


def skip_first_restyle(event: events.ScreenResume) -> None:
    """Let the first ScreenResume draw without restyling the whole screen."""
    if enabled("restyle") and enabled("size-classes"):
        event.refresh_styles = False


# -- column_spans ------------------------------------------------------------------------


def column_spans(width: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """(offset, width) of the two columns of a row `width` cells wide, split as the rows'
    grid splits them (`grid-columns: 1fr 1fr; grid-gutter: 0 1`): Textual gives each
    column the floor of its running fractional edge, so the left one is never the wider."""
    left = (width - 1) // 2
    return (0, left), (left + 1, max(width - left - 1, 0))
