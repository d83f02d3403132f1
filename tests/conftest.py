"""Shared test setup: every test run gets its own empty statement cache."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from debate_tui.model import Debate

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"


# Test modules build configurations when they are imported (before any fixture runs), and
# the configuration keeps parsed TOML in the cache: point the cache away from the user's
# folder before collection, so no run reads or leaves entries there.
_COLLECTION_CACHE = tempfile.mkdtemp(prefix="debate-tui-test-cache-")
os.environ["DEBATE_TUI_CACHE"] = _COLLECTION_CACHE


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep tests off the user's cache folder, and independent of earlier runs."""
    path = tmp_path_factory.mktemp("cache")
    os.environ["DEBATE_TUI_CACHE"] = str(path)
    yield path
    os.environ["DEBATE_TUI_CACHE"] = _COLLECTION_CACHE
    shutil.rmtree(_COLLECTION_CACHE, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def _isolated_user_corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep tests off the user's own corpus: an empty data folder, no DEBATE_TUI_CORPUS."""
    path = tmp_path_factory.mktemp("data")
    old = {name: os.environ.get(name) for name in ("XDG_DATA_HOME", "DEBATE_TUI_CORPUS")}
    os.environ["XDG_DATA_HOME"] = str(path)
    os.environ.pop("DEBATE_TUI_CORPUS", None)
    yield path
    for name, value in old.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A statement cache of this test's own (tmp_path/cache), for tests that look inside it."""
    path = tmp_path / "cache"
    monkeypatch.setenv("DEBATE_TUI_CACHE", str(path))
    return path


@pytest.fixture(scope="session")
def bundled_debate() -> Debate:
    """The bundled corpus, parsed once per run with the real spaCy pipeline."""
    from debate_tui.build import build_debate
    from debate_tui.config import default_config

    return build_debate(CORPUS, default_config(), use_cache=False, warn=lambda _m: None)
