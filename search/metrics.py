"""Prometheus metrics of search (exported on /metrics)."""

from prometheus_client import Histogram

SEARCH_SECONDS = Histogram(
    "lorebase_search_seconds", "Time to answer a search, by question kind", ["kind"]
)
