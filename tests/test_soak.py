"""The faulted soak of bench/soak.py for 60 s in the suite (issue 22): mixed traffic over
HTTP to gunicorn while a worker is killed with `kill -9`, the graph server restarts
gracefully and the broker restarts. Counts only, never timings: no acknowledged write
lost, no duplicate, the graph equal to PostgreSQL, no 5xx but 503.
"""

import json
import sys
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from neomodel import db

from config.celery import app as celery_app
from tests.conftest import database_url, delete_queue, spawn_worker
from tests.llm.fake_llm import FakeLLM

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
# bench/ on the path, as the bench scripts have it: one soak for both.
from soak import (
    Faults,
    ReplaceableWorker,
    drain,
    model_server_environment,
    print_traffic,
    print_verdict,
    restart,
    soak,
    soak_target,
    verdict,
)
from stack import served

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.services]

SECONDS = 60


@pytest.mark.timeout(900)  # the session's servers may start first; two restart within
def test_nothing_acknowledged_is_lost_under_faults(
    demo, graph_server, graph_server_url, rabbitmq_node, broker_url, task_queue, monkeypatch
):
    if graph_server is None or rabbitmq_node is None:
        pytest.skip("the environment names a graph server or broker this test cannot restart")
    queue = f"{task_queue}-soak-{uuid.uuid4().hex[:6]}"
    previous, celery_app.conf.task_default_queue = celery_app.conf.task_default_queue, queue
    worker = ReplaceableWorker(lambda: spawn_worker(queue, graph_server_url, concurrency=2))
    try:
        with FakeLLM() as model:
            environment = model_server_environment(model.url) | {
                "DATABASE_URL": database_url(settings.DATABASES["default"]),
                "NEO4J_BOLT_URL": graph_server_url,
                "CELERY_BROKER_URL": broker_url,
                "CELERY_TASK_DEFAULT_QUEUE": queue,
            }
            for name, value in environment.items():
                monkeypatch.setenv(name, value)
            with served(name="soak") as url:
                faults = Faults(
                    kill_worker=worker.replace,
                    restart_graph=lambda: restart(graph_server),
                    restart_broker=lambda: restart(rabbitmq_node),
                )
                run = soak(
                    soak_target(demo["en"], url),
                    faults,
                    seconds=SECONDS,
                    clients=3,
                    rate=10,
                    max_requests=3000,
                )
                print_traffic(run)
                drained = drain(timeout=300)
                found = verdict(demo["en"], run)
                asked = len(model.seen)  # answers went through the provider's wire format
                print_verdict(found, drained)
                with urllib.request.urlopen(f"{url}/health/ready", timeout=30) as ready:
                    assert ready.status == 200, json.loads(ready.read())
    finally:
        worker.stop()
        celery_app.conf.task_default_queue = previous
        delete_queue(queue)

    assert [what for what, _, _ in run.faults] == [
        "worker killed (kill -9), a new one started",
        "graph server restarted (SIGTERM, then started on its port and data)",
        "broker restarted",
    ]
    # Each fault met traffic after it, not just before.
    assert all(any(r.started > end for r in run.results) for _, _, end in run.faults)
    kinds = {result.kind for result in run.results}
    assert kinds == {"search", "meetings", "neighbourhood", "path", "answer", "create", "batch"}
    assert asked > 0
    assert found.acknowledged > 0 and found.failed_writes == 0
    assert found.in_postgres == found.in_graph == found.acknowledged
    assert (found.duplicate_nodes, found.duplicate_edges) == (0, 0)
    assert found.drift == {}
    assert found.unexpected_5xx == 0, [r for r in run.results if r.status != 503 and r.detail]
    # Everything else is a success: the traffic sends only valid requests.
    assert set(found.statuses) <= {200, 201, 503}, found.statuses
    # The session's servers are back for the tests after this one.
    assert db.cypher_query("RETURN 1")[0] == [[1]]
    with celery_app.connection_for_write() as connection:
        connection.ensure_connection(max_retries=3)
