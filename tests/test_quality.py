"""Lint, types and import hygiene, checked with the tools installed beside this interpreter."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

LIGHT_MODULES = (
    "debate_tui.model",
    "debate_tui.export",
    "debate_tui.config",
    "debate_tui.corpus",
    "debate_tui.cache",
    "debate_tui.build",
)
HEAVY_PACKAGES = ("spacy", "textual")


def tool(name: str) -> list[str]:
    """The tool's script beside the interpreter, else the same tool run as a module."""
    script = BIN / name
    return [str(script)] if script.exists() else [sys.executable, "-m", name]


def run_tool(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing() -> None:
    paths = [name for name in ("debate_tui", "tests", "benchmarks") if (REPO / name).exists()]
    result = run_tool(*tool("ruff"), "check", *paths)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_leaves_every_file_as_it_is() -> None:
    paths = [name for name in ("debate_tui", "tests", "benchmarks") if (REPO / name).exists()]
    result = run_tool(*tool("ruff"), "format", "--check", *paths)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing() -> None:
    result = run_tool(*tool("mypy"))
    assert result.returncode == 0, result.stdout + result.stderr


def heavy_imports(modules: list[str]) -> list[str]:
    """Heavy packages found in sys.modules after importing `modules` in a fresh interpreter."""
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"heavy = {HEAVY_PACKAGES!r}\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    found: list[str] = json.loads(result.stdout)
    return found


def test_data_modules_import_neither_spacy_nor_textual() -> None:
    modules = [name for name in LIGHT_MODULES if importlib.util.find_spec(name) is not None]
    assert "debate_tui.model" in modules
    assert heavy_imports(modules) == []


def test_the_command_line_starts_without_spacy_or_textual() -> None:
    """`--help`, `--version` and usage errors must not pay for the NLP stack or the reader."""
    assert heavy_imports(["debate_tui.cli"]) == []


def test_the_hygiene_check_sees_a_heavy_import() -> None:
    """The check above can fail: importing Textual is seen."""
    if importlib.util.find_spec("textual") is None:
        pytest.skip("textual is not installed")
    assert "textual" in heavy_imports(["debate_tui.model", "textual"])
