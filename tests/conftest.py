"""Session fixtures: real PostgreSQL, graph server, RabbitMQ and Celery worker.

A service is started here only when the environment does not name one
(DATABASE_URL, NEO4J_BOLT_URL, CELERY_BROKER_URL; RabbitMQ is installed first
when missing and we are root). Each test is isolated: database work rolls
back, the graph is emptied before each test that asks for it, and the run's
Celery queue has a name of its own.
"""

import os
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client
from neomodel import db
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from config.celery import app as celery_app
from devstack.broker import RabbitNode, local_url
from devstack.graph_server import GraphServer
from devstack.net import free_port
from devstack.postgres import start_embedded_postgres
from devstack.processes import celery_command, stop_process
from graph.connection import reconnect
from graph.rebuild import world_rebuild
from graph.schema import install_graph_schema
from lorebase.models import World, WorldRole
from lorebase.services import membership_set
from tests.factories import UserFactory
from worldgen.demo.loader import demo_world_load

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def database_url(config: dict) -> str:
    """A DATABASE_URL for another process to reach the database in `config`."""
    host = quote(config["HOST"], safe="") if config["HOST"].startswith("/") else config["HOST"]
    port = f":{config['PORT']}" if config["PORT"] else ""
    auth = quote(config["USER"], safe="") + (
        ":" + quote(config["PASSWORD"], safe="") if config["PASSWORD"] else ""
    )
    return f"postgres://{auth}@{host}{port}/{config['NAME']}"


@pytest.fixture(scope="session")
def embedded_postgres() -> Iterator:
    if "DATABASE_URL" not in settings.LOREBASE_EMBEDDED_SERVICES:
        yield None
        return
    pgdata = Path(tempfile.mkdtemp(prefix="lorebase-pg-")) / "data"
    server = start_embedded_postgres(pgdata)
    yield server
    server.stop()
    shutil.rmtree(pgdata.parent, ignore_errors=True)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix: None, embedded_postgres
) -> None:
    """Point the default database at the embedded server when no URL was given."""
    if embedded_postgres is not None:
        # In place: django.db.connections holds this very dict.
        settings.DATABASES["default"].update(
            HOST=str(embedded_postgres.socket_dir), PORT="", USER="postgres", PASSWORD=""
        )


def own_server(variable: str, prefix: str, make: Callable[[Path], Any]) -> Iterator[Any]:
    """A server of this run's own in a temporary directory, None when `variable` names one."""
    if variable not in settings.LOREBASE_EMBEDDED_SERVICES:
        yield None
        return
    root = Path(tempfile.mkdtemp(prefix=prefix))
    server = make(root)
    try:
        yield server.start()
    finally:  # also when setup fails: never leave a server behind
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def graph_server() -> Iterator[GraphServer | None]:
    """This run's own Neo4j (None when NEO4J_BOLT_URL names one)."""
    yield from own_server(
        "NEO4J_BOLT_URL",
        "lorebase-graph-",
        lambda root: GraphServer(root, free_port(), log_path=ARTIFACTS / "neo4j.log"),
    )


@pytest.fixture(scope="session")
def graph_server_url(graph_server: GraphServer | None) -> Iterator[str]:
    """The graph for this run, with the schema installed."""
    url = graph_server.url if graph_server is not None else settings.NEO4J_BOLT_URL
    reconnect(url)
    install_graph_schema()
    yield url
    db.close_connection()


@pytest.fixture
def graph(graph_server_url: str) -> Iterator:
    """An empty graph (constraints kept) for one test."""
    db.cypher_query("MATCH (n) DETACH DELETE n")
    yield db
    db.cypher_query("MATCH (n) DETACH DELETE n")


@pytest.fixture(autouse=True)
def fresh_throttle_counts() -> Iterator[None]:
    """Every test starts with unspent API throttles.

    Throttle counts live in CACHES["throttle"] (per process under the test settings),
    not in the rolled-back database, and all anonymous test requests share one address.
    """
    caches["default"].clear()
    caches["throttle"].clear()
    yield
    caches["default"].clear()
    caches["throttle"].clear()


@pytest.fixture(scope="session")
def rabbitmq_node() -> Iterator[RabbitNode | None]:
    """This run's own RabbitMQ node (None when CELERY_BROKER_URL names a broker).

    Its name, ports and directory are the run's own: two runs never share a node.
    """
    yield from own_server(
        "CELERY_BROKER_URL",
        "lorebase-rabbitmq-",
        lambda root: RabbitNode(root, local_url(free_port())),
    )


@pytest.fixture(scope="session")
def broker_url(rabbitmq_node: RabbitNode | None) -> str:
    """The run's broker; Django and Celery are pointed at it before anything connects."""
    if rabbitmq_node is not None:
        settings.CELERY_BROKER_URL = rabbitmq_node.url
        celery_app.conf.broker_url = rabbitmq_node.url
    return settings.CELERY_BROKER_URL


# Fixtures that start a server or a process beyond the session's PostgreSQL: a test
# that uses one (directly or through another fixture) belongs to the services layer.
SERVER_FIXTURES = frozenset({"graph_server", "broker_url", "celery_worker_process", "live_server"})


NEEDS_SERVICES = pytest.StashKey[bool]()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the services layer before `-m` selects: `-m "not services"` is the fast layer."""
    for item in items:
        if SERVER_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.services)


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    """Whether any selected test needs the broker (the fast layer starts none)."""
    session.config.stash[NEEDS_SERVICES] = any(
        item.get_closest_marker("services") for item in session.items
    )


@pytest.fixture(scope="session", autouse=True)
def task_queue(request: pytest.FixtureRequest) -> Iterator[str]:
    """A queue of this run's own (so nothing lands in a real queue), deleted at the end.

    A run of the fast layer alone starts no broker: kombu's in-memory transport
    receives whatever a test might publish, so nothing reaches a real broker.
    """
    name = f"lorebase-test-{uuid.uuid4().hex[:12]}"
    celery_app.conf.task_default_queue = name
    if not request.config.stash.get(NEEDS_SERVICES, True):
        settings.CELERY_BROKER_URL = celery_app.conf.broker_url = "memory://"
        yield name
        return
    request.getfixturevalue("broker_url")
    yield name
    delete_queue(name)


def delete_queue(name: str) -> None:
    with celery_app.connection_for_write() as connection:
        connection.default_channel.queue_delete(name)


def spawn_worker(queue: str, graph_url: str, *, concurrency: int = 1) -> subprocess.Popen:
    """Start a real `celery worker` (prefork) on `queue` and wait until it answers."""
    node = f"test-{uuid.uuid4().hex[:8]}@localhost"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url(settings.DATABASES["default"]),
        "NEO4J_BOLT_URL": graph_url,
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "WORKER_METRICS_PORT": str(free_port()),
        "PROMETHEUS_MULTIPROC_DIR": tempfile.mkdtemp(prefix="lorebase-worker-metrics-"),
    }
    ARTIFACTS.mkdir(exist_ok=True)
    with (ARTIFACTS / "celery-worker.log").open("ab") as log:
        process = subprocess.Popen(
            celery_command(
                "worker",
                "--loglevel",
                "INFO",
                "--concurrency",
                str(concurrency),
                "--queues",
                queue,
                "--hostname",
                node,
            ),
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + 60
    while not celery_app.control.ping(destination=[node], timeout=1.0):
        if process.poll() is not None or time.monotonic() > deadline:
            stop_process(process)
            pytest.fail(f"the Celery worker did not start; see {ARTIFACTS / 'celery-worker.log'}")
    process.metrics_url = f"http://127.0.0.1:{env['WORKER_METRICS_PORT']}/metrics"
    process.metrics_dir = env["PROMETHEUS_MULTIPROC_DIR"]
    return process


@pytest.fixture(scope="session")
def celery_worker_process(
    task_queue: str,
    broker_url: str,
    graph_server_url: str,
    django_db_setup: None,
    django_db_blocker,
) -> Iterator[subprocess.Popen]:
    """A real worker consuming this run's queue for the whole session."""
    process = spawn_worker(task_queue, graph_server_url)
    yield process
    stop_process(process)
    shutil.rmtree(process.metrics_dir, ignore_errors=True)


def wait_until_mirrored(world, *, timeout: float = 90) -> None:
    """Poll until every outbox row is delivered and the world shows no drift."""
    from graph.models import OutboxEvent
    from graph.reconcile import world_drift

    deadline = time.monotonic() + timeout
    while True:
        pending = OutboxEvent.objects.filter(delivered_at__isnull=True).count()
        try:
            drift = world_drift(world).summary()
        except Exception as error:  # the graph may be restarting
            drift = {"unreachable": str(error)}
        if not pending and not drift:
            return
        if time.monotonic() > deadline:
            pytest.fail(f"the graph did not catch up: {pending} pending, drift {drift}")
        time.sleep(0.3)


@pytest.fixture
def demo(graph) -> dict[str, World]:
    """Both editions of the demo world, mirrored into the (empty) graph."""
    worlds = {world.language: world for world in demo_world_load()}
    for world in worlds.values():
        world_rebuild(world)
    return worlds


@pytest.fixture
def staff_viewer(demo) -> Client:
    """A staff member who only views the English demo world, logged in to the admin."""
    user = UserFactory(is_staff=True)
    membership_set(world=demo["en"], user=user, role=WorldRole.VIEWER)
    client = Client()
    client.force_login(user)
    return client


def client_for(user) -> APIClient:
    """An API client authenticated with a token of `user` (kept as `client.user`)."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    client.user = user
    return client


@pytest.fixture
def reader(demo) -> APIClient:
    """A viewer of both demo worlds."""
    user = UserFactory()
    for world in demo.values():
        membership_set(world=world, user=user, role=WorldRole.VIEWER)
    return client_for(user)
