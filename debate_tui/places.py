"""Where corpora live: the user's own folder, and which corpus opens when none is named.

`debate-tui add` writes to the user's corpus: `DEBATE_TUI_CORPUS`, else a `debate-tui`
folder in the user data directory (platformdirs: `~/.local/share/debate-tui` on Linux).
Never to the bundled corpus, which belongs to the installation. The reader and the other
subcommands, given no folder, read the user's corpus once it holds an article; until then
they open the bundled one, so a first start shows a debate instead of an empty screen.
A folder named by `DEBATE_TUI_CORPUS` is always the one read: the user chose it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from debate_tui.corpus_files import ARTICLE_SUFFIXES

CORPUS_VARIABLE = "DEBATE_TUI_CORPUS"


def bundled_corpus() -> Path:
    """The bundled corpus: beside the package in a checkout, else installed under share/."""
    checkout = Path(__file__).resolve().parent.parent / "corpus"
    if (checkout / "sources.toml").is_file():
        return checkout
    return Path(sys.prefix) / "share" / "debate-tui" / "corpus"


def user_corpus() -> Path:
    """The user's own corpus folder (it may not exist yet): what `add` writes to."""
    chosen = os.environ.get(CORPUS_VARIABLE)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("debate-tui", appauthor=False))


def reading_corpus() -> Path:
    """The corpus to read when none is named: the user's, else (while empty) the bundled."""
    if os.environ.get(CORPUS_VARIABLE):
        return user_corpus()
    mine = user_corpus()
    return mine if has_articles(mine) else bundled_corpus()


def has_articles(folder: Path) -> bool:
    """True when the folder holds at least one article file (stops at the first)."""
    if not folder.is_dir():
        return False
    for path in folder.rglob("*"):
        if (
            path.suffix.lower() in ARTICLE_SUFFIXES
            and not any(part.startswith(".") for part in path.relative_to(folder).parts)
            and not path.is_dir()
        ):
            return True
    return False
