"""`parse` and `topics` end to end on real articles: the contract other tools read."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
REQUIRED = {"speaker", "text", "topics", "source", "start", "end", "kind"}


def run(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "debate_tui", *args],
        capture_output=True,
        text=True,
        env={"DEBATE_TUI_CACHE": str(cache), "PATH": "/usr/bin:/bin", "COLUMNS": "120"},
        timeout=300,
    )


def test_parse_jsonl_is_one_grounded_object_per_statement(tmp_path: Path) -> None:
    done = run("parse", str(CORPUS), "--format", "jsonl", cache=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) >= 50
    texts = {p.name: p.read_text("utf-8") for p in CORPUS.glob("*.txt")}
    for record in records:
        assert record.keys() >= REQUIRED
        assert record["speaker"] in ("blinken", "lavrov")
        assert record["kind"] in ("quote", "reported", "mixed")
        assert record["topics"]
        assert texts[record["source"]][record["start"] : record["end"]] == record["text"]
        for report in record["sources"]:
            assert report["source"] in texts
    # A second run reads the cache and prints the same statements.
    again = run("parse", str(CORPUS), "--format", "jsonl", cache=tmp_path)
    assert again.stdout == done.stdout


def test_topics_lists_the_required_topics_with_counts(tmp_path: Path) -> None:
    done = run("topics", str(CORPUS), cache=tmp_path)
    assert done.returncode == 0, done.stderr
    rows = {line.split("│")[1].strip(): line for line in done.stdout.splitlines() if "│" in line}
    for topic in ("crimea", "minsk", "escalation", "new-start", "other"):
        assert topic in rows
    crimea_counts = [cell.strip() for cell in rows["crimea"].split("│")[3:5]]
    assert all(count.isdigit() for count in crimea_counts)
    assert sum(int(count) for count in crimea_counts) >= 2


def test_table_shows_article_brackets_as_text(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Headline\nLavrov said the [bold]West[/] had lied about [it].\n", encoding="utf-8"
    )
    done = run("parse", str(corpus), "--format", "table", cache=tmp_path / "cache")
    assert done.returncode == 0, done.stderr
    assert "[bold]West[/]" in done.stdout
    assert "[it]" in done.stdout
