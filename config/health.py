"""Dependency checks: /health/ready and the worker's own report."""

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
    """A fresh pool after any failure, so the check says ready as soon as the graph is
    back (a pool of connections to the old server would keep it failing)."""
    from graph.connection import ensure_connected, reset_pool

    ensure_connected()
    check = _timed(lambda: db.cypher_query("RETURN 1"))
    if not check["ok"]:
        reset_pool()
        check = _timed(lambda: db.cypher_query("RETURN 1"))
    return check


def check_broker() -> dict:
    from config.celery import app

    def connect() -> None:
        with app.connection_for_read() as connection:
            connection.ensure_connection(max_retries=1, timeout=2)

    return _timed(connect)


def readiness() -> tuple[bool, dict[str, dict]]:
    checks = {"database": check_database(), "broker": check_broker(), "graph": check_graph()}
    return all(check["ok"] for check in checks.values()), checks
