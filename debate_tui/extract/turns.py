"""Transcript turns and datelines: a document-level pass over paragraphs, before parsing.

A turn label is a speaker's name or title on its own before a colon opening a paragraph
("SECRETARY BLINKEN:", "Foreign Minister Lavrov (via interpreter):"), a role such as
"QUESTION:" or "MODERATOR:", or an honorific plus a name ("MR PRICE:"). Only a document
with several labels reads as a transcript; there each turn lasts until the next label,
over any number of paragraphs. A dateline ("KARACHI:", "OSLO, March 3 (Newswire) -") or a
heading with a colon ("Blinken Vs Lavrov: ...") is no label: it names nobody on its own.
Pure Python, shapes and words from the rules data.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from debate_tui.corpus import is_heading
from debate_tui.extract.quotes import OPENING_MARKS
from debate_tui.extract.rules import Rules
from debate_tui.extract.speakers import Mention
from debate_tui.model import Speaker

OTHER = "\x00other"  # a person or body that is not a configured speaker
# a paragraph's first sentence, ending in a question mark
_QUESTION_FIRST = re.compile(r"[^.!?\n]{1,600}\?[”\"’»]?\s+")
# a sentence closed inside a line ("QUESTION: You're optimistic. Yeah. And have the –"):
# speech cut off, where a headline holds no full sentence
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?][”\"’»]?\s+[“\"«‘]?[A-Z]")
# a line that is only a parenthesis or brackets: "(BEGIN VIDEO CLIP)", "(Applause.)"
_STAGE_DIRECTION = re.compile(r"\s*[(\[]([^()\[\]\n]{1,80})[)\]]\.?\s*$")
# a line that is a name alone: two to four capitalised words ("Sam Altman", "Speaker 1")
_NAME_LINE = re.compile(r"\s*[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|\d{1,2})){0,3}\s*$")
# a line opened by a dash and a space, the Russian way of printing speech: "— I've heard"
_DASH_OPENED = re.compile(r"\s*[—–]\s+\S")
# a numbered item of a list: "1. ", "2) "
_NUMBERED = re.compile(r"\s*\d{1,2}[.)]\s")
BULLETS = "•·‣▪●◦■□➢►-–—*"


@dataclass(frozen=True, slots=True)
class Turn:
    """Whose turn a paragraph belongs to, and the label that opened it."""

    speaker: str  # a speaker id or OTHER
    label: str
    opens: bool  # this paragraph carries the label itself
    body: int | None = None  # where the speech starts in the paragraph, if not at its start
    # how the label gives the speaker: "label" (a transcript's), "signature" (under an
    # embedded post), "quoted" (a name and a colon before a quotation), "answer" (the
    # label is the question an interview prints above it), "section" (a heading naming
    # his remarks), "announced" (a line announcing his remarks below it)
    kind: str = "label"


def dateline_end(
    text: str, start: int, end: int, rules: Rules, mentions: Sequence[Mention] = ()
) -> int:
    """Where a paragraph's body starts: past a dateline opening it, else at `start`. A
    speaker named there ("Lavrov — the veteran minister — said ...") makes it no dateline."""
    paragraph = text[start:end]
    for shape in rules.datelines:
        match = shape.match(paragraph)
        if match and match.end() < len(paragraph):
            if any(start <= m.start < start + match.end() for m in mentions):
                continue
            return start + match.end()
    return start


def label_words(label: str) -> list[str]:
    """A turn label's words as the rules list them: lower case, no dots or commas
    ("Q.", "MR. PRICE" -> "q", "mr price")."""
    return [w.strip(".,’'").lower() for w in label.split() if w.strip(".,’'")]


def is_role(words: list[str], rules: Rules) -> bool:
    """A label's words name a role ("QUESTION", "MODERATOR"), numbered or not: a
    transcription service numbers the voices it cannot name ("Speaker 1")."""
    if len(words) > 1 and words[-1].isdigit():
        words = words[:-1]
    return " ".join(words) in rules.turn_roles


def _label_speaker(label: str, speakers: tuple[Speaker, ...], rules: Rules) -> str | None:
    """The speaker a label names on its own, OTHER for a role or someone else, None when
    the words before the colon are no label at all (a dateline, a headline)."""
    words = label_words(label)
    if not words:
        return None
    if is_role(words, rules):
        return OTHER
    if len(words) > 1 and words[0] == "the":
        words = words[1:]  # "THE SECRETARY:", as a title "the Secretary" names him
    letters = [w for w in re.split(r"[\s.]+", label.lower()) if w]  # "S.V.Lavrov", "S. Lavrov"
    for speaker in speakers:
        firsts = {a.split()[0][0].lower() for a in speaker.aliases if len(a.split()) > 1}
        offices = [_without_the(label_words(t)) for t in (*speaker.titles, speaker.role)]
        for phrase in (*speaker.aliases, *speaker.titles):
            own = _without_the(label_words(phrase))
            if words == own:
                return speaker.id
            # "SECRETARY BLINKEN", "FOREIGN MINISTER LAVROV": honorifics, then the name; or
            # one of his own titles, then the name ("President of Russia Vladimir Putin:")
            rest = words[: len(words) - len(own)]
            if own and words[-len(own) :] == own and (_offices(rest, rules) or rest in offices):
                return speaker.id
            # "S.V.Lavrov", "S. Lavrov": initials, the first one a first name's, then the name
            initials = letters[: len(letters) - len(own)]
            if (
                own
                and letters[-len(own) :] == own
                and initials
                and all(len(w) == 1 and w.isalpha() for w in initials)
                and initials[0] in firsts
            ):
                return speaker.id
    # "MR PRICE", "FOREIGN MINISTER WANG": someone else's turn
    head = [w for w in words if w in rules.honorifics | rules.honorific_links]
    if words[: len(head)] == head and _offices(head, rules) and 1 <= len(words) - len(head) <= 3:
        return OTHER
    return None


def _without_the(words: list[str]) -> list[str]:
    return words[1:] if words and words[0] == "the" else words


def _offices(words: list[str], rules: Rules) -> bool:
    """Words that are offices before a name: honorifics, joined by "of"/"for"/"the"
    ("secretary of state"), the first and last an honorific."""
    return (
        bool(words)
        and words[0] in rules.honorifics
        and words[-1] in rules.honorifics
        and set(words) <= rules.honorifics | rules.honorific_links
    )


def find_turns(
    text: str,
    paragraphs: list[tuple[int, int]],
    speakers: tuple[Speaker, ...],
    rules: Rules,
    mentions: Sequence[Mention] = (),
) -> dict[int, Turn]:
    """The turn of every paragraph that belongs to one speaker by the document's shape:
    transcript turns, the body of a speaker's remarks, items listed after a lead-in."""
    turns = _labelled_turns(text, paragraphs, speakers, rules, mentions)
    asked = {} if turns else _questions_asked(text, paragraphs, rules, mentions)
    if not turns and not asked:
        asked = _dashed_answers(text, paragraphs, rules, mentions)
    questions = _labelled_questions(turns, rules)
    if questions:  # "Q: ..." / his answer, unlabelled: read as questions asked
        asked = _questions_asked(text, paragraphs, rules, mentions, questions)
        if asked:
            turns = {}
    # an interview read by its questions has no monologue: its lead-in is the writer's
    monologue = None if asked else _monologue(text, paragraphs, rules, mentions, set(turns))
    if monologue is not None:
        first, turn = monologue
        asking = _interviewer(text, paragraphs, speakers, rules) if not turns else {}
        opening = True
        for index in range(first, len(paragraphs)):
            if index in turns:
                break  # a press conference: the labels take over
            if index in asking:
                turns[index] = asking[index]
                opening = True
                continue
            turns[index] = Turn(turn.speaker, turn.label, opening)
            opening = False
    for index, turn in asked.items():
        turns.setdefault(index, turn)
    if not turns:
        turns.update(_sections(text, paragraphs, speakers, rules, mentions))
    if monologue is None and not asked and not any(t.kind == "section" for t in turns.values()):
        # his remarks announced above the questions a press conference labels after them
        for index, turn in _announced(text, paragraphs, rules, mentions, set(turns)).items():
            turns.setdefault(index, turn)
    # shapes of a single paragraph or list, where no document shape above gave one
    for found in (
        _listed(text, paragraphs, rules, mentions),
        _signed_posts(text, paragraphs, rules, mentions),
        _dash_signed(text, paragraphs, rules, mentions),
        _quoted_after_label(text, paragraphs, speakers, rules, mentions),
    ):
        for index, turn in found.items():
            turns.setdefault(index, turn)
    return turns


def _quoted_after_label(
    text: str,
    paragraphs: list[tuple[int, int]],
    speakers: tuple[Speaker, ...],
    rules: Rules,
    mentions: Sequence[Mention],
) -> dict[int, Turn]:
    """A line of a speaker's name or title, a colon and a quotation ("• Marco Rubio:
    ‘People have to understand ...’", a standfirst's or a pull quote's way): the quotation
    is his, in a text that is no transcript as in one. Without quotation marks ("Lavrov:
    West Must Listen") it is a headline. So is a quotation opening the paragraph under a
    line of his name and what he speaks about ("Putin on Belarus:")."""
    turns: dict[int, Turn] = {}
    for index, (start, end) in enumerate(paragraphs[:-1]):
        below = paragraphs[index + 1]
        who = _topic_label(text, start, end, rules, mentions)
        if who is not None and text[below[0]] in _OPENING_MARKS:
            label = " ".join(text[start : end - 1].split())
            turns[index + 1] = Turn(who, label, True, kind="quoted")
    for index, (start, end) in enumerate(paragraphs):
        if index == 0:
            continue  # the text's headline ("Lavrov: “...”") quotes him; it is no statement
        at = _past_bullets(text, start, end)
        quoted_from = _quote_from(text, at, end, rules, mentions)
        if quoted_from is not None:  # "Quote from Zelensky: “...”"
            turns[index] = quoted_from
            continue
        match = rules.turn_label.match(text[at:end])
        if match is None:
            continue
        colon = text.find(":", at + match.end("label"), end)
        body = past_spaces(text, colon + 1, end)
        if colon < 0 or body >= end or text[body] not in _OPENING_MARKS:
            continue
        label = _label_text(match)
        who = _label_speaker(label, speakers, rules)
        if who is not None and who != OTHER:
            turns[index] = Turn(who, label, True, body=body, kind="quoted")
    return turns


def _quote_from(
    text: str, start: int, end: int, rules: Rules, mentions: Sequence[Mention]
) -> Turn | None:
    """A quotation after a label of the data's `quote_labels`, "from" or "by" and one
    speaker ("Quote from Zelensky: “...”", the way some outlets set off a speaker's
    words): the quotation is his."""
    colon = text.find(":", start, end)
    if colon < 0:
        return None
    words = text[start:colon].split()
    if len(words) < 3 or len(words) > 8 or words[0].lower() not in rules.quote_labels:
        return None
    if words[1].lower() not in rules.lead_from:
        return None
    named = {m.speaker for m in mentions if start <= m.start < colon}
    body = past_spaces(text, colon + 1, end)
    if len(named) != 1 or body >= end or text[body] not in _OPENING_MARKS:
        return None
    return Turn(named.pop(), text[start:colon], True, body=body, kind="quoted")


def _topic_label(
    text: str, start: int, end: int, rules: Rules, mentions: Sequence[Mention]
) -> str | None:
    """The speaker a line of his name and what he speaks about names ("Putin on Belarus:",
    "President Xi on Taiwan:"), a colon ending it: a live blog's label over his words. So
    does a short line ending on "from" and his name ("A good one from Xi:")."""
    if text[end - 1] != ":":
        return None
    last = next((m for m in mentions if m.end == end - 1), None)
    words = text[start : end - 1].split()
    if last is not None and len(words) <= 8:
        before = text[start : last.start].split()
        if before and before[-1].lower() in rules.lead_from:
            return last.speaker
    at = _past_bullets(text, start, end)
    first = next((m for m in mentions if at <= m.start < end), None)
    if first is None or not set(label_words(text[at : first.start])) <= rules.honorifics:
        return None
    rest = text[first.end : end - 1].split()
    if rest and (rest[0].lower() not in rules.remark_about or not 2 <= len(rest) <= 8):
        return None
    return first.speaker  # whoever he speaks about ("Putin on Zelensky:")


def _dash_signed(
    text: str, paragraphs: list[tuple[int, int]], rules: Rules, mentions: Sequence[Mention]
) -> dict[int, Turn]:
    """Speech printed without quotation marks and signed at the paragraph's end with a
    comma, a dash and one speaker's cue ("..., there is a legal way to do it, - Putin said
    in response to a question."): the paragraph is his."""
    turns: dict[int, Turn] = {}
    for index, (start, end) in enumerate(paragraphs):
        if text[start] in _OPENING_MARKS:
            continue  # a quotation: read by its marks
        match = rules.dash_attribution.search(text, start, end)
        if match is None or match.end() != end:
            continue
        first, last = match.start("name"), match.end("name")
        named = {m.speaker for m in mentions if first <= m.start < last}
        if len(named) == 1:
            signature = " ".join(text[match.start() + 1 : end].split()).lstrip("-–— ")
            turns[index] = Turn(named.pop(), signature, True, kind="signature")
    return turns


def _signed_posts(
    text: str, paragraphs: list[tuple[int, int]], rules: Rules, mentions: Sequence[Mention]
) -> dict[int, Turn]:
    """An embedded post: the paragraph above a signature line naming one speaker ("— Elon
    Musk (@elonmusk) May 18, 2026") is his post, the way pages print embedded posts. So is
    a quotation above a line of a dash and his name ("— Sergei Lavrov, foreign minister"),
    or with the dash and the name after it on its own line ('“...,” — Sergei Lavrov'); and
    a paragraph closed by the post's signature and date, pasted as text."""
    turns: dict[int, Turn] = {}
    for index, (start, end) in enumerate(paragraphs):
        line = text[start:end]
        above = text[paragraphs[index - 1][0] : paragraphs[index - 1][1]] if index else ""
        signed = [
            (index - 1, rules.post_signature.match(line)),
            (index - 1, rules.dash_signature.match(line) if above[:1] in _OPENING_MARKS else None),
            (index, rules.dash_after_quote.search(line) if line[:1] in _OPENING_MARKS else None),
            (index, rules.post_signature_end.search(line)),
        ]
        for at, match in signed:
            if at < 0 or match is None:
                continue
            first, last = start + match.start("name"), start + match.end("name")
            named = {m.speaker for m in mentions if first <= m.start < last}
            signature = " ".join(text[first:end].split())
            # signed by someone else ("— Jane Roe, analyst"): the words are hers
            who = named.pop() if len(named) == 1 else OTHER
            turns[at] = Turn(who, signature, True, kind="signature")
            break
    return turns


def _labelled_turns(
    text: str,
    paragraphs: list[tuple[int, int]],
    speakers: tuple[Speaker, ...],
    rules: Rules,
    mentions: Sequence[Mention] = (),
) -> dict[int, Turn]:
    """Transcript turns: several labels, or one speaker's label in capitals (the way
    official transcripts print it: "SECRETARY BLINKEN:"), each turn lasting until the
    next label; there any other label in capitals is someone else's. Labels with a time
    mark ("Marco Rubio (00:13):", a transcription service's way) count whatever their
    case (one naming a speaker makes a transcript on its own, as an excerpt cut before
    the next label shows), and there any other timed label is someone else's ("Jane Doe
    (01:28):"). In a
    question-and-answer transcript ("Q:", "A:") the answers are the one speaker the text
    names before its first label (the interview's subject). A speaker's label closed by a
    full stop ("The President. I didn't know ..."), an archive's way, makes a transcript on
    its own, as one in capitals does. Where the speakers' labels are
    in mixed case ("Antony Blinken:"), other labels alike ("Jane Doe:", or a surname alone
    that labels several paragraphs: "Carlson:") are someone else's turns."""
    labels: dict[int, Turn] = {}
    unknown: dict[int, Turn] = {}  # "SENIOR STATE DEPARTMENT OFFICIAL:", "JANE DOE:"
    timed: set[int] = set()
    mixed: dict[int, Turn] = {}  # "Jane Doe:": a label only where the speakers' are alike
    stopped: set[int] = set()  # a speaker's label closed by a full stop ("The President.")
    # how often each label opens a paragraph of speech: a label the text uses again and
    # again opens a turn even on a line cut off without a stop ("Andrey Kondrashov: How
    # does St. Pe"); a headline printed twice ("Zelensky: Putin seeks ...") is no speech
    matches = [rules.turn_label.match(text[start:end]) for start, end in paragraphs]
    used: dict[str, int] = {}
    for (start, end), found in zip(paragraphs, matches, strict=True):
        if found and not is_heading(text[start:end]):
            used[_label_text(found)] = used.get(_label_text(found), 0) + 1
    single: dict[str, list[int]] = {}  # "Carlson:": a surname alone, a name if it recurs
    for index, (start, end) in enumerate(paragraphs):
        paragraph = text[start:end]
        match = matches[index]
        if not match and _stamp_below(text, paragraphs, index, rules):
            # "Sam Altman" over "00:12:09" over his words: a transcription service's page
            # with each turn's name and time on lines of their own
            if _NAME_LINE.match(paragraph):
                timed.add(index)
                labels[index] = Turn(
                    _label_speaker(paragraph.strip(), speakers, rules) or OTHER,
                    paragraph.strip(),
                    True,
                )
            continue
        if not match:
            dotted = rules.dotted_label.match(paragraph)
            who = _label_speaker(dotted.group("label"), speakers, rules) if dotted else None
            bare = rules.bare_role.match(paragraph)
            if dotted and who is not None:  # "The President. I didn't know ..."
                labels[index] = Turn(who, dotted.group("label"), True, body=start + dotted.end())
                if who != OTHER:
                    stopped.add(index)
            elif bare:  # "Q  Mr. Secretary, ...": a question, where the text is a transcript
                unknown[index] = Turn(OTHER, bare.group("label"), True)
            continue
        label = _label_text(match)
        if (
            match.end() < len(paragraph)
            and is_heading(paragraph)
            and not _SENTENCE_INSIDE.search(paragraph, match.end())
            and used.get(label, 0) < rules.min_labels
        ):
            continue  # "Lavrov: West Must Listen" is a headline quoting him, not a turn
        groups = match.groupdict()
        stamps = ("paren", "after", "stamp", "lead", "bare")
        if any(groups.get(g) and rules.time_mark.match(groups[g]) for g in stamps):
            timed.add(index)
        who = _label_speaker(label, speakers, rules)
        if who is not None:
            labels[index] = Turn(who, label, True)
        elif (index in timed or (label.isupper() and not any(c.isdigit() for c in label))) and any(
            c.isalpha() for c in label
        ):  # "ARTICLE 5:" opens no one's turn
            unknown[index] = Turn(OTHER, label, True)
        elif _names_someone(label):
            mixed[index] = Turn(OTHER, label, True)
        elif label.isalpha() and label[0].isupper():
            single.setdefault(label, []).append(index)
    timed_speaker = any(labels[i].speaker != OTHER for i in timed & labels.keys())
    if (
        len(labels) < rules.min_labels
        and not any(turn.speaker != OTHER and turn.label.isupper() for turn in labels.values())
        and not timed_speaker
        and not stopped
    ):
        return {}
    # In a transcript, any other label in capitals opens someone else's turn: the
    # interviewer named without an honorific, a briefing official. Where the speakers'
    # own labels are not in capitals ("Antony Blinken:"), a transcript prints everyone's
    # alike: any other such label ("Jane Doe:") is someone else's turn.
    labels.update(unknown)
    if any(t.speaker != OTHER and not t.label.isupper() for t in labels.values()):
        labels.update(mixed)
        for label, indices in single.items():  # "Carlson:" before every question
            if len(indices) >= rules.min_labels:
                labels.update({i: Turn(OTHER, label, True) for i in indices})
    answers = [i for i, t in labels.items() if " ".join(label_words(t.label)) in rules.answer_roles]
    if answers:
        before = paragraphs[min(labels)][0]
        named = {m.speaker for m in mentions if m.start < before}
        if len(named) == 1:
            who = named.pop()
            for index in answers:
                labels[index] = Turn(who, labels[index].label, True)
    turns: dict[int, Turn] = {}
    current: Turn | None = None
    for index, (start, end) in enumerate(paragraphs):
        if index in labels:
            current = labels[index]
            turns[index] = current
        elif current is not None:
            direction = _STAGE_DIRECTION.match(text, start, end)
            if direction is None:
                turns[index] = Turn(current.speaker, current.label, False)
            elif set(re.findall(r"\w+", direction.group(1).lower())) & rules.stage_breaks:
                current = None  # "(BEGIN VIDEO CLIP)": the voices below are the clip's
    return turns


def _stamp_below(text: str, paragraphs: list[tuple[int, int]], index: int, rules: Rules) -> bool:
    """The next line is nothing but a time mark ("00:12:09")."""
    if index + 1 >= len(paragraphs):
        return False
    start, end = paragraphs[index + 1]
    return rules.time_mark.match(text[start:end]) is not None


def _label_text(match: re.Match[str]) -> str:
    """A turn label's words as one line ("Jane\nDoe" -> "Jane Doe")."""
    return re.sub(r"\s+", " ", match.group("label"))


def _names_someone(label: str) -> bool:
    """A label of two to four words and no number: a name ("Jane Doe:"), not a word
    opening a point ("Second:", "Article 5:")."""
    return 2 <= len(label.split()) <= 4 and not any(c.isdigit() for c in label)


def _interviewer(
    text: str, paragraphs: list[tuple[int, int]], speakers: tuple[Speaker, ...], rules: Rules
) -> dict[int, Turn]:
    """In a speaker's interview printed with only the interviewer's label ("Jane Doe: ..."
    before each question, the answers unlabelled), the paragraphs under a name of two to
    four words that labels at least `min_labels` of them and is no speaker's."""
    found: dict[str, list[int]] = {}
    for index, (start, end) in enumerate(paragraphs):
        match = rules.turn_label.match(text[start:end])
        if match is None:
            continue
        label = _label_text(match)
        if _names_someone(label) and _label_speaker(label, speakers, rules) is None:
            found.setdefault(label, []).append(index)
    return {
        index: Turn(OTHER, label, True)
        for label, indices in found.items()
        if len(indices) >= rules.min_labels
        for index in indices
    }


def _dashed_answers(
    text: str, paragraphs: list[tuple[int, int]], rules: Rules, mentions: Sequence[Mention]
) -> dict[int, Turn]:
    """An interview printed the Russian way: each answer opens with a dash ("— I've heard
    a lot of different ideas ..."), the questions in quotation marks or plain lines. With
    at least `min_labels` such lines in the first person, they and the plain paragraphs
    that go on after them (up to a question, a heading or another dash) are the answers of
    the interview's subject: the speaker an interview title names, else the one named most
    before the first answer."""
    dashed = [
        i for i, (start, end) in enumerate(paragraphs) if _DASH_OPENED.match(text, start, end)
    ]
    if len(dashed) < rules.min_labels or any(
        rules.dash_attribution.search(text, *paragraphs[i]) for i in dashed
    ):
        return {}  # "— ..., — Putin said.": quotations signed each, not an interview
    subject = _interview_subject(text, paragraphs, dashed[0], dashed[0], rules, mentions)
    if subject is None:
        return {}
    turns: dict[int, Turn] = {}
    asking = _shortened(text[slice(*paragraphs[dashed[0] - 1])]) if dashed[0] else ""
    said: list[str] = []
    for index in range(dashed[0], len(paragraphs)):
        start, end = paragraphs[index]
        line = text[start:end]
        previous = turns.get(index - 1)
        if index in dashed or (
            previous is not None
            and previous.speaker == subject
            and line[:1] not in _OPENING_MARKS
            and not is_heading(line)
            and not any(start <= m.start < end for m in mentions)
        ):
            # a dashed line, or the answer going on in a paragraph of its own
            turns[index] = Turn(subject, asking, index in dashed, kind="answer")
            said.append(line)
        else:  # a question, or a voice from off: the interviewer's side
            turns[index] = Turn(OTHER, "question", True)
            asking = _shortened(line)
    if not _speaks_first_person(" ".join(said)[:1500], rules):
        return {}
    return turns


def _interview_subject(
    text: str,
    paragraphs: list[tuple[int, int]],
    titles: int,
    first: int,
    rules: Rules,
    mentions: Sequence[Mention],
) -> str | None:
    """Whom an interview is with: the speaker a title line among the first `titles`
    paragraphs names ("Volodymyr Zelensky's first interview with ..."), else the one named
    most before paragraph `first` (its first question or answer)."""
    for start, end in paragraphs[:titles]:
        found = remark_of(text, start, end, rules, mentions)
        if found is not None:
            return found[0]
    before = paragraphs[first][0]
    return _named_most([m.speaker for m in mentions if m.start < before])


def _labelled_questions(turns: dict[int, Turn], rules: Rules) -> list[int]:
    """The paragraphs of a transcript whose only labels are an interviewer's ("Q:",
    "Question:"), each label opening a question: none when any other label is there."""
    opening = [i for i, turn in turns.items() if turn.opens]
    if len(opening) < rules.min_labels or any(
        " ".join(label_words(turns[i].label)) not in rules.asking_roles for i in opening
    ):
        return []
    return sorted(opening)


def _questions_asked(
    text: str,
    paragraphs: list[tuple[int, int]],
    rules: Rules,
    mentions: Sequence[Mention],
    labelled: Sequence[int] = (),
) -> dict[int, Turn]:
    """An interview printed with its questions as lines of their own and no labels ("Are
    you ready to meet him?" above each answer): at least `min_labels` lines ending in a
    question mark and put to someone ("you"), the paragraphs under them in the first
    person. The questions are the interviewer's; the answers are the subject's: the speaker
    an interview title names, else the one named most before the first question. So are
    the paragraphs under questions `labelled` as an interviewer's ("Q: ..."). A paragraph
    naming the subject is no answer: the writer's narration of him."""
    questions = list(labelled) or [
        index
        for index, (start, end) in enumerate(paragraphs)
        if index > 0 and _put_as_question(text[start:end], rules)
    ]
    if len(questions) < rules.min_labels:
        return {}
    subject = _interview_subject(text, paragraphs, 2, questions[0], rules, mentions)
    if subject is None:
        return {}
    answers = [i for i in range(questions[0] + 1, len(paragraphs)) if i not in questions]
    said = " ".join(text[paragraphs[i][0] : paragraphs[i][1]] for i in answers)
    if not _speaks_first_person(said, rules):
        return {}
    turns = {index: Turn(OTHER, "question", True) for index in questions}
    asking = ""
    for index in range(questions[0], len(paragraphs)):
        start, end = paragraphs[index]
        if index in questions:
            asking = _shortened(text[start:end])
        elif not any(m.speaker == subject for m in mentions if start <= m.start < end):
            # (a paragraph naming him is the writer's: "Lavrov paused before going on.")
            turns[index] = Turn(subject, asking, index - 1 in questions, kind="answer")
    return turns


def _sections(
    text: str,
    paragraphs: list[tuple[int, int]],
    speakers: tuple[Speaker, ...],
    rules: Rules,
    mentions: Sequence[Mention],
) -> dict[int, Turn]:
    """A page setting out leaders' remarks under headings of their own ("President Biden's
    opening remarks", or his name alone): the paragraphs under such a heading, to the next
    heading, are his words, when none of them names him (a speech does not tell of its
    speaker; a report under the heading would) and the sections speak in the first person."""
    heads: dict[int, tuple[str, str]] = {}
    for index, (start, end) in enumerate(paragraphs):
        if index > 0 and is_heading(text[start:end]):
            found = remark_of(text, start, end, rules, mentions) or _name_alone(
                text, start, end, rules, mentions
            )
            # any other heading ends a section
            heads[index] = (found[0], _shortened(text[start:end])) if found else ("", "")
    turns: dict[int, Turn] = {}
    said: list[str] = []
    for index, (who, words) in heads.items():
        if not who:
            continue
        below = index + 1
        body = []
        while below < len(paragraphs) and below not in heads:
            body.append(below)
            below += 1
        spans = [paragraphs[i] for i in body]
        named = {m.speaker for m in mentions for s, e in spans if s <= m.start < e}
        if not body or who in named:
            continue
        said.extend(text[s:e] for s, e in spans)
        for i in body:
            turns[i] = Turn(who, words, i == body[0], kind="section")
    if not _speaks_first_person(" ".join(said), rules):
        return {}
    return turns


def _announced(
    text: str,
    paragraphs: list[tuple[int, int]],
    rules: Rules,
    mentions: Sequence[Mention],
    labelled: Collection[int] = (),
) -> dict[int, Turn]:
    """A line announcing a speaker's remarks printed below it ("And here is a full
    transcript of the Xi translation ...", a word of the rules data `announcing` and his
    remarks named), or a line leading into them with a colon ("Zelensky gave a long
    interview to TIME. Part Three:"): the paragraphs after it are his, when they speak in
    the first person, up to a heading, a paragraph naming him or a transcript's label."""
    for index, (start, end) in enumerate(paragraphs[:-1]):
        if index in labelled:
            break  # the labels take over
        line = text[start:end]
        found = None
        if not is_heading(line) and set(label_words(line)) & rules.announcing:
            found = remark_of(text, start, end, rules, mentions)
        if found is None and line.endswith(":") and not rules.first_person.search(line):
            # "Here is our conversation:": the writer speaks too, and the first person below
            # may be his
            found = _lead_in_speaker(text, paragraphs, index, mentions)
        if found is None:
            continue
        who, words = found
        body: list[int] = []
        for below in range(index + 1, len(paragraphs)):
            first, last = paragraphs[below]
            if (
                below in labelled
                or is_heading(text[first:last])
                or any(m.speaker == who for m in mentions if first <= m.start < last)
            ):
                break
            body.append(below)
        if not body:
            continue
        said = " ".join(text[paragraphs[i][0] : paragraphs[i][1]] for i in body)
        if not _speaks_first_person(said[:1500], rules):
            continue
        return {
            i: Turn(
                who,
                words,
                i == body[0],
                body=_after_question(text, *paragraphs[i], rules),
                kind="announced",
            )
            for i in body
        }
    return {}


def _after_question(text: str, start: int, end: int, rules: Rules) -> int | None:
    """Where the answer starts in a paragraph that opens with the interviewer's question
    run into it ("Do you think the sticks are for Ukraine? Well, look, ..."), else None."""
    question = _QUESTION_FIRST.match(text, start, end)
    if question is None or question.end() >= end:
        return None
    if rules.second_person.search(text, start, question.end()) is None:
        return None
    return question.end()


def _lead_in_speaker(
    text: str, paragraphs: list[tuple[int, int]], index: int, mentions: Sequence[Mention]
) -> tuple[str, str] | None:
    """(speaker, words) for a line ending in a colon that leads into words printed below
    it ("Zelensky gave a long interview to TIME. Part Three:"): the speaker it names
    first, or, when it names nobody ("Part Five:"), the one the line above names first."""
    for at in (index, index - 1):
        if at < 0:
            return None
        start, end = paragraphs[at]
        named = [m for m in mentions if start <= m.start < end]
        if named:
            line = text[paragraphs[index][0] : paragraphs[index][1]]
            return named[0].speaker, _shortened(line.rstrip(":"))
    return None


def _name_alone(
    text: str, start: int, end: int, rules: Rules, mentions: Sequence[Mention]
) -> tuple[str, str] | None:
    """(speaker, words) when a line is one speaker's name or title and nothing else but
    honorifics ("President Xi Jinping")."""
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    if len({m.speaker for m in inside}) != 1:
        return None
    rest = text[start:end]
    for m in sorted(inside, key=lambda m: -m.start):
        rest = rest[: m.start - start] + " " + rest[m.end - start :]
    if not set(label_words(rest)) <= rules.honorifics | rules.honorific_links:
        return None
    return inside[0].speaker, text[start:end]


def _speaks_first_person(words: str, rules: Rules) -> bool:
    """The words hold at least `first_person_min` first-person words ("I", "we", "our"):
    a speaker's own, not a report about him."""
    return len(rules.first_person.findall(words)) >= rules.first_person_min


def _shortened(line: str, most: int = 80) -> str:
    line = " ".join(line.split())
    return line if len(line) <= most else line[: most - 1].rstrip() + "…"


def _put_as_question(paragraph: str, rules: Rules) -> bool:
    """A line of its own asking someone something: ends in a question mark, speaks in the
    second person, is no quotation and no longer than a question put in an interview."""
    line = paragraph.strip()
    return (
        line.endswith("?")
        and line[:1] not in _OPENING_MARKS
        and len(line.split()) <= 100
        and rules.second_person.search(line) is not None
    )


def _named_most(named: list[str]) -> str | None:
    """The speaker named more often than any other, None on a tie or when none is."""
    counts = sorted(((named.count(s), s) for s in set(named)), reverse=True)
    if not counts or (len(counts) > 1 and counts[0][0] == counts[1][0]):
        return None
    return counts[0][1]


def remark_of(
    text: str, start: int, end: int, rules: Rules, mentions: Sequence[Mention]
) -> tuple[str, str] | None:
    """(speaker, words) when text[start:end] names a speaker's remarks: "Foreign Minister
    Sergey Lavrov's opening remarks during ...", "Remarks by Secretary Blinken", "Other
    statements by Russian FM:", "Interview with ..."; the remark noun must be followed by
    nothing, a preposition or punctuation (so "Lavrov's remarks spark outrage" is no
    such title)."""
    for mention in mentions:
        if not (start <= mention.start and mention.end <= end):
            continue
        after = rules.remark_after.match(text, mention.end, end)
        if after and rules.remark_tail.match(text, after.end(), end):
            return mention.speaker, text[mention.start : after.end()].strip()
        before = rules.remark_before.search(text, max(start, mention.start - 80), mention.start)
        if before and before.end() == mention.start:
            return mention.speaker, text[before.start() : mention.end].strip()
    return None


def _monologue(
    text: str,
    paragraphs: list[tuple[int, int]],
    rules: Rules,
    mentions: Sequence[Mention],
    labelled: set[int],
) -> tuple[int, Turn] | None:
    """A document titled as one speaker's remarks, written in the first person: its body
    is that speaker's turn (salutations and headings are never parsed anyway). The body
    ends at the first labelled turn: an interview's transcript ("TRANSCRIPT: interview
    with X", then "HOST: ...") is read by its labels, the lines before them by their own
    person."""
    for index, (start, end) in enumerate(paragraphs[:2]):
        found = remark_of(text, start, end, rules, mentions)
        if found is None:
            continue
        if rules.reporting_past.search(text, start, max(start, text.find(found[1], start))):
            continue  # "Trump said he was optimistic about Putin's remarks": narration
        if _SENTENCE_INSIDE.search(text, start, end):
            continue  # a lead of several sentences telling of his press conference: no title
        if index + 1 >= len(paragraphs):
            return None
        body_start = paragraphs[index + 1][0]
        body_end = next((paragraphs[i][0] for i in sorted(labelled) if i > index), len(text))
        body = text[body_start : min(body_start + 1500, body_end)]
        if not _speaks_first_person(body, rules):
            return None
        return index + 1, Turn(found[0], found[1], True)
    return None


# marks that open a quotation, and the straight single quote a standfirst may use
_OPENING_MARKS = OPENING_MARKS | {"'"}


def is_bullet(text: str, at: int) -> bool:
    return at < len(text) and (text[at] in BULLETS or unicodedata.category(text[at]) == "So")


def past_spaces(text: str, at: int, end: int) -> int:
    """Where the words go on after `at`, past any spaces, before `end`."""
    while at < end and text[at].isspace():
        at += 1
    return at


def _past_bullets(text: str, start: int, end: int) -> int:
    """Where a line's words start, past spaces and any bullets ("• Marco Rubio: ...")."""
    while start < end and (text[start].isspace() or is_bullet(text, start)):
        start += 1
    return start


def _listed(
    text: str, paragraphs: list[tuple[int, int]], rules: Rules, mentions: Sequence[Mention]
) -> dict[int, Turn]:
    """Items listed after a lead-in naming a speaker's remarks ("Other statements by
    Russian FM:", "Here is what Putin said:"): bulleted or numbered paragraphs below it,
    or bullets after the colon on its line."""
    turns: dict[int, Turn] = {}
    current: Turn | None = None
    for index, (start, end) in enumerate(paragraphs):
        colon = text.find(":", start, end)
        lead = remark_of(text, start, colon, rules, mentions) if colon > 0 else None
        if lead is None and colon == end - 1:
            lead = _what_said(text, start, colon, rules, mentions)
        if lead is not None:
            current = Turn(lead[0], lead[1], True)
            rest = past_spaces(text, colon + 1, end)
            if is_bullet(text, rest):
                turns[index] = Turn(current.speaker, current.label, True, body=colon + 1)
            continue
        if current is not None and (is_bullet(text, start) or _NUMBERED.match(text, start)):
            turns[index] = current
        else:
            current = None
    return turns


def _what_said(
    text: str, start: int, end: int, rules: Rules, mentions: Sequence[Mention]
) -> tuple[str, str] | None:
    """(speaker, words) for a line leading into a list with what a speaker said ("Here is
    what Putin said:", "What Xi told the summit:"): "what", his name, a verb of the
    data's `what_said`, and nothing after it but an audience or an occasion."""
    for mention in mentions:
        if not start <= mention.start < end:
            continue
        before = text[start : mention.start].split()
        after = rules.what_said.match(text, mention.end, end)
        if before and before[-1].lower() == "what" and after is not None:
            return mention.speaker, text[mention.start : after.end()].strip()
    return None
