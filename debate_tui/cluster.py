"""Parsing on a Dask cluster: the per-article extraction sent to `dask.distributed` workers.

Past one machine, parsing runs on an engine analysts already have (a scheduler on
Kubernetes, an HPC allocation, a cloud cluster) rather than a job runner of our own. Each
task is a run of consecutive articles; a worker loads the spaCy pipeline once (the cached
`load_nlp`) and sends back only statements and warnings, which go through the same cache
and assembly as a local run, in corpus order. Nothing here imports Dask until it is asked
for, so a start without `--dask` never pays for it.
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from debate_tui.chunk_results import Found, deliver
from debate_tui.config import Config
from debate_tui.errors import ClusterError
from debate_tui.model import Article, Statement

if TYPE_CHECKING:
    from distributed import Client

# Articles per task: enough to keep the scheduler's per-task overhead (a few milliseconds)
# small against a task's parse, few enough that workers finish close together.
MAX_TASK_ARTICLES = 8
TASKS_PER_WORKER = 4

# One model per worker process: tasks running in a worker's threads take turns with it.
_MODEL_LOCK = threading.Lock()

# Dask's defaults that cost a parse its CPU, changed for the cluster `--dask local` starts
# (measured on 2 cores, 40 articles: the two workers spent 9.4-11.8 s of CPU with Dask's
# defaults, 6.9-8.0 s with these, as much as two local processes).
LOCAL_CLUSTER_CONFIG: dict[str, object] = {
    # The nanny starts its workers with MALLOC_TRIM_THRESHOLD_=65536, so that freed memory
    # goes back to the system at once. Any such setting also fixes glibc's mmap threshold at
    # 128 kB, so each of the many arrays spaCy allocates and frees per batch is a fresh
    # mapping: 5-6x the page faults of a local process, about 1 s of system time and as
    # much user time more per 40 articles. Unset, workers allocate as any process does.
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    # The sampling profiler reads the running task's stack every 10 ms, taking the GIL from
    # it: about 1 s of CPU per 40 articles. Nobody looks at the dashboard of this cluster.
    "distributed.worker.profile.enabled": False,
    # Monitors that wake every 20-500 ms in each worker and in the scheduler; a parse
    # needs none of them often. Work stealing is for tasks that queue on a worker; the
    # scheduler here hands each worker a task as it frees up.
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.work-stealing": False,
}


def local_cluster(workers: int) -> Any:
    """A LocalCluster of `workers` single-threaded worker processes, any free dashboard
    port, with `LOCAL_CLUSTER_CONFIG` (the scheduler, nannies and workers read it as they
    start, so it applies to this cluster only)."""
    import dask
    from distributed import LocalCluster

    with dask.config.set(LOCAL_CLUSTER_CONFIG):
        return LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        )


def _extract_task(articles: list[Article], config: Config) -> Found:
    """Worker side: each article's statements, warnings and layout, in order (the model is loaded
    by the first task a worker runs and kept for the next)."""
    from debate_tui.extract import extract_chunk

    with _MODEL_LOCK:
        return extract_chunk((articles, config))


def connect(address: str) -> tuple[Client, Callable[[], None]]:
    """A client of the scheduler at `address`, or of a new local cluster for "local" (one
    single-threaded worker process per core); and how to close what was opened."""
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ClusterError(f"--dask needs dask.distributed installed ({exc})") from None
    if address == "local":
        try:
            cluster = local_cluster(os.cpu_count() or 1)
        except Exception as exc:
            raise ClusterError(f"could not start a local Dask cluster ({exc})") from None
        client = Client(cluster)

        def close_local() -> None:
            client.close()
            cluster.close()

        return client, close_local
    import dask

    try:  # Dask's own setting decides how long to try (DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT)
        client = Client(address, timeout=dask.config.get("distributed.comm.timeouts.connect"))
    except Exception as exc:  # OSError, TimeoutError, ValueError for a malformed address
        reason = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address} ({reason}); "
            "check the address and that the scheduler is running"
        ) from None
    return client, client.close


def extract_on_dask(
    articles: list[Article],
    config: Config,
    address: str,
    *,
    warn: Callable[[str], None] | None = None,
) -> Iterator[tuple[Article, list[Statement]]]:
    """Yield each article with its statements, in corpus order, parsed by the cluster."""
    if not articles:
        return
    client, close = connect(address)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        size = max(
            1,
            min(MAX_TASK_ARTICLES, math.ceil(len(articles) / (workers * TASKS_PER_WORKER))),
        )
        chunks = [articles[i : i + size] for i in range(0, len(articles), size)]
        shared: Any = client.scatter(config, broadcast=True)
        futures = client.map(_extract_task, chunks, config=shared, pure=False)
        for chunk, future in zip(chunks, futures, strict=True):
            yield from deliver(chunk, future.result(), warn)
    finally:
        close()
