"""The installed `debate-tui` command in a real terminal (tmux): open, next topic, help,
filter, warnings, quit.

CI sets DEBATE_TUI_REQUIRE_TMUX=1 and installs tmux; there a missing tmux is a failure.
Elsewhere the test is skipped when tmux is not installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tui_fixtures import REPO

WIDTH, HEIGHT = 120, 40
POLL = 0.25
COLD_START_LIMIT = 60.0  # seconds: a cold parse of the bundled corpus takes a few
STEP_LIMIT = 15.0


def _tmux() -> str:
    found = shutil.which("tmux")
    if found:
        return found
    if os.environ.get("DEBATE_TUI_REQUIRE_TMUX") == "1":
        pytest.fail("DEBATE_TUI_REQUIRE_TMUX=1 but tmux is not installed; install tmux")
    pytest.skip("tmux is not installed")


class Terminal:
    """One detached tmux session running a command, read through capture-pane."""

    def __init__(self, tmux: str, name: str) -> None:
        self.tmux = tmux
        self.name = name

    def run(self, *args: str) -> str:
        done = subprocess.run(
            [self.tmux, *args], capture_output=True, text=True, timeout=30, check=False
        )
        return done.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.name)

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", self.name, *keys)

    def alive(self) -> bool:
        done = subprocess.run(
            [self.tmux, "has-session", "-t", self.name], capture_output=True, check=False
        )
        return done.returncode == 0

    def wait_for(self, condition: Callable[[str], bool], limit: float, what: str) -> str:
        """Poll the screen until the condition holds; fail with the last screen otherwise."""
        screen = ""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            screen = self.screen()
            if condition(screen):
                return screen
            time.sleep(POLL)
        pytest.fail(f"the terminal never showed {what}; last screen:\n{screen}")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    yield from _terminal(tmp_path)


@pytest.fixture
def warned_terminal(tmp_path: Path) -> Iterator[Terminal]:
    """The bundled articles and one empty file, which the reader warns about."""
    corpus = tmp_path / "articles"
    shutil.copytree(REPO / "corpus", corpus)
    (corpus / "empty.txt").write_text("  \n", "utf-8")
    yield from _terminal(tmp_path, str(corpus))


@pytest.fixture
def small_twice(tmp_path: Path) -> Iterator[Terminal]:
    """An 80x24 terminal that runs the reader twice: a cold start, then a warm one."""
    yield from _terminal(tmp_path, size=(80, 24), runs=2)


def _terminal(
    tmp_path: Path, *args: str, size: tuple[int, int] = (WIDTH, HEIGHT), runs: int = 1
) -> Iterator[Terminal]:
    tmux = _tmux()
    name = f"debate-tui-test-{uuid.uuid4().hex[:8]}"
    command = Path(sys.executable).parent / "debate-tui"
    assert command.is_file(), f"{command} is missing: install the package into this environment"
    # The wrapper keeps the pane open after the app exits, so its last words can be read,
    # and starts a further run only on Enter: a run started at once would cover the
    # previous run's last words with its own screen before a capture could read them.
    # tmux can export COLUMNS=80 LINES=24 into a detached session's pane; a terminal
    # emulator never does, and the app would size itself by them instead of the pane.
    script = tmp_path / "run.sh"
    run = (
        f"DEBATE_TUI_CACHE={tmp_path / 'cache'} TERM=xterm-256color {command} {' '.join(args)}\n"
        'echo "debate-tui exited with $?"\n'
    )
    runs_text = "read -r _\n".join([run] * runs)
    script.write_text(f"#!/bin/sh\nunset COLUMNS LINES\ncd {REPO}\n{runs_text}sleep 600\n", "utf-8")
    script.chmod(0o755)
    subprocess.run(
        [
            tmux,
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            str(size[0]),
            "-y",
            str(size[1]),
            str(script),
        ],
        check=True,
        timeout=30,
    )
    term = Terminal(tmux, name)
    try:
        yield term
    finally:
        term.run("kill-session", "-t", name)


def test_real_terminal_topic_help_quit(terminal: Terminal) -> None:
    screen = terminal.wait_for(
        lambda s: "topic 1 of" in s and "Sergei Lavrov" in s and "Quit" in s,
        COLD_START_LIMIT,
        "the reader on the first topic",
    )
    assert "Blinken vs Lavrov" in screen
    assert "U.S. Secretary of State" in screen
    lines = screen.splitlines()
    assert len(lines) >= HEIGHT and "Quit" in lines[HEIGHT - 1], "the reader fills the terminal"
    first_topic = next(line for line in screen.splitlines() if "topic 1 of" in line)

    terminal.keys("n")
    screen = terminal.wait_for(
        lambda s: "topic 2 of" in s and "Quit" in s, STEP_LIMIT, "the second topic"
    )
    assert first_topic not in screen

    terminal.keys("?")
    # Wait for the whole panel: a capture can land between two halves of a redraw.
    screen = terminal.wait_for(
        lambda s: "debate-tui keys" in s and "Next topic" in s and "escape to close" in s,
        STEP_LIMIT,
        "the help screen",
    )
    assert "Previous topic" in screen

    terminal.keys("q")
    screen = terminal.wait_for(
        lambda s: "debate-tui exited with" in s, STEP_LIMIT, "the app quitting"
    )
    assert "debate-tui exited with 0" in screen
    assert "Traceback" not in screen


def test_real_terminal_filter_and_warnings(warned_terminal: Terminal) -> None:
    terminal = warned_terminal
    screen = terminal.wait_for(
        lambda s: "topic 1 of" in s and "⚠ 1 warning" in s and "Quit" in s,
        COLD_START_LIMIT,
        "the reader with its warning count",
    )

    terminal.keys("/")
    terminal.wait_for(lambda s: "enter keeps it" in s, STEP_LIMIT, "the filter bar")
    terminal.keys("-l", "Malta")  # literally: the letters, not key names
    screen = terminal.wait_for(
        lambda s: "filter “Malta”" in s and "matching row" in s,
        STEP_LIMIT,
        "the filter and each topic's matches",
    )
    terminal.keys("Enter")  # keep it: keys move through the pairing again
    terminal.wait_for(lambda s: "n p Topic" in s, STEP_LIMIT, "the reader's keys again")
    terminal.keys("3")  # Escalation, where Malta's remarks are
    screen = terminal.wait_for(
        lambda s: "topic 3 of" in s and "31st OSCE ministerial meeting, Malta" in s,
        STEP_LIMIT,
        "the Malta rows of Escalation",
    )
    assert "◆ OSCE meeting" not in screen, "rows of other occasions are filtered out"
    terminal.keys("Escape")
    terminal.wait_for(lambda s: "filter “" not in s, STEP_LIMIT, "the filter cleared")

    terminal.keys("w")
    screen = terminal.wait_for(
        lambda s: "⚠ 1 warning" in s and "empty.txt" in s and "escape to close" in s,
        STEP_LIMIT,
        "the list of warnings",
    )
    terminal.keys("Escape")
    terminal.wait_for(lambda s: "escape to close" not in s, STEP_LIMIT, "the reader again")
    terminal.keys("q")
    screen = terminal.wait_for(
        lambda s: "debate-tui exited with" in s, STEP_LIMIT, "the app quitting"
    )
    assert "debate-tui exited with 0" in screen and "Traceback" not in screen


def test_a_warm_start_at_80x24_has_no_blank_line_and_counts_that_never_wrap(
    small_twice: Terminal,
) -> None:
    terminal = small_twice
    terminal.wait_for(lambda s: "topic 1 of" in s and "Quit" in s, COLD_START_LIMIT, "a cold start")
    _quit(terminal, ended=1)
    terminal.keys("Enter")  # the warm run
    # A capture can land between two halves of a redraw: each check waits for a screen
    # that passes it (a blank line that stays, or counts that wrap, never do).
    screen = terminal.wait_for(
        lambda s: "exited" not in s and _topic_line_under_header(s),
        COLD_START_LIMIT,
        "the warm start with the topic line right under the header",
    )
    assert "Blinken vs Lavrov" in screen.splitlines()[0]
    terminal.keys("t")
    terminal.wait_for(_counts_on_one_line, STEP_LIMIT, "the topic list with one-line counts")
    _quit(terminal, ended=2)


def _quit(terminal: Terminal, ended: int) -> None:
    """q, and the run's last words on the screen: `ended` runs have exited with 0."""
    terminal.keys("q")
    terminal.wait_for(lambda s: s.count("exited with 0") == ended, STEP_LIMIT, "the run ending")


def _topic_line_under_header(screen: str) -> bool:
    lines = screen.splitlines()
    return len(lines) > 1 and "topic 1 of" in lines[1] and "Quit" in screen


def _counts_on_one_line(screen: str) -> bool:
    lines = screen.splitlines()
    if not any(line.startswith("    Topics") for line in lines):
        return False
    counts = [line[:24] for line in lines[2:-1] if "·" in line[:24]]
    return bool(counts) and all(
        line.count("·") == 1 and line.rstrip()[-1:].isdigit() for line in counts
    )


def test_missing_tmux_fails_in_ci_and_skips_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    monkeypatch.setenv("DEBATE_TUI_REQUIRE_TMUX", "1")
    with pytest.raises(pytest.fail.Exception, match="tmux is not installed"):
        _tmux()
    monkeypatch.delenv("DEBATE_TUI_REQUIRE_TMUX")
    with pytest.raises(pytest.skip.Exception):
        _tmux()
