"""Pairing within one group: statements that answer each other sit side by side."""

from __future__ import annotations

from debate_tui.counterparts import (
    CANDIDATE_LIMIT,
    Lexicon,
    PairStats,
    assign,
    features,
    pair_rows,
    reason,
    stem,
)
from debate_tui.model import Speaker, Statement, TopicSpec

SPEAKERS = (
    Speaker("a", "Ann Able", "Minister", ("Able",), ("the leader of U.S. diplomacy",)),
    Speaker("b", "Bob Baker", "Minister", ("Baker",)),
)
TOPICS = (
    TopicSpec("talks", "Peace talks", ("talks", "diplomacy", "negotiation")),
    TopicSpec("escalation", "Escalation", ("escalation", "escalate")),
)
LEFT = [
    "Able said the sanctions on grain exports would stay until the blockade ends.",
    "Able warned that the deployment of North Korean troops was an escalation.",
    "Able said the weather in the capital was pleasant this week.",
]
RIGHT = [
    "Baker said North Korean troops were never deployed and the escalation is Western.",
    "Baker said the grain blockade was a lie and sanctions hurt the poor.",
    "Baker praised the national football team.",
]
OTHERS = [
    "Able said the ports were open.",
    "Baker spoke of the harvest.",
    "Able mentioned the museum.",
    "Baker discussed rail freight.",
]


def _lexicon(*texts: str) -> Lexicon:
    return Lexicon(SPEAKERS, TOPICS, [*LEFT, *RIGHT, *OTHERS, *texts])


def _statement(speaker: str, text: str, start: int = 0, topics: tuple[str, ...] = ()) -> Statement:
    return Statement(
        speaker,
        text,
        "reported",
        topics,
        "x.txt",
        start,
        start + len(text),
        0,
        "say",
        "name",
        0.9,
        "",
    )


def test_a_statement_is_paired_with_the_one_that_answers_it_not_the_one_beside_it() -> None:
    matches = assign(LEFT, RIGHT, _lexicon())
    assert {(m.left, m.right) for m in matches} == {(0, 1), (1, 0)}


def test_statements_sharing_nothing_are_never_paired() -> None:
    matches = assign(LEFT[2:], RIGHT[2:], _lexicon())
    assert matches == []


def test_a_pair_says_what_it_shares_most_telling_first() -> None:
    matches = {(m.left, m.right): m.why for m in assign(LEFT, RIGHT, _lexicon())}
    assert matches[(1, 0)].startswith("both on: North Korean")
    assert "grain" in matches[(0, 1)] and "blockade" in matches[(0, 1)]


def test_the_speakers_names_and_titles_are_not_what_a_statement_is_about() -> None:
    lexicon = _lexicon()
    doc = lexicon.features("The leader of U.S. diplomacy, Ann Able, spoke of grain.")
    assert "diplomacy" not in doc.roots and "~talks" not in doc.roots
    assert not {"able", "ann"} & doc.roots and "grain" in doc.roots


def test_the_terms_of_one_topic_count_as_one_concept() -> None:
    lexicon = _lexicon()
    assert "~talks" in lexicon.features("Able called for negotiation.").roots
    assert "~talks" in lexicon.features("Baker rejected any talks.").roots


def test_word_forms_meet_on_one_root() -> None:
    assert stem("escalation") == stem("escalating") == stem("escalate")
    assert stem("isolated") == stem("isolation")


def test_a_capital_opening_a_sentence_is_not_a_name() -> None:
    assert features("Mutual compliance matters. Then North Korea spoke.").names == frozenset(
        {"north korea"}
    )


def test_unpaired_statements_stand_in_their_own_rows_in_corpus_order() -> None:
    lefts = [_statement("a", text, 100 * i) for i, text in enumerate(LEFT)]
    rights = [_statement("b", text, 1000 + 100 * i) for i, text in enumerate(RIGHT)]
    order = {id(st): i for i, st in enumerate([*lefts, *rights])}
    rows = pair_rows("G", lefts, rights, "talks", _lexicon(), order)
    assert [(r.left.text if r.left else None, r.right.text if r.right else None) for r in rows] == [
        (LEFT[0], RIGHT[1]),
        (LEFT[1], RIGHT[0]),
        (LEFT[2], None),
        (None, RIGHT[2]),
    ]
    assert rows[0].why and not rows[2].why


def test_copies_of_one_remark_are_compared_once_and_paired_copy_for_copy() -> None:
    lefts = [_statement("a", LEFT[1], i) for i in range(3)]
    rights = [_statement("b", RIGHT[0], 100 + i) for i in range(2)]
    order = {id(st): i for i, st in enumerate([*lefts, *rights])}
    rows = pair_rows("G", lefts, rights, "talks", _lexicon(), order)
    assert sum(1 for r in rows if r.left and r.right) == 2
    assert sum(1 for r in rows if r.left and not r.right) == 1


def test_a_reason_names_at_most_three_things() -> None:
    assert reason(["a", "b", "c", "d"]) == "both on: a, b, c"


def test_a_big_group_is_paired_through_rare_words_not_all_against_all() -> None:
    size = 2000  # a side: the distinct copies of one story share one occasion
    lefts = [
        f"Able said the sanctions on grain stay and the plan zorb{i}x for kelvan{i}q holds."
        for i in range(size)
    ]
    rights = [
        f"Baker said the grain sanctions fail and the plan zorb{i}x for kelvan{i}q is a lie."
        for i in range(size)
    ]
    stats = PairStats()
    matches = assign(lefts, rights, Lexicon(SPEAKERS, TOPICS, [*lefts, *rights]), stats=stats)
    assert sorted((m.left, m.right) for m in matches) == [(i, i) for i in range(size)]
    assert stats.comparisons <= CANDIDATE_LIMIT * size < size * size // 100


def test_a_small_group_compares_every_pair_sharing_a_word() -> None:
    stats = PairStats()
    assign(LEFT, RIGHT, _lexicon(), stats=stats)
    sharing = sum(
        1
        for a in LEFT
        for b in RIGHT
        if (_lexicon().features(a).roots | _lexicon().features(a).names)
        & (_lexicon().features(b).roots | _lexicon().features(b).names)
    )
    assert stats.comparisons == sharing > 0
