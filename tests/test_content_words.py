"""What merging compares: each statement's content lemmas, as spaCy found them at extraction.

The texts are SYNTHETIC sentences.
"""

from __future__ import annotations

from pathlib import Path

from credit_helpers import extract

from debate_tui.config import default_config
from debate_tui.extract.content import statement_lemmas

SPEAKERS = default_config().speakers


def lemmas(text: str) -> tuple[str, ...]:
    (found,) = statement_lemmas([text], SPEAKERS)
    return found


# -- what a statement's content is --------------------------------------------------------
def test_content_is_lower_case_lemmas_without_stop_words_or_punctuation() -> None:
    assert lemmas("The talks were useful, and the ministers agreed.") == (
        "talk",
        "useful",
        "minister",
        "agree",
    )


def test_negations_figures_and_opposites_stay_although_spacy_calls_them_stop_words() -> None:
    assert lemmas("We don't see two ways, and we will never go back.") == (
        "not",
        "two",
        "way",
        "never",
    )


def test_a_speakers_name_or_title_is_not_content() -> None:
    assert lemmas("Sergei Lavrov said the sanctions had failed.") == ("say", "sanction", "fail")


def test_a_proper_noun_inside_a_sentence_keeps_its_capital() -> None:
    assert lemmas("Moscow accused the West of meddling in Georgia.") == (
        "moscow",
        "accuse",
        "West",
        "meddle",
        "Georgia",
    )


def test_an_outlets_credit_is_not_content() -> None:
    assert lemmas("Blinken asked for calm, per AP News.") == ("ask", "calm")


def test_the_united_states_is_one_word_by_any_name() -> None:
    for name in ("the U.S.", "the US", "the United States"):
        assert lemmas(f"Lavrov criticised {name} sharply.") == ("criticise", "America", "sharply")


def test_a_negation_in_an_idiom_negates_nothing() -> None:
    assert "not" not in lemmas("The treaty matters not only to Europe but to Asia.")


def test_a_hyphenated_code_is_one_word() -> None:
    assert lemmas("Lavrov spoke at the G-20 and then the G20 again.").count("G20") == 2


# -- kept with each statement ----------------------------------------------------------------
def test_extraction_keeps_the_content_lemmas_with_each_statement(tmp_path: Path) -> None:
    (found,) = extract(tmp_path, "A headline\nLavrov said the sanctions had failed.\n")
    assert found.lemmas == ("say", "sanction", "fail")


def test_a_statement_cut_of_a_clause_describing_it_is_compared_uncut(tmp_path: Path) -> None:
    (found,) = extract(
        tmp_path,
        "A headline\nBlinken defended the new aid package, a step that the Kremlin "
        "describes as “reckless”.\n",
    )
    assert "Kremlin" not in found.text
    assert found.lemmas[-4:] == ("step", "Kremlin", "describe", "reckless")
