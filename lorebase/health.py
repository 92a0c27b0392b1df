"""Dependency checks shared by the worker report (and, later, /health/ready)."""

import time

from django.db import connection
from neomodel import db


def _timed(check) -> dict:
    started = time.perf_counter()
    try:
        check()
    except Exception as error:  # any failure means "not reachable"; the reason is reported
        return {"ok": False, "error": f"{type(error).__name__}: {error}"[:300]}
    return {"ok": True, "latency_ms": round((time.perf_counter() - started) * 1000, 2)}


def check_database() -> dict:
    def query() -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")

    return _timed(query)


def check_graph() -> dict:
    return _timed(lambda: db.cypher_query("RETURN 1"))
