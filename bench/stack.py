"""A one-machine stack for the benchmarks, started and stopped by the script itself.

PostgreSQL and the graph server are embedded ones in a temporary directory,
unless DATABASE_URL / NEO4J_BOLT_URL name servers; RabbitMQ is used, started or
installed as for `make run`. Django is set up on the dev settings.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def bench_parser(doc: str, *, seed: int = 1) -> argparse.ArgumentParser:
    """The arguments of a benchmark on a generated world: its size and its seed."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=seed)
    return parser


def generated_world(arguments: argparse.Namespace, *, slug: str):
    """The world of `--entities` entities from `--seed` (inside bench_stack), its time printed."""
    from worldgen.generator import counts_for_total, generate_world

    started = time.perf_counter()
    world = generate_world(
        seed=arguments.seed, slug=slug, **counts_for_total(arguments.entities)
    ).world
    print(f"generated {arguments.entities} entities in {time.perf_counter() - started:.1f} s")
    return world


@contextmanager
def bench_stack(
    *, worker_concurrency: int = 0, graph_read_seconds: float | None = None
) -> Iterator[None]:
    """Services up, database migrated, graph schema installed; optionally a worker.

    `graph_read_seconds` raises the per-read graph limits of search and answers:
    quality benches measure answers, not time, and on a loaded machine a query's
    first plan compilation alone can take longer than the 2 s default.
    """
    import django

    from devstack.broker import ensure_broker
    from devstack.graph_server import GraphServer
    from devstack.net import free_port
    from devstack.postgres import start_embedded_postgres
    from devstack.processes import celery_command, stop_process

    scratch = Path(tempfile.mkdtemp(prefix="lorebase-bench-"))
    with ExitStack() as stack:
        stack.callback(shutil.rmtree, scratch, ignore_errors=True)
        if not os.environ.get("DATABASE_URL"):
            postgres = start_embedded_postgres(scratch / "pg" / "data")
            stack.callback(postgres.stop)
            postgres.ensure_database("lorebase")
            os.environ["DATABASE_URL"] = postgres.url("lorebase")
        if not os.environ.get("NEO4J_BOLT_URL"):
            graph = GraphServer(scratch / "graph", free_port(), log_path=scratch / "graph.out")
            stack.callback(graph.stop)
            graph.start()
            os.environ["NEO4J_BOLT_URL"] = graph.url
        broker_url = os.environ.setdefault(
            "CELERY_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//"
        )
        broker = ensure_broker(broker_url)
        if broker is not None:
            stack.callback(broker.stop)
        os.environ["CELERY_TASK_DEFAULT_QUEUE"] = f"lorebase-bench-{uuid.uuid4().hex[:8]}"
        if graph_read_seconds:
            for name in ("SEARCH_GRAPH_TIMEOUT", "LLM_GRAPH_TIMEOUT"):
                os.environ.setdefault(name, str(graph_read_seconds))
        os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("graph_install_labels", verbosity=0)
        if worker_concurrency:
            worker = subprocess.Popen(
                celery_command(
                    "worker",
                    "--loglevel",
                    "WARNING",
                    "--concurrency",
                    str(worker_concurrency),
                ),
                cwd=ROOT,
                start_new_session=True,
            )
            stack.callback(stop_process, worker)
            time.sleep(1)
            _wait_for_worker()
            stack.callback(_delete_queue, os.environ["CELERY_TASK_DEFAULT_QUEUE"])
        yield


def _wait_for_worker(timeout: float = 60) -> None:
    from config.celery import app

    deadline = time.monotonic() + timeout
    while not app.control.ping(timeout=1.0):
        if time.monotonic() > deadline:
            raise TimeoutError("the benchmark's Celery worker did not start")


def _delete_queue(name: str) -> None:
    from config.celery import app

    with app.connection_for_write() as connection:
        connection.default_channel.queue_delete(name)


@contextmanager
def served(*, name: str) -> Iterator[str]:
    """The production WSGI server as compose runs it (gunicorn with deploy/gunicorn.conf.py,
    2 threaded workers, persistent database connections; DEBUG off, API throttle raised)
    on loopback: its URL.

    Its log goes to test-artifacts/<name>-server.log.
    """
    import urllib.request

    from devstack.net import free_port
    from devstack.processes import stop_process

    port = free_port()
    (ROOT / "test-artifacts").mkdir(exist_ok=True)
    with (ROOT / "test-artifacts" / f"{name}-server.log").open("wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi", "-c", "deploy/gunicorn.conf.py"],
            cwd=ROOT,
            env={
                **os.environ,
                "GUNICORN_BIND": f"127.0.0.1:{port}",
                "WEB_CONCURRENCY": "2",
                "DJANGO_DEBUG": "false",
                "DATABASE_CONN_MAX_AGE": "60",
                # The per-user API throttle would answer most of a load test with 429.
                "API_THROTTLE_USER_RATE": "100000/minute",
            },
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 60
            while True:
                try:
                    urllib.request.urlopen(f"{url}/api/schema/", timeout=2)
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise TimeoutError("the web server did not start") from None
                    time.sleep(0.5)
            yield url
        finally:
            stop_process(server)


def bench_token(world) -> str:
    """An API token of a new user who edits `world` (a member, as a studio's writer is:
    each request looks the membership up)."""
    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token

    from lorebase.models import WorldRole
    from lorebase.services import membership_set

    user = get_user_model().objects.create_user("bench", password=os.urandom(8).hex())
    membership_set(world=world, user=user, role=WorldRole.EDITOR)
    return Token.objects.create(user=user).key


def raw_graph_driver():
    """(the neo4j driver alone, its database) for NEO4J_BOLT_URL: the benches' baseline."""
    from urllib.parse import unquote, urlparse

    from django.conf import settings
    from neo4j import GraphDatabase

    url = urlparse(settings.NEO4J_BOLT_URL)
    driver = GraphDatabase.driver(
        f"bolt://{url.hostname}:{url.port}", auth=(unquote(url.username), unquote(url.password))
    )
    return driver, url.path.strip("/") or None


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]
