"""The performance suite runs end to end on tiny corpora and prints every figure.

Only the shape of the output is checked: speed lives in the table, never in a test.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

BENCHMARKS = REPO / "benchmarks"
ROW_PREFIXES = (
    "parse throughput vs bare spaCy",
    "2 processes vs 1",
    "warm cache load vs full parse",
    "reader launch vs minimal Textual app",
    "spaCy imported on warm start",
    "topic switch, ",
    "peak memory, ",
    "parse, half the paragraphs off-topic, vs bare spaCy",
    "reader warm open, ",
)


def test_generator_writes_distinct_articles_with_metadata(tmp_path: Path) -> None:
    out = tmp_path / "synthetic"
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "synth.py"), str(out), "--articles", "12"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    files = sorted(out.glob("*.txt"))
    assert len(files) == 12
    assert len({hashlib.sha256(f.read_bytes()).hexdigest() for f in files}) == 12
    sidecar = (out / "sources.toml").read_text("utf-8")
    assert all(f'["{f.name}"]' in sidecar for f in files)


def test_quick_run_prints_every_figure() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--quick"],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    table = done.stdout
    assert "machine:" in table
    for prefix in ROW_PREFIXES:
        rows = [line for line in table.splitlines() if line.startswith(prefix)]
        assert rows, f"no row for {prefix!r} in:\n{table}"
        assert " n/a " not in rows[0], rows[0]
