"""The start-up tricks (debate_tui/tui/startup.py): each does what it claims, and each can
be switched off for measuring (benchmarks/tricks.py prints what each is worth)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_tui_reader import SMALL, make_app, settle

from debate_tui.tui import startup
from debate_tui.tui.screens.reader import ReaderScreen


def count_restyles(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    original = ReaderScreen.update_node_styles

    def counted(self: ReaderScreen, animate: bool = True) -> None:
        calls.append(1)
        original(self, animate)

    monkeypatch.setattr(ReaderScreen, "update_node_styles", counted)
    return calls


async def test_the_reader_is_not_restyled_when_first_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = count_restyles(monkeypatch)
    app = make_app()
    async with app.run_test(size=SMALL):
        await settle(app)
        assert calls == []


async def test_with_the_restyle_trick_off_the_reader_is_restyled_once_more(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(startup, "_OFF", frozenset({"restyle"}))
    calls = count_restyles(monkeypatch)
    app = make_app()
    async with app.run_test(size=SMALL):
        await settle(app)
        assert len(calls) == 1


async def test_size_classes_are_taken_when_the_screen_is_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app()
    async with app.run_test(size=SMALL):
        await settle(app)
        built = ReaderScreen(app.debate)  # type: ignore[arg-type]
        assert {"-narrow", "-tall"} <= built.classes
        monkeypatch.setattr(startup, "_OFF", frozenset({"size-classes"}))
        assert not {"-narrow", "-tall"} & ReaderScreen(app.debate).classes  # type: ignore[arg-type]


def test_the_collector_is_paused_and_resumed_and_can_be_left_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    try:
        startup.pause_collector()
        assert not gc.isenabled()
        startup.resume_collector()
        assert gc.isenabled()
        monkeypatch.setattr(startup, "_OFF", frozenset({"gc"}))
        startup.pause_collector()
        assert gc.isenabled()
    finally:
        gc.enable()


def test_every_trick_can_be_named_to_switch_it_off() -> None:
    assert set(startup.TRICKS) == {"gc", "size-classes", "restyle"}
    assert all(startup.enabled(trick) for trick in startup.TRICKS)


def collector_state_when_textual_is_imported(*off: str) -> str:
    """`debate-tui read` in a fresh interpreter, stopped the moment Textual is first
    imported: is the cyclic collector running then?"""
    corpus = Path(__file__).parent / "fixtures"
    probe = (
        "import gc, sys\n"
        "class Spy:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'textual':\n"
        "            print('collector', 'on' if gc.isenabled() else 'off', flush=True)\n"
        "            raise SystemExit(0)\n"
        "sys.meta_path.insert(0, Spy())\n"
        "from debate_tui import cli\n"
        f"cli.main(['read', {str(corpus)!r}])\n"
    )
    env = {**os.environ, "DEBATE_TUI_TRICKS_OFF": ",".join(off)}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60
    )
    return result.stdout.strip()


def test_the_collector_is_paused_while_the_reader_imports_textual() -> None:
    assert collector_state_when_textual_is_imported() == "collector off"
    assert collector_state_when_textual_is_imported("gc") == "collector on"


def test_the_collector_runs_again_when_the_reader_could_not_be_imported(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import builtins

    from debate_tui import cli

    real_import = builtins.__import__

    def failing(name: str, *args: object, **kwargs: object) -> object:
        if name == "debate_tui.tui.app":
            assert not gc.isenabled()
            raise ImportError("no reader here")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", failing)
    try:
        with pytest.raises(ImportError):
            cli.main(["read", str(tmp_path)])
        assert gc.isenabled()
    finally:
        gc.enable()
