"""The dev set's tools: freezing drafts into offsets, the scorer's arithmetic, and the
agreement of two labellings.

Synthetic text only: the dev set's real texts never enter the repository.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "devset"))
sys.path.insert(0, str(REPO / "benchmarks"))

import agreement  # noqa: E402
import freeze  # noqa: E402
import quality  # noqa: E402

TEXT = (
    "Talks in Geneva\n"
    "GENEVA (Wire) - Russian Foreign Minister Sergei Lavrov said on Friday that the talks "
    "had been useful.\n"
    "A spokesman for the ministry said the next round was not fixed.\n"
    "Blinken urged Moscow to pull back its troops from the border.\n"
)

DRAFT = """
[article]
id = "synthetic-01"
debate = "blinken-lavrov"
kind = "wire"
half = "tune"
url = "https://example.org/a"
query = "synthetic"

[[statement]]
anchor = "the talks had been useful"
speaker = "lavrov"
via = "name"
topics = ["peace-talks"]

[[statement]]
anchor = "urged Moscow to pull back its troops"
speaker = "blinken"
via = "name"

[[trap]]
anchor = "the next round was not fixed"
who = "ministry spokesman"
why = "someone else"

[[trap]]
anchor = "Talks in Geneva"
who = "headline"
"""


@pytest.fixture
def frozen(tmp_path: Path) -> tuple[Path, Path]:
    texts, labels = tmp_path / "texts", tmp_path / "labels"
    texts.mkdir()
    (texts / "synthetic-01.txt").write_text(TEXT, "utf-8")
    (texts / "synthetic-01.draft.toml").write_text(DRAFT, "utf-8")
    assert freeze.freeze(texts, "synthetic-01", labels) == []
    return texts, labels


def test_a_frozen_label_file_keeps_offsets_and_checksums_but_no_words(
    frozen: tuple[Path, Path],
) -> None:
    _texts, labels = frozen
    written = (labels / "synthetic-01.toml").read_text("utf-8")
    assert "useful" not in written and "next round" not in written
    data = freeze.load_labels(labels)[0]
    first = data["statement"][0]
    assert TEXT[first["start"] : first["end"]] == "the talks had been useful"
    assert first["sha"] == freeze.short_sha("the talks had been useful")
    assert data["article"]["sha"] == freeze.short_sha(TEXT, 12)


def test_a_draft_with_an_ambiguous_or_missing_anchor_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Lavrov said yes. Lavrov said yes.\n", "utf-8")
    (tmp_path / "x.draft.toml").write_text(
        DRAFT.replace('id = "synthetic-01"', 'id = "x"')
        .replace("the talks had been useful", "Lavrov said yes.")
        .replace("urged Moscow to pull back its troops", "not in the text at all"),
        "utf-8",
    )
    errors = freeze.freeze(tmp_path, "x", tmp_path / "labels")
    assert any("occurs 2 times" in e for e in errors)
    assert any("not found" in e for e in errors)
    assert not (tmp_path / "labels").exists()


def test_the_scorer_counts_found_labels_traps_and_wrong_statements(
    frozen: tuple[Path, Path],
) -> None:
    texts, labels = frozen
    result = quality.run(texts, "all", use_cache=False, show_text=False, labels=labels)
    total = result.total
    assert (total.labels, total.traps) == (2, 2)
    assert total.found == 2, result.misses
    assert total.traps_credited == 0, result.misses
    assert total.correct == total.statements == 2


def test_a_changed_text_is_left_out_of_scoring(frozen: tuple[Path, Path]) -> None:
    texts, labels = frozen
    (texts / "synthetic-01.txt").write_text(TEXT.replace("Friday", "Monday"), "utf-8")
    result = quality.run(texts, "all", use_cache=False, show_text=False, labels=labels)
    assert result.total.labels == 0


def test_two_labellings_agree_on_a_shared_sentence_and_differ_on_speaker_and_trap(
    frozen: tuple[Path, Path], tmp_path: Path
) -> None:
    """A second labeller's anchor elsewhere in the same sentence still agrees; giving
    Blinken's sentence to Lavrov, or calling Lavrov's a trap, is counted as such."""
    from debate_tui.extract.pipeline import load_nlp

    texts, labels = frozen
    first = freeze.load_labels(labels)[0]
    second_draft = (
        DRAFT.replace('anchor = "the talks had been useful"', 'anchor = "said on Friday"')
        .replace('speaker = "blinken"', 'speaker = "lavrov"')
        .replace('url = "https://example.org/a"', 'url = "second"')
    )
    (texts / "synthetic-01.draft.toml").write_text(second_draft, "utf-8")
    assert freeze.freeze(texts, "synthetic-01", tmp_path / "second") == []
    second = freeze.load_labels(tmp_path / "second")[0]
    count = agreement.compare(first, second, TEXT, load_nlp())
    assert (count.first, count.second, count.agreed, count.other_speaker) == (2, 2, 1, 1)

    as_trap = DRAFT.replace(
        """[[statement]]
anchor = "the talks had been useful"
speaker = "lavrov"
via = "name"
topics = ["peace-talks"]""",
        """[[trap]]
anchor = "the talks had been useful"
who = "Lavrov"
why = "second reading"
""",
    )
    (texts / "synthetic-01.draft.toml").write_text(as_trap, "utf-8")
    assert freeze.freeze(texts, "synthetic-01", tmp_path / "third") == []
    third = freeze.load_labels(tmp_path / "third")[0]
    count = agreement.compare(first, third, TEXT, load_nlp())
    assert (count.agreed, count.statement_vs_trap) == (1, 1)
    assert count.only_first == [f"@{TEXT.index('the talks')} lavrov (second: TRAP)"]


def test_a_statement_on_a_disputed_sentence_counts_neither_for_nor_against(
    frozen: tuple[Path, Path],
) -> None:
    """Where two labellers read a sentence differently, the consensus labels mark it
    disputed: the extractor's statement there is not called wrong, nor the label missed."""
    texts, labels = frozen
    path = labels / "synthetic-01.toml"
    data = freeze.load_labels(labels)[0]
    lavrov = data["statement"][0]
    data["statement"] = data["statement"][1:]
    path.write_text(
        agreement.dump({**data, "disputed": [{"start": lavrov["start"], "end": lavrov["end"]}]})
    )
    result = quality.run(texts, "all", use_cache=False, show_text=False, labels=labels)
    total = result.total
    assert (total.labels, total.found) == (1, 1), result.misses
    assert total.correct == total.statements == 1, result.misses
    assert not result.misses

    data.pop("disputed", None)
    path.write_text(agreement.dump({**data, "disputed": []}))
    result = quality.run(texts, "all", use_cache=False, show_text=False, labels=labels)
    assert (result.total.statements, result.total.correct) == (2, 1)
