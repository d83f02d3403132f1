"""Text from outside is shown, never obeyed: no markup, no escape codes, no bidi tricks.

Names, titles, debate names, warnings and article text that hold Rich markup (`[/bold]`),
terminal controls (ESC, CSI, OSC, BEL, C1) or bidi overrides reach the user literally, as
visible characters, in the table output, the CLI's warnings, the reader and the exports.
Everything here is SYNTHETIC: invented names and sentences.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from tui_fixtures import TOPICS, fixture_debate, screen_text

from debate_tui.config import default_config
from debate_tui.export import debate_json, pairing_markdown
from debate_tui.model import Debate, Statement, TopicSpec
from debate_tui.safe_text import json_safe, visible
from debate_tui.tui.app import DebateApp
from debate_tui.tui.screens.source import SourceScreen

OSC_TITLE = "\x1b]0;owned\x07"  # would retitle the terminal window
CSI_RED = "\x1b[31m"  # would turn the terminal red
C1_CSI = "\x9b2J"  # the 8-bit CSI: would clear the screen on some terminals
RLO = "\u202e"  # right-to-left override: reorders what the eye sees
MARKUP = "[/bold][red]"
RAW_CONTROLS = ("\x1b", "\x07", "\x9b", RLO)


def assert_no_raw_controls(text: str) -> None:
    for char in RAW_CONTROLS:
        assert char not in text, f"{char!r} reached the output raw"


# --- the module ------------------------------------------------------------------------------


def test_visible_turns_every_control_into_one_visible_character() -> None:
    text = f"a{OSC_TITLE}b{CSI_RED}c{C1_CSI}d{RLO}e\x7ff\tg\nh\r"
    shown = visible(text)
    assert len(shown) == len(text)  # offsets into the original stay exact
    assert shown == "a␛]0;owned␇b␛[31mc\ufffd2Jd\ufffde␡f\tg\nh␍"
    assert visible("tab\tnew\nline", one_line=True) == "tab␉new␊line"
    assert visible("plain text") == "plain text"


def test_json_safe_escapes_c1_and_bidi_but_keeps_the_data() -> None:
    data = {"text": f"x{C1_CSI}{RLO}y\x1b"}
    dumped = json_safe(json.dumps(data, ensure_ascii=False))
    assert_no_raw_controls(dumped)
    assert json.loads(dumped) == data


# --- the command line --------------------------------------------------------------------------

ARTICLE = (
    "Talks in Vienna\n"
    f"Secretary of State Antony Blinken said the talks {OSC_TITLE}{CSI_RED}[/bold] {RLO}failed "
    "and that the sanctions on Crimea would stay.\n"
)


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "debate_tui", *args],
        cwd=cwd,
        env={**os.environ, "COLUMNS": "200"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def hostile_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "vienna.txt").write_text(ARTICLE, "utf-8")
    (corpus / "x[").mkdir()  # the file x[/bold].txt: a folder "x[" holding "bold].txt"
    (corpus / "x[/bold].txt").write_bytes(b"\x00\x01binary" * 50)
    return corpus


def test_a_file_name_with_markup_is_warned_about_literally(hostile_corpus: Path) -> None:
    result = run_cli("topics", str(hostile_corpus), cwd=hostile_corpus.parent)
    assert result.returncode == 0, result.stderr
    assert "warning: x[/bold].txt: looks binary, skipped" in result.stderr


def test_the_table_shows_control_characters_as_visible_escapes(hostile_corpus: Path) -> None:
    result = run_cli("parse", str(hostile_corpus), "--format", "table", cwd=hostile_corpus.parent)
    assert result.returncode == 0, result.stderr
    assert_no_raw_controls(result.stdout)
    assert "␛]0;owned␇" in result.stdout
    assert "[/bold]" in result.stdout


def test_json_lines_keep_the_exact_text_and_write_no_raw_control(hostile_corpus: Path) -> None:
    result = run_cli("parse", str(hostile_corpus), cwd=hostile_corpus.parent)
    assert result.returncode == 0, result.stderr
    assert_no_raw_controls(result.stdout)
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    text = (hostile_corpus / "vienna.txt").read_text("utf-8")
    assert record["text"] == text[record["start"] : record["end"]]
    assert OSC_TITLE in record["text"] and RLO in record["text"]


def test_an_error_naming_a_hostile_path_is_shown_literally(tmp_path: Path) -> None:
    missing = tmp_path / f"no{CSI_RED}[/x]"
    result = run_cli("topics", str(missing), cwd=tmp_path)
    assert result.returncode == 2
    assert_no_raw_controls(result.stderr)
    assert "no␛[31m[/x]: no such corpus folder" in result.stderr


# --- exports --------------------------------------------------------------------------------


def hostile_debate() -> Debate:
    base = fixture_debate()
    first = base.statements[0]
    text = f"{OSC_TITLE}{RLO}{MARKUP} {first.text}"
    hostile = replace(first, text=text, end=first.start + len(text), quotes=())
    return replace(
        base,
        name=f"Debate {MARKUP}{CSI_RED}",
        statements=[hostile, *base.statements[1:]],
    )


def test_markdown_export_neutralises_controls_and_bidi_overrides() -> None:
    debate = hostile_debate()
    topic = debate.statements[0].topics[0]
    markdown = pairing_markdown(debate, topic)
    assert_no_raw_controls(markdown)


def test_json_export_keeps_the_text_but_writes_no_raw_control() -> None:
    from debate_tui.export import dumps_json

    debate = hostile_debate()
    dumped = dumps_json(debate_json(debate))
    assert_no_raw_controls(dumped)
    texts = [
        cell["text"]
        for pairing in json.loads(dumped)["pairings"]
        for row in pairing["rows"]
        for cell in (row["left"], row["right"])
        if cell
    ]
    assert debate.statements[0].text in texts


# --- the reader -------------------------------------------------------------------------------


async def test_the_reader_shows_hostile_names_and_text_literally(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus[red]x[bold]"
    corpus.mkdir()
    debate = hostile_debate()
    debate = replace(
        debate,
        corpus=str(corpus),
        topics=(TopicSpec(TOPICS[0].id, f"Crimea {MARKUP}{CSI_RED}", TOPICS[0].terms), *TOPICS[1:]),
        warnings=[f"x{MARKUP}.txt: looks binary, skipped {CSI_RED}"],
    )
    topic = debate.statements[0].topics[0]
    app = DebateApp(debate=debate)
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await pilot.pause()
        app.screen.select_topic(topic)  # type: ignore[attr-defined]
        await pilot.pause()
        text = screen_text(app)
        assert_no_raw_controls(text)
        assert f"Debate {MARKUP}␛[31m" in text
        assert "corpus[red]x[bold]/" in text
        assert "␛]0;owned␇" in text
        assert f"x{MARKUP}.txt: looks binary" in " ".join(text.split())
        assert app.is_running


ARTICLE_IN_READER = f"Headline\nBlinken said the talks {OSC_TITLE}[/bold] {RLO}failed.\n"


async def test_the_article_view_shows_controls_visibly_and_highlights_exactly(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a[").mkdir()
    (corpus / "a[/x].txt").write_text(ARTICLE_IN_READER, "utf-8")
    start = ARTICLE_IN_READER.index("Blinken")
    end = ARTICLE_IN_READER.index("failed.") + len("failed.")
    config = default_config()
    statement = Statement(
        speaker="blinken",
        text=ARTICLE_IN_READER[start:end],
        kind="reported",
        topics=("other",),
        source="a[/x].txt",
        start=start,
        end=end,
        paragraph=1,
        cue="say",
        via="name",
        confidence=0.9,
        reason=f"cue 'say' {MARKUP}",
    )
    from debate_tui.model import ArticleMeta

    debate = Debate(
        name="Test",
        corpus=str(corpus),
        speakers=config.speakers,
        topics=config.topics,
        articles=[ArticleMeta("a[/x].txt", f"Title {OSC_TITLE}[/x]")],
        statements=[statement],
    )
    app = DebateApp(debate=debate)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        app.screen.select_topic("other")  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause(0.05)
            if "failed." in screen_text(app) and isinstance(app.screen, SourceScreen):
                break
        screen = app.screen
        assert isinstance(screen, SourceScreen)
        assert screen.span == (start, end)  # offsets into the original text are exact
        text = screen_text(app)
        assert_no_raw_controls(text)
        assert "␛]0;owned␇[/bold]" in text
        assert "Title ␛]0;owned␇[/x]" in text


async def test_the_loading_screen_and_its_toasts_show_names_literally(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from debate_tui import build

    release = threading.Event()

    def slow_build(corpus: Path, config: object, **kwargs: object) -> Debate:
        kwargs["warn"](f"x{MARKUP}.txt: looks binary, skipped {CSI_RED}")  # type: ignore[operator]
        kwargs["progress"](1, 2, f"a{MARKUP}{OSC_TITLE}.txt")  # type: ignore[operator]
        release.wait(10)
        return fixture_debate()

    monkeypatch.setattr(build, "build_debate", slow_build)
    corpus = tmp_path / "corpus[red]x[bold]"
    corpus.mkdir()
    config = replace(default_config(), name=f"Debate {MARKUP}")
    app = DebateApp(corpus, config, use_cache=False)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if "1 of 2" in screen_text(app) and "looks binary" in screen_text(app):
                break
        text = " ".join(screen_text(app).split())
        release.set()
        assert_no_raw_controls(text)
        assert f"Reading Debate {MARKUP} from corpus[red]x[bold]/" in text
        assert f"(last: a{MARKUP}␛]0;owned␇.txt)" in text
        assert f"x{MARKUP}.txt: looks binary, skipped ␛[31m" in text
