"""The keys that work here, on one line at the bottom, drawn with the screen's first frame.

Textual's Footer builds a widget per key once the bindings have settled, a few frames after
the screen appears: on the reader that line popped in about 0.1 s after the statements and
cost a dozen widgets. This bar reads the same active bindings and draws them as one line.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widgets import Static

KEY_STYLE = "bold $footer-key-foreground"
DESCRIPTION_STYLE = "$footer-description-foreground"
DISABLED_STYLE = "dim"


def _entry(keys: Iterable[tuple[str, str]], label: str, enabled: bool) -> Content:
    """' k1 k2 Label ' with each key clickable (it carries the key to simulate)."""
    parts: list[Content] = []
    for key, display in keys:
        parts.append(
            Content.styled(f" {display}", KEY_STYLE).stylize(Style.from_meta({"key": key}))
        )
    parts.append(Content.styled(f" {label} ", DESCRIPTION_STYLE))
    entry = Content("").join(parts)
    return entry if enabled else entry.stylize(DISABLED_STYLE)


class KeyBar(Static):
    """Key hints for the focused widget and its screen; clicking a key presses it."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        width: 1fr;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen:
            self.refresh()

    def on_resize(self) -> None:
        self.refresh()

    def render(self) -> Content:
        left, right = self.entries()
        width = self.content_region.width
        gap = width - left.cell_length - right.cell_length
        if right.cell_length and gap >= 1:
            return Content.assemble(left, " " * gap, right)
        return left

    def entries(self) -> tuple[Content, Content]:
        """The keys on the left (grouped keys share one label), the palette on the right."""
        palette_key = self.app.COMMAND_PALETTE_BINDING
        by_action: dict[str, tuple[Binding, bool]] = {}  # an action's first key stands for it
        palette: tuple[Binding, bool] | None = None
        for key, (_node, binding, enabled, _tooltip) in self.screen.active_bindings.items():
            if key == palette_key and self.app.ENABLE_COMMAND_PALETTE:
                palette = (binding, enabled)
            elif binding.show:
                by_action.setdefault(binding.action, (binding, enabled))
        entries: list[Content] = []
        pending_group: Binding.Group | None = None
        grouped: list[tuple[str, str]] = []
        for binding, enabled in by_action.values():
            display = (binding.key, self.app.get_key_display(binding))
            if binding.group is not None and binding.group == pending_group:
                grouped.append(display)
                continue
            if pending_group is not None:
                entries.append(_entry(grouped, pending_group.description, True))
                pending_group, grouped = None, []
            if binding.group is not None:
                pending_group, grouped = binding.group, [display]
            else:
                entries.append(_entry([display], binding.description, enabled))
        if pending_group is not None:
            entries.append(_entry(grouped, pending_group.description, True))
        right = Content("")
        if palette is not None:
            binding, enabled = palette
            right = Content.assemble(
                ("▏", "$foreground 20%"),
                _entry([(binding.key, self.app.get_key_display(binding))], "palette", enabled),
            )
        return Content("").join(entries), right

    def on_click(self, event: events.Click) -> None:
        key = event.style.meta.get("key")
        if isinstance(key, str):
            event.stop()
            self.app.simulate_key(key)
