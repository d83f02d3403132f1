"""A hand-built debate for the reader's tests, independent of the extraction rules.

Every statement is a real sentence of the bundled corpus with its true offsets, so the
source view can open it, but which sentences count and how they are labelled is fixed here:
snapshots do not change when the extractor improves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from debate_tui.corpus import split_paragraphs
from debate_tui.model import (
    OTHER_TOPIC,
    ArticleMeta,
    Debate,
    Kind,
    Report,
    Speaker,
    Statement,
    TopicSpec,
    Via,
)

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"

BLINKEN = Speaker("blinken", "Antony Blinken", "U.S. Secretary of State")
LAVROV = Speaker("lavrov", "Sergei Lavrov", "Russian Foreign Minister")

TOPICS = (
    TopicSpec("crimea", "Crimea", ("Crimea",)),
    TopicSpec("escalation", "Escalation", ("escalation",)),
    TopicSpec("new-start", "New START", ("New START",)),
    TopicSpec("peace-talks", "Peace talks and diplomacy", ("talks",)),
    TopicSpec("sanctions", "Sanctions and isolation", ("isolation",)),
    TopicSpec("detained-americans", "Detained Americans", ("Whelan",)),
    TopicSpec("minsk", "Minsk agreements", ("Minsk",)),
)

# The topic where only Blinken speaks, and the one where nobody does.
ONE_SIDED_TOPIC = "new-start"
EMPTY_TOPIC = "minsk"

COUNTERPART = "blinken-meets-russian-counterpart.txt"
OSCE = "blinken-vs-lavrov-osce-meeting.txt"
FLEETING = "g20-first-fleeting-meeting.txt"
DELHI = "g20-new-delhi-high-level-talks.txt"
MALTA = "osce-malta-ministerial-accusations.txt"

ARTICLES = [
    ArticleMeta(
        COUNTERPART,
        "Blinken Meets With Russian Counterpart",
        occasion="G20 foreign ministers' meeting, New Delhi, March 2",
    ),
    ArticleMeta(
        OSCE,
        "Blinken Vs Lavrov: Ukraine Tensions Flare At OSCE Meeting",
        occasion="OSCE meeting",
    ),
    ArticleMeta(
        FLEETING,
        "First fleeting meeting between the US and Russia since the war began confirms "
        "the distance between blocs over Ukraine",
        occasion="G20 foreign ministers' meeting, New Delhi",
    ),
    ArticleMeta(
        DELHI,
        "High-Level Talks Between Blinken and Lavrov Since Ukrainian Invasion",
        occasion="G20 foreign ministers' meeting, New Delhi",
    ),
    ArticleMeta(
        MALTA,
        "Blinken and Lavrov traded accusations during a ministerial meeting in Malta",
        occasion="31st OSCE ministerial meeting, Malta",
    ),
]


def article_text(source: str) -> str:
    """The article exactly as the corpus loader decodes it (no newline translation)."""
    return (CORPUS / source).read_bytes().decode("utf-8")


def _span(source: str, sentence: str) -> tuple[int, int]:
    text = article_text(source)
    start = text.find(sentence)
    if start < 0:
        raise ValueError(f"{source}: sentence not found: {sentence[:60]!r}")
    return start, start + len(sentence)


def _quotes(
    source: str, start: int, end: int, pieces: tuple[str, ...]
) -> tuple[tuple[int, int], ...]:
    text = article_text(source)
    spans: list[tuple[int, int]] = []
    for piece in pieces:
        at = text.find(piece, start, end)
        if at < 0:
            raise ValueError(f"{source}: quote not inside its statement: {piece[:40]!r}")
        spans.append((at, at + len(piece)))
    return tuple(spans)


def statement(
    speaker: Speaker,
    source: str,
    sentence: str,
    kind: Kind,
    topics: tuple[str, ...],
    *,
    cue: str,
    via: Via = "name",
    confidence: float = 0.9,
    reason: str = "",
    quotes: tuple[str, ...] = (),
) -> Statement:
    """A statement for `sentence` in `source`, with offsets found in the real file."""
    start, end = _span(source, sentence)
    text = article_text(source)
    paragraph = next(
        index
        for index, (p_start, p_end) in enumerate(split_paragraphs(text))
        if p_start <= start < p_end
    )
    found_by = {"name": "by name", "pronoun": "by pronoun", "title": "by title"}[via]
    return Statement(
        speaker=speaker.id,
        text=text[start:end],
        kind=kind,
        topics=topics,
        source=source,
        start=start,
        end=end,
        paragraph=paragraph,
        cue=cue,
        via=via,
        confidence=confidence,
        reason=reason or f"cue '{cue}', speaker found {found_by}",
        quotes=_quotes(source, start, end, quotes),
    )


def _statements() -> list[Statement]:
    end_war = statement(
        BLINKEN,
        DELHI,
        "“End this war of aggression, and engage in meaningful diplomacy that can produce a "
        "just and lasting peace,” Blinken told Lavrov.",
        "quote",
        ("peace-talks",),
        cue="tell",
        confidence=0.95,
        quotes=(
            "“End this war of aggression, and engage in meaningful diplomacy that can produce "
            "a just and lasting peace,”",
        ),
    )
    also_in = statement(
        BLINKEN,
        COUNTERPART,
        "Blinken later spoke of the discussion at a press conference, saying that he had asked "
        "Lavrov to “End this war of aggression, engage in meaningful diplomacy that can "
        "produce a just and durable peace,” per AP News.",
        "mixed",
        ("peace-talks",),
        cue="say",
    )
    end_war = replace(
        end_war,
        reports=(
            Report(
                also_in.source,
                also_in.start,
                also_in.end,
                also_in.text,
                also_in.kind,
                also_in.cue,
                also_in.via,
                also_in.confidence,
                also_in.reason,
            ),
        ),
    )
    return [
        statement(
            BLINKEN,
            COUNTERPART,
            "Although the conference failed to reach a complete consensus, Blinken deemed the "
            "meeting as productive, per AP News.",
            "reported",
            (OTHER_TOPIC,),
            cue="deem",
            confidence=0.7,
        ),
        statement(
            BLINKEN,
            OSCE,
            "He directly accused Russia of fueling the conflict in Ukraine, pointing fingers at "
            "Moscow's support for separatist movements and its annexation of Crimea.",
            "reported",
            ("crimea",),
            cue="accuse",
            via="pronoun",
            confidence=0.78,
        ),
        statement(
            BLINKEN,
            OSCE,
            "Furthermore, Blinken addressed the issue of human rights violations in Crimea, "
            "accusing Russia of suppressing dissent and persecuting ethnic minorities.",
            "reported",
            ("crimea",),
            cue="accuse",
        ),
        statement(
            BLINKEN,
            OSCE,
            "He warned that further escalation of the conflict would have serious consequences "
            "for Russia, including additional sanctions and international isolation.",
            "reported",
            ("escalation", "sanctions"),
            cue="warn",
            via="pronoun",
            confidence=0.8,
        ),
        statement(
            LAVROV,
            OSCE,
            "Lavrov defended Russia's annexation of Crimea, arguing that it was a result of a "
            "legitimate referendum in which the people of Crimea freely expressed their desire "
            "to join Russia.",
            "reported",
            ("crimea",),
            cue="defend",
            confidence=0.92,
        ),
        statement(
            LAVROV,
            OSCE,
            "He warned against any further escalation of the conflict, arguing that it would "
            "have catastrophic consequences for the region.",
            "reported",
            ("escalation",),
            cue="warn",
            via="pronoun",
            confidence=0.45,
            reason="cue 'warn', pronoun 'He' resolved to the speaker two sentences back",
        ),
        statement(
            BLINKEN,
            FLEETING,
            "Blinken has recalled that such an agreement stipulates “verifiable limits.” for "
            "the two powers in terms of nuclear arsenal.",
            "mixed",
            ("new-start",),
            cue="recall",
            quotes=("“verifiable limits.”",),
        ),
        end_war,
        statement(
            BLINKEN,
            DELHI,
            "Blinken also urged Russia to reverse its “irresponsible decision and return to” "
            "participation in the New START nuclear treaty.",
            "mixed",
            ("new-start",),
            cue="urge",
            quotes=("“irresponsible decision and return to”",),
        ),
        statement(
            BLINKEN,
            DELHI,
            "He added that “no matter what happens in the world, in our relationship, the "
            "United States is always ready to engage and act on strategic arms control, just "
            "as the United States and the Soviet Union did even at the height of the Cold War.”",
            "mixed",
            ("new-start",),
            cue="add",
            via="pronoun",
            confidence=0.85,
            quotes=(
                "“no matter what happens in the world, in our relationship, the United States "
                "is always ready to engage and act on strategic arms control, just as the "
                "United States and the Soviet Union did even at the height of the Cold War.”",
            ),
        ),
        statement(
            BLINKEN,
            DELHI,
            "Blinken also urged Moscow to release the detained American Paul Whelan and said, "
            "“The United States has made a serious proposal. Russia should take it.”",
            "mixed",
            ("detained-americans",),
            cue="urge",
            quotes=("“The United States has made a serious proposal. Russia should take it.”",),
        ),
        statement(
            LAVROV,
            DELHI,
            "However, he brushed off Western claims about Russia’s isolation, saying, “We do "
            "not feel isolated. It is the West that has isolated itself, and it will eventually "
            "realize that.”",
            "mixed",
            ("sanctions",),
            cue="say",
            via="pronoun",
            confidence=0.8,
            quotes=(
                "“We do not feel isolated. It is the West that has isolated itself, and it will "
                "eventually realize that.”",
            ),
        ),
        statement(
            LAVROV,
            DELHI,
            "He said Russia remains open to talks on ending the conflict in Ukraine, but "
            "accused the West of actively blocking such discussions.",
            "reported",
            ("peace-talks",),
            cue="say",
            via="pronoun",
            confidence=0.82,
        ),
        statement(
            LAVROV,
            DELHI,
            "“They invite us for talks, but I don’t remember any Western colleague calling "
            "Ukraine for talks,” he said.",
            "quote",
            ("peace-talks",),
            cue="say",
            via="pronoun",
            confidence=0.85,
            quotes=(
                "“They invite us for talks, but I don’t remember any Western colleague calling "
                "Ukraine for talks,”",
            ),
        ),
        statement(
            LAVROV,
            DELHI,
            "“Our Western colleagues have lost their restraint, forgotten their morals, put "
            "diplomacy aside and turned exclusively to blackmail and threats,” he said.",
            "quote",
            ("peace-talks", "sanctions"),
            cue="say",
            via="pronoun",
            confidence=0.85,
            quotes=(
                "“Our Western colleagues have lost their restraint, forgotten their morals, put "
                "diplomacy aside and turned exclusively to blackmail and threats,”",
            ),
        ),
        statement(
            BLINKEN,
            MALTA,
            "He said, “Let’s talk about escalation. Let’s talk about the introduction of North "
            "Korean forces into Europe. Let’s talk about the use of intermediate-range ballistic "
            "missiles to attack Ukraine. Let’s talk about lowering the threshold for the use of "
            "nuclear weapons by Russia. Let’s talk about the ongoing assault on Ukraine’s energy "
            "infrastructure, including its nuclear transmission grid, which poses a grave threat "
            "to every single country in this room. That is escalation.”",
            "quote",
            ("escalation",),
            cue="say",
            via="pronoun",
            confidence=0.88,
            quotes=(
                "“Let’s talk about escalation. Let’s talk about the introduction of North Korean "
                "forces into Europe. Let’s talk about the use of intermediate-range ballistic "
                "missiles to attack Ukraine. Let’s talk about lowering the threshold for the use "
                "of nuclear weapons by Russia. Let’s talk about the ongoing assault on Ukraine’s "
                "energy infrastructure, including its nuclear transmission grid, which poses a "
                "grave threat to every single country in this room. That is escalation.”",
            ),
        ),
        statement(
            LAVROV,
            MALTA,
            "He said, “After the Afghan disgrace, there was a need for a new common enemy. The "
            "result is the reincarnation of the Cold War, but now with the far greater risk of "
            "its escalation into the hot phase.”",
            "quote",
            ("escalation",),
            cue="say",
            via="pronoun",
            confidence=0.88,
            quotes=(
                "“After the Afghan disgrace, there was a need for a new common enemy. The result "
                "is the reincarnation of the Cold War, but now with the far greater risk of its "
                "escalation into the hot phase.”",
            ),
        ),
        statement(
            LAVROV,
            MALTA,
            "He claimed that the United States’ actions were motivated by a desire to “return "
            "NATO to the political spotlight” and said that Western support for Ukraine was "
            "fueling risks of a larger war.",
            "mixed",
            (OTHER_TOPIC,),
            cue="claim",
            via="pronoun",
            confidence=0.86,
            quotes=("“return NATO to the political spotlight”",),
        ),
    ]


def fixture_debate() -> Debate:
    """The test debate: seven topics plus Other, one-sided and empty topics included."""
    return Debate(
        name="Blinken vs Lavrov",
        corpus=str(CORPUS),
        speakers=(BLINKEN, LAVROV),
        topics=TOPICS,
        articles=list(ARTICLES),
        statements=_statements(),
        warnings=[],
    )


def empty_debate(corpus: Path) -> Debate:
    """A corpus folder with no usable article in it."""
    return Debate(
        name="Blinken vs Lavrov",
        corpus=str(corpus),
        speakers=(BLINKEN, LAVROV),
        topics=TOPICS,
        articles=[],
        statements=[],
        warnings=[],
    )


def large_debate(rows: int) -> Debate:
    """The fixture's sentences repeated until one topic holds `rows` rows: a load test."""
    base = fixture_debate()
    statements: list[Statement] = []
    originals = [st for st in base.statements if st.speaker in (BLINKEN.id, LAVROV.id)]
    for index in range(rows * 2):
        original = originals[index % len(originals)]
        statements.append(replace(original, topics=("crimea",), occasion=f"Occasion {index // 6}"))
    return replace(base, statements=statements)


def screen_text(app: object) -> str:
    """The characters on the app's current screen, one line per terminal row."""
    from textual.app import App

    assert isinstance(app, App)
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def cell_style(app: object, x: int, y: int) -> object:
    """The Rich style of the character at column x, row y of the current screen."""
    from textual.app import App

    assert isinstance(app, App)
    strip = app.screen._compositor.render_strips()[y]
    column = 0
    for segment in strip:
        if column <= x < column + len(segment.text):
            return segment.style
        column += len(segment.text)
    raise IndexError((x, y))


async def wait_for(pilot: Pilot[Any], condition: Callable[[], bool], tries: int = 1200) -> None:
    """Poll until the condition holds (a cold parse takes a while on a busy machine)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the reader never reached the expected state")
