"""Credit in the shapes documents come in, each failure class with synthetic passages.

Every passage here is written for the tests (no article text). Each class is a general
shape first met on articles the rules had never seen: datelines and headings that look like
transcript labels, transcript turns that run over several paragraphs, remarks, listed
statements, posts and standfirsts, files whose lines end in CR or CRLF, hard-wrapped lines,
lines without a full stop or cut off at the end, and quotation marks glued to words.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from credit_helpers import ZELENSKY_PUTIN, by_line, extract, extract_with

from debate_tui.corpus import is_heading, split_paragraphs

# -- 1. datelines and headings with a colon are not transcript turns ------------------------
DATELINE_ARTICLES = [
    (
        "Talks end without a deal\n"
        "KARACHI: Lavrov told reporters on Monday that the talks had gone nowhere.\n"
        "Blinken said Washington would keep its sanctions in place.\n",
        {1: "lavrov", 2: "blinken"},
    ),
    (
        "Ministers Clash: Sanctions Dominate A Tense Day\n"
        "SAN FRANCISCO: Blinken argued that the sanctions were working.\n"
        "Lavrov replied that the sanctions had united Russians.\n",
        {1: "blinken", 2: "lavrov"},
    ),
    (
        "Blinken Vs Lavrov: Who Won The Day\n"
        "RIO DE JANEIRO: The two ministers met for an hour.\n"
        "Lavrov insisted that Moscow had done nothing wrong.\n"
        "Blinken warned that the cost would keep rising.\n",
        {2: "lavrov", 3: "blinken"},
    ),
    (
        "Lavrov: West Must Listen\n"
        "OSLO, March 3 (Newswire) - Lavrov said the West had ignored every warning.\n"
        "Blinken rejected that view.\n"
        "ANALYSIS: the meeting changed little, diplomats believe.\n",
        {1: "lavrov", 2: "blinken"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), DATELINE_ARTICLES)
def test_a_dateline_or_a_heading_with_a_colon_is_not_a_transcript_turn(
    tmp_path: Path, text: str, expected: dict[int, str]
) -> None:
    assert by_line(text, extract(tmp_path, text)) == expected


@pytest.mark.parametrize(
    "dateline",
    [
        "LIMA, Peru — ",
        "QUITO: ",
        "ACCRA, Ghana, June 9 - ",
        "SANTIAGO (Newswire) — ",
        "Andes News Agency, Lima, June 9: ",
        "Andes News Agency, La Paz, Sept. 4 (Reporter Ana Ruiz) ",
        "New Delhi: ",
    ],
)
def test_a_statement_after_a_dateline_starts_after_the_dateline(
    tmp_path: Path, dateline: str
) -> None:
    text = f"A headline\n{dateline}Lavrov said the offer had come too late.\n"
    found = extract(tmp_path, text)
    assert [s.text for s in found] == ["Lavrov said the offer had come too late."]


def test_a_page_label_with_a_colon_is_no_dateline(tmp_path: Path) -> None:
    # "Note:" stays part of the editor's note, which the reader keeps as narration
    text = "A headline\nNote: Lavrov said the offer had come too late.\n"
    found = extract(tmp_path, text)
    assert [s.text for s in found] == ["Note: Lavrov said the offer had come too late."]


def test_a_day_between_a_name_and_its_verb_leaves_the_name_the_subject(tmp_path: Path) -> None:
    # "Putin Thursday announced": the parser hangs the name on the day
    text = (
        "A headline\n"
        "New Delhi: Putin Thursday announced that Ukraine must withdraw from the entirety of "
        "the Donbas before any ceasefire deal is signed.\n"
    )
    found = extract_with(tmp_path, text, ZELENSKY_PUTIN)
    assert [s.speaker for s in found] == ["putin"]
    assert found[0].text.startswith("Putin Thursday announced")


# -- 2. a transcript turn lasts until the next turn label ----------------------------------
TURNS_OVER_PARAGRAPHS = """Press availability after the meeting
MODERATOR: We will take two questions.
SECRETARY BLINKEN: Thank you all for coming.
We spent most of the time on the prisoners.
That conversation is not over, and it will go on next week.
QUESTION: Did you discuss the treaty?
FOREIGN MINISTER LAVROV:
The treaty is a matter for both sides.
We have nothing to add today.
"""


def test_a_transcript_turn_lasts_until_the_next_label(tmp_path: Path) -> None:
    found = by_line(TURNS_OVER_PARAGRAPHS, extract(tmp_path, TURNS_OVER_PARAGRAPHS))
    assert found == {2: "blinken", 3: "blinken", 4: "blinken", 7: "lavrov", 8: "lavrov"}


def test_a_label_on_its_own_line_opens_the_turn_below_it(tmp_path: Path) -> None:
    text = (
        "Transcript\n"
        "QUESTION:\n"
        "What happens next?\n"
        "SECRETARY BLINKEN:\n"
        "We keep talking to our partners.\n"
        "We do not talk to Moscow about Ukraine without Ukraine.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {4: "blinken", 5: "blinken"}


def test_a_named_turn_is_not_ended_by_a_paragraph_naming_someone_else(tmp_path: Path) -> None:
    text = (
        "Remarks to the press\n"
        "MR LAVROV: Good afternoon.\n"
        "The Secretary General spoke about this yesterday.\n"
        "Our answer has not changed since then.\n"
        "QUESTION: And the grain deal?\n"
        "MR LAVROV: It is dead.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {
        1: "lavrov",
        2: "lavrov",
        3: "lavrov",
        5: "lavrov",
    }


def test_one_speakers_label_in_capitals_makes_a_transcript_on_its_own(tmp_path: Path) -> None:
    text = (
        "Remarks before the meeting in Geneva\n"
        "SECRETARY BLINKEN: Good morning. We came here to listen.\n"
        "The months ahead will test all of us.\n"
        "Thank you.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {1: "blinken", 2: "blinken", 3: "blinken"}


def test_one_bare_name_before_a_colon_is_still_no_transcript(tmp_path: Path) -> None:
    text = (
        "Talks in Geneva\n"
        "Lavrov: the talks were useful, and the next round is set.\n"
        "The weather in Geneva was cold.\n"
    )
    assert 2 not in by_line(text, extract(tmp_path, text))


def test_a_numbered_heading_in_capitals_inside_a_turn_opens_no_one_elses(
    tmp_path: Path,
) -> None:
    text = (
        "Remarks to the press\n"
        "SECRETARY BLINKEN: We went through the treaty with the minister point by point.\n"
        "ARTICLE 5: an attack on one is an attack on all, and Moscow knows it.\n"
        "QUESTION: And the talks?\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {1: "blinken", 2: "blinken"}


def test_in_a_transcript_any_other_label_in_capitals_is_someone_elses_turn(
    tmp_path: Path,
) -> None:
    text = (
        "Interview transcript\n"
        "FOREIGN MINISTER LAVROV: We never closed the door to talks.\n"
        "NORA VALE: Then why did the talks in Geneva end so early?\n"
        "The delegations left after an hour, and nobody explained why.\n"
        "FOREIGN MINISTER LAVROV: Ask our partners.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {1: "lavrov", 4: "lavrov"}


def test_where_the_speakers_labels_are_in_mixed_case_anyone_elses_alike_open_a_turn(
    tmp_path: Path,
) -> None:
    text = (
        "Interview transcript\n"
        "Antony Blinken: We agreed to keep talking, and our teams meet again next month.\n"
        "Nora Vale: Then why did the talks in Geneva end so early?\n"
        "The delegations left after an hour, and nobody explained why.\n"
        "Antony Blinken: Ask our partners in Moscow.\n"
        "Second: the sanctions stay until the troops leave.\n"
        "Article 5: an attack on one is an attack on all, and Moscow knows it.\n"
    )
    found = by_line(text, extract(tmp_path, text))
    assert found == {1: "blinken", 4: "blinken", 5: "blinken", 6: "blinken"}


def test_an_interviewers_surname_labelling_several_questions_opens_his_turns(
    tmp_path: Path,
) -> None:
    text = (
        "Interview transcript\n"
        "Lavrov: We warned them, and they did not listen.\n"
        "Vale: You have not spoken to him since?\n"
        "Lavrov: No.\n"
        "Vale: Have you spoken to anyone in the administration since then?\n"
        "Lavrov: I don't want to ruin their careers.\n"
        "Second: the sanctions stay until the troops leave.\n"
    )
    found = by_line(text, extract(tmp_path, text))
    assert found == {1: "lavrov", 3: "lavrov", 5: "lavrov", 6: "lavrov"}


def test_a_question_printed_as_a_bare_q_without_a_colon_is_no_part_of_the_answer(
    tmp_path: Path,
) -> None:
    text = (
        "Remarks to the press\n"
        "SECRETARY BLINKEN: Good afternoon. We had a long meeting with the minister today.\n"
        "We will keep talking.\n"
        "Q    Mr. Secretary, did Lavrov say anything new about the prisoners?\n"
        "SECRETARY BLINKEN: No, nothing new.\n"
        "Q And the treaty?\n"
        "SECRETARY BLINKEN: We will see.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {
        1: "blinken",
        2: "blinken",
        4: "blinken",
        6: "blinken",
    }


DOTTED_LABELS = """Antony Blinken
The Secretary's Press Availability in Geneva
January 21, 2022
The Secretary. Good afternoon. I just finished a long meeting with Foreign Minister Lavrov.
We did not expect a breakthrough, and we did not get one.
Q. Mr. Secretary, will you meet him again?
The Secretary. I expect we will.
"""


def test_a_label_closed_by_a_full_stop_opens_the_named_speakers_turn(tmp_path: Path) -> None:
    # an archive's way of printing an official transcript: "The President. ...", "Q. ..."
    found = extract(tmp_path, DOTTED_LABELS)
    assert by_line(DOTTED_LABELS, found) == {3: "blinken", 4: "blinken", 6: "blinken"}
    assert found[0].text.startswith("Good afternoon.")


def test_an_honorific_closed_by_its_full_stop_is_no_label(tmp_path: Path) -> None:
    text = "Talks in Geneva\nMr. Lavrov and Mr. Blinken met for an hour on Friday.\n"
    assert extract(tmp_path, text) == []


def test_a_question_cut_off_without_a_stop_is_still_the_questioners_turn(
    tmp_path: Path,
) -> None:
    # "QUESTION: You're optimistic. Yeah. And have the –": a turn cut short, no headline
    text = (
        "Remarks to the press\n"
        "SECRETARY BLINKEN: I feel optimistic about the talks.\n"
        "QUESTION: You're optimistic about it. Yeah. And have the –\n"
        "SECRETARY BLINKEN: Let me finish. We will see what they bring.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {1: "blinken", 3: "blinken"}


@pytest.mark.parametrize("label", ["S.V.Lavrov:", "S. Lavrov:"])
def test_a_label_of_initials_and_a_speakers_surname_opens_his_turn(
    tmp_path: Path, label: str
) -> None:
    text = (
        "Press conference\n"
        "Question: What about the treaty?\n"
        f"{label} The treaty is dead, and nobody in Washington wants it back.\n"
        "Question: And the talks?\n"
        f"{label} We are ready.\n"
        "K. Lavrov: I am his namesake from the press pool, and I disagree.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {2: "lavrov", 4: "lavrov"}


def test_the_secretary_as_a_label_opens_the_turn_of_the_speaker_titled_so(
    tmp_path: Path,
) -> None:
    text = (
        "Remarks to the press\n"
        "THE SECRETARY: Good afternoon. We had a long meeting with the minister today.\n"
        "We will keep talking.\n"
        "QUESTION: Did Lavrov say anything new?\n"
        "THE SECRETARY: No.\n"
        "THE PRESIDENT: Thank you all.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {1: "blinken", 2: "blinken", 4: "blinken"}


def test_closed_caption_chevrons_before_a_label_open_a_turn(tmp_path: Path) -> None:
    text = (
        "Press availability\n"
        ">> REPORTER: What happens next?\n"
        ">> SECRETARY BLINKEN: We keep talking to our allies.\n"
        "And we will see.\n"
        ">> REPORTER: Thanks.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {2: "blinken", 3: "blinken"}


def test_offices_joined_by_of_before_a_name_make_a_label(tmp_path: Path) -> None:
    text = (
        "Transcript\n"
        "MARGARET BRENNAN: Good morning. Will he take up the offer?\n"
        "SECRETARY OF STATE ANTONY BLINKEN: Well, I think they would be open to a meeting.\n"
        "So we will wait and see.\n"
        "MINISTER FOR FOREIGN AFFAIRS JOHN DOE: We would host it.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {2: "blinken", 3: "blinken"}


def test_one_of_the_speakers_own_titles_in_mixed_case_before_his_name_makes_a_label(
    tmp_path: Path,
) -> None:
    # the way presidential sites print a meeting: his full title on his first turn only
    text = (
        "Meeting with students\n"
        "Moderator Jane Roe: Minister, thank you for coming. Let me start with the talks.\n"
        "Foreign Minister of Russia Sergey Lavrov: Thank you. We have always been ready.\n"
        "The other side has banned itself from talking to us.\n"
        "Jane Roe: And what about Europe?\n"
        "Sergey Lavrov: Europe follows Washington, and it pays for it.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {2: "lavrov", 3: "lavrov", 5: "lavrov"}


TIMED_TRANSCRIPT = """Speaker 2 (00:00):
Are we rolling?
Speaker 1 (00:03):
Minister, what came out of the meeting with Lavrov this morning?
Antony Blinken (00:09):
We agreed to keep talking. Our teams will meet again next month.
(00:41)
And we asked for the release of the two reporters held in Moscow.
Speaker 1 (00:52):
Did Lavrov promise anything?
Nora Vale (00:58):
The minister made no promise, and the room went quiet after that.
"""


@pytest.mark.parametrize("style", ["Name (00:13):", "Name: (00:13)"])
def test_a_transcription_services_timed_labels_make_turns_whatever_their_case(
    tmp_path: Path, style: str
) -> None:
    text = TIMED_TRANSCRIPT
    if style == "Name: (00:13)":  # the time after the colon, as older transcripts print it
        text = re.sub(r"^(.+) \((\d\d:\d\d)\):$", r"\1: (\2)", text, flags=re.MULTILINE)
        assert "Antony Blinken: (00:09)" in text
    found = by_line(text, extract(tmp_path, text))
    assert found == {5: "blinken", 7: "blinken"}  # the bare time mark is nobody's


def test_one_timed_label_naming_a_speaker_makes_a_transcript_on_its_own(tmp_path: Path) -> None:
    # an excerpt of a transcription service's page, cut before the second label
    text = (
        "Blinken describes what he discussed with Lavrov\n"
        "Try our service and save time transcribing.\n"
        "Antony Blinken (00:00):\n"
        "Good evening everyone. Let me start with a few words about the meeting.\n"
        "We had a candid exchange, and the minister heard our message.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {3: "blinken", 4: "blinken"}


def test_a_time_stamp_in_brackets_after_a_name_makes_a_turn_without_a_colon(
    tmp_path: Path,
) -> None:
    # the way podcast and broadcast transcripts print it: "Jane Doe [00:00:59] Well, ..."
    text = (
        "Rough transcript\n"
        "Nora Vale [00:00:00] Welcome back. What came out of the meeting with Lavrov?\n"
        "Sec Antony Blinken [00:00:09] Well, we agreed to keep talking. Our teams meet again.\n"
        "[00:00:41] And we asked for the release of the two reporters held in Moscow.\n"
        "Nora Vale [00:00:52] Did Lavrov promise anything?\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {2: "blinken", 3: "blinken"}


def test_a_name_over_a_line_of_its_time_mark_opens_the_named_speakers_turn(
    tmp_path: Path,
) -> None:
    # a transcription service's page: each turn's name and time on lines of their own
    text = (
        "Episode transcript\n"
        "Nora Vale\n00:12:05\nWhat came out of the meeting with Lavrov?\n"
        "Antony Blinken\n00:12:09\nWe agreed to keep talking. Our teams meet again soon.\n"
        "Nora Vale\n00:13:40\nDid he promise anything?\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {6: "blinken"}


@pytest.mark.parametrize("stamp", ["[00:00:09]", "(00:00:09)", "00:00:09"])
def test_a_time_stamp_before_a_label_still_opens_the_named_speakers_turn(
    tmp_path: Path, stamp: str
) -> None:
    text = (
        "Rough transcript of the interview\n"
        f"{stamp} Nora Vale: Welcome back. What came out of the meeting with Lavrov?\n"
        f"{stamp} Antony Blinken: We agreed to keep talking. Our teams meet again.\n"
        f"{stamp} Nora Vale: Did Lavrov promise anything?\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {2: "blinken"}


BROADCAST = """Transcript of the evening programme
NORA VALE, HOST: Welcome back. The foreign minister spoke in Moscow today.
(BEGIN VIDEO CLIP)
SERGEY LAVROV, RUSSIAN FOREIGN MINISTER (through translator): We are not going to beg.
We will not ask anyone for talks. The door stays open.
(END VIDEO CLIP)
VALE: And this evening the secretary answered him.
ANTONY BLINKEN, U.S. SECRETARY OF STATE: Thank you for having me. We are ready to talk.
(LAUGHTER)
(Speaking Russian).
The sanctions stay until Russia ends this war.
(BEGIN VIDEO CLIP)
The crowd outside the embassy chanted for an hour.
"""


def test_a_broadcasters_label_with_the_speakers_office_after_a_comma_opens_his_turn(
    tmp_path: Path,
) -> None:
    # and a stage direction is nobody's words: one naming a clip ends the turn above it
    found = by_line(BROADCAST, extract(tmp_path, BROADCAST))
    assert found == {3: "lavrov", 4: "lavrov", 7: "blinken", 10: "blinken"}


INTERVIEW = """An interview with {named}
Here is the transcript of the interview, edited for length.
Q: What did the shareholders tell you?
A: They want us to try new things. I think they have a point.
We will see how it goes.
Q: And the factory?
A: It opens next year.
"""


def test_the_answers_of_a_question_and_answer_transcript_are_the_interviewees(
    tmp_path: Path,
) -> None:
    text = INTERVIEW.format(named="Sergei Lavrov, who spoke to us in Moscow")
    assert by_line(text, extract(tmp_path, text)) == {3: "lavrov", 4: "lavrov", 6: "lavrov"}


@pytest.mark.parametrize("role", ["Q:", "Question:"])
def test_answers_under_questions_labelled_alone_are_the_interviewees(
    tmp_path: Path, role: str
) -> None:
    # only the questions carry a label; each answer is the paragraphs under one
    text = (
        "Interview with Sergey Lavrov\n"
        "The minister spoke to us in Moscow.\n"
        f"{role} Minister, do you expect a new round of talks?\n"
        "We are always open to dialogue, and we have said so. But they must be serious.\n"
        f"{role} And the treaty?\n"
        "It is practically dead. It was not our country that killed it, and our view stands.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {3: "lavrov", 5: "lavrov"}


def test_answers_opened_by_a_dash_are_the_interviewees(tmp_path: Path) -> None:
    # the Russian way of printing an interview: questions quoted, answers after a dash
    text = (
        "Sergei Lavrov's first interview with foreign journalists this year\n"
        "The minister received us at the ministry on Sunday.\n"
        "“Minister, is a deal with Washington possible this year?”\n"
        "— I have heard many ideas about a deal. We are ready to listen to any of them.\n"
        "But our position has not changed, and I have said so many times.\n"
        "“He means a deal on the treaty.” — a voice from off the stage.\n"
        "— It does not matter. I understand the question well.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {3: "lavrov", 4: "lavrov", 6: "lavrov"}


def test_dashed_quotations_each_signed_with_a_dash_are_no_interview(tmp_path: Path) -> None:
    # "— ..., — Lavrov said.": each quotation signed by its own speaker, whoever the text
    # names most
    text = (
        "Blinken and Lavrov trade blows over talks\n"
        "Blinken spoke in Brussels, and Blinken's office published the text. Blinken was blunt.\n"
        "— We are ready for talks, but only on our terms and on our realities, — Lavrov said "
        "in Moscow.\n"
        "— Russia does not want peace, it wants our land, and we know it, — Blinken said in "
        "Brussels.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {2: "lavrov", 3: "blinken"}


def test_quotations_signed_after_a_dash_are_no_dashed_interview(tmp_path: Path) -> None:
    text = (
        "Lavrov's words of the week\n"
        "“We are ready to listen to any serious proposal.”\n"
        "— Sergei Lavrov, foreign minister\n"
        "“Our position has not changed, and I have said so many times.”\n"
        "— Sergei Lavrov, at the press conference in Moscow\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {1: "lavrov", 3: "lavrov"}


def test_a_paragraph_naming_the_interviewee_between_answers_is_no_answer(
    tmp_path: Path,
) -> None:
    text = (
        "Interview with Sergey Lavrov\n"
        "The minister spoke to us in Moscow.\n"
        "Q: Minister, do you expect a new round of talks?\n"
        "We are always open to dialogue, and we have said so. But they must be serious.\n"
        "Lavrov paused and looked out of the window before going on.\n"
        "Our position has not changed, and we will not beg anyone.\n"
        "Q: And the treaty?\n"
        "It is practically dead. It was not our country that killed it.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {3: "lavrov", 5: "lavrov", 7: "lavrov"}


def test_an_interviews_editorial_note_is_no_answer(tmp_path: Path) -> None:
    text = (
        "Interview with Sergey Lavrov\n"
        "The minister spoke to us in Moscow.\n"
        "Q: Minister, do you expect a new round of talks?\n"
        "We are always open to dialogue, and we have said so. But they must be serious.\n"
        "Q: And the treaty?\n"
        "It is practically dead. It was not our country that killed it, and our view stands.\n"
        "This interview has been edited for length and clarity.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {3: "lavrov", 5: "lavrov"}


def test_answers_are_nobodys_when_the_text_names_two_speakers_before_them(
    tmp_path: Path,
) -> None:
    text = INTERVIEW.format(named="Sergei Lavrov, a week after he met Antony Blinken")
    assert by_line(text, extract(tmp_path, text)) == {}


# -- 5. CR-only and CRLF files split into the same paragraphs -------------------------------
LINES = (
    "A headline\n"
    "Lavrov said the West had lost its way.\n"
    "The weather was cold.\n"
    "Blinken said Russia was isolated.\n"
)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_paragraphs_split_alike_on_lf_crlf_and_cr(newline: str) -> None:
    text = LINES.replace("\n", newline)
    spans = split_paragraphs(text)
    assert [text[a:b] for a, b in spans] == LINES.splitlines()


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_statements_are_the_same_whatever_the_line_ends(tmp_path: Path, newline: str) -> None:
    found = extract(tmp_path, LINES, newline)
    assert [(s.speaker, s.text, s.paragraph) for s in found] == [
        ("lavrov", "Lavrov said the West had lost its way.", 1),
        ("blinken", "Blinken said Russia was isolated.", 3),
    ]


# -- shapes of documents: remarks, listed statements --------------------------------------
REMARKS = """Minister Sergey Lavrov's opening remarks at a meeting with students, Kazan, May 4
Dear friends,
I am glad to be here again. We have a lot to discuss, and our time is short.
Some of our partners prefer to talk about us rather than with us.
My answer to them has not changed.
"""


def test_a_text_titled_as_a_speakers_remarks_is_that_speakers(tmp_path: Path) -> None:
    assert by_line(REMARKS, extract(tmp_path, REMARKS)) == {2: "lavrov", 3: "lavrov", 4: "lavrov"}


def test_a_title_ending_a_line_is_not_shared_with_the_first_words_of_the_next(
    tmp_path: Path,
) -> None:
    # the next line's "Dear Ukrainians" is no name printed after "the President of Ukraine"
    debate = ZELENSKY_PUTIN.replace(
        'role = "President of Ukraine"',
        'role = "President of Ukraine"\ntitles = ["President of Ukraine"]',
    )
    text = (
        "We will not be lectured - address by the President of Ukraine\n"
        "Dear Ukrainians! I thank our partners. We have a lot to do, and our time is short.\n"
        "Our partners prefer to talk about us rather than with us.\n"
    )
    assert by_line(text, extract_with(tmp_path, text, debate)) == {1: "zelensky", 2: "zelensky"}


INTERVIEW_TRANSCRIPT = """TRANSCRIPT: Interview with Foreign Minister Sergei Lavrov
The host spoke to Lavrov in Moscow on Friday, June 6.
Portions of this interview have been translated from Russian. This is a transcript.
HOST: Minister, thank you for doing this. I want to start with the talks.
LAVROV: Thank you for coming. I do not expect a breakthrough, and we have said so.
We are ready to listen to any serious proposal.
"""


def test_a_first_line_telling_of_a_speakers_remarks_is_no_title_of_them(
    tmp_path: Path,
) -> None:
    # narration about his remarks, then the other speaker's answer in his own words
    text = (
        "Jane Roe said on Thursday she was optimistic about Lavrov's remarks and ready to talk.\n"
        "The Russian minister said earlier that he agreed in principle with a truce.\n"
        'Blinken answered in a post: "We have all heard very predictable words from Moscow."\n'
        '"We will keep working with our partners," he added.\n'
    )
    assert by_line(text, extract(tmp_path, text)) == {1: "lavrov", 2: "blinken", 3: "blinken"}


def test_a_lead_of_several_sentences_naming_a_speakers_press_conference_is_no_title(
    tmp_path: Path,
) -> None:
    text = (
        "The call-in show with Sergei Lavrov has begun in Moscow. It is combined with "
        "Lavrov's annual press conference.\n"
        "The organisers say they have received two million questions. We are live, we will "
        "bring you updates through the day, and our reporters are in the hall.\n"
        "The show lasted just over four hours.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {}


def test_lines_before_an_interviews_first_label_are_read_by_their_own_person(
    tmp_path: Path,
) -> None:
    # titled as his interview, but its turns are labelled: narration above them stays
    found = extract(tmp_path, INTERVIEW_TRANSCRIPT)
    assert by_line(INTERVIEW_TRANSCRIPT, found) == {4: "lavrov", 5: "lavrov"}


INTERVIEWER_LABELLED = """Full text of Sergei Lavrov's interview with European broadcasters
Jane Doe: Good evening, Minister. You are here in Paris for a summit. A word about that?
Thank you for the invitation. I am glad to be here, and we will discuss our proposals.
Jane Doe: Negotiations have begun. What do you expect from them?
We expect concrete answers. Our position has not changed, and we have said so many times.
"""


def test_an_interview_with_only_the_interviewer_labelled_gives_the_answers_to_its_subject(
    tmp_path: Path,
) -> None:
    found = extract(tmp_path, INTERVIEWER_LABELLED)
    assert by_line(INTERVIEWER_LABELLED, found) == {2: "lavrov", 4: "lavrov"}


def test_a_headline_about_remarks_is_no_such_title(tmp_path: Path) -> None:
    text = REMARKS.replace("opening remarks at a meeting with students", "remarks anger students")
    text = text.replace("I am glad", "He was glad").replace("We have", "They had")
    assert extract(tmp_path, text) == []


def test_a_header_naming_a_speaker_and_what_he_speaks_about_titles_his_post(
    tmp_path: Path,
) -> None:
    # the way state media and channels repost a minister's own words under his name
    text = (
        "Secretary of State Antony Blinken — about the call with Lavrov:\n"
        "In today's call with Foreign Minister Lavrov, I repeated the message: the war must "
        "stop.\n"
        "We welcome the exchange of prisoners. Let's not miss this chance.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {1: "blinken", 2: "blinken"}


def test_a_header_with_a_speaker_and_a_topic_but_narration_below_is_no_title(
    tmp_path: Path,
) -> None:
    text = (
        "Secretary of State Antony Blinken — about the call with Lavrov:\n"
        "The call lasted an hour, the department said. The two sides set no date.\n"
    )
    assert extract(tmp_path, text) == []


@pytest.mark.parametrize(
    ("signature", "credited"),
    [
        (", - Lavrov said in response to a question from a journalist.", True),
        (" – Lavrov said.", False),  # no comma: a dash inside the narration
        (", - the spokeswoman said.", False),
    ],
)
def test_speech_without_quotation_marks_signed_with_a_dash_is_the_signers(
    tmp_path: Path, signature: str, credited: bool
) -> None:
    # some outlets print direct speech unquoted, signed at its end: "..., - Putin said"
    text = (
        "Lavrov on the decree\n"
        "I did not talk about it, but I will say this: there is a problem. If they want "
        f"to do it, there is a legal way to do it{signature}\n"
    )
    found = extract(tmp_path, text)
    assert any(s.text.startswith("I did not talk") for s in found) is credited


def test_a_dash_after_a_quotation_inside_a_quotation_signs_nothing(tmp_path: Path) -> None:
    # '“... “peace talks” – I don’t ...,” he said': a dash inside the speaker's words
    text = (
        "A headline\n"
        "Lavrov spoke in Geneva.\n"
        "“When we say “peace talks” – I do not understand with whom,” he said.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {2: "lavrov"}


@pytest.mark.parametrize(
    ("signature", "expected"),
    [
        ("— Sergei Lavrov (@mfa_russia) May 18, 2026", {2: "lavrov"}),
        ("— Maria Zakharova (@mfa_spokes) May 18, 2026", {}),
    ],
)
def test_a_post_above_its_signature_line_is_the_signers(
    tmp_path: Path, signature: str, expected: dict[int, str]
) -> None:
    # the way pages print an embedded post: its text, then "— Name (@handle) date"
    text = (
        "Moscow answers\n"
        "The ministry posted a reply within the hour.\n"
        "The talks never touched the substance. There is no question that the West walked "
        "away first.\n"
        f"{signature}\n"
        "The embassy did not comment.\n"
    )
    found = extract(tmp_path, text)
    assert by_line(text, found) == expected
    assert all(s.reason.startswith("a post signed") for s in found)


def test_a_paragraph_closed_by_a_posts_signature_and_date_is_the_signers_post(
    tmp_path: Path,
) -> None:
    # a page pasting the post as text: its words, its link, "— Name (@handle) date"
    text = (
        "Moscow answers\n"
        "The ministry posted a reply within the hour.\n"
        "The talks never touched the substance. The West walked away first. "
        "pic.example.com/abc — Sergei Lavrov (@lavrov_example) April 14, 2025\n"
        "The embassy did not comment.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {2: "lavrov"}


LISTED = """Lavrov sets out terms
Further statements by the Russian FM:
• Moscow has never refused a meeting with Washington
• A ceasefire without guarantees would change nothing
The ministry published the full text later.
"""


def test_bulleted_items_after_a_lead_in_naming_a_speakers_statements_are_his(
    tmp_path: Path,
) -> None:
    assert by_line(LISTED, extract(tmp_path, LISTED)) == {2: "lavrov", 3: "lavrov"}


def test_numbered_items_after_a_line_with_what_a_speaker_said_are_his(tmp_path: Path) -> None:
    text = (
        "The key quotes of the day\n"
        "Here is what Lavrov said:\n"
        "1. On the talks: the door stays open, but only on equal terms.\n"
        '2) On sanctions: "They have failed, and Europe pays for them."\n'
        "The ministry published the full text later.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {2: "lavrov", 3: "lavrov"}


def test_what_a_speaker_said_about_something_in_a_sentence_leads_into_no_list(
    tmp_path: Path,
) -> None:
    # a line of narration ending on what he said, then items of the writer's own
    text = (
        "The key points of the day\n"
        "Nobody knows what Lavrov said to the minister in private on Monday night:\n"
        "1. The talks lasted four hours.\n"
        "2. The delegations left without a statement.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {}


def test_bulleted_items_telling_what_a_speaker_says_are_statements_without_a_stop(
    tmp_path: Path,
) -> None:
    text = (
        "What we learned from the press conference\n"
        "Key points:\n"
        "• Lavrov says Moscow will not accept a freeze of the conflict\n"
        "• The minister says he is ready to meet Rubio at any time\n"
        "• Talks with Washington resume next month\n"
        "—Lavrov, Blinken conclude Geneva talks aimed at defusing tensions\n"
        "The delegations left without a statement.\n"
    )
    # the last bulleted line stands alone: a subhead, not an item
    assert by_line(text, extract(tmp_path, text)) == {2: "lavrov", 3: "lavrov"}


def test_items_listed_under_a_speakers_reply_are_his(tmp_path: Path) -> None:
    text = (
        "Moscow answers\n"
        "Highlights from Lavrov's reply:\n"
        "- The sanctions have failed\n"
        "- Europe pays for them\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {2: "lavrov", 3: "lavrov"}


def test_bullets_after_the_lead_in_on_the_same_line_are_his(tmp_path: Path) -> None:
    text = (
        "A headline\n"
        "More remarks by Blinken: ● Allies will stand together ● The aid keeps flowing. "
        "Sanctions stay until the war ends\n"
    )
    found = extract(tmp_path, text)
    assert [s.speaker for s in found] == ["blinken"] and "More remarks" not in found[0].text


COMPILED = """Lavrov on the talks
MOSCOW, May 4. Russia expects answers from Washington, Foreign Minister Sergey Lavrov said.
The agency has compiled the key statements by the Foreign Minister.
Sanctions
"The restrictions remain. New ones came after every round of talks."
The West is not keeping its word: "We agreed on a framework. Then came new demands."
"The meeting was useful," the Kremlin spokesman told reporters.
"""


def test_quotations_below_a_line_announcing_a_speakers_key_statements_are_his(
    tmp_path: Path,
) -> None:
    found = extract(tmp_path, COMPILED)
    assert by_line(COMPILED, found) == {1: "lavrov", 4: "lavrov", 5: "lavrov"}
    assert found[1].reason.startswith("in the list announced as 'statements by the Foreign")


def test_listed_quotations_closed_after_a_space_are_sentences_not_headings(
    tmp_path: Path,
) -> None:
    # '▶️ "... at the expense of Russia. "': the way some portals close each listed quote
    text = (
        "Lavrov in Minsk\n"
        "The most important points from Sergei Lavrov's press conference in Minsk.\n"
        '▶️ "Kyiv has the right to choose, but not at the expense of its neighbours. "\n'
        '▶️ "We have always objected to the bloc coming closer to our borders. "\n'
    )
    assert by_line(text, extract(tmp_path, text)) == {2: "lavrov", 3: "lavrov"}


def test_a_line_naming_a_speakers_statements_without_selecting_them_announces_no_list(
    tmp_path: Path,
) -> None:
    text = COMPILED.replace("The agency has compiled the key", "The West dismissed the")
    assert by_line(text, extract(tmp_path, text)) == {1: "lavrov"}


LABELLED_QUOTE = """Lavrov on the summit
Details: After meeting his Belarusian counterpart, Lavrov repeated that Moscow wants talks.
He also questioned who would sign for Kyiv, citing the end of a term of office.
Quote: "Who shall we negotiate with? The term has come to an end."
Background:
Kyiv has rejected the claim.
"""


def test_a_quotation_set_off_by_a_quote_label_gives_the_last_speakers_words(
    tmp_path: Path,
) -> None:
    # the way some outlets lay out a report: "Details:", "Quote:", "Background:"
    found = extract(tmp_path, LABELLED_QUOTE)
    assert by_line(LABELLED_QUOTE, found) == {1: "lavrov", 2: "lavrov", 3: "lavrov"}


def test_a_quote_label_with_no_speaker_credited_before_it_gives_nobody(tmp_path: Path) -> None:
    text = 'A headline\nThe talks were postponed again.\nQuote: "Nobody knows when."\n'
    assert extract(tmp_path, text) == []


@pytest.mark.parametrize(
    "pointer",
    [
        "Lavrov stated this in an interview with a Hungarian channel, the agency reports.",
        "This was stated by Lavrov in an interview with a Hungarian channel.",
    ],
)
def test_a_sentence_telling_who_said_this_gives_him_the_words_before_it(
    tmp_path: Path, pointer: str
) -> None:
    # the way some agencies print it: the words first, then who said them and where
    text = (
        "A headline\n"
        "The West must bring its partners to the table before it is too late. "
        "Every further delay costs lives.\n"
        f"{pointer}\n"
        "The ministry gave no further details.\n"
    )
    found = extract(tmp_path, text)
    assert by_line(text, found) == {1: "lavrov"}
    assert found[0].reason.startswith("told as said in the sentence after it")


def test_who_said_this_after_someone_elses_credited_words_takes_nothing(
    tmp_path: Path,
) -> None:
    text = "A headline\n“The sanctions will stay,” Blinken said.\nLavrov said this in Geneva.\n"
    assert by_line(text, extract(tmp_path, text)) == {1: "blinken"}


# -- an official's briefing turn reports what the speakers said -----------------------------
BRIEFING = (
    "Background briefing on the talks\n"
    "MODERATOR: Thanks for joining us on short notice this evening.\n"
    "SENIOR OFFICIAL: The meeting was businesslike and lasted an hour. The Secretary stressed "
    "that the sanctions would stay until the troops left. Lavrov complained about the "
    "staffing of the embassy in Moscow.\n"
    "QUESTION: Did the Secretary tell Lavrov that the talks were over?\n"
    "SENIOR OFFICIAL: He did not. I will leave it there for tonight.\n"
)


def test_a_speaker_named_with_his_own_cue_in_a_briefers_turn_is_his_statement(
    tmp_path: Path,
) -> None:
    found = extract(tmp_path, BRIEFING)
    assert [(s.speaker, s.text.split()[:2]) for s in found] == [
        ("blinken", ["The", "Secretary"]),
        ("lavrov", ["Lavrov", "complained"]),
    ]


def test_a_hosts_turn_addressing_the_speaker_is_no_briefing(tmp_path: Path) -> None:
    # a named host, not a role: his turn speaks to the guest and reports nobody's words
    text = (
        "Interview transcript\n"
        "RADDATZ: Secretary Blinken, thanks for joining us. I want to start with the last few "
        "days, Lavrov saying Moscow will retaliate, and we have seen strikes overnight.\n"
        "BLINKEN: Thank you for having me. We have seen it, and we will respond.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {2: "blinken"}


def test_a_label_used_throughout_opens_a_turn_on_a_last_line_cut_off_without_a_stop(
    tmp_path: Path,
) -> None:
    text = (
        "Interview transcript\n"
        "Jane Vale: Did you like the building?\n"
        "Lavrov: Yes, of course.\n"
        "Jane Vale: Were you offered a tour of it?\n"
        "Lavrov: We were.\n"
        "Jane Vale: How does St. Petersburg lo\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {2: "lavrov", 4: "lavrov"}


@pytest.mark.parametrize("label", ["QUESTION", "Q", "Q."])
def test_a_questioners_turn_is_no_briefing_however_its_label_is_dotted(
    tmp_path: Path, label: str
) -> None:
    asked = BRIEFING.replace(
        "QUESTION: Did the Secretary tell Lavrov that the talks were over?",
        f"{label}: The Secretary stressed that the talks were over. Is that still the plan?",
    )
    found = extract(tmp_path, asked)
    assert [(s.speaker, s.text.split()[:2]) for s in found] == [
        ("blinken", ["The", "Secretary"]),
        ("lavrov", ["Lavrov", "complained"]),
    ]


# -- lines without a full stop that are speech, not headlines -------------------------------
def test_a_line_cut_off_inside_the_quotation_it_opens_goes_on_with_the_speaker(
    tmp_path: Path,
) -> None:
    text = (
        "A headline\n"
        "Lavrov repeated his claim that Kyiv had ignored the accords for years.\n"
        "“What is most cynical is the stance of the states that keep arming the\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {1: "lavrov", 2: "lavrov"}


def test_a_standfirst_ending_in_its_attribution_is_a_statement(tmp_path: Path) -> None:
    text = (
        "Lavrov speaks on the letter\n"
        "5 Feb, 2023 10:02\n"
        "The letter held no “real ideas at all,” the Russian foreign minister said\n"
        "The minister spoke in Cairo after talks with his host.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {2: "lavrov"}


def test_a_cue_line_ending_in_a_colon_gives_the_quotation_below_to_its_speaker(
    tmp_path: Path,
) -> None:
    text = (
        "Ministers trade barbs\n"
        "Lavrov said the sanctions had failed.\n"
        "“They have only made us stronger.”\n"
        "Blinken answered on Monday:\n"
        "“The costs for Moscow keep rising.”\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {
        1: "lavrov",
        2: "lavrov",
        3: "blinken",
        4: "blinken",
    }


def test_a_cue_line_wrapped_over_two_lines_gives_the_quotation_below_to_its_speaker(
    tmp_path: Path,
) -> None:
    """The colon ends the wrapped run's last line: that line, not the run's first, is the
    one introducing the quotation (the quotation went to the speaker before)."""
    text = (
        "Ministers trade barbs over the sanctions regime\n"
        "Lavrov said on Sunday that the sanctions had failed.\n"
        "Blinken answered the Russian minister in a statement released in\n"
        "Washington on Monday:\n"
        "“The costs for Moscow keep rising.”\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {
        1: "lavrov",
        2: "blinken",
        3: "blinken",
        4: "blinken",
    }


def test_remarks_announced_above_a_press_conferences_labelled_questions_are_the_speakers(
    tmp_path: Path,
) -> None:
    # the opening remarks, announced by a line ending in a colon, then "Question:" and
    # the speaker's own label take over
    text = (
        "Pressroom\n"
        "Lavrov chose his words with care in his short opening remarks. Here they are:\n"
        "I am glad to see everyone here. We try to answer your questions openly.\n"
        "Our speech has just been delivered. I suggest we move on to your questions.\n"
        "Question: Will you meet the Americans again?\n"
        "Sergey Lavrov: We have never refused contacts.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {2: "lavrov", 3: "lavrov", 5: "lavrov"}


def test_a_lead_in_where_the_writer_speaks_announces_no_speakers_first_person_below(
    tmp_path: Path,
) -> None:
    # "Here is our conversation:": the first person below is the writer's
    text = (
        "Lavrov gave us a long interview in Moscow. Here is our conversation:\n"
        "I arrived at the ministry early. My colleagues and I were searched twice.\n"
        "Question: Minister, do you expect talks with Washington?\n"
        "Sergey Lavrov: We are always open to dialogue. We have said so many times.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {3: "lavrov"}


def test_a_cue_line_ending_in_a_colon_gives_the_unquoted_paragraph_below_to_its_speaker(
    tmp_path: Path,
) -> None:
    # a post printed as text under the line announcing it; the paragraph after is narration
    text = (
        "Lavrov answers\n"
        "Lavrov wrote on Telegram:\n"
        "The West has again shown that it does not want talks. Every week it adds sanctions.\n"
        "The ministry later deleted the post.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {1: "lavrov", 2: "lavrov"}


def test_someone_elses_cue_line_ending_in_a_colon_keeps_the_quotation_below_from_the_speaker(
    tmp_path: Path,
) -> None:
    text = (
        "Ministers trade barbs\n"
        "Lavrov said the sanctions had failed.\n"
        "“They have only made us stronger.”\n"
        "A spokeswoman for the alliance replied calmly:\n"
        "“We have heard this before.”\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {1: "lavrov", 2: "lavrov"}


def test_he_after_a_quotation_introduced_by_a_cue_line_is_that_cues_speaker(
    tmp_path: Path,
) -> None:
    text = (
        "Ministers trade barbs\n"
        "Blinken answered on Monday:\n"
        "“The costs for Moscow keep rising.”\n"
        "He added that the sanctions would stay until the troops left.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {1: "blinken", 2: "blinken", 3: "blinken"}


# -- hard-wrapped wire copy: a sentence broken over lines is one sentence -------------------
WRAPPED = """Talks end in Geneva
GENEVA (Newswire) - Lavrov, who has led the ministry for two decades,
told reporters on Friday that the talks had gone nowhere and
that Moscow would now wait for a written answer from the
alliance. The session had lasted less than an hour.
Blinken left the city before the evening.
"""


def test_a_sentence_wrapped_over_several_lines_is_read_as_one(tmp_path: Path) -> None:
    found = extract(tmp_path, WRAPPED)
    assert [s.speaker for s in found] == ["lavrov"]
    assert found[0].text.startswith("Lavrov, who has led the ministry")
    assert found[0].text.endswith("from the\nalliance.")
    assert by_line(WRAPPED, found) == {1: "lavrov", 2: "lavrov", 3: "lavrov", 4: "lavrov"}


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_wrapped_lines_join_alike_whatever_the_line_ends(tmp_path: Path, newline: str) -> None:
    found = extract(tmp_path, WRAPPED, newline)
    assert [s.speaker for s in found] == ["lavrov"]
    assert found[0].text.endswith(f"from the{newline}alliance.")


def test_a_line_ending_on_a_quoted_word_runs_on_into_a_line_in_lower_case(
    tmp_path: Path,
) -> None:
    text = (
        "A headline\n"
        "Lavrov described the ruling as “deeply destructive to diplomacy”\n"
        "and said it set a precedent that no court could undo.\n"
    )
    found = extract(tmp_path, text)
    assert [s.speaker for s in found] == ["lavrov"]
    assert found[0].text.endswith("no court could undo.")


def test_quotation_marks_glued_to_the_words_around_them_still_open_and_close_quotations(
    tmp_path: Path,
) -> None:
    # text copied from a page without its markup: no space around the marks
    text = (
        "A headline\n"
        "Lavrov said the West had walked away from the talks.“We never refused a meeting,” "
        "he wrote.“The only question is when they will admit it!”Blinken rejected the "
        "claim on Monday.\n"
    )
    found = extract(tmp_path, text)
    assert [s.speaker for s in found] == ["lavrov", "lavrov", "blinken"]
    assert found[1].text.endswith("admit it!”")
    assert found[2].text == "Blinken rejected the claim on Monday."


def test_a_paper_whose_verb_the_parser_hangs_on_a_participle_still_speaks_for_its_owner(
    tmp_path: Path,
) -> None:
    text = (
        "A headline\n"
        "After Lavrov gave $2 million in its early years, his lawsuit filed in 2022 accused "
        "the foundation's head and his deputy of selling its archive behind his back.\n"
    )
    assert [s.speaker for s in extract(tmp_path, text)] == ["lavrov"]


# -- a last line cut off where an excerpt or a feed's summary stops ------------------------
@pytest.mark.parametrize(
    ("last", "expected"),
    [
        (
            "The clash came after Lavrov’s lawsuit against the agency, wherein he alleges that "
            "the agency abandoned its non",
            ["lavrov"],
        ),
        # a headline in title case is still furniture, whatever it names
        ("Read More On Lavrov’s Lawsuit Against The Agency And What He Alleges", []),
    ],
)
def test_a_last_line_cut_off_mid_sentence_is_read_as_a_sentence(
    tmp_path: Path, last: str, expected: list[str]
) -> None:
    text = "A headline\nThe envoys met in Moscow on Monday.\n" + last + "\n"
    assert [s.speaker for s in extract(tmp_path, text)] == expected


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        ("So, we look forward to begi", {2: "lavrov"}),  # stopped on a letter, in lower case
        ("More Talks With Lavrov In May", {}),  # a few words in title case: a headline's
    ],
)
def test_a_short_last_line_of_a_turn_cut_off_in_lower_case_is_speech(
    tmp_path: Path, last: str, expected: dict[int, str]
) -> None:
    text = f"Transcript\nLAVROV: We had a useful exchange today. Thank you.\n{last}\n"
    assert {k: v for k, v in by_line(text, extract(tmp_path, text)).items() if k == 2} == expected


# -- "Name: ‘quotation’": a standfirst's or a pull quote's way ----------------------------
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("  • Sergei Lavrov: ‘People have to understand — a meeting is no concession’", ["lavrov"]),
        ("Lavrov: West Must Listen", []),
        ("  • Jane Roe: ‘A meeting is no concession’", []),
    ],
)
def test_a_speakers_name_a_colon_and_a_quotation_give_him_the_quotation(
    tmp_path: Path, line: str, expected: list[str]
) -> None:
    text = "Talks ahead of the summit\n" + line + "\nThe two ministers spoke by phone.\n"
    found = extract(tmp_path, text)
    assert [s.speaker for s in found] == expected
    assert all(s.reason.startswith("a quotation after") for s in found)


@pytest.mark.parametrize(
    ("lead", "expected"), [("Quote from Lavrov", {2: "lavrov"}), ("Quote from the ministry", {})]
)
def test_a_quote_label_from_a_speaker_gives_him_the_quotation_after_it(
    tmp_path: Path, lead: str, expected: dict[int, str]
) -> None:
    text = (
        "Lavrov answers Washington\n"
        "The minister spoke in Moscow on Monday about the talks with the Americans.\n"
        f"{lead}: “We need guarantees on paper, not promises.”\n"
    )
    found = by_line(text, extract(tmp_path, text))
    assert {line: who for line, who in found.items() if line == 2} == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Lavrov on the treaty:", {2: "lavrov"}),
        ("Foreign Minister Lavrov on Blinken's offer:", {2: "lavrov"}),
        ("Lavrov:", {2: "lavrov"}),
        ("Jane Roe on the treaty:", {}),
        ("Lavrov's aide on the treaty:", {}),
        ("A good one from Lavrov:", {2: "lavrov"}),
        ("A good one from a reporter who asked Lavrov:", {}),
    ],
)
def test_a_line_of_a_speakers_name_and_his_subject_gives_him_the_quotation_below(
    tmp_path: Path, label: str, expected: dict[int, str]
) -> None:
    # a live blog's way: "Putin on Belarus:", his words quoted in the paragraph below
    text = (
        f'Live: the minister takes questions\n{label}\n"We are ready to talk. It is up to them."\n'
    )
    assert by_line(text, extract(tmp_path, text)) == expected


def test_a_headline_of_a_name_a_colon_and_a_quotation_is_no_statement(tmp_path: Path) -> None:
    text = "Lavrov: “The West has declared total war on us”\nThe ministers spoke by phone.\n"
    assert extract(tmp_path, text) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Sergei Lavrov spoke in Moscow on Friday.", []),
        ("Sergei Lavrov spoke on the sanctions on Friday.", ["lavrov"]),
    ],
)
def test_speaking_on_a_day_names_no_topic(
    tmp_path: Path, sentence: str, expected: list[str]
) -> None:
    assert [s.speaker for s in extract(tmp_path, "A headline\n" + sentence + "\n")] == expected


def test_a_line_opened_by_a_label_and_a_colon_never_finishes_the_sentence_above(
    tmp_path: Path,
) -> None:
    # an excerpt cut off mid-sentence, then a link to a related story
    text = (
        "A headline\n"
        "The talks were long. But Blinken repeated that there could be no compromise on the "
        "right of Ukraine to choose its alliances in the future\n"
        "Ukraine: Moscow offers a summit in an effort to stop the slide to war\n"
    )
    found = extract(tmp_path, text)
    assert [s.speaker for s in found] == ["blinken"]
    assert found[0].text.endswith("in the future")


QUOTED_SUBHEAD = """Lavrov and Blinken in Geneva
Lavrov said on Monday that the talks had gone badly and that the West ignored Moscow.
“The West is not listening”
Lavrov said the proposals had been ignored for months, and that Moscow would wait.
"""


def test_a_few_quoted_words_with_no_stop_between_paragraphs_are_a_subhead(
    tmp_path: Path,
) -> None:
    found = by_line(QUOTED_SUBHEAD, extract(tmp_path, QUOTED_SUBHEAD))
    assert found == {1: "lavrov", 3: "lavrov"}


def test_a_quoted_line_under_a_short_line_introducing_it_is_speech(tmp_path: Path) -> None:
    text = QUOTED_SUBHEAD.replace(
        "Lavrov said on Monday that the talks had gone badly and that the West ignored Moscow.",
        "Lavrov wrote on Telegram.",
    )
    assert by_line(text, extract(tmp_path, text)).get(2) == "lavrov"


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("“The West is not listening”", True),
        ("“The West is not listening.”", False),  # a stop inside: a line of speech
        ("“We told them so many times that nobody can say they were never warned”", False),
    ],
)
def test_only_a_few_quoted_words_with_no_stop_make_a_heading(line: str, heading: bool) -> None:
    assert is_heading(line) is heading


def test_a_title_printed_twice_at_the_top_is_no_statement_either_time(tmp_path: Path) -> None:
    # a page's title and its headline, the same words, ending in a question mark
    title = 'Lavrov says "no" to a truce, "yes" to talks: What does he really want?'
    text = f"LATEST NEWS:\n{title}\n{title}\nLavrov said on Friday that talks could go on.\n"
    assert by_line(text, extract(tmp_path, text)) == {3: "lavrov"}


def test_a_line_ending_on_a_quoted_word_is_a_headline(tmp_path: Path) -> None:
    # a headline ends on the quoted words, with no stop: no sentence, no statement
    text = (
        "Moscow answers\n"
        "Lavrov tells Blinken the sides share interests, warns against ‘red lines’\n"
        "Lavrov said the talks had gone nowhere.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {2: "lavrov"}


def test_a_line_that_is_one_quotation_is_speech_though_it_has_no_stop(tmp_path: Path) -> None:
    text = "Moscow answers\nLavrov wrote on X.\n“You broke every promise you made”\n"
    assert by_line(text, extract(tmp_path, text)) == {1: "lavrov", 2: "lavrov"}


def test_a_headline_in_title_case_does_not_run_on_into_the_byline_below(tmp_path: Path) -> None:
    text = (
        "Talks May End Within Days If No Progress Is Made, Warns Sergei Lavrov\n"
        "by Staff Writer, Moscow, April 18: Sergei Lavrov on Friday warned that the talks "
        "might end within days.\n"
    )
    found = extract(tmp_path, text)
    assert [s.speaker for s in found] == ["lavrov"]
    assert found[0].text.startswith("by Staff Writer") or found[0].text.startswith("Sergei")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Lavrov started by discussing his phone call with Blinken:", {1: "lavrov", 2: "lavrov"}),
        # the line names nobody configured: the quotation is nobody's here
        ("The ministry posted the transcript of the interview:", {}),
    ],
)
def test_a_line_with_a_speaker_as_subject_ending_in_a_colon_introduces_his_quotation(
    tmp_path: Path, line: str, expected: dict[int, str]
) -> None:
    text = "A headline\n" + line + "\n“We had a very specific conversation about the summit.”\n"
    assert by_line(text, extract(tmp_path, text)) == expected
