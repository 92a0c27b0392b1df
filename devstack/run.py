"""`make run`: the whole stack on one machine, stopped cleanly by Ctrl-C.

Starts the embedded services the environment does not name, prepares the
database and the graph, then runs the web server, one Celery worker and
Celery beat, each in its own process group so that nothing outlives us; a
child that dies is restarted with backoff (devstack.supervisor).
"""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable

from kombu.utils.url import maybe_sanitize_url

from .broker import BrokerUnavailable, ensure_broker
from .defaults import (
    DEFAULT_BOLT_PORT,
    LOCAL_DATABASE_NAME,
    graph_password_file,
    missing_service_urls,
    var_dir,
)
from .graph_server import GraphServerError, local_graph_server
from .net import port_open
from .postgres import start_embedded_postgres
from .processes import celery_command
from .supervisor import Supervisor

MANAGE = [sys.executable, "manage.py"]


class Shutdown(Exception):
    """Raised by SIGINT/SIGTERM so that clean-up runs in `finally`."""


def _raise_shutdown(*_: object) -> None:
    raise Shutdown


def start_services(env: dict[str, str], on_stop: list[Callable[[], None]]) -> None:
    """Start what the environment does not name; record how to stop it."""
    missing = missing_service_urls()
    if "DATABASE_URL" in missing:
        postgres = start_embedded_postgres(var_dir() / "postgres")
        on_stop.append(postgres.stop)
        postgres.ensure_database(LOCAL_DATABASE_NAME)
        env["DATABASE_URL"] = postgres.url(LOCAL_DATABASE_NAME)
        print(f"PostgreSQL (embedded): {postgres.pgdata}", flush=True)
    if "NEO4J_BOLT_URL" in missing:
        port = int(env.get("LOREBASE_GRAPH_BOLT_PORT", DEFAULT_BOLT_PORT))
        graph = local_graph_server(port)
        on_stop.append(graph.stop)  # before start: a half-started launcher is stopped too
        graph.start()
        env["NEO4J_BOLT_URL"] = graph.url
        print(
            f"Neo4j 5.26 (embedded): bolt://127.0.0.1:{graph.bolt_port}, user neo4j, "
            f"password in {graph_password_file()}",
            flush=True,
        )
    broker_url = env.setdefault("CELERY_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//")
    broker = ensure_broker(broker_url)
    shown = maybe_sanitize_url(broker_url)  # never print the password
    if broker is None:
        print(f"RabbitMQ: {shown} (already running, used as it is)", flush=True)
    else:
        on_stop.append(broker.stop)
        print(
            f"RabbitMQ: {shown}, node {broker.node} started (data in {broker.root}; "
            "stopped on exit)",
            flush=True,
        )


def prepare(env: dict[str, str]) -> None:
    for command in (
        ["migrate", "--noinput"],
        ["graph_install_labels"],
        ["ensure_local_admin"],
        ["load_demo_world", "--owner", "admin"],
    ):
        subprocess.run([*MANAGE, *command], env=env, check=True)


def spawn(command: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(command, env=env, start_new_session=True)


def banner(base: str) -> str:
    return (
        "\nLorebase is up:\n"
        f"  admin     {base}/admin/\n"
        f"  API docs  {base}/api/docs/\n"
        f"  schema    {base}/api/schema/\n"
        f"  metrics   {base}/metrics\n"
        "A child that exits is restarted. Press Ctrl-C to stop everything.\n"
    )


def main() -> int:
    signal.signal(signal.SIGINT, _raise_shutdown)
    signal.signal(signal.SIGTERM, _raise_shutdown)
    var_dir().mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    host = env.get("LOREBASE_WEB_HOST", "127.0.0.1")
    port = env.get("LOREBASE_WEB_PORT", "8000")
    on_stop: list[Callable[[], None]] = []
    supervisor = Supervisor(spawn=lambda command: spawn(command, env))
    status = 0
    try:
        start_services(env, on_stop)
        prepare(env)
        supervisor.start("web", [*MANAGE, "runserver", f"{host}:{port}", "--noreload"])
        supervisor.start(
            "worker", celery_command("worker", "--loglevel", "INFO", "--concurrency", "1")
        )
        supervisor.start("beat", celery_command("beat", "--loglevel", "INFO"))
        announced = False
        while True:
            supervisor.check()
            # The banner only once the web server answers: its URLs work when printed.
            if not announced and port_open(host, int(port)):
                print(banner(f"http://{host}:{port}"), flush=True)
                announced = True
            time.sleep(0.5)
    except Shutdown:
        pass
    except (GraphServerError, BrokerUnavailable) as error:
        print(f"make run: {error}", file=sys.stderr, flush=True)
        status = 1
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut clean-up short
        supervisor.stop_all()
        for stop in reversed(on_stop):
            stop()
        print("Lorebase stopped.", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
