"""Prometheus metrics of the Celery worker (correct under the prefork pool) and beat.

With PROMETHEUS_MULTIPROC_DIR set (compose and the tests set it), each pool
child writes its samples there and the worker's main process serves the sum on
WORKER_METRICS_PORT. Beat is one process: it serves its registry on
BEAT_METRICS_PORT. Without a port, nothing is served.
"""

import os
import time
from pathlib import Path

from celery.signals import (
    beat_init,
    task_postrun,
    task_prerun,
    worker_init,
    worker_process_shutdown,
)
from prometheus_client import CollectorRegistry, Counter, Histogram, multiprocess, start_http_server

TASKS = Counter(
    "lorebase_celery_tasks",
    "Tasks finished by this worker, by task name and state",
    ["task", "state"],
)
TASK_SECONDS = Histogram(
    "lorebase_celery_task_duration_seconds", "Time spent running a task", ["task"]
)
_started: dict[str, float] = {}


@task_prerun.connect
def _task_started(task_id: str, **_: object) -> None:
    _started[task_id] = time.perf_counter()


@task_postrun.connect
def _task_finished(task_id: str, task, state: str | None = None, **_: object) -> None:
    started = _started.pop(task_id, None)
    TASKS.labels(task=task.name, state=state or "UNKNOWN").inc()
    if started is not None:
        TASK_SECONDS.labels(task=task.name).observe(time.perf_counter() - started)


def _multiprocess_dir() -> Path | None:
    value = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    return Path(value) if value else None


@worker_init.connect
def serve_worker_metrics(**_: object) -> None:
    port = int(os.environ.get("WORKER_METRICS_PORT", "0"))
    if not port:
        return
    directory = _multiprocess_dir()
    if directory is None:
        start_http_server(port)
        return
    # Samples of a previous run would be summed in: start from an empty directory.
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.db"):
        stale.unlink()
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    start_http_server(port, registry=registry)


@worker_process_shutdown.connect
def _forget_pool_child(pid: int | None = None, **_: object) -> None:
    if _multiprocess_dir() is not None:
        multiprocess.mark_process_dead(pid or os.getpid())


@beat_init.connect
def serve_beat_metrics(**_: object) -> None:
    port = int(os.environ.get("BEAT_METRICS_PORT", "0"))
    if port:
        start_http_server(port)
