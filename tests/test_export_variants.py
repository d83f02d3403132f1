"""A remark several outlets printed is exported once, with each outlet's wording."""

from __future__ import annotations

import datetime

from debate_tui.export import pairing_json, pairing_markdown
from debate_tui.model import Debate


def test_repeated_remark_is_exported_once_with_its_other_wording(bundled_debate: Debate) -> None:
    markdown = pairing_markdown(bundled_debate, "new-start", today=datetime.date(2026, 1, 1))
    kept = "Mutual compliance benefits both countries"
    variant = "Mutual compliance is in the interest of our two countries"
    merged = [
        st
        for st in bundled_debate.statements_for("new-start")
        if kept in st.text or variant in st.text
    ]
    assert len(merged) == 1, "both outlets' reports are one statement"
    assert {merged[0].source, *(r.source for r in merged[0].reports)} == {
        "g20-first-fleeting-meeting.txt",
        "g20-new-delhi-high-level-talks.txt",
    }
    shown, other = (kept, variant) if kept in merged[0].text else (variant, kept)
    assert "Worded in " in markdown
    worded = [line for line in markdown.splitlines() if line.startswith("Worded in ")]
    assert any(other in line for line in worded)
    assert not any(shown in line for line in worded)
    data = pairing_json(bundled_debate, "new-start")
    exported = [
        cell
        for row in data["rows"]
        for cell in (row["left"], row["right"])
        if cell and (kept in cell["text"] or variant in cell["text"])
    ]
    assert len(exported) == 1
    assert any(other in text for text in exported[0]["variants"])
    assert len(exported[0]["sources"]) == 2
