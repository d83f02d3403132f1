"""Topics of a statement: its own words, never the words that name who speaks."""

from __future__ import annotations

from pathlib import Path

from debate_tui.build import statements_for_articles
from debate_tui.config import default_config
from debate_tui.corpus import read_article
from debate_tui.extract.topics import TopicMatcher
from debate_tui.model import Debate, Statement, TopicSpec

CONFIG = default_config()
TOPICS = (
    TopicSpec("talks", "Peace talks", ("diplomacy", "talks")),
    TopicSpec("arms", "New START", ("New START",)),
)
TITLES = ("the leader of U.S. diplomacy", "Antony Blinken", "Blinken")


def words(text: str) -> list[tuple[str, str]]:
    return [(word, word.lower()) for word in text.replace(".", " .").split()]


def test_a_topic_term_inside_a_speakers_title_is_not_the_topic() -> None:
    matcher = TopicMatcher(TOPICS, ignore=TITLES)
    said = "The leader of U.S. diplomacy urged Russia to return to New START"
    assert matcher.match(words(said)) == ["arms"]
    assert TopicMatcher(TOPICS).match(words(said)) == ["talks", "arms"]


def test_the_same_word_outside_the_title_still_counts() -> None:
    matcher = TopicMatcher(TOPICS, ignore=TITLES)
    said = "The leader of U.S. diplomacy called for diplomacy on New START"
    assert matcher.match(words(said)) == ["talks", "arms"]


def test_bundled_new_start_remarks_are_not_filed_under_peace_talks(
    bundled_debate: Debate,
) -> None:
    leader = [
        st
        for st in bundled_debate.statements
        if any(
            "The leader of U.S. diplomacy" in text
            for text in (st.text, *(r.text for r in st.reports))
        )
    ]
    assert leader and all("peace-talks" not in st.topics for st in leader)
    assert all("new-start" in st.topics for st in leader)


def extract(tmp_path: Path, text: str) -> list[Statement]:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    article = read_article(path, "article.txt", {}, lambda _m: None)
    assert article is not None
    return statements_for_articles([article], CONFIG, use_cache=False)


def test_a_new_paragraph_in_its_own_words_takes_its_topics_from_them(tmp_path: Path) -> None:
    text = (
        "A headline about the meeting\n"
        "Blinken said new sanctions would follow any further escalation by Moscow.\n"
        "He said escalation was a choice the Kremlin made alone.\n"
    )
    found = extract(tmp_path, text)
    assert [st.topics for st in found] == [("escalation", "sanctions"), ("escalation",)]


def test_a_new_paragraph_with_no_topic_words_of_its_own_still_carries_the_topic_on(
    tmp_path: Path,
) -> None:
    text = (
        "A headline about the meeting\n"
        "Blinken urged Russia to return to the New START treaty.\n"
        "“Mutual compliance is in the interest of our two countries,” Blinken told Lavrov.\n"
    )
    found = extract(tmp_path, text)
    assert [st.topics for st in found] == [("new-start",), ("new-start",)]


# -- the built-in topics hold each theme's common words, not only its rarest ------------
# A reader files a remark by meaning; the terms must hold the everyday words of each theme
# ("troops", "security", "strategic stability"), or most remarks land under "Other".
def built_in(said: str) -> list[str]:
    config = default_config()
    names = [name for s in config.speakers for name in (*s.aliases, *s.titles)]
    return TopicMatcher(config.topics, ignore=names).match(words(said))


def test_the_war_in_plain_words_is_the_war_topic() -> None:
    assert "war-sovereignty" in built_in("Blinken said Russian troops had to leave Ukraine")
    assert "war-sovereignty" in built_in("Lavrov said Moscow never planned to invade anyone")


def test_security_demands_are_the_european_security_topic() -> None:
    assert "nato-security" in built_in("Lavrov said Moscow awaited answers on its security demands")
    assert "nato-security" in built_in("Blinken said the OSCE principles bind every member")


def test_a_meeting_and_strategic_stability_have_their_topics() -> None:
    assert "peace-talks" in built_in("Lavrov said the meeting had been useful")
    assert "new-start" in built_in("Blinken said strategic stability needed work by experts")


def test_detention_in_plain_words_is_the_detained_americans_topic() -> None:
    assert "detained-americans" in built_in("Blinken said the two men were detained unjustly")
