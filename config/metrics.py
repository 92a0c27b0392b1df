"""The /metrics view of the web process, and the count of published Celery tasks.

Each app defines its own metrics (`graph.metrics`, `search.metrics`, …). Counters
and histograms are plain prometheus_client metrics: with PROMETHEUS_MULTIPROC_DIR
set (gunicorn, the prefork worker) their samples are summed across processes. The
outbox and lore-findings gauges are read from PostgreSQL at scrape time, so they
are right whichever process answers (and need no multiprocess gauge mode).
"""

import os

from celery.signals import after_task_publish
from django.http import HttpRequest, HttpResponse
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    generate_latest,
    multiprocess,
)

from consistency.metrics import LoreFindingsCollector
from graph.metrics import OutboxCollector

TASKS_PUBLISHED = Counter(
    "lorebase_celery_tasks_published", "Tasks this process handed to the broker", ["task"]
)


@after_task_publish.connect
def _count_published(sender: str | None = None, **_: object) -> None:
    TASKS_PUBLISHED.labels(task=sender or "unknown").inc()


def _registry() -> CollectorRegistry:
    """The one registry /metrics reads: every process's samples and the scrape-time gauges."""
    registry = CollectorRegistry()
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(_Everything())
    registry.register(OutboxCollector())
    registry.register(LoreFindingsCollector())
    return registry


class _Everything:
    """The process's default registry, re-exported next to the scrape-time gauges."""

    def collect(self):
        yield from REGISTRY.collect()


def metrics_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse(generate_latest(_registry()), content_type=CONTENT_TYPE_LATEST)
