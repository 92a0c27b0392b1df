"""One export at a time, across every process and machine sharing the database."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

# Any constant unique within the database; these bytes spell "LBexport".
EXPORT_LOCK_KEY = int.from_bytes(b"LBexport", "big") >> 1


class ExportBusy(Exception):
    """Another export holds the lock; this one did not run."""


@contextmanager
def export_lock() -> Iterator[None]:
    """A PostgreSQL session advisory lock: released on exit, or when the process dies."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [EXPORT_LOCK_KEY])
        if not cursor.fetchone()[0]:
            raise ExportBusy("Another export is running; this one was skipped.")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [EXPORT_LOCK_KEY])
