"""Prometheus metrics of the Git export (exported by the worker that runs it)."""

from prometheus_client import Counter, Histogram

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
