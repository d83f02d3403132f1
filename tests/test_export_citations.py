"""Markdown citations: outlet, date and link when the metadata knows them; no date twice."""

from __future__ import annotations

import pytest
from tui_fixtures import COUNTERPART, DELHI, fixture_debate

from debate_tui.export import citation_markdown
from debate_tui.model import Debate, Statement


def _with_meta(source: str, **fields: str) -> Debate:
    debate = fixture_debate()
    debate.articles = [
        meta._replace(**fields) if meta.source == source else meta for meta in debate.articles
    ]
    return debate


def _from(debate: Debate, source: str) -> Statement:
    return next(st for st in debate.statements if st.source == source and not st.reports)


def test_a_citation_gives_outlet_date_and_a_link_to_the_article() -> None:
    debate = _with_meta(
        DELHI, outlet="The Wire", date="2023-03-03", url="https://example.org/news/blinken"
    )
    line = citation_markdown(debate, _from(debate, DELHI))
    assert line.startswith(
        "Source: [High-Level Talks Between Blinken and Lavrov Since Ukrainian Invasion]"
        "(https://example.org/news/blinken) (The Wire, 3 March 2023; "
        "`g20-new-delhi-high-level-talks.txt`, characters "
    )


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "ftp://example.org/file",
        "data:text/html,<b>x</b>",
        "//example.org/no-scheme",
        "https://example.org/a\nb",
    ],
)
def test_only_an_http_or_https_url_becomes_a_link(url: str) -> None:
    debate = _with_meta(DELHI, url=url)
    line = citation_markdown(debate, _from(debate, DELHI))
    assert "](" not in line and url.split(":")[0] not in line.replace("Source:", "")


def test_characters_that_would_end_a_link_are_encoded() -> None:
    debate = _with_meta(DELHI, url="https://example.org/a (b) <c> [d]")
    line = citation_markdown(debate, _from(debate, DELHI))
    assert "(https://example.org/a%20%28b%29%20%3Cc%3E%20%5Bd%5D)" in line


def test_no_date_is_printed_twice() -> None:
    debate = _with_meta(COUNTERPART, date="2023-03-02")
    statement = next(st for st in debate.statements if st.source == COUNTERPART)
    line = citation_markdown(debate, statement)
    # The occasion says "March 2": the publication date of that same day is not repeated.
    assert "March 2" in line and "2 March 2023" not in line and "2023-03-02" not in line


def test_a_publication_date_on_another_day_than_the_occasion_is_kept() -> None:
    debate = _with_meta(COUNTERPART, date="2023-03-04")
    statement = next(st for st in debate.statements if st.source == COUNTERPART)
    line = citation_markdown(debate, statement)
    assert "4 March 2023" in line and line.endswith("New Delhi, March 2")
