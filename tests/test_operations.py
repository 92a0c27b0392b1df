"""Operations: metrics from every process, health, request ids in worker logs."""

import json
import re
import subprocess
import time
import urllib.request

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from devstack.net import free_port, wait_for_port
from devstack.processes import celery_command, stop_process
from lorebase import services
from lorebase.models import WorldRole
from tests.conftest import ARTIFACTS, database_url, wait_until_mirrored
from tests.factories import UserFactory, WorldMembershipFactory
from tests.search.conftest import uid


def _scrape(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def _value(body: str, pattern: str) -> float:
    match = re.search(pattern + r" ([0-9.e+-]+)$", body, re.MULTILINE)
    assert match, f"{pattern} not found"
    return float(match.group(1))


@pytest.fixture
def editor_client():
    world = services.world_create(owner=None, name="Ops", slug="ops", language="en")
    user = UserFactory()
    WorldMembershipFactory(world=world, user=user, role=WorldRole.EDITOR)
    client = APIClient()
    client.force_authenticate(user)
    return client, world


@pytest.mark.django_db(transaction=True)
@pytest.mark.services
def test_every_process_exports_lorebase_metrics_after_real_work(
    celery_worker_process, graph, editor_client, client
):
    api, world = editor_client
    created = api.post(
        f"/api/v1/worlds/{world.public_id}/characters/", {"name": "Anya"}, format="json"
    )
    assert created.status_code == 201
    wait_until_mirrored(world)

    web = client.get("/metrics").content.decode()
    assert _value(web, r'lorebase_celery_tasks_published_total\{task="graph.mirror_entity"\}') >= 1
    assert _value(web, r"lorebase_outbox_pending") == 0
    assert _value(web, r"lorebase_outbox_oldest_pending_age_seconds") == 0
    assert "django_http_requests_latency_seconds_by_view_method_bucket" in web

    worker = _scrape(celery_worker_process.metrics_url)
    assert (
        _value(
            worker,
            r'lorebase_celery_tasks_total\{state="SUCCESS",'
            r'task="graph.mirror_entity"\}',
        )
        >= 1
    )
    assert _value(worker, r'lorebase_graph_write_seconds_count\{entity_type="character"\}') >= 1
    # Summed over the session's worker: how large says nothing (no timing asserted here).
    assert _value(worker, r'lorebase_graph_write_seconds_sum\{entity_type="character"\}') > 0


@pytest.mark.django_db
def test_the_outbox_gauges_show_a_lagging_graph(editor_client, client):
    api, world = editor_client
    api.post(f"/api/v1/worlds/{world.public_id}/concepts/", {"name": "Fog"}, format="json")
    body = client.get("/metrics").content.decode()
    # The world's row and the concept's; not committed, so never published.
    assert _value(body, r"lorebase_outbox_pending") == 2
    assert _value(body, r"lorebase_outbox_oldest_pending_age_seconds") >= 0


@pytest.mark.services
def test_beat_serves_its_own_metrics(django_db_setup, task_queue):

    port = free_port()
    env = {
        **__import__("os").environ,
        "BEAT_METRICS_PORT": str(port),
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url(settings.DATABASES["default"]),
        "CELERY_TASK_DEFAULT_QUEUE": task_queue,
    }
    schedule = ARTIFACTS / "celerybeat-test"
    with (ARTIFACTS / "celery-beat.log").open("ab") as log:
        beat = subprocess.Popen(
            celery_command(
                "beat",
                "--loglevel",
                "INFO",
                "--scheduler",
                "celery.beat:PersistentScheduler",
                "--schedule",
                str(schedule),
            ),
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for_port("127.0.0.1", port, 60, "celery beat metrics")
        body = _scrape(f"http://127.0.0.1:{port}/metrics")
        assert 0 < _value(body, r"process_start_time_seconds") <= time.time()
        assert "lorebase_celery_tasks_published" in body
    finally:
        stop_process(beat)


@pytest.mark.django_db
@pytest.mark.services
def test_ready_names_the_graph_when_it_is_down_and_recovers(client, graph, graph_server):
    if graph_server is None:
        pytest.skip("NEO4J_BOLT_URL names a server this test cannot stop")
    assert client.get("/health/live").json() == {"status": "ok"}
    ready = client.get("/health/ready")
    assert ready.status_code == 200, ready.json()
    assert set(ready.json()["checks"]) == {"database", "broker", "graph"}
    assert all(check["latency_ms"] >= 0 for check in ready.json()["checks"].values())
    graph_server.stop()
    try:
        down = client.get("/health/ready")
        assert down.status_code == 503
        assert down.json()["down"] == ["graph"]
        assert down.json()["checks"]["graph"]["error"]
    finally:
        graph_server.start()
    assert client.get("/health/ready").status_code == 200


@pytest.mark.django_db(transaction=True)
@pytest.mark.services
def test_a_worker_log_line_carries_the_request_id_of_the_api_call(
    celery_worker_process, graph, editor_client
):
    api, world = editor_client
    request_id = f"req-{time.time_ns()}"
    response = api.post(
        f"/api/v1/worlds/{world.public_id}/locations/",
        {"name": "Pier"},
        format="json",
        HTTP_X_REQUEST_ID=request_id,
    )
    assert response["X-Request-ID"] == request_id
    wait_until_mirrored(world)
    deadline = time.monotonic() + 30
    while True:
        lines = (ARTIFACTS / "celery-worker.log").read_text(errors="replace").splitlines()
        ours = [json.loads(line) for line in lines if request_id in line and line.startswith("{")]
        if ours or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert ours, "no worker log line carries the request id"
    assert ours[0]["request_id"] == request_id
    assert ours[0]["message"].startswith("mirrored location")


def test_a_hostile_request_id_is_replaced(client):
    response = client.get("/health/live", HTTP_X_REQUEST_ID='x" OR 1=1; <script>')
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


@pytest.mark.django_db
def test_an_export_run_is_measured(client, tmp_path):
    from exports.services import export_worlds

    world = services.world_create(owner=None, name="Ops", slug="ops-export", language="en")
    result = export_worlds(worlds=[world], out_dir=tmp_path / "exports")
    assert result.commit
    body = client.get("/metrics").content.decode()
    assert _value(body, r"lorebase_export_seconds_count") >= 1
    assert _value(body, r'lorebase_export_files_changed_total\{change="added"\}') >= 1


@pytest.mark.django_db
@pytest.mark.services
def test_search_graph_reads_and_answers_in_role_are_measured(reader, demo, client):
    world = f"/api/v1/worlds/{demo['en'].public_id}"
    found = reader.get(f"{world}/search/", {"q": "Where did Anya and Kay meet?"})
    assert found.status_code == 200 and found.json()["kind"] == "meetings"
    anya = uid(demo["en"], found.json()["entities"][0]["name"])
    answered = reader.post(
        f"{world}/answers/", {"character": anya, "question": "Who is Kay?"}, format="json"
    )
    assert answered.status_code == 200, answered.content
    body = client.get("/metrics").content.decode()
    assert _value(body, r'lorebase_search_seconds_count\{kind="meetings"\}') >= 1
    assert 0 < _value(body, r'lorebase_search_seconds_sum\{kind="meetings"\}') < 30
    assert _value(body, r'lorebase_graph_query_seconds_count\{query="meetings"\}') >= 1
    assert _value(body, r'lorebase_llm_calls_total\{outcome="ok",provider="extractive"\}') >= 1
