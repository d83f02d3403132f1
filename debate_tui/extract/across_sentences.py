"""The passes across sentences, run once every sentence of an article has its credit.

Quotations and lead-ins carry a speaker's credit on to the sentences they frame; a view
paraphrased between two of one speaker's statements goes on with that speaker; then
consecutive credited sentences of one speaker group into statements, with their topics.
These read the clauses and credits attribution wrote and never change them in place.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from debate_tui.extract.clauses import Clause, Credit, carried
from debate_tui.extract.evidence import confidence, reason
from debate_tui.extract.quotes import QuoteSpan
from debate_tui.extract.rules import Rules
from debate_tui.extract.topics import TopicMatcher
from debate_tui.model import OTHER_TOPIC, Article, Kind, Statement

__all__ = ["ArticleClauses", "carry_back", "carry_paraphrase", "carry_quotes", "group_statements"]


@dataclass(frozen=True, slots=True)
class ArticleClauses:
    """What the passes read of one attributed article (clauses in text order)."""

    article: Article
    clauses: Sequence[Clause]
    quotes: Sequence[QuoteSpan]
    speaker_ids: set[str]
    ranks: dict[int, int]  # paragraph -> rank among body paragraphs (body_ranks)
    topics: TopicMatcher
    rules: Rules


_STOPS = (".", "!", "?", "…")
_CLOSING_MARKS = "\"”’'»)] "


def carry_quotes(view: ArticleClauses, credits: list[Credit | None]) -> list[Credit | None]:
    """Sentences inside a quotation, or after a lead-in, take the framing credit."""
    clauses = view.clauses
    out = list(credits)
    owner_of_open: int | None = None
    last_paragraph = -1
    for quote in view.quotes:
        inside = [i for i, c in enumerate(clauses) if c.start < quote.end and c.end > quote.start]
        if not inside:
            continue
        framing = [i for i in inside if (cr := out[i]) is not None and cr.own_cue]
        owner: int | None = framing[0] if framing else None
        if owner is None and _told_right_after(view, quote, inside[-1], out):
            owner = inside[-1] + 1  # '"We are ready." Lavrov said.': a stop for a comma
        if owner is None:
            first = inside[0]
            previous = first - 1 if first else None
            paragraph = clauses[first].paragraph
            at_para_start = quote.start == view.article.paragraphs[paragraph][0]
            if (
                previous is not None
                and view.ranks[clauses[previous].paragraph] == view.ranks[paragraph]
                and out[previous] is not None
                and (clauses[previous].lead_in or quote.start == clauses[first].start)
            ):
                # '"...," he said. "..."': an unattributed quotation opening the next
                # sentence continues the same speaker; so does one below a cue line
                # ending in a colon, which shares its place ("Y replied:" / '"..."').
                owner = previous
            elif at_para_start and owner_of_open is not None and last_paragraph == paragraph - 1:
                owner = owner_of_open
            elif at_para_start and _continues(view, previous, paragraph, out):
                # a paragraph that is a quotation with no cue of its own goes on with
                # the speaker of the paragraph before: '... Blinken said.' / '"We ..."'
                owner = previous
            elif _labelled(view, quote, paragraph):
                owner = _last_speaker(view, first, paragraph, out)
        if owner is not None:
            credit = out[owner]
            # a body's summary quoted, the speaker's cue inside it: its narration before
            # the cue stays the body's ('"X met Y. The Secretary urged ...," it reads')
            summary = credit is not None and quote.start < credit.cue_at < quote.end
            for i in inside:
                if summary and i < owner:
                    continue
                if out[i] is None:
                    out[i] = carried(out[owner], owner, "quotation")
        owner_of_open = owner if not quote.balanced else None
        last_paragraph = clauses[inside[-1]].paragraph
    carrying: tuple[int, int] | None = None  # (lead-in, the paragraph below it it gives)
    for i in range(1, len(clauses)):
        before = clauses[i - 1]
        if before.lead_in and out[i - 1] is not None and out[i] is None:
            if clauses[i].paragraph == before.paragraph:
                out[i] = carried(out[i - 1], i - 1, "lead-in")
            elif _leads_into_words_below(view, before, clauses[i], out[i - 1]):
                # "Zelensky wrote on Telegram:" / "Russia has again shown ...": the
                # paragraph below, printed without quotation marks, is his
                carrying = (i - 1, clauses[i].paragraph)
                out[i] = carried(out[i - 1], i - 1, "lead-in")
            continue
        if carrying is not None and clauses[i].paragraph == carrying[1] and out[i] is None:
            out[i] = carried(out[carrying[0]], carrying[0], "lead-in")
        else:
            carrying = None
    return out


def _leads_into_words_below(
    view: ArticleClauses, lead: Clause, below: Clause, credit: Credit | None
) -> bool:
    """A speaker's own cue line closing its paragraph with a colon, and the next body
    paragraph free of quotation marks: the words the line announces, printed as text."""
    if credit is None or not credit.own_cue or credit.speaker not in view.speaker_ids:
        return False
    if credit.evidence.how == "turn":
        return False
    start, end = view.article.paragraphs[below.paragraph]
    lead_end = view.article.paragraphs[lead.paragraph][1]
    return (
        view.ranks[below.paragraph] == view.ranks[lead.paragraph] + 1
        and view.article.text[lead.start : lead_end].rstrip().endswith(":")
        and not any(lead.end <= q.start < end or q.start < start < q.end for q in view.quotes)
    )


def _labelled(view: ArticleClauses, quote: QuoteSpan, paragraph: int) -> bool:
    """The quotation follows only a label of the rules data `quote_labels` and a colon
    at its paragraph's start ("Quote: “...”")."""
    start = view.article.paragraphs[paragraph][0]
    before = view.article.text[start : quote.start].strip()
    return before.endswith(":") and before[:-1].strip().lower() in view.rules.quote_labels


def _last_speaker(
    view: ArticleClauses, first: int, paragraph: int, credits: list[Credit | None]
) -> int | None:
    """The last clause before `first` credited to a speaker, within the three paragraphs
    before: whose words a labelled quotation below the report gives."""
    for i in range(first - 1, -1, -1):
        if view.ranks[view.clauses[i].paragraph] < view.ranks[paragraph] - 3:
            return None
        credit = credits[i]
        if credit is not None and credit.speaker in view.speaker_ids:
            return i
    return None


def _told_right_after(
    view: ArticleClauses, quote: QuoteSpan, last: int, credits: list[Credit | None]
) -> bool:
    """The sentence right after the quotation, in its paragraph, only tells who said it
    ("Lavrov said.", "the minister told reporters."): its own cue, a few words."""
    nxt = last + 1
    if nxt >= len(view.clauses) or (credit := credits[nxt]) is None or not credit.own_cue:
        return False
    clause = view.clauses[nxt]
    words = [w.strip(".,;:!?") for w in view.article.text[clause.start : clause.end].split()]
    cue = credit.evidence.cue
    return (
        clause.paragraph == view.clauses[last].paragraph
        and 0 <= clause.start - quote.end <= 2
        and len(words) <= 6
        # nothing said after the cue but whom it was told to ("Lavrov told reporters.")
        and cue in words[-2:]
    )


def _continues(
    view: ArticleClauses, previous: int | None, paragraph: int, credits: list[Credit | None]
) -> bool:
    """The clause before ends the previous body paragraph and is a speaker's."""
    if previous is None:
        return False
    credit = credits[previous]
    before = view.clauses[previous].paragraph
    if any(c.cued for c in view.clauses if c.paragraph == paragraph):
        return False  # '"...," she said': its own cue, resolved or not
    return (
        credit is not None
        and credit.speaker in view.speaker_ids
        and view.ranks[before] == view.ranks[paragraph] - 1
    )


def carry_back(view: ArticleClauses, credits: list[Credit | None]) -> list[Credit | None]:
    """'“...” / He stated this in his nightly video address.': a sentence that only tells
    who said what went before gives that speaker the sentences with no credit right before
    it (in its paragraph, or the paragraph before when it opens its own) and says nothing
    itself."""
    out = list(credits)
    clauses = view.clauses
    for i, credit in enumerate(credits):
        if credit is None or not credit.points_back:
            continue
        out[i] = None
        if credit.speaker not in view.speaker_ids:
            continue
        paragraph = clauses[i].paragraph
        opens = i == 0 or clauses[i - 1].paragraph != paragraph
        j = i - 1
        while j >= 0 and out[j] is None:
            before = clauses[j].paragraph
            if before != paragraph and not (
                opens and view.ranks.get(before) == view.ranks[paragraph] - 1
            ):
                break
            out[j] = carried(credit, i, "pointer")
            j -= 1
    return out


def carry_readout(view: ArticleClauses, credits: list[Credit | None]) -> list[Credit | None]:
    """A readout goes on with the view of the speaker it last reported, in sentences of
    their own and with no quotation marks: 'Xi noted that a year has passed since Bali.
    The world has come to a crossroads. All these are grave problems.' Each sentence with
    no cue, in the present and naming no one, after one of the speaker's own statements
    reporting a clause in the present (a readout keeps the tense of the words it reports)
    or after such a sentence, in its paragraph or the next, is his; any other sentence,
    or a heading, ends the run. (A paragraph naming nobody is parsed only in a text with
    no quotation marks, after one reporting a view, while it reports nothing of its own:
    worth_parsing.parse_spans.)"""
    out = list(credits)
    if view.quotes:
        return out  # a report quoting anyone is no readout: its writer speaks in between
    owner: int | None = None
    for i, clause in enumerate(view.clauses):
        credit = out[i]
        if credit is not None:
            evidence = credit.evidence
            # told by his own verb ("noted that"): not a turn, not "according to" him
            reported = credit.own_cue and evidence.how != "turn" and not evidence.according_to
            readout = reported and clause.reports_present
            owner = i if readout and credit.speaker in view.speaker_ids else None
        elif (
            owner is not None
            and not clause.cued
            and clause.present_view
            and clause.paragraph - view.clauses[i - 1].paragraph <= 1  # no heading between
        ):
            out[i] = carried(out[owner], owner, "paraphrase")
        else:
            owner = None
    return out


def carry_paraphrase(view: ArticleClauses, credits: list[Credit | None]) -> list[Credit | None]:
    """A sentence with no cue between two of one speaker's statements, a paragraph
    apart at most, that reads as a view (a modal, naming no one), or as a claim told as
    someone's ("allegedly", in a paragraph of its own at most), goes on with that speaker:
    'According to Lavrov, X. Without a dialogue it would be hard to Y. "We ...," ...';
    narration between them ('The talks lasted an hour.') stays."""
    out = list(credits)
    clauses = view.clauses
    for i in range(1, len(clauses)):
        before = out[i - 1]
        if (
            out[i] is None
            and clauses[i].fragment
            and before is not None
            and before.speaker in view.speaker_ids
            and clauses[i - 1].paragraph == clauses[i].paragraph
        ):
            # "..., as he put it. Or while questioning why ...": his sentence goes on
            out[i] = carried(before, i - 1, "paraphrase")
    for i in range(1, len(clauses)):
        before = out[i - 1]
        if (
            out[i] is None
            and clauses[i].first_person
            and not clauses[i].cued
            and before is not None
            and before.speaker in view.speaker_ids
            and clauses[i - 1].paragraph == clauses[i].paragraph
            and _ends_quoting(view, clauses[i - 1])
            and _quotes_inside(view, clauses[i])
        ):
            # '... “Our task is to ...”. It will work if our dialogue is “honest.”': his
            # words going on, quoted in part, in his own person (a writer's "we" quotes no
            # one: 'We should not be surprised.')
            out[i] = carried(before, i - 1, "paraphrase")
    for i in range(1, len(clauses) - 1):
        before, after = out[i - 1], out[i + 1]
        clause = clauses[i]
        if (
            out[i] is not None
            or clause.cued
            or not (clause.argued or clause.alleged)
            or before is None
            or after is None
            or before.speaker != after.speaker
            or before.speaker not in view.speaker_ids
        ):
            continue
        ranks = [view.ranks[clauses[j].paragraph] for j in (i - 1, i, i + 1)]
        # an alleged claim may stand in a paragraph of its own between the two
        if ranks[2] - ranks[0] > (2 if clause.alleged else 1):
            continue
        out[i] = carried(before, i - 1, "paraphrase")
    return out


def _ends_quoting(view: ArticleClauses, clause: Clause) -> bool:
    """The clause ends with a quotation of its own (its speaker's words just before)."""
    return any(
        clause.start <= q.start and clause.end - 2 <= q.end <= clause.end for q in view.quotes
    )


def _quotes_inside(view: ArticleClauses, clause: Clause) -> bool:
    """A quotation stands inside the clause."""
    return any(clause.start <= q.start and q.end <= clause.end for q in view.quotes)


def group_statements(view: ArticleClauses, credits: list[Credit | None]) -> list[Statement]:
    """Consecutive credited sentences of one speaker, joined by a frame, become one
    statement; one without topic terms may carry those of the same speaker's before."""
    clauses = view.clauses
    groups: list[list[int]] = []
    for index, credit in enumerate(credits):
        if credit is None or credit.speaker not in view.speaker_ids:
            continue
        previous = index - 1
        prev_credit = credits[previous] if index else None
        joins = (
            groups
            and previous == groups[-1][-1]
            and prev_credit is not None
            and prev_credit.speaker == credit.speaker
            and clauses[index].paragraph - clauses[previous].paragraph <= 1
            and (
                (not credit.own_cue and credit.framed_by in groups[-1])
                # two sentences of one quotation told after it: '"... . ..." Lavrov said.'
                or (
                    not credit.own_cue
                    and credit.framed_by is not None
                    and credit.framed_by == prev_credit.framed_by
                )
                or clauses[previous].lead_in
                or prev_credit.framed_by == index
                or _one_sentence(view, clauses[previous], clauses[index])
            )
        )
        if joins:
            groups[-1].append(index)
        else:
            groups.append([index])
    out: list[Statement] = []
    previous_group: list[int] | None = None
    previous_topics: tuple[str, ...] = ()
    for group in groups:
        topics = _topics(view, (clauses[i] for i in group))
        first = clauses[group[0]]
        first_via = credits[group[0]].via  # type: ignore[union-attr]
        adjacent = (
            previous_group is not None
            and credits[previous_group[0]].speaker == credits[group[0]].speaker  # type: ignore[union-attr]
            and group[0] == previous_group[-1] + 1
        )
        if adjacent and previous_topics != (OTHER_TOPIC,):
            if not topics and (
                first_via == "pronoun" or first.anaphoric or _opens_with_quote(view, first)
            ):
                # "Mutual compliance ...", "such an agreement ...": the remark goes on
                topics = previous_topics
            elif (
                first_via == "pronoun"
                and set(topics) & set(previous_topics)
                and first.paragraph == clauses[group[0] - 1].paragraph  # own words first
            ):
                # "He called for ..." on the theme of the sentence before keeps its topics
                topics = view.topics.ordered(set(topics) | set(previous_topics))
        statement = _statement(view, group, credits, topics or (OTHER_TOPIC,))
        out.append(statement)
        previous_group, previous_topics = group, statement.topics
    return out


def _one_sentence(view: ArticleClauses, before: Clause, clause: Clause) -> bool:
    """Two parts of one sentence, cut apart at a cue of their own ("X was clear that ...
    but he also claimed ..."): the one speaker's sentence is one statement."""
    text = view.article.text
    gap = text[before.end : clause.start]
    return (
        before.paragraph == clause.paragraph
        and not gap.strip()
        and not text[before.start : before.end].rstrip(_CLOSING_MARKS).endswith(_STOPS)
    )


def _opens_with_quote(view: ArticleClauses, clause: Clause) -> bool:
    return any(q.start == clause.start for q in view.quotes)


def _topics(view: ArticleClauses, group: Iterable[Clause]) -> tuple[str, ...]:
    words = [w for c in group for w in c.words]
    return tuple(view.topics.match(words))


def _statement(
    view: ArticleClauses, group: list[int], credits: list[Credit | None], topics: tuple[str, ...]
) -> Statement:
    clauses = [view.clauses[i] for i in group]
    group_credits = [c for c in (credits[i] for i in group) if c is not None]
    head = next((c for c in group_credits if c.own_cue), group_credits[0])
    start, end = clauses[0].start, clauses[-1].end
    text = view.article.text[start:end]
    excluded = [span for c in clauses for span in c.excluded]
    quotes = tuple(
        (max(q.start, start), min(q.end, end))
        for q in view.quotes
        if q.start < end
        and q.end > start
        and not any(lo <= q.start and q.end <= hi for lo, hi in excluded)
    )
    lemmas = tuple(
        word
        for clause in clauses
        for lo, hi in [_compared(clause)]
        for at, word in clause.content
        if lo <= at < hi
    )
    return Statement(
        speaker=head.speaker,
        text=text,
        kind=_kind(text, start, quotes),
        topics=topics,
        source=view.article.source,
        start=start,
        end=end,
        paragraph=clauses[0].paragraph,
        cue=head.evidence.cue,
        via=head.via,
        confidence=min(confidence(c.evidence, view.rules) for c in group_credits),
        reason=reason(head.evidence),
        quotes=quotes,
        evidence=tuple(head.evidence.as_dict().items()),
        lemmas=lemmas,
    )


def _compared(clause: Clause) -> tuple[int, int]:
    """The span of a clause that merging compares: its own, or with the description of
    its words that was cut off, after any lead-in it dropped."""
    if clause.compared is None:
        return clause.start, clause.end
    return clause.start, max(clause.end, clause.compared[1])


def _kind(text: str, start: int, quotes: tuple[tuple[int, int], ...]) -> Kind:
    if not quotes:
        return "reported"
    inside = [False] * len(text)
    for lo, hi in quotes:
        for i in range(lo - start, hi - start):
            if 0 <= i < len(inside):
                inside[i] = True
    outside_words = "".join(
        ch if not flag else " " for ch, flag in zip(text, inside, strict=True)
    ).split()
    outside = sum(1 for w in outside_words if any(c.isalnum() for c in w))
    quoted_words = "".join(
        ch if flag else " " for ch, flag in zip(text, inside, strict=True)
    ).split()
    quoted = sum(1 for w in quoted_words if any(c.isalnum() for c in w))
    return "quote" if outside <= 8 and quoted >= outside else "mixed"
