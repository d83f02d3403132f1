"""The reader driven with Pilot: every key, the mouse, and the states a user can meet."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Input
from tui_fixtures import (
    EMPTY_TOPIC,
    ONE_SIDED_TOPIC,
    TOPICS,
    cell_style,
    empty_debate,
    fixture_debate,
    large_debate,
    screen_text,
)

from debate_tui.model import Debate
from debate_tui.tui.app import DebateApp
from debate_tui.tui.screens.goto import GotoScreen as Goto
from debate_tui.tui.screens.help import HelpScreen
from debate_tui.tui.screens.reader import ReaderScreen
from debate_tui.tui.screens.source import SourceScreen
from debate_tui.tui.screens.warnings import WarningsScreen as Warnings
from debate_tui.tui.widgets.key_bar import KeyBar
from debate_tui.tui.widgets.pairing import EmptyCell, PairingView, PairReason, PairRow
from debate_tui.tui.widgets.statement_card import StatementCard
from debate_tui.tui.widgets.topic_list import TopicList

WIDE = (120, 40)
SMALL = (80, 24)


def reader(app: DebateApp) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen), f"expected the reader, got {screen!r}"
    return screen


def topic_id(app: DebateApp) -> str:
    return reader(app).topic.id


def selected(app: DebateApp) -> StatementCard | None:
    return reader(app).query_one(PairingView).selected


def selected_text(app: DebateApp) -> str:
    card = selected(app)
    assert card is not None, "no statement is selected"
    return card.statement.text


async def settle(app: DebateApp) -> None:
    """Let key handlers, mounts, refresh callbacks and workers finish."""
    pilot = Pilot(app)
    for _ in range(2):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


def make_app(debate: Debate | None = None) -> DebateApp:
    return DebateApp(debate=debate or fixture_debate())


def topic_list_rows(app: DebateApp) -> list[str]:
    """The text of the topic list as the terminal shows it, one string per row."""
    region = reader(app).query_one(TopicList).region
    rows = screen_text(app).splitlines()[region.y : region.bottom]
    return [row[region.x : region.right] for row in rows]


def topic_list_point(app: DebateApp, label: str) -> tuple[int, int]:
    """A screen point on the topic list's line that shows `label`, for clicks and hovers."""
    region = reader(app).query_one(TopicList).region
    y = next(y for y, row in enumerate(topic_list_rows(app)) if label in row)
    return region.x + 6, region.y + y


@pytest.fixture(autouse=True)
def _work_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Exports go to the current folder: keep them out of the checkout."""
    monkeypatch.chdir(tmp_path)


# ----------------------------------------------------------------------------- layout


async def test_the_first_frame_is_the_full_screen() -> None:
    """A warm start opens on a full screen: the first topic's cards and the key line are
    in the very first frame drawn, not a few frames after an empty pairing or bar."""
    app = make_app()
    frames: list[tuple[int, str]] = []
    display = app._display

    def spy(screen: object, renderable: object) -> None:
        display(screen, renderable)  # type: ignore[arg-type]
        if isinstance(screen, ReaderScreen) and renderable is not None:
            cards = sum(1 for card in screen.query(StatementCard) if card.region.area)
            bar = screen.query_one(KeyBar)
            frames.append((cards, str(bar.render()) if bar.region.area else ""))

    app._display = spy  # type: ignore[method-assign]
    async with app.run_test(size=WIDE):
        await settle(app)
    assert frames, "the reader drew nothing"
    cards, keys = frames[0]
    assert cards > 0, f"cards per frame: {frames[:5]}"
    assert "Quit" in keys and "Topic" in keys, f"key line of the first frame: {keys!r}"


@pytest.mark.parametrize(("size", "topics_shown"), [(WIDE, True), (SMALL, False)])
async def test_the_first_frame_has_the_layout_of_the_terminal_size(
    size: tuple[int, int], topics_shown: bool
) -> None:
    """The size classes (-wide, -narrow, ...) are on the screen before it is first drawn:
    a wide terminal opens with the topic list, a narrow one without, from the first frame."""
    app = make_app()
    frames: list[bool] = []
    display = app._display

    def spy(screen: object, renderable: object) -> None:
        display(screen, renderable)  # type: ignore[arg-type]
        if isinstance(screen, ReaderScreen) and renderable is not None:
            frames.append(bool(screen.query_one(TopicList).region.area))

    app._display = spy  # type: ignore[method-assign]
    async with app.run_test(size=size):
        await settle(app)
        assert frames, "the reader drew nothing"
        assert frames[0] is topics_shown
        assert ("Topics" in screen_text(app).splitlines()[1]) is topics_shown


async def test_the_layout_follows_the_terminal_across_the_width_breakpoint() -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(app)
        topics = reader(app).query_one(TopicList)
        assert not topics.region.area
        await pilot.resize_terminal(*WIDE)
        await settle(app)
        assert topics.region.area, "widened: the topic list appears"
        assert any("Crimea" in row for row in topic_list_rows(app))
        await pilot.resize_terminal(*SMALL)
        await settle(app)
        assert not topics.region.area, "narrowed again: it folds away"


async def test_the_collector_paused_for_start_up_runs_again_once_the_reader_is_drawn() -> None:
    """run_reader pauses garbage collection while the first screen is built; a reader left
    open for hours must not run without it."""
    gc.disable()
    try:
        app = make_app()
        async with app.run_test(size=SMALL):
            await settle(app)
            assert gc.isenabled()
    finally:
        gc.enable()


async def test_clicking_a_key_in_the_key_line_presses_it() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        first = topic_id(app)
        bottom = screen_text(app).splitlines()[-1]
        await pilot.click(offset=(bottom.index(" n ") + 1, len(screen_text(app).splitlines()) - 1))
        await settle(app)
        assert topic_id(app) != first, "clicking n moved to the next topic"
        bottom = screen_text(app).splitlines()[-1]
        await pilot.click(offset=(bottom.index(" ? ") + 1, len(screen_text(app).splitlines()) - 1))
        await settle(app)
        assert isinstance(app.screen, HelpScreen)


async def test_wide_layout_shows_topics_columns_header_and_footer() -> None:
    app = make_app()
    async with app.run_test(size=WIDE):
        await settle(app)
        text = screen_text(app)
        # Header: corpus name and counts.
        assert "Blinken vs Lavrov" in text
        assert "corpus/" in text
        assert "5 articles, 18 statements (Blinken 10, Lavrov 8)" in text
        # Topic list with per-speaker counts.
        assert reader(app).query_one(TopicList).display
        for topic in TOPICS:
            assert topic.label in text
        assert "Blinken 2 · Lavrov 1" in text  # Crimea
        assert "Blinken 3 · Lavrov 0" in text  # New START
        # Column headings: each speaker's name and role.
        assert "Antony Blinken (2)" in text
        assert "U.S. Secretary of State" in text
        assert "Sergei Lavrov (1)" in text
        assert "Russian Foreign Minister" in text
        # Key line with the main keys.
        for hint in ("Topic", "Source", "Filter", "Export", "Help", "Quit"):
            assert hint in text.splitlines()[-1]


@pytest.mark.parametrize("size", [WIDE, SMALL, (81, 24), (101, 30), (64, 20)])
async def test_each_speaker_heading_starts_where_the_statements_under_it_start(
    size: tuple[int, int],
) -> None:
    app = make_app()
    async with app.run_test(size=size):
        await settle(app)
        row = next(r for r in reader(app).query(PairRow) if len(r.query(StatementCard)) == 2)
        left, right = row.query(StatementCard)
        lines = screen_text(app).splitlines()
        names = next(line for line in lines if "Antony Blinken" in line and "Lavrov (" in line)
        assert names.index("Antony Blinken") == left.content_region.x
        assert names.index("Sergei Lavrov") == right.content_region.x
        roles = next(line for line in lines if "Russian Foreign" in line)
        assert roles.index("Russian Foreign") == right.content_region.x


async def test_statements_of_one_occasion_share_a_row_left_blinken_right_lavrov() -> None:
    app = make_app()
    async with app.run_test(size=WIDE):
        await settle(app)
        rows = list(reader(app).query(PairRow))
        first = rows[0]
        left, right = first.children
        assert isinstance(left, StatementCard) and left.statement.speaker == "blinken"
        assert isinstance(right, StatementCard) and right.statement.speaker == "lavrov"
        assert left.region.y == right.region.y, "a row's cells start on the same line"
        assert left.region.x < right.region.x
        # Both columns live in one scroll: scrolling moves them together.
        view = reader(app).query_one(PairingView)
        assert left.parent is right.parent and first.parent is view


async def test_a_side_that_said_nothing_on_a_topic_says_so_once_not_in_every_row() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press(str([t.id for t in TOPICS].index(ONE_SIDED_TOPIC) + 1))
        await settle(app)
        assert topic_id(app) == ONE_SIDED_TOPIC
        cells = list(reader(app).query(EmptyCell))
        assert len(cells) == 3
        assert all(not str(cell.content).strip() for cell in cells)
        text = screen_text(app)
        assert text.count("Sergei Lavrov said nothing on New START in these articles.") == 1
        assert "Sergei Lavrov (0)" in text


async def test_statements_that_answer_each_other_sit_side_by_side_and_say_why() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press(str([t.id for t in TOPICS].index("escalation") + 1))
        await settle(app)
        view = reader(app).query_one(PairingView)
        paired = [row for row in view.rows if row.left and row.right]
        assert len(paired) == 1
        assert "further escalation of the conflict would" in paired[0].left.text
        assert "warned against any further escalation" in paired[0].right.text
        reasons = [str(r.content) for r in reader(app).query(PairReason)]
        assert len(reasons) == 1 and reasons[0].startswith("↔ both on: consequences")
        assert {"conflict", "escalation"} <= set(reasons[0].replace(",", "").split())
        assert reasons[0] in screen_text(app)


async def test_a_statement_with_no_answer_stands_in_its_own_row() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press(str([t.id for t in TOPICS].index("crimea") + 1))
        await settle(app)
        view = reader(app).query_one(PairingView)
        # Lavrov's defence of the annexation answers Blinken's accusation about it, not
        # Blinken's remark on human rights in Crimea, which stands alone.
        shapes = [
            (row.left.text[:30] if row.left else None, row.right.text[:30] if row.right else None)
            for row in view.rows
        ]
        assert shapes == [
            ("He directly accused Russia of ", "Lavrov defended Russia's annex"),
            ("Furthermore, Blinken addressed", None),
        ]
        assert "No answer from Lavrov here." in screen_text(app)


async def test_card_shows_kind_badge_source_and_quotes_apart() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("3")  # New START: mixed statements with quoted words
        await settle(app)
        card = selected(app)
        assert card is not None
        content = card.content
        plain = str(content)
        assert plain.splitlines()[0].strip() == "mixed"
        assert "First fleeting meeting between the US and Russia" in plain
        # The quoted words carry a style of their own; the reported words do not.
        quote = "“verifiable limits.”"
        start = plain.index(quote)
        styles = {str(span.style) for span in content.spans if span.start <= start < span.end}
        assert any("bold" in style for style in styles)
        reported_at = plain.index("Blinken has recalled")
        styles = {str(s.style) for s in content.spans if s.start <= reported_at < s.end}
        assert not any("bold" in style for style in styles)


async def test_low_confidence_statement_is_marked() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("2")  # Escalation: Lavrov's pronoun-resolved warning is uncertain
        await settle(app)
        cards = [c for c in reader(app).query(StatementCard) if c.statement.low_confidence]
        assert len(cards) == 1
        assert "⚠ low confidence 0.45" in str(cards[0].content)
        sure = [c for c in reader(app).query(StatementCard) if not c.statement.low_confidence]
        assert sure and all("low confidence" not in str(c.content) for c in sure)


async def test_statement_printed_twice_says_so() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("4")
        await settle(app)
        assert "+1 more report" in screen_text(app)


# ----------------------------------------------------------------------------- topics


@pytest.mark.parametrize(
    ("forward", "back"), [("n", "p"), ("right_square_bracket", "left_square_bracket")]
)
async def test_next_and_previous_topic(forward: str, back: str) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        assert topic_id(app) == "crimea"
        await pilot.press(forward)
        await settle(app)
        assert topic_id(app) == "escalation"
        assert "Escalation  topic 2 of 8" in screen_text(app)
        await pilot.press(back, back)
        await settle(app)
        assert topic_id(app) == "other", "previous from the first topic wraps to the last"
        await pilot.press(forward)
        await settle(app)
        assert topic_id(app) == "crimea"


async def test_number_keys_jump_to_the_nth_topic() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        for number, topic in enumerate(fixture_debate().all_topics(), start=1):
            await pilot.press(str(number))
            await settle(app)
            assert topic_id(app) == topic.id
            assert reader(app).query_one(TopicList).current == topic.id
        await pilot.press("9")  # only 8 topics: nothing happens
        await settle(app)
        assert topic_id(app) == "other"


async def test_clicking_a_topic_selects_it() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.click(offset=topic_list_point(app, "Sanctions"))
        await settle(app)
        assert topic_id(app) == "sanctions"
        assert reader(app).query_one(PairingView).has_focus


async def test_topic_with_no_statements_explains_how_to_add_articles() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press(str([t.id for t in TOPICS].index(EMPTY_TOPIC) + 1))
        await settle(app)
        text = " ".join(screen_text(app).split())
        assert "Neither Antony Blinken nor Sergei Lavrov said anything on Minsk agreements" in text
        assert "Add articles that cover it to corpus/" in text
        assert selected(app) is None


async def test_empty_corpus_explains_itself(tmp_path: Path) -> None:
    app = make_app(empty_debate(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        text = " ".join(screen_text(app).split())
        assert "This corpus has no articles yet." in text
        assert "(.txt, .md or .html)" in text
        assert "0 articles, 0 statements" in text
        await pilot.press("n", "j", "enter", "e")  # nothing to act on; nothing breaks
        await settle(app)
        assert isinstance(app.screen, ReaderScreen)


# ----------------------------------------------------------------------------- statements


@pytest.mark.parametrize(("down", "up"), [("j", "k"), ("down", "up")])
async def test_moving_between_statements_in_a_column(down: str, up: str) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        first = selected_text(app)
        assert first.startswith("He directly accused Russia")
        await pilot.press(down)
        await settle(app)
        assert selected_text(app).startswith("Furthermore, Blinken addressed")
        await pilot.press(down)  # the last one: stays
        await settle(app)
        assert selected_text(app).startswith("Furthermore, Blinken addressed")
        await pilot.press(up)
        await settle(app)
        assert selected_text(app) == first
        card = selected(app)
        assert card is not None and card.has_class("-selected")
        assert sum(1 for c in reader(app).query(StatementCard) if c.has_class("-selected")) == 1


@pytest.mark.parametrize(("left", "right"), [("h", "l"), ("left", "right")])
async def test_switching_columns(left: str, right: str) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("j")  # row 2: Lavrov has nothing here
        await settle(app)
        await pilot.press(right)
        await settle(app)
        card = selected(app)
        assert card is not None and card.statement.speaker == "lavrov"
        assert card.row == 0, "the nearest row where Lavrov spoke"
        await pilot.press(left)
        await settle(app)
        card = selected(app)
        assert card is not None and card.statement.speaker == "blinken" and card.row == 0


async def test_home_and_end_reach_the_ends_of_a_column() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("4", "l", "end")
        await settle(app)
        assert selected_text(app).startswith("“They invite us for talks")
        await pilot.press("home")
        await settle(app)
        assert selected_text(app).startswith("“Our Western colleagues")


async def test_selection_scrolls_into_view_in_a_long_topic() -> None:
    app = make_app(large_debate(300))
    async with app.run_test(size=SMALL) as pilot:
        await settle(app)
        view = reader(app).query_one(PairingView)
        assert view.visible_rows >= 300
        assert view.more is not None
        assert "more rows: keep scrolling, or press end" in str(view.more.content)
        for _ in range(50):
            await pilot.press("j")
        await settle(app)
        card = selected(app)
        assert card is not None and card.row >= 50
        assert view.scroll_y > 0
        assert card.region.overlaps(view.region), "the selected card is on screen"
        await pilot.press("end")
        await settle(app)
        card = selected(app)
        assert card is not None and card.row == max(
            i for i, row in enumerate(view.rows) if row.left is not None
        )
        assert card.region.overlaps(view.region)
        assert view.more is None, "every row is mounted once the end is reached"


async def test_scrolling_to_the_bottom_brings_more_rows() -> None:
    app = make_app(large_debate(300))
    async with app.run_test(size=WIDE):
        await settle(app)
        view = reader(app).query_one(PairingView)
        before = view.mounted_rows
        assert before < view.visible_rows
        view.scroll_end(animate=False, immediate=True)
        await settle(app)
        assert view.mounted_rows > before


async def test_a_tall_terminal_is_filled_so_it_can_scroll_for_more() -> None:
    app = make_app(large_debate(300))
    async with app.run_test(size=(120, 150)):
        await settle(app)
        view = reader(app).query_one(PairingView)
        assert view.mounted_rows > view.PAGE_ROWS, "one page does not fill 150 lines"
        assert view.virtual_size.height > view.size.height, "the view can scroll"


async def test_clicking_a_card_selects_it() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        target = next(
            c for c in reader(app).query(StatementCard) if c.statement.speaker == "lavrov"
        )
        await pilot.click(target)
        await settle(app)
        assert selected(app) is target
        assert target.has_class("-selected")


# ----------------------------------------------------------------------------- source view


async def test_enter_opens_the_article_with_the_statement_highlighted() -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(app)
        await pilot.press("j")  # a statement deep inside a long paragraph
        await settle(app)
        statement = selected(app)
        assert statement is not None
        await pilot.press("enter")
        await settle(app)
        screen = app.screen
        assert isinstance(screen, SourceScreen)
        text = screen_text(app)
        assert "Blinken Vs Lavrov: Ukraine Tensions Flare At OSCE Meeting" in text
        assert "blinken-vs-lavrov-osce-meeting.txt" in text
        body = " ".join(text.split())
        assert "cue 'accuse', speaker found by name" in body
        assert screen.highlighted is not None
        # The highlighted words are on screen, and styled apart from the rest.
        assert "Furthermore, Blinken addressed the issue of human rights" in body
        content = screen.highlighted.content
        at = str(content).index("Furthermore, Blinken addressed")
        assert any(s.start <= at < s.end and "reverse" in str(s.style) for s in content.spans)
        await pilot.press("escape")
        await settle(app)
        assert isinstance(app.screen, ReaderScreen)
        assert selected(app) is not None and selected(app).statement == statement.statement  # type: ignore[union-attr]


async def test_source_view_keys_scroll_and_jump_back() -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(app)
        await pilot.press("j", "enter")
        await settle(app)
        article = app.screen.query_one("#article")
        start = article.scroll_y
        assert start > 0, "the statement was scrolled into view"
        await pilot.press("j", "j", "down")
        await settle(app)
        assert article.scroll_y == start + 3
        await pilot.press("k")
        await settle(app)
        assert article.scroll_y == start + 2
        await pilot.press("space")
        await settle(app)
        assert article.scroll_y == start


async def test_r_shows_the_other_article_that_printed_the_statement() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("4", "enter")
        await settle(app)
        screen = app.screen
        assert isinstance(screen, SourceScreen)
        assert "Printed in 2 articles" in screen_text(app)
        assert "g20-new-delhi-high-level-talks.txt" in screen_text(app)
        await pilot.press("r")
        await settle(app)
        text = screen_text(app)
        assert "blinken-meets-russian-counterpart.txt" in text
        assert screen.highlighted is not None
        assert "engage in meaningful diplomacy that can produce a just and durable peace" in str(
            screen.highlighted.content
        )


async def test_source_view_when_the_article_is_gone(tmp_path: Path) -> None:
    debate = fixture_debate()
    debate.corpus = str(tmp_path)  # the statements point to files that are not there
    app = make_app(debate)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("enter")
        await settle(app)
        assert "Cannot open the article." in screen_text(app)
        await pilot.press("escape")
        await settle(app)
        assert isinstance(app.screen, ReaderScreen)


# ----------------------------------------------------------------------------- filter


async def test_filter_narrows_rows_live_and_escape_clears_it() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("4")  # Peace talks: 3 rows
        await settle(app)
        view = reader(app).query_one(PairingView)
        assert view.visible_rows == 3
        await pilot.press("slash")
        await settle(app)
        assert isinstance(app.focused, Input)
        await pilot.press(*"WESTERN")
        await settle(app)
        assert view.visible_rows == 2, "case does not matter"
        assert "filter “WESTERN” 2 of 3 rows" in screen_text(app)
        dimmed = [c for c in reader(app).query(StatementCard) if c.has_class("-unmatched")]
        assert [c.statement.speaker for c in dimmed] == ["blinken"]
        await pilot.press("escape")
        await settle(app)
        assert view.visible_rows == 3
        assert "filter" not in screen_text(app).splitlines()[1]
        assert view.has_focus


async def test_filter_is_plain_text_not_a_pattern() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("slash", *".*")
        await settle(app)
        view = reader(app).query_one(PairingView)
        assert view.visible_rows == 0
        text = " ".join(screen_text(app).split())
        assert "No statement on Crimea contains “.*”" in text
        await pilot.press("escape")
        await pilot.press("4", "slash", *"(talks")
        await settle(app)
        assert view.visible_rows == 0
        await pilot.press(
            "backspace", "backspace", "backspace", "backspace", "backspace", "backspace"
        )
        await pilot.press(*"talks,")  # the comma is part of the match
        await settle(app)
        assert view.visible_rows == 1


async def test_enter_keeps_the_filter_and_escape_in_the_pairing_clears_it() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("slash", *"russia", "enter")
        await settle(app)
        view = reader(app).query_one(PairingView)
        assert view.has_focus
        assert view.visible_rows == 2
        await pilot.press("n")  # the filter follows to the next topic
        await settle(app)
        assert topic_id(app) == "escalation"
        assert "filter “russia”" in screen_text(app)
        await pilot.press("j")  # keys move the selection again, they are not typed
        await settle(app)
        await pilot.press("escape")
        await settle(app)
        assert "filter" not in screen_text(app).splitlines()[1]
        assert view.visible_rows == 3


async def test_letters_typed_in_the_filter_are_text_not_commands() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("slash", *"qnpe?")
        await settle(app)
        assert app.is_running
        assert topic_id(app) == "crimea"
        assert reader(app).query_one("#filter Input", Input).value == "qnpe?"


# ----------------------------------------------------------------------------- export


async def test_export_writes_markdown_here_and_says_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(app)
        await pilot.press("e")
        await settle(app)
        written = tmp_path / "crimea.md"
        assert written.is_file()
        body = written.read_text("utf-8")
        assert "Crimea" in body and "Lavrov defended Russia" in body
        shown = "".join(screen_text(app).replace("▌", " ").split())
        assert "ExportedCrimea" in shown
        assert str(written) in shown, "the full path of the file is on screen"


async def test_export_asks_before_overwriting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "crimea.md"
    target.write_text("my notes\n", "utf-8")
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("e")
        await settle(app)
        assert "already exists" in screen_text(app)
        await pilot.press("n")  # keep it
        await settle(app)
        assert isinstance(app.screen, ReaderScreen)
        assert target.read_text("utf-8") == "my notes\n"
        assert topic_id(app) == "crimea", "the n answered the question, it did not change topic"
        await pilot.press("e")
        await settle(app)
        await pilot.press("y")
        await settle(app)
        assert "Lavrov defended Russia" in target.read_text("utf-8")


async def test_an_export_failure_in_the_reader_gives_advice_the_reader_can_follow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "crimea.md").mkdir()  # a folder where the file should go
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await settle(app)
        await pilot.press("e")
        await settle(app)
        text = toasts_text(app)
        assert "Export failed" in text and "is a folder" in text
        assert "with -o" not in text, "the reader has no command-line option to give"
        assert "another folder" in text
        assert app.is_running, "reported, not raised"


def toasts_text(app: DebateApp) -> str:
    """The words the screen shows inside its toasts, lines joined by spaces (the whole
    screen's rows would interleave a wrapped toast's lines with the cards beside it)."""
    lines = screen_text(app).splitlines()
    cut = [
        lines[y][toast.content_region.x : toast.content_region.right]
        for toast in app.screen.query("Toast")
        for y in range(toast.content_region.y, min(toast.content_region.bottom, len(lines)))
    ]
    return " ".join(" ".join(cut).split())


# ----------------------------------------------------------------------------- help, quit


def shown_on_screen(app: DebateApp, entry: object) -> str:
    """The words the help screen shows where `entry`'s row is drawn, lines joined by
    spaces: empty if that row is off the screen or scrolled out of view."""
    from debate_tui.tui.screens.help import KeyRow

    rows = [row for row in app.screen.query(KeyRow) if row.entry is entry]
    assert len(rows) == 1
    region = rows[0].region
    lines = screen_text(app).splitlines()
    if not region.area or region.bottom > len(lines):
        return ""
    cut = [lines[y][region.x : region.right] for y in range(region.y, region.bottom)]
    return " ".join(" ".join(cut).split())


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_lists_every_key(key: str) -> None:
    from debate_tui.tui import keys

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press(key)
        await settle(app)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        # On a wide terminal the sections stand in two columns, and a long description
        # wraps inside its own column: each key's row is read from its place on screen.
        for entry in keys.ALL_KEYS:
            assert entry.description in shown_on_screen(app, entry), entry.description
        for shown in (
            "n  ]",
            "p  [",
            "1 … 9",
            "j  ↓",
            "k  ↑",
            "h  ←",
            "l  →",
            "enter",
            "/",
            "escape",
            "e",
            "?  f1",
            "q  ctrl+q",
            "ctrl+p",
        ):
            assert shown in text
        await pilot.press(key)
        await settle(app)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press(key, "escape")
        await settle(app)
        assert isinstance(app.screen, ReaderScreen)


def test_every_binding_is_on_the_help_screen() -> None:
    """The help is built from the same table as the bindings, so none can be missing."""
    from debate_tui.tui import keys
    from debate_tui.tui.screens.source import SourceScreen as Source

    documented = {binding.action for entry in keys.ALL_KEYS for binding in entry.bindings}
    documented |= {"close", "app.quit"}  # the help screen's own: close it, or quit as anywhere
    for owner in (DebateApp, ReaderScreen, PairingView, Source, HelpScreen, Goto, Warnings):
        for binding in owner.BINDINGS:
            action = binding.action if hasattr(binding, "action") else binding[1]  # type: ignore[union-attr,index]
            assert action in documented, f"{owner.__name__}: {action} is not on the help screen"


def test_the_go_to_prompt_and_the_warnings_list_have_their_keys_on_the_help_screen() -> None:
    # Key and action both: "close" alone is also the help screen's own action.
    from debate_tui.tui import keys

    documented = {
        (binding.key, binding.action) for entry in keys.ALL_KEYS for binding in entry.bindings
    }
    for owner in (Goto, Warnings):
        for binding in owner.BINDINGS:
            assert isinstance(binding, Binding)
            assert (binding.key, binding.action) in documented, owner.__name__


async def test_the_help_screen_shows_the_go_to_prompt_and_warnings_list_keys() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("question_mark")
        await settle(app)
        text = screen_text(app)
        for shown in (
            "Go-to prompt (g)",
            "Close the prompt without moving",
            "Warnings list (w)",
            "Close the list of warnings",
            "Quit",  # and still everything else on one page
        ):
            assert shown in text


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_quit_keys(key: str) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press(key)
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


@pytest.mark.parametrize(
    ("opened", "key"),
    [
        ("enter", "q"),
        ("enter", "ctrl+q"),
        ("question_mark", "q"),
        ("question_mark", "ctrl+q"),
        ("slash", "ctrl+q"),  # in the filter, q is a letter (see the filter tests)
    ],
)
async def test_quit_keys_work_from_every_screen(opened: str, key: str) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press(opened)
        await settle(app)
        await pilot.press(key)
        await pilot.pause()
        assert not app.is_running


# ----------------------------------------------------------------------------- palette


async def test_command_palette_goes_to_a_topic() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("ctrl+p")
        await settle(app)
        await pilot.press(*"go to topic detained")
        await settle(app)
        assert "Go to topic: Detained Americans" in screen_text(app)
        await pilot.press("enter")
        await settle(app)
        assert topic_id(app) == "detained-americans"


async def test_command_palette_exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.press("ctrl+p")
        await settle(app)
        await pilot.press(*"export pairing")
        await settle(app)
        await pilot.press("enter")
        await settle(app)
        assert (tmp_path / "crimea.md").is_file()


# ----------------------------------------------------------------------------- sizes, themes


async def test_small_terminal_folds_the_topic_list_and_clips_nothing() -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(app)
        screen = reader(app)
        topics = screen.query_one(TopicList)
        assert not topics.display, "the topic list folds away below 100 columns"
        text = screen_text(app)
        assert "Crimea  topic 1 of 8" in text
        assert "Antony Blinken" in text and "Sergei Lavrov" in text
        view = screen.query_one(PairingView)
        assert view.max_scroll_x == 0, "no text runs off to the right"
        for card in screen.query(StatementCard):
            assert card.region.right <= 80
            assert card.content_region.width >= 20
        await pilot.press("t")
        await settle(app)
        assert topics.display and topics.region.width > 0
        assert view.max_scroll_x == 0
        await pilot.press("t")
        await settle(app)
        assert not topics.display


async def test_t_folds_the_topic_list_on_a_wide_terminal() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        topics = reader(app).query_one(TopicList)
        card = selected(app)
        assert card is not None
        narrow_width = card.region.width
        await pilot.press("t")
        await settle(app)
        assert not topics.display
        assert card.region.width > narrow_width, "the columns take the room"
        await pilot.press("t")
        await settle(app)
        assert topics.display


async def test_resizing_down_to_40x12_and_back_never_crashes() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        for keys_before in ([], ["question_mark"], ["escape", "enter"], ["escape", "slash"]):
            await pilot.press(*keys_before)
            await settle(app)
            for size in ((80, 24), (40, 12), (120, 40), (40, 12), (100, 30)):
                await pilot.resize_terminal(*size)
                await settle(app)
                assert app.is_running
                assert screen_text(app).strip()
        await pilot.press("escape", "escape")
        await settle(app)
        await pilot.resize_terminal(40, 12)
        await settle(app)
        await pilot.press("n", "j", "l")
        await settle(app)
        assert selected(app) is not None
        await pilot.resize_terminal(120, 40)
        await settle(app)
        assert "Escalation" in screen_text(app)


async def test_every_theme_renders_including_the_16_colour_ones() -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(app)
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            assert "Crimea" in screen_text(app)


async def test_16_colour_theme_keeps_quotes_and_selection_visible() -> None:
    """In the ANSI theme, quotes are still bold and the selected card still has its bar."""
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        app.theme = "ansi-dark"
        await pilot.press("3")
        await settle(app)
        card = selected(app)
        assert card is not None
        lines = [list(card.render_line(y)) for y in range(card.region.height)]
        quoted = [seg for line in lines for seg in line if "verifiable" in seg.text]
        assert quoted and all(seg.style is not None and seg.style.bold for seg in quoted)
        other = next(c for c in reader(app).query(StatementCard) if c is not card)
        bar = cell_style(app, card.region.x, card.region.y + 1)
        plain_bar = cell_style(app, other.region.x, other.region.y + 1)
        assert bar != plain_bar, "the selected card's bar differs from the others"


# ----------------------------------------------------------------------------- warnings


async def test_warnings_are_shown_not_raised() -> None:
    debate = fixture_debate()
    debate.warnings = [
        "broken.html: HTML could not be parsed (ParserError); save the article as text"
    ]
    app = make_app(debate)
    async with app.run_test(size=WIDE, notifications=True):
        await settle(app)
        text = screen_text(app)
        assert "⚠ 1 warning" in text
        assert "broken.html: HTML could not be parsed" in " ".join(text.split())


async def test_the_topic_list_keeps_the_current_topic_in_view_when_it_must_scroll() -> None:
    app = make_app()
    async with app.run_test(size=(80, 16)) as pilot:
        await settle(app)
        await pilot.press("t")  # a narrow terminal shows the list on demand
        await settle(app)
        topics = reader(app).query_one(TopicList)
        assert topics.max_scroll_y > 0, "the list is taller than the terminal here"
        await pilot.press("p")  # from the first topic back to the last one, "Other"
        await settle(app)
        assert topic_id(app) == "other"
        assert any("Other" in row for row in topic_list_rows(app))
        await pilot.press("n")
        await settle(app)
        assert any("Crimea" in row for row in topic_list_rows(app))


async def test_a_topic_list_taller_than_a_wide_short_terminal_scrolls_beside_its_bar() -> None:
    app = make_app()
    async with app.run_test(size=(110, 16)) as pilot:
        await settle(app)
        topics = reader(app).query_one(TopicList)
        assert topics.max_scroll_y > 0 and topics.show_vertical_scrollbar
        rows = topic_list_rows(app)
        assert all(row[-1] == " " or not row[-1].isalnum() for row in rows), "text under the bar"
        assert any("Crimea" in row for row in rows)
        await pilot.press("p")  # the last topic, below the fold
        await settle(app)
        assert any("Other" in row for row in topic_list_rows(app))
        assert not any("Crimea" in row for row in topic_list_rows(app))


async def test_the_topic_list_takes_the_colours_of_a_new_theme() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        topics = reader(app).query_one(TopicList)

        def colours() -> set[str]:
            return {str(seg.style.bgcolor) for seg in topics.render_line(1) if seg.style}

        before = colours()
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        await settle(app)
        assert colours() != before, "the list kept the old theme's background"


async def test_hovering_a_topic_marks_it_and_leaving_clears_it() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        topics = reader(app).query_one(TopicList)
        x, y = topic_list_point(app, "Sanctions")
        await pilot.hover(offset=(x, y))
        await settle(app)
        assert topics.hover == "sanctions"
        await pilot.hover(offset=(topics.region.right + 20, y))
        await settle(app)
        assert topics.hover is None
