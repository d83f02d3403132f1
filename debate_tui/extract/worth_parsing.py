"""What of an article is worth parsing, and where each paragraph stands in its body.

The parser is the costly step: a paragraph that cannot hold or carry a statement (no
speaker's name or title, no quotation mark, no pronoun or epithet that may continue a
speaker, no transcript turn of a speaker or a briefer) is never parsed. Headings and
furniture are skipped, save the lines that are speech cut short. `body_ranks` numbers
the body paragraphs, so "the paragraph before" skips an "ALSO READ" line or a crosshead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from debate_tui.corpus import is_furniture, is_heading
from debate_tui.extract.lines import wrapped_runs
from debate_tui.extract.quotes import OPENING_MARKS, find_quotes
from debate_tui.extract.rules import Rules, load_rules
from debate_tui.extract.speakers import Gazetteer, Mention, title_heads
from debate_tui.extract.turns import (
    OTHER,
    Turn,
    dateline_end,
    find_turns,
    is_bullet,
    is_role,
    label_words,
    past_spaces,
)
from debate_tui.model import Article, Speaker

__all__ = ["body_ranks", "briefing_turn", "parse_spans"]

_QUOTE_MARKS = '"“”«»„‘'
_TOP = 4  # the first lines of a text, where a page prints its title (twice, at times)
_SHORT_LINE = 8  # words of a line that only introduces the quotation below it
_CLOSING_MARKS = "”\"»’'"
_QUOTE_AFTER_COMMA = re.compile(r"[,:]\s*[“‘\"«]\w")
_SENTENCE_INSIDE = re.compile(r"[.!?][”\"’»]?\s+[“\"«‘]?[A-Z]")


def parse_spans(
    article: Article,
    speakers: tuple[Speaker, ...],
    rules: Rules | None = None,
    mentions: Sequence[Mention] | None = None,
) -> list[tuple[int, int, int]]:
    """(paragraph, start, end) of the text worth parsing.

    Never furniture or headings; past any dateline. Inside a transcript turn a short line
    is speech, never a photo caption ("MR LAVROV: Good afternoon."), and someone else's
    turn is never parsed. Elsewhere a paragraph is parsed only when it can hold or carry
    a statement: it names a speaker (name or title), holds a quotation mark, or has a
    pronoun (or an epithet: "the top diplomat", or "allegedly") that may continue a
    speaker.
    """
    rules = rules or load_rules()
    text = article.text
    if mentions is None:
        mentions = Gazetteer(
            speakers, text, rules.abbreviations, rules.office_bodies, rules.title_words_not_given
        ).mentions(text)
    turns = find_turns(text, article.paragraphs, speakers, rules, mentions)
    runs = wrapped_runs(article, rules, turns)
    named = {article.paragraph_of(m.start) for m in mentions}
    for first, last in runs.items():
        if named & set(range(first, last + 1)):
            named.add(first)
    heads = "|".join(re.escape(h) for h in sorted(title_heads(speakers) | rules.holder_nouns))
    epithet = rf"|\bthe\s+(?:[\w-]+\s+){{0,3}}(?:{heads})\b" if heads else ""
    objects = "|".join(sorted(w for w in rules.pronoun_forms if w not in rules.pronouns))
    epithet += rf"|\baccording\s+to\s+(?:{objects})\b" if objects else ""
    stances = "|".join(sorted(rules.stance_nouns))
    preps = "|".join(sorted(rules.stance_preps))
    if objects and stances and preps:
        epithet += rf"|\b(?:{preps})\s+(?:{objects})\s+(?:{stances})\b"
    papers = "|".join(sorted(rules.document_nouns | rules.remark_nouns))
    if objects and papers:  # "His letter accused ...": the owner's words, like "he"
        epithet += rf"|\b(?:{objects})\s+(?:[\w-]+\s+)?(?:{papers})\b"
    if rules.reportive:  # "the president allegedly accepted ...": may go on with a speaker
        epithet += r"|\b(?:" + "|".join(sorted(rules.reportive)) + r")\b"
    pronoun = re.compile(
        r"\b(?:" + "|".join(sorted(rules.pronouns)) + r")\b" + epithet, re.IGNORECASE
    )
    out = []
    inside = {i for first, last in runs.items() for i in range(first + 1, last + 1)}
    # a readout (no quotation marks anywhere) goes on with a speaker's view in paragraphs
    # naming no one and reporting nothing of their own ("The global economy is recovering
    # ..." after "Xi noted that ..."; across_sentences.carry_readout decides after
    # parsing): the last paragraph parsed as one, or None
    readout = not any(q in text for q in _QUOTE_MARKS)
    reading: int | None = None
    for index, (start, end) in enumerate(article.paragraphs):
        if index in inside:
            continue  # parsed with the line its run starts on
        if _repeated_below(text, article.paragraphs, index) or _title_twice(
            text, article.paragraphs, index
        ):
            continue
        last = runs.get(index, index)
        end = article.paragraphs[last][1]
        paragraph = text[start:end]
        turn = turns.get(index)
        # asked of the run's last line, as body_ranks asks it
        leads = introduces_quotation(text, article.paragraphs, last)
        if is_heading(paragraph) and not (
            (turn is not None and (_spoken_fragment(paragraph) or turn.kind != "label"))
            or _quoted_fragment(paragraph)
            or _speech_line(paragraph)
            or leads
            or (turn is None and index in named and paragraph.rstrip().endswith(":"))
            or _reported_bullet(text, article.paragraphs, index, rules, mentions)
            or _quoted_after_short_line(text, article.paragraphs, index)
            or cut_off_end(text, article.paragraphs, last)
        ):
            continue
        if turn is not None:
            if (
                is_furniture(paragraph, captions=False)
                or _time_only(paragraph, turn, rules)
                or (
                    turn.speaker == OTHER
                    and (
                        turn.kind != "label"
                        or not briefing_turn(turn, rules)
                        or _puts_to_someone(text, start, end, mentions)
                    )
                )
            ):
                continue
            out.append((index, start if turn.body is None else turn.body, end))
            continue
        if index in article.boilerplate:
            continue
        goes_on = (
            readout
            and reading is not None
            and reading == index - 1
            and rules.reporting_past.search(paragraph) is None
        )
        if not (
            leads
            or index in named
            or any(q in paragraph for q in _QUOTE_MARKS)
            or pronoun.search(paragraph)
            or _told_below(text, article.paragraphs, last)
            or _below_a_lead_in(text, article.paragraphs, index, named)
            or goes_on
        ):
            continue
        if readout and (goes_on or (index in named and rules.reporting_that.search(paragraph))):
            reading = last
        out.append((index, dateline_end(text, start, end, rules, mentions), end))
    return out


# "He stated this in ...", "This was stated by ...": a line telling who said the words above
_POINTER = re.compile(r"(?:[^.!?\n]{0,80}?\b(?:said|told|wrote|\w+ed)\s+this\b|This\s+was\s+\w+\b)")


def _told_below(text: str, paragraphs: list[tuple[int, int]], index: int) -> bool:
    """The next paragraph opens by telling who said what went before: this one holds
    the words (see across_sentences.carry_back)."""
    if index + 1 >= len(paragraphs):
        return False
    start, end = paragraphs[index + 1]
    return _POINTER.match(text, start, end) is not None


def _reported_bullet(
    text: str,
    paragraphs: list[tuple[int, int]],
    index: int,
    rules: Rules,
    mentions: Sequence[Mention],
) -> bool:
    """An item of a bulleted list telling what a speaker says, without a stop ("• Putin
    says Russia will achieve all its goals", under "Key points:"): a summary's item, not a
    heading. Its reporting verb is one of the two words after the speaker's name or title; a
    bulleted line alone, with no item beside it, is a subhead."""

    def bulleted(i: int) -> bool:
        if not 0 <= i < len(paragraphs):
            return False
        line = text[paragraphs[i][0] : paragraphs[i][1]].lstrip()
        return bool(line) and is_bullet(line, 0)

    if not bulleted(index) or not (bulleted(index - 1) or bulleted(index + 1)):
        return False
    start, end = paragraphs[index]
    for mention in (m for m in mentions if start <= m.start < end):
        after = " ".join([w for w in text[mention.end : end].split() if w.strip(",;:")][:2])
        if rules.reporting_present.search(after) or rules.reporting_past.search(after):
            return True
    return False


def _below_a_lead_in(
    text: str, paragraphs: list[tuple[int, int]], index: int, named: set[int]
) -> bool:
    """The paragraph above names a speaker and ends in a colon ("Zelensky wrote on
    Telegram:"): this one may be the words it announces (see across_sentences)."""
    if index == 0 or index - 1 not in named:
        return False
    start, end = paragraphs[index - 1]
    return text[start:end].rstrip().endswith(":")


def _time_only(paragraph: str, turn: Turn, rules: Rules) -> bool:
    """A bare "(01:07)" inside a turn, or a label with only its time after it ("Jane Doe:
    (00:13)"): a transcription service's time marks, which nobody speaks."""
    if rules.time_mark.match(paragraph.strip().strip("()[]")):
        return True
    label = rules.turn_label.match(paragraph) if turn.opens else None
    return label is not None and label.groupdict().get("after") is not None


def _repeated_below(text: str, paragraphs: list[tuple[int, int]], index: int) -> bool:
    """A line without closing punctuation that the next paragraph opens with word for
    word: a title or a photo caption printed again as the lead or under the picture
    (however long it is). The next paragraph is the sentence; this line is furniture."""
    if index + 1 >= len(paragraphs):
        return False
    start, end = paragraphs[index]
    line = text[start:end]
    below = text[paragraphs[index + 1][0] : paragraphs[index + 1][1]]
    return (
        len(line.split()) > 3
        and not line.rstrip().endswith((".", "!", "?", "…", '"', "”", "’", "'", "»"))
        and below.startswith(line)
    )


def _quoted_after_short_line(text: str, paragraphs: list[tuple[int, int]], index: int) -> bool:
    """A line that is one quotation under a short line of narration ("Musk wrote on X." /
    "“You stole a non-profit”"): the words that line introduces, not a subhead, which
    stands between paragraphs of the body."""
    start, end = paragraphs[index]
    if index == 0 or text[start] not in OPENING_MARKS or text[end - 1] not in _CLOSING_MARKS:
        return False
    above = text[paragraphs[index - 1][0] : paragraphs[index - 1][1]]
    return len(above.split()) <= _SHORT_LINE and not any(q in above for q in _QUOTE_MARKS)


def _title_twice(text: str, paragraphs: list[tuple[int, int]], index: int) -> bool:
    """A line at the top of the text printed again there word for word, with no full
    stop ("Putin says 'no' to ceasefire: What does he really want?" as the page's title
    and its headline): both copies are the title."""
    top = [text[start:end] for start, end in paragraphs[:_TOP]]
    if index >= len(top) or top[index].rstrip().endswith("."):
        return False
    return top.count(top[index]) > 1


def _quoted_fragment(paragraph: str) -> bool:
    """A line cut off inside a quotation it introduces ("After the talks, he told
    reporters, 'Our partners are t"): a sentence, not a headline."""
    return len(paragraph.split()) > 6 and bool(_QUOTE_AFTER_COMMA.search(paragraph))


# A quotation closed by a comma and followed by its attribution ('...,” the minister said').
_ATTRIBUTED_TAIL = re.compile(r"[,!?][”\"’»]\s+(?:[\w.’'-]+\s+){0,6}[\w.’'-]+$")


def _speech_line(paragraph: str) -> bool:
    """A line without closing punctuation that is speech, not a headline: a line ending in
    a comma, a quotation it opens and never closes (an excerpt cut off mid-quote), or a
    quotation closed by a comma with its attribution after it (a standfirst: '... no
    “serious proposals,” the Russian foreign minister said')."""
    words = len(paragraph.split())
    if words <= 6:
        return False
    stripped = paragraph.strip()
    if stripped.endswith(","):
        return True  # an excerpt cut off after a clause: no headline ends with a comma
    quotes = find_quotes(stripped, [(0, len(stripped))])
    if quotes and quotes[0].start == 0 and not quotes[0].balanced:
        return True
    return bool(_ATTRIBUTED_TAIL.search(stripped))


def introduces_quotation(text: str, paragraphs: list[tuple[int, int]], index: int) -> bool:
    """A line ending in a colon whose next paragraph opens with a quotation ("Altman fired
    back Sunday:" / "“I helped turn ...”"): a cue standing on its own line before the words
    it introduces, not a headline. It is always parsed, and shares its place among the
    body paragraphs with the quotation, so the quotation is its speaker's (or nobody's
    when the cue is someone else's), and a later "he" reaches back to him."""
    if index + 1 >= len(paragraphs):
        return False
    start, end = paragraphs[index]
    below = text[paragraphs[index + 1][0] : paragraphs[index + 1][1]]
    return text[start:end].rstrip().endswith(":") and below[:1] in OPENING_MARKS


def cut_off_end(text: str, paragraphs: list[tuple[int, int]], index: int) -> bool:
    """The text's last line, a sentence cut off where an excerpt or a feed's summary
    stops ("..., wherein he alleges that the company abandoned its non"): most of its words
    in lower case, as a sentence's are and a headline's are not; eight words or more, or
    three or more ending on a letter, no stop after it ("So, I look forward to begi")."""
    if index != len(paragraphs) - 1:
        return False
    start, end = paragraphs[index]
    line = text[start:end]
    words = [w for w in line.split() if w[:1].isalpha()]
    lower = sum(1 for w in words if w[:1].islower())
    if len(words) >= 8:
        return lower >= 0.6 * len(words)
    # shorter, it must end on a letter, as a word cut off does ("So, I look forward to begi")
    return len(words) >= 3 and line[-1:].isalpha() and lower >= 0.6 * len(words)


def _spoken_fragment(paragraph: str) -> bool:
    """A line without closing punctuation that is still speech inside a turn: a bulleted
    item, or text cut off after a sentence of its own."""
    return is_bullet(paragraph, 0) or bool(_SENTENCE_INSIDE.search(paragraph))


def body_ranks(article: Article, runs: dict[int, int] | None = None) -> dict[int, int]:
    """Each paragraph's place among the body paragraphs (not furniture, not headings), so
    "the previous paragraph" of a pronoun skips an "ALSO READ" line or a crosshead. The
    lines of a run of wrapped lines share one place, and so do a cue line ending in a colon
    and the quotation it introduces below ("Altman fired back:" / "“...”")."""
    runs = runs or {}
    ranks: dict[int, int] = {}
    rank = 0
    last = -1
    introduced = False  # the line before is a cue line introducing this one's quotation
    for index, (start, _end) in enumerate(article.paragraphs):
        if index <= last:
            ranks[index] = rank
            continue
        last = runs.get(index, index)
        line = article.text[start : article.paragraphs[last][1]]
        leads = index not in article.boilerplate and introduces_quotation(
            article.text, article.paragraphs, last
        )
        if (
            index not in article.boilerplate
            and (
                not is_heading(line)
                or _speech_line(line)
                or leads
                or cut_off_end(article.text, article.paragraphs, last)
            )
            and not introduced
        ):
            rank += 1
        ranks[index] = rank
        introduced = leads
    return ranks


def _puts_to_someone(text: str, start: int, end: int, mentions: Sequence[Mention]) -> bool:
    """A turn that asks ("?") or opens by addressing a speaker ("RADDATZ: President
    Zelensky, thank you ..."): a host's or a questioner's, never a briefing."""
    if "?" in text[start:end]:
        return True
    colon = text.find(":", start, end)
    body = past_spaces(text, colon + 1 if colon >= 0 else start, end)
    return any(m.start == body and text[m.end : m.end + 1] == "," for m in mentions)


def briefing_turn(turn: Turn, rules: Rules) -> bool:
    """Someone else's turn that is no question ("SENIOR STATE DEPARTMENT OFFICIAL:", "MR
    PRICE:"): an official summary of the talks, where "The Secretary noted that ..." reports
    what the speaker said. A questioner's turn ("QUESTION:", "MODERATOR:") never does."""
    words = label_words(turn.label)  # read as the turn's own label was
    return bool(words) and not is_role(words, rules)
