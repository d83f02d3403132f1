"""The JSON export: the same pairing as data another tool can trust."""

from __future__ import annotations

import json

from test_export_support import (
    CORPUS,
    DELHI,
    HOSTILE_TEXTS,
    corpus_articles,
    hostile_debate,
    real_debate,
)

from debate_tui.export import debate_json, dumps_json, pairing_json

STATEMENT_KEYS = {
    "id",
    "label",
    "speaker",
    "text",
    "kind",
    "topics",
    "source",
    "start",
    "end",
    "paragraph",
    "quotes",
    "occasion",
    "date",
    "sources",
    "variants",
    "cue",
    "via",
    "confidence",
    "reason",
}


def _cells(data: dict) -> list[dict]:
    return [cell for row in data["rows"] for cell in (row["left"], row["right"]) if cell]


def test_pairing_json_mirrors_the_pairing() -> None:
    debate = real_debate()
    pairing = debate.pairing("crimea")
    data = json.loads(dumps_json(pairing_json(debate, "crimea")))
    assert data["topic"] == {"id": "crimea", "label": "Crimea"}
    assert [s["id"] for s in data["speakers"]] == ["blinken", "lavrov"]
    assert data["counts"] == {"blinken": 2, "lavrov": 1}
    assert data["corpus"] == "corpus"
    assert len(data["rows"]) == len(pairing.rows)
    for row, expected in zip(data["rows"], pairing.rows, strict=True):
        assert row["group"] == expected.group
        for side in ("left", "right"):
            want = getattr(expected, side)
            assert (row[side] is None) == (want is None)
            if want is not None:
                assert row[side]["id"] == want.id
    assert data["rows"][1]["right"] is None  # Lavrov silent in the second row
    assert [c["label"] for c in _cells(data)] == ["Blinken 1", "Lavrov 1", "Blinken 2"]


def test_every_statement_carries_text_offsets_and_sources() -> None:
    debate = real_debate()
    articles = corpus_articles()
    for topic in debate.all_topics():
        data = pairing_json(debate, topic.id)
        cells = _cells(data)
        assert sorted(c["id"] for c in cells) == sorted(
            st.id for st in debate.statements_for(topic.id)
        )
        for cell in cells:
            assert set(cell) == STATEMENT_KEYS
            assert topic.id in cell["topics"]
            assert articles[cell["source"]].text[cell["start"] : cell["end"]] == cell["text"]
            assert cell["sources"][0]["source"] == cell["source"]
            for source in cell["sources"]:
                assert (CORPUS / source["source"]).is_file()
                article = articles[source["source"]].text
                assert article[source["start"] : source["end"]]


def test_reports_become_sources_and_variants() -> None:
    data = pairing_json(real_debate(), "peace-talks")
    (cell,) = _cells(data)
    assert [s["source"] for s in cell["sources"]] == [
        DELHI,
        "blinken-meets-russian-counterpart.txt",
    ]
    assert cell["sources"][1]["title"] == "Blinken Meets With Russian Counterpart"
    assert cell["occasion"] == "G20 foreign ministers' meeting, New Delhi"
    assert len(cell["variants"]) == 1 and "just and durable peace" in cell["variants"][0]
    assert cell["kind"] == "mixed"
    assert cell["quotes"] and all(len(span) == 2 for span in cell["quotes"])


def test_debate_json_holds_every_topic_and_article() -> None:
    debate = real_debate()
    data = json.loads(dumps_json(debate_json(debate)))
    assert [p["topic"]["id"] for p in data["pairings"]] == [t.id for t in debate.all_topics()]
    assert data["pairings"][-1]["topic"]["id"] == "other"
    assert len(data["articles"]) == 5
    assert {a["source"] for a in data["articles"]} == {p.name for p in CORPUS.glob("*.txt")}


def test_json_keeps_hostile_text_byte_for_byte() -> None:
    """SYNTHETIC hostile texts: JSON escapes them itself, so the text stays exactly as given."""
    debate = hostile_debate()
    data = json.loads(dumps_json(pairing_json(debate, "crimea")))
    assert sorted(c["text"] for c in _cells(data)) == sorted(HOSTILE_TEXTS)
    assert json.loads(dumps_json(debate_json(debate)))["debate"] == "<b>Hostile</b> | debate"
