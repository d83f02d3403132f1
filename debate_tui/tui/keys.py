"""Every key of the reader, as data: the bindings and the help screen are built from it.

Keeping both in one table means the help screen cannot forget a key the app reacts to.
"""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding, BindingType


class KeyHelp(NamedTuple):
    """One line of the help screen and the bindings it documents.

    A named tuple, not a dataclass: records read at start-up cost a fifth as much to define.
    """

    section: str
    keys: str
    description: str
    bindings: tuple[Binding, ...] = ()


TOPIC_GROUP = Binding.Group("Topic")

APP_KEYS: tuple[KeyHelp, ...] = (
    KeyHelp(
        "Anywhere",
        "?  f1",
        "Show this help (press again to close it)",
        (Binding("question_mark,f1", "help", "Help", key_display="?"),),
    ),
    KeyHelp("Anywhere", "ctrl+p", "Command palette: go to a topic, export, change theme"),
    KeyHelp(
        "Anywhere",
        "q  ctrl+q",
        "Quit",
        (
            Binding("q", "quit", "Quit"),
            Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
        ),
    ),
)

TOPIC_KEYS: tuple[KeyHelp, ...] = (
    KeyHelp(
        "Topics",
        "n  ]",
        "Next topic",
        (Binding("n,right_square_bracket", "next_topic", "Next", group=TOPIC_GROUP),),
    ),
    KeyHelp(
        "Topics",
        "p  [",
        "Previous topic",
        (Binding("p,left_square_bracket", "previous_topic", "Previous", group=TOPIC_GROUP),),
    ),
    KeyHelp(
        "Topics",
        "1 … 9  0",
        "Jump to the N-th topic of the list (0: the tenth)",
        tuple(
            Binding(str(number % 10), f"jump_topic({number})", f"Topic {number}", show=False)
            for number in range(1, 11)
        ),
    ),
    KeyHelp(
        "Topics",
        "g",
        "Go to any topic by its number or name",
        (Binding("g", "goto_topic", "Go to", show=False),),
    ),
    KeyHelp(
        "Topics",
        "t",
        "Show or fold away the topic list",
        (Binding("t", "toggle_topics", "Topics"),),
    ),
    KeyHelp("Topics", "click", "Clicking a topic opens it"),
)

STATEMENT_KEYS: tuple[KeyHelp, ...] = (
    KeyHelp(
        "Statements",
        "j  ↓",
        "Next statement in this column",
        (Binding("j,down", "cursor_down", "Down", show=False),),
    ),
    KeyHelp(
        "Statements",
        "k  ↑",
        "Previous statement in this column",
        (Binding("k,up", "cursor_up", "Up", show=False),),
    ),
    KeyHelp(
        "Statements",
        "h  ←",
        "Left column",
        (Binding("h,left", "column_left", "Left", show=False),),
    ),
    KeyHelp(
        "Statements",
        "l  →",
        "Right column",
        (Binding("l,right", "column_right", "Right", show=False),),
    ),
    KeyHelp(
        "Statements",
        "home  end",
        "First or last statement of the column",
        (
            Binding("home", "cursor_first", "First", show=False),
            Binding("end", "cursor_last", "Last", show=False),
        ),
    ),
    KeyHelp("Statements", "click", "Clicking a statement selects it"),
)

READER_KEYS: tuple[KeyHelp, ...] = (
    KeyHelp(
        "Statements",
        "enter",
        "Open the article with the statement highlighted",
        (Binding("enter", "open_source", "Source"),),
    ),
    KeyHelp(
        "Filter and export",
        "/",
        "Filter by text, occasion or title (any case, quotes or accents)",
        (Binding("slash", "filter", "Filter", key_display="/"),),
    ),
    KeyHelp(
        "Filter and export",
        "escape",
        "Clear the filter",
        (Binding("escape", "clear_filter", "Clear filter", show=False),),
    ),
    KeyHelp(
        "Filter and export",
        "e",
        "Export the rows on screen to Markdown in this folder",
        (Binding("e", "export", "Export"),),
    ),
    KeyHelp(
        "Corpus",
        "w",
        "List every warning (so does a click on the header's count)",
        (Binding("w", "show_warnings", "Warnings", show=False),),
    ),
)

# The go-to prompt's and the warnings list's own keys: on the help screen like every other.
GOTO_KEYS: tuple[KeyHelp, ...] = (
    KeyHelp("Go-to prompt (g)", "enter", "Go to the topic typed: its number, or words of its name"),
    KeyHelp(
        "Go-to prompt (g)",
        "escape",
        "Close the prompt without moving",
        (Binding("escape", "cancel", "Cancel"),),
    ),
)

WARNINGS_KEYS: tuple[KeyHelp, ...] = (
    KeyHelp(
        "Warnings list (w)",
        "escape  w",
        "Close the list of warnings",
        (Binding("escape,w", "close", "Close"),),
    ),
)

CORPUS_KEYS: tuple[KeyHelp, ...] = (
    KeyHelp(
        "Corpus",
        "a",
        "Add an article by its URL (downloaded, parsed, shown)",
        (Binding("a", "add_article", "Add URL", show=False),),
    ),
    KeyHelp(
        "Corpus",
        "R",
        "Reload the corpus; only new or changed files are parsed",
        (Binding("R", "reload", "Reload", show=False),),
    ),
)

SOURCE_KEYS: tuple[KeyHelp, ...] = (
    KeyHelp(
        "Source view",
        "escape",
        "Back to the pairing",
        (Binding("escape", "back", "Back"),),
    ),
    KeyHelp(
        "Source view",
        "j k  ↓ ↑",
        "Scroll the article",
        (
            Binding("j,down", "scroll_down", "Scroll down", show=False),
            Binding("k,up", "scroll_up", "Scroll up", show=False),
        ),
    ),
    KeyHelp(
        "Source view",
        "r",
        "Next article that printed the same statement",
        (Binding("r", "next_printing", "Next report", show=False),),
    ),
    KeyHelp(
        "Source view",
        "space",
        "Jump back to the highlighted statement",
        (Binding("space", "show_statement", "Statement"),),
    ),
)

HELP_KEYS: tuple[KeyHelp, ...] = (
    KeyHelp(
        "Help",
        "escape  ?  f1",
        "Close the help",
        (
            Binding("escape,question_mark,f1", "close", "Close"),
            # A modal screen hides the app's keys; quitting must still work here.
            Binding("q", "app.quit", "Quit", show=False),
        ),
    ),
)

ALL_KEYS: tuple[KeyHelp, ...] = (
    *TOPIC_KEYS,
    *GOTO_KEYS,
    *STATEMENT_KEYS,
    *READER_KEYS,
    *CORPUS_KEYS,
    *WARNINGS_KEYS,
    *SOURCE_KEYS,
    *APP_KEYS,
)


def bindings(table: tuple[KeyHelp, ...]) -> list[BindingType]:
    """The bindings a table documents, ready for a BINDINGS class variable."""
    return [binding for entry in table for binding in entry.bindings]


def sections(table: tuple[KeyHelp, ...] = ALL_KEYS) -> list[tuple[str, list[KeyHelp]]]:
    """The table grouped by section, sections in first-seen order."""
    grouped: dict[str, list[KeyHelp]] = {}
    for entry in table:
        grouped.setdefault(entry.section, []).append(entry)
    return list(grouped.items())
