"""Shared setup of the credit tests: an article's statements, and who each line is credited to.

Every passage the tests pass in is written for the tests (no article text).
"""

from __future__ import annotations

from pathlib import Path

from debate_tui.build import statements_for_articles
from debate_tui.config import Config, default_config, load_config
from debate_tui.corpus import read_article
from debate_tui.model import Statement

CONFIG = default_config()


def extract(
    tmp_path: Path, text: str, newline: str = "\n", config: Config = CONFIG
) -> list[Statement]:
    """Statements of `text` read as an article file, each checked to be its own span."""
    path = tmp_path / "article.txt"
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    article = read_article(path, "article.txt", {}, lambda _m: None)
    assert article is not None
    found = statements_for_articles([article], config, use_cache=False)
    for statement in found:
        assert article.text[statement.start : statement.end] == statement.text
    return found


def extract_with(tmp_path: Path, text: str, debate_toml: str) -> list[Statement]:
    """Statements of `text` under the debate configuration written in `debate_toml`."""
    (tmp_path / "debate.toml").write_text(debate_toml, encoding="utf-8")
    return extract(tmp_path, text, config=load_config(tmp_path / "debate.toml"))


def by_line(text: str, statements: list[Statement]) -> dict[int, str]:
    """Who is credited with each line of `text` that a statement covers."""
    return {
        line: s.speaker
        for s in statements
        for line in range(text.count("\n", 0, s.start), text.count("\n", 0, s.end - 1) + 1)
    }


# Two speakers with firms in their titles: "the owner of X" and claims of a lawsuit.
MUSK_ALTMAN = """
[[speakers]]
id = "musk"
name = "Elon Musk"
role = "CEO of Tesla and SpaceX"
aliases = ["Elon Musk", "Musk"]
titles = ["Tesla CEO", "SpaceX founder"]

[[speakers]]
id = "altman"
name = "Sam Altman"
role = "CEO of OpenAI"
aliases = ["Sam Altman", "Altman"]
titles = ["OpenAI CEO"]
"""


def musk_altman(tmp_path: Path, text: str) -> list[Statement]:
    """Statements of `text` under a configuration of Elon Musk and Sam Altman."""
    return extract_with(tmp_path, text, MUSK_ALTMAN)


# A second diplomatic debate, written as a user would.
RUBIO_LAVROV = """
[[speakers]]
id = "rubio"
name = "Marco Rubio"
role = "secretary of state"
aliases = ["Marco Rubio", "Rubio"]

[[speakers]]
id = "lavrov"
name = "Sergei Lavrov"
role = "foreign minister"
aliases = ["Sergei Lavrov", "Lavrov"]
"""


# Two presidents: "the president" is an epithet either may hold.
ZELENSKY_PUTIN = """
[[speakers]]
id = "zelensky"
name = "Volodymyr Zelensky"
role = "President of Ukraine"
aliases = ["Volodymyr Zelensky", "Zelensky"]

[[speakers]]
id = "putin"
name = "Vladimir Putin"
role = "President of Russia"
aliases = ["Vladimir Putin", "Putin"]
"""

# Two presidents of two countries, each with his own title.
BIDEN_XI = """
[[speakers]]
id = "biden"
name = "Joe Biden"
role = "President of the United States"
aliases = ["Joe Biden", "Biden"]
titles = ["the U.S. president"]

[[speakers]]
id = "xi"
name = "Xi Jinping"
role = "President of China"
aliases = ["Xi Jinping", "Xi"]
titles = ["the Chinese president"]
"""


def rubio_lavrov(tmp_path: Path, text: str) -> list[Statement]:
    """Statements of `text` under a configuration of Marco Rubio and Sergei Lavrov."""
    return extract_with(tmp_path, text, RUBIO_LAVROV)
