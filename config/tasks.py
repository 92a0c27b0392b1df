"""Operational tasks of the Lorebase worker itself."""

import socket

from celery import shared_task

from config.health import check_database, check_graph


@shared_task(name="lorebase.worker_dependencies", ignore_result=False)
def worker_dependencies() -> dict:
    """Report, from inside a worker, whether it reaches PostgreSQL and the graph."""
    return {
        "worker": socket.gethostname(),
        "database": check_database(),
        "graph": check_graph(),
    }
