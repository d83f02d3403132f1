"""Metadata of the wrong type is named and ignored; ids are checked; odd encodings decode.

`sources.toml` and front matter hold strings; anything else is a warning naming the file,
the key and the type expected, and the value is left out (never turned into "['a', 'b']").
Topic ids may not hold a newline, a slash or spaces. UTF-16 with a byte order mark is
text; a stray NUL in good UTF-8 is dropped with a warning; binary files are still skipped.
Everything here is SYNTHETIC.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from debate_tui.build import build_debate
from debate_tui.config import ConfigError, default_config, load_config
from debate_tui.corpus import load_corpus

GOOD = "Talks in Vienna\nSecretary of State Antony Blinken said the talks on Crimea failed.\n"


def corpus_with(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, content in files.items():
        path = corpus / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")
    return corpus


# --- sources.toml -----------------------------------------------------------------------------

SIDECAR = """
["a.txt"]
title = 5
occasion = ["a", "b"]
url = { x = 1 }
outlet = "The Daily Example"
date = 2023-03-02
"""


def test_sidecar_values_of_the_wrong_type_are_named_and_ignored(tmp_path: Path) -> None:
    corpus = corpus_with(tmp_path, {"a.txt": GOOD, "sources.toml": SIDECAR})
    warnings: list[str] = []
    (article,) = load_corpus(corpus, warnings.append)
    meta = article.meta
    assert meta.title == "Talks in Vienna"  # the headline, not "5"
    assert meta.occasion is None
    assert meta.url is None
    assert meta.outlet == "The Daily Example"
    assert meta.date == "2023-03-02"  # a TOML date is a date: kept, as written
    sidecar = corpus / "sources.toml"
    assert sorted(warnings) == [
        f'{sidecar}: ["a.txt"] occasion is an array; expected a string, ignored',
        f'{sidecar}: ["a.txt"] title is an integer; expected a string, ignored',
        f'{sidecar}: ["a.txt"] url is a table; expected a string, ignored',
    ]


def test_a_sidecar_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    sidecar = '\ufeff# saved by a Windows editor\n["a.txt"]\ntitle = "Vienna, by hand"\n'
    corpus = corpus_with(tmp_path, {"a.txt": GOOD, "sources.toml": sidecar})
    warnings: list[str] = []
    (article,) = load_corpus(corpus, warnings.append)
    assert warnings == []
    assert article.meta.title == "Vienna, by hand"


def test_a_config_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    config = tmp_path / "debate.toml"
    config.write_text('\ufeff[debate]\nname = "Vienna talks"\n', "utf-8")
    assert load_config(config).name == "Vienna talks"


def test_a_sidecar_entry_that_is_not_a_table_is_named(tmp_path: Path) -> None:
    corpus = corpus_with(tmp_path, {"a.txt": GOOD, "sources.toml": '"a.txt" = "Vienna"\n'})
    warnings: list[str] = []
    (article,) = load_corpus(corpus, warnings.append)
    assert article.meta.title == "Talks in Vienna"
    sidecar = corpus / "sources.toml"
    assert warnings == [f'{sidecar}: "a.txt" is a string; expected a table of metadata, ignored']


def test_front_matter_lists_and_maps_are_named_and_ignored(tmp_path: Path) -> None:
    text = "---\ntitle: Vienna talks\noccasion: [a, b]\nurl: {x: 1}\n---\n" + GOOD
    corpus = corpus_with(tmp_path, {"a.md": text})
    warnings: list[str] = []
    (article,) = load_corpus(corpus, warnings.append)
    assert article.meta.title == "Vienna talks"
    assert article.meta.occasion is None and article.meta.url is None
    assert sorted(warnings) == [
        "a.md: front matter occasion is a list; expected a string, ignored",
        "a.md: front matter url is a map; expected a string, ignored",
    ]


# --- topic and speaker ids --------------------------------------------------------------------

TOPIC = """
[[topics]]
id = {id}
terms = ["Crimea"]
"""


@pytest.mark.parametrize(
    "topic_id", ['"crimea\\n"', '"a/b"', '"a b"', '"crimea\\nother"', '"x\\u202e"']
)
def test_a_topic_id_with_a_newline_slash_or_space_names_file_and_line(
    tmp_path: Path, topic_id: str
) -> None:
    path = tmp_path / "debate.toml"
    path.write_text("# topics\n" + TOPIC.format(id=topic_id), "utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    message = str(raised.value)
    assert message.startswith(f"{path}:3: topic id ")
    assert "not allowed" in message
    assert "\n" not in message


def test_a_speaker_id_ending_in_a_newline_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "debate.toml"
    path.write_text(
        '[[speakers]]\nid = "a\\n"\nname = "Ann Example"\n'
        '[[speakers]]\nid = "b"\nname = "Bob Example"\n',
        "utf-8",
    )
    with pytest.raises(ConfigError, match=r"debate.toml:1: speaker id 'a\\n' must be"):
        load_config(path)


# --- decoding ---------------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_decoded(tmp_path: Path, codec: str) -> None:
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(codec, b"")
    corpus = corpus_with(tmp_path, {"a.txt": bom + GOOD.encode(codec)})
    warnings: list[str] = []
    (article,) = load_corpus(corpus, warnings.append)
    assert article.text == GOOD
    assert warnings == []


def test_a_stray_nul_is_dropped_with_a_warning_and_offsets_stay_exact(tmp_path: Path) -> None:
    raw = GOOD.replace("the talks", "the\x00 talks").encode("utf-8")
    corpus = corpus_with(tmp_path, {"a.txt": raw})
    warnings: list[str] = []
    (article,) = load_corpus(corpus, warnings.append)
    assert article.text == GOOD
    assert warnings == [
        "a.txt: 1 NUL character dropped (offsets count the text without it); "
        "re-save the file as UTF-8 text to fix"
    ]
    debate = build_debate(corpus, default_config(), use_cache=False, warn=lambda _m: None)
    (statement,) = debate.statements
    assert statement.text == article.text[statement.start : statement.end]
    assert "talks on Crimea failed" in statement.text


@pytest.mark.parametrize(
    "raw",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        b"\x00\x01binary" * 50,
        GOOD.encode("utf-16-le"),  # no byte order mark: a NUL in every other byte
    ],
)
def test_binary_files_are_still_skipped(tmp_path: Path, raw: bytes) -> None:
    corpus = corpus_with(tmp_path, {"good.txt": GOOD, "b.txt": raw})
    warnings: list[str] = []
    articles = load_corpus(corpus, warnings.append)
    assert [a.source for a in articles] == ["good.txt"]
    (message,) = warnings
    assert message.startswith("b.txt: looks binary, skipped")


@pytest.mark.parametrize(
    "raw", [b"\xef\xbb\xbf", b"\xef\xbb\xbf\x00", b"\xff\xfe" + " \n".encode("utf-16-le")]
)
def test_a_byte_order_mark_with_nothing_after_it_is_an_empty_file(
    tmp_path: Path, raw: bytes
) -> None:
    corpus = corpus_with(tmp_path, {"good.txt": GOOD, "b.txt": raw})
    warnings: list[str] = []
    articles = load_corpus(corpus, warnings.append)
    assert [a.source for a in articles] == ["good.txt"]
    assert warnings[-1] == "b.txt: empty file, skipped; add article text or remove it"
