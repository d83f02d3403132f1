"""Front matter in three spellings, and unknown keys named with file, line and a fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from debate_tui.config import load_config
from debate_tui.corpus import load_corpus

BODY = "Talks in Vienna\nSecretary of State Antony Blinken said the talks on Crimea failed.\n"


def corpus_with(tmp_path: Path, files: dict[str, str]) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, content in files.items():
        (corpus / name).write_text(content, "utf-8")
    return corpus


@pytest.mark.parametrize(
    "front",
    [
        '---\ntitle: Vienna talks\noutlet: "The Wire"\ndate: 2023-03-02\n---\n',
        '---\ntitle = "Vienna talks"\noutlet = "The Wire"\ndate = 2023-03-02\n---\n',
        '+++\ntitle = "Vienna talks"\noutlet = "The Wire"\ndate = 2023-03-02\n+++\n',
    ],
    ids=["yaml-style", "toml-in-dashes", "toml-in-pluses"],
)
def test_front_matter_in_yaml_style_or_toml(tmp_path: Path, front: str) -> None:
    corpus = corpus_with(tmp_path, {"a.md": front + BODY})
    warnings: list[str] = []
    (article,) = load_corpus(corpus, warnings.append)
    assert warnings == []
    assert (article.meta.title, article.meta.outlet, article.meta.date) == (
        "Vienna talks",
        "The Wire",
        "2023-03-02",
    )
    fenced = [i for i, (_start, end) in enumerate(article.paragraphs) if end <= len(front)]
    assert fenced and set(fenced) <= article.boilerplate, "the front matter is never text"


@pytest.mark.parametrize("fence", ["---", "+++"])
def test_an_unknown_front_matter_key_names_file_line_and_the_nearest_key(
    tmp_path: Path, fence: str
) -> None:
    sep = ":" if fence == "---" else " ="
    front = f'{fence}\ntitle{sep} "Vienna talks"\nocasion{sep} "Vienna talks"\n{fence}\n'
    corpus = corpus_with(tmp_path, {"a.md": front + BODY})
    warnings: list[str] = []
    (article,) = load_corpus(corpus, warnings.append)
    assert article.meta.occasion is None
    assert warnings == [
        'a.md:3: unknown front matter key "ocasion", ignored; did you mean "occasion"?'
    ]


def test_an_unknown_key_in_sources_toml_names_file_line_and_the_nearest_key(
    tmp_path: Path,
) -> None:
    sidecar = '["a.txt"]\ntitle = "Vienna"\n\n["b.txt"]\ntitle = "Other"\nouttlet = "Wire"\n'
    corpus = corpus_with(tmp_path, {"a.txt": BODY, "b.txt": BODY, "sources.toml": sidecar})
    warnings: list[str] = []
    load_corpus(corpus, warnings.append)
    assert warnings == [
        f'{corpus / "sources.toml"}:6: unknown key of "b.txt" "outtlet", ignored; '
        'did you mean "outlet"?'
    ]


def test_an_unknown_key_in_debate_toml_names_file_line_and_the_nearest_key(
    tmp_path: Path,
) -> None:
    config = tmp_path / "debate.toml"
    config.write_text(
        '[debate]\nname = "A vs B"\n\n'
        '[[speakers]]\nid = "a"\nname = "Ann Able"\nalias = ["Annie"]\n\n'
        '[[speakers]]\nid = "b"\nname = "Bob Baker"\n\n'
        '[[topics]]\nid = "t"\nlabel = "T"\nterms = ["tea"]\n\n'
        "[topic]\nid = 1\n",
        "utf-8",
    )
    found = load_config(config)
    assert found.warnings == (
        f'{config}:18: unknown table "topic", ignored; did you mean "topics"?',
        f'{config}:7: unknown key "alias", ignored; did you mean "aliases"?',
    )


def test_a_config_with_only_known_keys_has_no_warnings(tmp_path: Path) -> None:
    from debate_tui.config import default_config

    assert default_config().warnings == ()
