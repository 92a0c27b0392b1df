"""Lorebase's own Prometheus metrics, and the /metrics view of the web process.

Counters and histograms are plain prometheus_client metrics: with
PROMETHEUS_MULTIPROC_DIR set (gunicorn, the prefork worker) their samples are
summed across processes. The outbox and lore-findings gauges are read from
PostgreSQL at scrape time, so they are right whichever process answers (and need
no multiprocess gauge mode).
"""

import os

from celery.signals import after_task_publish
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

TASKS_PUBLISHED = Counter(
    "lorebase_celery_tasks_published", "Tasks this process handed to the broker", ["task"]
)
GRAPH_WRITE_SECONDS = Histogram(
    "lorebase_graph_write_seconds", "Time to mirror one entity into the graph", ["entity_type"]
)
GRAPH_TRANSIENT_ERRORS = Counter(
    "lorebase_graph_transient_errors",
    "Graph writes that failed transiently (then retried)",
    ["error"],
)
GRAPH_QUERY_SECONDS = Histogram(
    "lorebase_graph_query_seconds", "Time of graph reads answering the API", ["query"]
)
SEARCH_SECONDS = Histogram(
    "lorebase_search_seconds", "Time to answer a search, by question kind", ["kind"]
)
EXPORT_SECONDS = Histogram(
    "lorebase_export_seconds",
    "Time of a Git export run (write, commit, push)",
    buckets=(0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600),
)
EXPORT_FILES_CHANGED = Counter(
    "lorebase_export_files_changed",
    "Files an export commit added, changed or deleted",
    ["change"],
)
RECONCILE_DRIFT = Counter(
    "lorebase_reconcile_drift", "Entities the reconcile found out of date or orphaned", ["kind"]
)
LORE_CHECK_SECONDS = Histogram(
    "lorebase_lore_check_seconds",
    "Time of one world's scheduled lore consistency check",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120),
)


@after_task_publish.connect
def _count_published(sender: str | None = None, **_: object) -> None:
    TASKS_PUBLISHED.labels(task=sender or "unknown").inc()


class OutboxCollector:
    """How far the graph is behind: pending outbox rows and the age of the oldest."""

    def collect(self):
        from django.db.models import Count, Min

        from graph.models import OutboxEvent

        pending = OutboxEvent.objects.filter(delivered_at__isnull=True).aggregate(
            count=Count("pk"), oldest=Min("created_at")
        )
        age = (timezone.now() - pending["oldest"]).total_seconds() if pending["oldest"] else 0
        yield GaugeMetricFamily(
            "lorebase_outbox_pending", "Outbox rows not yet in the graph", value=pending["count"]
        )
        yield GaugeMetricFamily(
            "lorebase_outbox_oldest_pending_age_seconds",
            "Age of the oldest outbox row not yet in the graph",
            value=age,
        )


class LoreFindingsCollector:
    """Findings per rule in each world's last scheduled check, summed over the worlds."""

    def collect(self):
        from consistency.models import LoreCheckResult
        from consistency.rules import RULES

        totals = dict.fromkeys(RULES, 0)
        for counts in LoreCheckResult.objects.values_list("counts", flat=True):
            for rule_id, count in counts.items():
                if rule_id in totals:  # a rule since removed is no longer reported
                    totals[rule_id] += count
        findings = GaugeMetricFamily(
            "lorebase_lore_findings",
            "Lore consistency findings in the last check, summed over worlds",
            labels=["rule"],
        )
        for rule_id, total in totals.items():
            findings.add_metric([rule_id], total)
        yield findings


def _registry() -> CollectorRegistry:
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = CollectorRegistry()
        registry.register(_Everything())
    registry.register(OutboxCollector())
    registry.register(LoreFindingsCollector())
    return registry


class _Everything:
    """The process's default registry, re-exported next to the outbox gauges."""

    def collect(self):
        yield from REGISTRY.collect()


def metrics_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse(generate_latest(_registry()), content_type=CONTENT_TYPE_LATEST)
