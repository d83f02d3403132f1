"""`debate-tui export` as a user runs it: files, standard output, exit codes, messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_export_support import (
    CORPUS,
    HTML_TOKENS,
    LINK_TOKENS,
    PARSERS,
    all_token_types,
    parse,
    real_debate,
)

from debate_tui.cli import main
from debate_tui.export import normalise_text, run_export

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "export"


def _run(**kwargs: object) -> int:
    options: dict = {
        "topic": "crimea",
        "all_topics": False,
        "fmt": "markdown",
        "output": None,
        "force": False,
    }
    options.update(kwargs)
    return run_export(real_debate(), **options)


def _one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


def test_default_file_goes_to_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert _run() == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert str(tmp_path / "crimea.md") in _one_line(err)
    assert (tmp_path / "crimea.md").read_text("utf-8").startswith("# Crimea: Antony Blinken")
    assert os.listdir(tmp_path) == ["crimea.md"]


def test_dash_writes_only_the_document_to_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert _run(output="-") == 0
    out, err = capsys.readouterr()
    assert out.startswith("# Crimea: Antony Blinken vs Sergei Lavrov\n")
    assert err == ""
    assert os.listdir(tmp_path) == []


def test_existing_file_needs_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "brief.md"
    target.write_text("my notes")
    assert _run(output=str(target)) == 1
    message = _one_line(capsys.readouterr().err)
    assert str(target) in message and "--force" in message
    assert target.read_text() == "my notes"
    assert _run(output=str(target), force=True) == 0
    assert target.read_text("utf-8").startswith("# Crimea")


def test_missing_folder_is_exit_1_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing" / "x.md"
    assert _run(output=str(target)) == 1
    message = _one_line(capsys.readouterr().err)
    assert message.startswith("debate-tui: error: ") and str(target) in message


def test_output_folder_gets_the_default_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(output=str(tmp_path), fmt="json") == 0
    assert json.loads((tmp_path / "crimea.json").read_text("utf-8"))["topic"]["id"] == "crimea"


def test_missing_output_folder_with_slash_is_not_taken_for_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(output=f"{tmp_path}/briefs/") == 1
    message = _one_line(capsys.readouterr().err)
    assert str(tmp_path / "briefs") in message and "does not exist" in message
    assert os.listdir(tmp_path) == []


def test_an_empty_output_name_is_a_usage_error_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert _run(output="") == 2
    assert "-o needs a file name" in _one_line(capsys.readouterr().err)
    assert os.listdir(tmp_path) == []


def test_unknown_topic_is_a_usage_error_listing_valid_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert _run(topic="crimean-war") == 2
    message = _one_line(capsys.readouterr().err)
    assert "crimean-war" in message
    for topic_id in ("crimea", "new-start", "other"):
        assert topic_id in message
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(("fmt", "name"), [("markdown", "debate.md"), ("json", "debate.json")])
def test_all_topics_into_one_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    assert _run(topic=None, all_topics=True, fmt=fmt) == 0
    text = (tmp_path / name).read_text("utf-8")
    if fmt == "json":
        assert len(json.loads(text)["pairings"]) == len(real_debate().all_topics())
    else:
        assert text.startswith("# Blinken vs Lavrov: every topic")


def test_export_module_loads_neither_textual_nor_spacy() -> None:
    code = (
        "import sys, debate_tui.export\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} "
        "& {'textual', 'spacy', 'thinc', 'markdown_it', 'rich'})\n"
        "print(','.join(heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


# --- end to end through the real extraction --------------------------------------------------


def _corpus_statements(corpus: Path, topic: str, tmp_path: Path) -> list[dict]:
    out = tmp_path / f"{topic}.json"
    assert main(["export", str(corpus), "--topic", topic, "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text("utf-8"))
    return [c for row in data["rows"] for c in (row["left"], row["right"]) if c]


def test_bundled_corpus_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "x.md"
    assert main(["export", str(CORPUS), "--topic", "crimea", "-o", str(target)]) == 0
    assert str(target) in capsys.readouterr().err
    markdown = target.read_text("utf-8")
    statements = _corpus_statements(CORPUS, "crimea", tmp_path)
    assert statements, "the bundled corpus has statements on Crimea"
    for parser in PARSERS:
        parsed = parse(markdown, parser)
        assert not all_token_types(parsed.tokens) & (HTML_TOKENS | LINK_TOKENS)
        assert len(parsed.tables) == 1
        assert sorted(q.text for q in parsed.quoted) == sorted(
            normalise_text(s["text"]) for s in statements
        )
        for block in parsed.quoted:
            assert all((CORPUS / name).is_file() for name in block.files)
    # A second export to the same file is refused, then allowed with --force.
    assert main(["export", str(CORPUS), "--topic", "crimea", "-o", str(target)]) == 1
    assert "--force" in capsys.readouterr().err
    assert main(["export", str(CORPUS), "--topic", "crimea", "-o", str(target), "--force"]) == 0


def test_hostile_corpus_end_to_end(tmp_path: Path) -> None:
    """tests/fixtures/export/hostile is SYNTHETIC: an invented article full of markup."""
    corpus = FIXTURES / "hostile"
    target = tmp_path / "all.md"
    assert main(["export", str(corpus), "--all", "-o", str(target)]) == 0
    markdown = target.read_text("utf-8")
    statements = _corpus_statements(corpus, "crimea", tmp_path)
    assert statements, "the synthetic article's statements on Crimea are found"
    for parser in PARSERS:
        parsed = parse(markdown, parser)
        assert not all_token_types(parsed.tokens) & (HTML_TOKENS | LINK_TOKENS)
        shown = [q.text for q in parsed.quoted]
        for statement in statements:
            assert normalise_text(statement["text"]) in shown
        for block in parsed.quoted:
            assert block.files == ["hostile-summit.txt"]
            assert "<h1>Summit</h1> | *hostile* [title](http://x.example) `ticks`" in (
                block.citation
            )


def test_cli_unknown_topic_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(FIXTURES / "hostile"), "--topic", "nope", "-o", "-"]) == 2
    message = _one_line(capsys.readouterr().err)
    assert "nope" in message and "crimea" in message
