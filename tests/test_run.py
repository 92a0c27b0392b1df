"""`make run` end to end: the stack comes up, answers, and Ctrl-C leaves nothing behind."""

import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator

import psutil
import psycopg
import pytest
from django.conf import settings

from config.celery import app as celery_app
from devstack.net import free_port
from tests.conftest import database_url

pytestmark = pytest.mark.services


@pytest.fixture
def run_database(django_db_setup: None) -> Iterator[str]:
    """A database of its own for the `make run` process, dropped afterwards."""
    config = {**settings.DATABASES["default"], "NAME": f"lorebase_run_{uuid.uuid4().hex[:8]}"}
    params = {
        "host": config["HOST"],
        "port": config["PORT"] or None,
        "user": config["USER"],
        "password": config["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**params) as connection:
        connection.execute(f'CREATE DATABASE "{config["NAME"]}"')
    yield database_url(config)
    with psycopg.connect(**params) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{config["NAME"]}" WITH (FORCE)')


def _read_lines(stream, lines: list[str]) -> None:
    for line in iter(stream.readline, ""):
        lines.append(line)


def _wait_for(lines: list[str], text: str, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not any(text in line for line in lines):
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"`make run` never printed {text!r}:\n{''.join(lines)[-4000:]}")
        time.sleep(0.2)


def _get(opener, url: str) -> tuple[int, str]:
    with opener.open(url, timeout=10) as response:
        return response.status, response.read().decode()


def test_make_run_serves_the_stack_and_ctrl_c_leaves_no_process(run_database, task_queue, tmp_path):
    """With no NEO4J_BOLT_URL, `make run` starts (and stops) a Neo4j of its own."""
    port, bolt_port = free_port(), free_port()
    queue = f"{task_queue}-run"
    env = {
        **{name: value for name, value in os.environ.items() if name != "NEO4J_BOLT_URL"},
        "LOREBASE_ENV_FILE": str(tmp_path / "no.env"),
        "LOREBASE_GRAPH_BOLT_PORT": str(bolt_port),
        "DATABASE_URL": run_database,
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "LOREBASE_WEB_PORT": str(port),
        "LOREBASE_VAR_DIR": str(tmp_path),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "devstack.run"],
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=settings.BASE_DIR,
    )
    lines: list[str] = []
    threading.Thread(target=_read_lines, args=(process.stdout, lines), daemon=True).start()
    try:
        _wait_for(lines, "Press Ctrl-C", process, timeout=180)
        base = f"http://127.0.0.1:{port}"
        output = "".join(lines)
        for path in ("/admin/", "/api/docs/", "/metrics"):
            assert f"{base}{path}" in output
        assert (
            f"bolt://127.0.0.1:{bolt_port}, user neo4j, password in {tmp_path}/neo4j/password"
            in output
        )

        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        # The banner is printed once the web server listens: no waiting for the port.
        status, login_page = _get(opener, f"{base}/admin/login/")
        assert status == 200

        status, docs = _get(opener, f"{base}/api/docs/")
        assert status == 200
        assets = re.findall(r'(?:src|href)="(/static/[^"]+\.(?:js|css))"', docs)
        assert assets
        for asset in assets:
            assert _get(opener, f"{base}{asset}")[0] == 200, asset
        status, metrics = _get(opener, f"{base}/metrics")
        assert status == 200 and "django_http_requests" in metrics

        password = re.search(r"password '([^']+)' \(local only\)", output).group(1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page).group(1)
        form = urllib.parse.urlencode(
            {
                "username": "admin",
                "password": password,
                "csrfmiddlewaretoken": token,
                "next": "/admin/",
            }
        ).encode()
        status, index = _get(opener, urllib.request.Request(f"{base}/admin/login/", data=form))
        assert status == 200 and "Log out" in index, "the printed credentials log in"

        children = psutil.Process(process.pid).children(recursive=True)
        commands = [" ".join(child.cmdline()) for child in children]
        assert any("runserver" in c for c in commands)
        assert any("worker" in c for c in commands)
        assert any("beat" in c for c in commands)
        assert any("Neo4jLauncher" in c for c in commands)
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 0, "".join(lines)[-4000:]
        with celery_app.connection_for_write() as connection:
            connection.default_channel.queue_delete(queue)

    survivors = [c for c in children if c.is_running() and c.status() != psutil.STATUS_ZOMBIE]
    assert survivors == [], [c.cmdline() for c in survivors]
    assert "Lorebase stopped." in "".join(lines)
