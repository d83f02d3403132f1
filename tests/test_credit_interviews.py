"""Credit in interviews and in pages set out by speaker, with no transcript labels.

Every passage here is written for the tests (no article text). An interview may print its
questions as lines of their own, and a page may set out each leader's remarks under a
heading naming them: the words under such lines are the speaker's, the lines themselves
and the writer's lead-in are not.
"""

from __future__ import annotations

from pathlib import Path

from credit_helpers import BIDEN_XI, ZELENSKY_PUTIN, by_line, extract, extract_with

# -- questions printed as lines of their own ------------------------------------------------
QUESTIONS_AS_LINES = """Exclusive: Zelensky says Ukraine will not give up land
Ukrainian President Volodymyr Zelensky spoke to our correspondent in Kyiv about the talks.
Are you ready to meet Putin?
I am ready to meet him in any format. But a meeting for its own sake gives nothing.
What would you say to the Americans?
We are grateful for every package. Without air defence our cities cannot live.
Do you trust the offer of a ceasefire?
No. Every time they talk about peace, they prepare a new offensive.
"""


def test_answers_under_questions_printed_as_lines_are_the_interviewees(tmp_path: Path) -> None:
    found = extract_with(tmp_path, QUESTIONS_AS_LINES, ZELENSKY_PUTIN)
    assert by_line(QUESTIONS_AS_LINES, found) == {3: "zelensky", 5: "zelensky", 7: "zelensky"}


def test_a_long_question_with_a_quotation_in_its_preamble_is_still_a_question(
    tmp_path: Path,
) -> None:
    preamble = (
        "When you mention the pressure that strong countries hope to exert, I recall your "
        "interview of two years ago, when you said that leaders kept asking what weapons you "
        "needed, as if nobody had listened a week before, and that it felt like a film that "
        "never ends, and that you had to repeat the same phrases to every journalist who came "
        "to Kyiv, day after day, in the hope that someone would finally hear them. Do you "
        "still feel that way?"
    )
    text = QUESTIONS_AS_LINES.replace("Are you ready to meet Putin?", preamble)
    found = extract_with(tmp_path, text, ZELENSKY_PUTIN)
    assert by_line(text, found) == {3: "zelensky", 5: "zelensky", 7: "zelensky"}


def test_an_answer_tells_the_question_it_answers(tmp_path: Path) -> None:
    found = extract_with(tmp_path, QUESTIONS_AS_LINES, ZELENSKY_PUTIN)
    assert found[0].reason == "an interview's answer to 'Are you ready to meet Putin?'"


def test_an_interview_title_over_questions_leaves_the_lead_in_to_the_writer(
    tmp_path: Path,
) -> None:
    text = QUESTIONS_AS_LINES.replace(
        "Exclusive: Zelensky says Ukraine will not give up land", "Interview with Zelensky"
    )
    found = extract_with(tmp_path, text, ZELENSKY_PUTIN)
    assert by_line(text, found) == {3: "zelensky", 5: "zelensky", 7: "zelensky"}


def test_subheads_asking_about_a_speaker_in_the_third_person_are_no_interview(
    tmp_path: Path,
) -> None:
    # an explainer's subheads: the paragraphs under them are the writer's
    text = (
        "What the Lavrov talks mean\n"
        "Foreign Minister Sergei Lavrov flew to Geneva on Monday.\n"
        "What did Lavrov want?\n"
        "Our sources say the minister wanted a date for new talks. We could not confirm it.\n"
        "What happens next?\n"
        "I expect the two sides to meet again. We will follow the story.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {}


def test_questions_above_answers_in_the_third_person_are_no_interview(tmp_path: Path) -> None:
    text = (
        "Lavrov in Geneva: questions for the reader\n"
        "Foreign Minister Sergei Lavrov flew to Geneva on Monday.\n"
        "Do you know where the talks were held?\n"
        "They were held at the Russian mission. The minister arrived late.\n"
        "Can you name the other side?\n"
        "The other side was led by a deputy. The talks took two hours.\n"
    )
    assert by_line(text, extract(tmp_path, text)) == {}


# -- leaders' remarks set out under headings of their own -----------------------------------
REMARKS_BY_SECTION = """Biden and Xi meet in Bali: what they said
The two leaders met for three hours on Monday. Here is what each said at the start.
President Biden's opening remarks
I'm glad to see you again. We share a duty to show that we can manage our differences.
We will compete, but I'm not looking for conflict.
Xi Jinping
It is good to meet you again. The world has come to a crossroads.
The two countries should find the right direction for the relationship.
"""


def test_remarks_under_a_heading_naming_them_are_the_named_leaders(tmp_path: Path) -> None:
    found = extract_with(tmp_path, REMARKS_BY_SECTION, BIDEN_XI)
    assert by_line(REMARKS_BY_SECTION, found) == {3: "biden", 4: "biden", 6: "xi", 7: "xi"}
    assert found[0].reason == "in the section headed 'President Biden's opening remarks'"


def test_a_heading_over_a_report_naming_its_speaker_opens_no_section(tmp_path: Path) -> None:
    text = REMARKS_BY_SECTION.replace("It is good to meet you again.", "Xi arrived late.")
    found = extract_with(tmp_path, text, BIDEN_XI)
    assert by_line(text, found) == {3: "biden", 4: "biden"}


def test_headings_naming_leaders_over_third_person_prose_open_no_sections(
    tmp_path: Path,
) -> None:
    text = (
        "Biden and Xi in Bali\n"
        "The two leaders met for three hours on Monday.\n"
        "Biden's day\n"
        "The motorcade reached the hotel at noon. The talks began an hour later.\n"
        "Xi Jinping\n"
        "The delegation left for the airport in the evening.\n"
    )
    assert by_line(text, extract_with(tmp_path, text, BIDEN_XI)) == {}


# -- a speaker's remarks announced by a line above them -------------------------------------
ANNOUNCED = """Pool report: the leaders meet
The pool was in the room for about twelve minutes.
And here is a full transcript of Lavrov's opening remarks, as translated on the spot.
The last time we met was a year ago. That was already a long time.
Since then we have kept in touch by phone. But nothing can replace our meeting today.
"""


def test_paragraphs_below_a_line_announcing_a_speakers_remarks_are_his(tmp_path: Path) -> None:
    found = extract(tmp_path, ANNOUNCED)
    assert by_line(ANNOUNCED, found) == {3: "lavrov", 4: "lavrov"}
    assert found[0].reason.startswith("in the text announced as 'Lavrov's opening remarks")


def test_a_line_naming_remarks_without_announcing_them_below_gives_nothing(
    tmp_path: Path,
) -> None:
    text = ANNOUNCED.replace("And here is a full transcript of", "Reporters discussed")
    assert by_line(text, extract(tmp_path, text)) == {}


def test_paragraphs_below_an_announcement_that_tell_of_the_speaker_are_not_his(
    tmp_path: Path,
) -> None:
    text = ANNOUNCED.replace("The last time we met", "Lavrov said the last time they met")
    found = extract(tmp_path, text)
    assert all(not s.reason.startswith("in the text announced") for s in found)


LEAD_IN = """Lavrov gave a long interview to a magazine
Lavrov gave a long interview to a magazine. Part Three:
First of all, I do not think we would agree to anything our people reject. I represent them.
Do you think the sticks are for Russia? Well, look, we have heard such talk before, I doubt it.
"""


def test_paragraphs_after_a_lead_in_ending_in_a_colon_are_the_named_speakers(
    tmp_path: Path,
) -> None:
    found = extract(tmp_path, LEAD_IN)
    assert by_line(LEAD_IN, found) == {2: "lavrov", 3: "lavrov"}


def test_a_question_run_into_an_answer_paragraph_is_left_out_of_the_answer(
    tmp_path: Path,
) -> None:
    found = extract(tmp_path, LEAD_IN)
    assert not any("sticks" in s.text for s in found)
    assert any(s.text.startswith("Well, look") for s in found)
