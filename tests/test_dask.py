"""Parsing on a Dask cluster: a real `LocalCluster` on this machine, the real command line.

The statements must be exactly those of a one-process parse, through the same cache and
assembly; a scheduler that cannot be reached is one line and exit code 1.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import dask
import pytest
from distributed import LocalCluster

from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A scheduler with one single-threaded worker in this process (it starts in seconds),
    on TCP so that the command line, another process, can reach it."""
    with LocalCluster(
        n_workers=1,
        processes=False,
        threads_per_worker=1,
        protocol="tcp://",
        host="127.0.0.1",
        dashboard_address=":0",
    ) as cluster:
        yield cluster.scheduler_address


def parse(*flags: str, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DEBATE_TUI_CACHE": str(cache)}
    command = [sys.executable, "-m", "debate_tui", "parse", str(CORPUS), *flags]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)


def test_a_parse_on_a_dask_cluster_prints_what_one_process_prints(
    scheduler: str, tmp_path: Path
) -> None:
    local = parse("--processes", "1", cache=tmp_path / "local")
    assert local.returncode == 0, local.stderr
    on_dask = parse("--dask", scheduler, cache=tmp_path / "dask")
    assert on_dask.returncode == 0, on_dask.stderr
    assert on_dask.stdout == local.stdout
    assert len(on_dask.stdout.splitlines()) > 40


def test_a_dask_parse_fills_the_same_cache_as_a_local_one(scheduler: str, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = parse("--dask", scheduler, cache=cache)
    assert first.returncode == 0, first.stderr
    entries = sorted(path.name for path in cache.glob("*.json"))
    again = parse("--processes", "1", cache=cache)  # all cached: nothing is parsed again
    assert again.stdout == first.stdout
    assert sorted(path.name for path in cache.glob("*.json")) == entries


def test_an_unreachable_scheduler_is_one_line_and_exit_code_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as probe:  # a port nothing listens on once closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT", "2s")
    done = parse("--no-cache", "--dask", f"tcp://127.0.0.1:{port}", cache=tmp_path / "c")
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}" in lines[0]
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_the_local_cluster_s_workers_allocate_memory_as_a_plain_process_and_skip_the_profiler(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`--dask local` starts its workers without the nanny's malloc trim threshold and the
    sampling profiler, which together cost its workers a quarter more CPU per article."""
    from distributed import Client

    from debate_tui.cluster import local_cluster

    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    with local_cluster(1) as cluster, Client(cluster) as client:
        seen = client.run(
            lambda: (
                os.environ.get("MALLOC_TRIM_THRESHOLD_"),
                dask.config.get("distributed.worker.profile.enabled"),
            )
        )
    assert list(seen.values()) == [(None, False)]
    assert "MALLOC_TRIM_THRESHOLD_" not in os.environ  # nor is this process's environment changed
