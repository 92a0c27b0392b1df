"""Prometheus metrics of the graph mirror and of graph reads (exported on /metrics).

How far the mirror is behind is read from PostgreSQL at scrape time (the collector
below), so it is right whichever process answers the scrape.
"""

from django.db.models import Count, Min
from django.utils import timezone
from prometheus_client import Counter, Histogram
from prometheus_client.core import GaugeMetricFamily

GRAPH_WRITE_SECONDS = Histogram(
    "lorebase_graph_write_seconds",
    "Time to mirror one entity into the graph (entity_type=batch: many at once)",
    ["entity_type"],
)
GRAPH_TRANSIENT_ERRORS = Counter(
    "lorebase_graph_transient_errors",
    "Graph writes that failed transiently (then retried)",
    ["error"],
)
GRAPH_QUERY_SECONDS = Histogram(
    "lorebase_graph_query_seconds", "Time of graph reads answering the API", ["query"]
)
RECONCILE_DRIFT = Counter(
    "lorebase_reconcile_drift", "Entities the reconcile found out of date or orphaned", ["kind"]
)


class OutboxCollector:
    """How far the graph is behind: pending outbox rows and the age of the oldest."""

    def collect(self):
        from .models import OutboxEvent  # models load after the metrics module

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
