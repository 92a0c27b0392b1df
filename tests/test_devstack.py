import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import neo4j
import pytest

from devstack import graph_server
from devstack.graph_server import GraphServer, GraphServerError
from devstack.net import free_port, wait_for_port
from devstack.processes import stop_process


def test_waiting_on_a_closed_port_times_out_with_the_service_named():
    with pytest.raises(TimeoutError, match=r"the probe did not open 127\.0\.0\.1"):
        wait_for_port("127.0.0.1", free_port(), timeout=0.5, what="the probe")


def test_a_child_that_ignores_sigterm_is_killed():
    stubborn = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
            "print('ready', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert stubborn.stdout.readline().strip() == "ready"
    started = time.monotonic()
    stop_process(stubborn, timeout=1)
    assert stubborn.returncode == -9
    assert time.monotonic() - started < 30


def test_stopping_an_exited_child_is_a_no_op():
    done = subprocess.Popen([sys.executable, "-c", "pass"], start_new_session=True)
    done.wait()
    stop_process(done)
    assert done.returncode == 0


@pytest.mark.services
def test_embedded_postgres_creates_a_database_once(embedded_postgres):
    if embedded_postgres is None:
        pytest.skip("DATABASE_URL names a server; the embedded one is not running")
    embedded_postgres.ensure_database("lorebase_devstack_probe")
    embedded_postgres.ensure_database("lorebase_devstack_probe")  # already there: no error
    listed = embedded_postgres._psql(
        "SELECT datname FROM pg_database WHERE datname = 'lorebase_devstack_probe'"
    )
    assert listed.strip() == "lorebase_devstack_probe"
    embedded_postgres._psql('DROP DATABASE "lorebase_devstack_probe"')


def test_the_graph_password_is_generated_once_and_private(tmp_path):
    path = tmp_path / "neo4j" / "password"
    password = graph_server.read_or_create_password(path)
    assert len(password) >= 24 and path.stat().st_mode & 0o777 == 0o600
    assert graph_server.read_or_create_password(path) == password


def test_without_java_the_graph_server_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(graph_server.shutil, "which", lambda command: None)
    server = GraphServer(tmp_path, free_port(), log_path=tmp_path / "log")
    with pytest.raises(GraphServerError, match="apt-get install openjdk-17"):
        server.start()


def test_an_unbuilt_launcher_names_the_make_target(tmp_path, monkeypatch):
    monkeypatch.setattr(graph_server, "LAUNCHER_JAR", tmp_path / "missing.jar")
    server = GraphServer(tmp_path, free_port(), log_path=tmp_path / "log")
    with pytest.raises(GraphServerError, match="make graph-launcher"):
        server.start()


@pytest.mark.services
def test_a_taken_port_is_one_clear_line_from_the_launcher_itself(tmp_path, graph_server_url):
    """The Java side checks too (a port taken between our check and its bind)."""
    port = int(graph_server_url.rsplit(":", 1)[1])
    password = tmp_path / "password"
    password.write_text("a-long-enough-password")
    result = subprocess.run(
        graph_server.launcher_command(tmp_path / "home", port, password),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stdout.strip().splitlines() == [
        f"lorebase-neo4j: port 127.0.0.1:{port} is already in use; stop what listens there "
        "or choose another port (LOREBASE_GRAPH_BOLT_PORT)"
    ]


@pytest.mark.services
def test_the_graph_server_wants_its_password_and_stops_when_its_parent_dies(tmp_path):
    """A parent killed without any clean-up (SIGKILL) still leaves no Java behind."""
    port = free_port()
    parent = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; "
            "from devstack.graph_server import GraphServer; "
            f"root = Path({str(tmp_path)!r}); "
            f"s = GraphServer(root, {port}, log_path=root / 'log'); "
            "s.start(); print(s.process.pid, flush=True); time.sleep(600)",
        ],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        java = int(parent.stdout.readline())
        password = (tmp_path / "password").read_text().strip()
        with neo4j.GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=("neo4j", password)) as d:
            assert d.execute_query("RETURN 1 AS one").records[0]["one"] == 1
        with (
            neo4j.GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=("neo4j", "wrong")) as d,
            pytest.raises(neo4j.exceptions.AuthError),
        ):
            d.execute_query("RETURN 1")
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 60
        while _alive(java):
            assert time.monotonic() < deadline, "Neo4j outlived the process that started it"
            time.sleep(0.2)
        assert "lorebase-neo4j: stopped" in (tmp_path / "log").read_text()
        assert not (tmp_path / "ready").exists()
    finally:
        stop_process(parent)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped by init) is gone for our purposes.
    return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"


def test_a_child_that_exits_is_restarted_with_backoff_and_says_so():
    """`make run` used to stop everything when one child exited (a killed worker took
    the web server down): the supervisor restarts it, waiting longer each time."""
    from devstack.supervisor import Supervisor

    lines: list[str] = []
    spawned: list[subprocess.Popen] = []

    def spawn(command: list[str]) -> subprocess.Popen:
        spawned.append(subprocess.Popen(command, start_new_session=True))
        return spawned[-1]

    supervisor = Supervisor(spawn=spawn, log=lines.append, first_backoff=0.1, max_backoff=0.2)
    crashing = supervisor.start("worker", [sys.executable, "-c", "raise SystemExit(3)"])
    steady = supervisor.start("web", [sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        deadline = time.monotonic() + 20
        while crashing.restarts < 3 and time.monotonic() < deadline:
            supervisor.check()
            time.sleep(0.02)
        assert crashing.restarts >= 3, lines
        assert steady.restarts == 0 and steady.process.poll() is None, "the others keep running"
        assert "worker exited with status 3; restarting it in 0.1 s." in lines
        assert "worker exited with status 3; restarting it in 0.2 s." in lines  # doubled, capped
        assert not any("in 0.4 s" in line for line in lines)
        assert any(line.startswith("worker restarted (pid ") for line in lines)
    finally:
        supervisor.stop_all()
    assert all(process.poll() is not None for process in spawned)


def test_the_supervisor_backs_off_from_the_start_again_after_a_stable_run():
    from devstack.supervisor import Supervisor

    now = [0.0]

    class Exited:
        pid = 1

        def poll(self) -> int:
            return 1

    supervisor = Supervisor(
        spawn=lambda command: Exited(), log=lambda line: None, clock=lambda: now[0]
    )
    child = supervisor.start("beat", ["beat"])
    supervisor.check()
    assert child.restart_at == 1.0 and child.backoff == 2.0
    now[0] = 1.0
    supervisor.check()  # restarted
    assert child.restarts == 1 and child.restart_at is None
    supervisor.check()  # and dead again at once: the next wait is longer
    assert child.restart_at == 3.0
    now[0] = 3.0
    supervisor.check()
    assert child.restarts == 2
    now[0] = 100.0
    supervisor.check()  # it ran 97 s before it died this time
    assert child.restart_at == 101.0  # back to the first backoff


def test_the_devstack_prints_no_runtime_directory_warning():
    """Without XDG_RUNTIME_DIR, importing the embedded PostgreSQL warned on every start."""
    env = {name: value for name, value in os.environ.items() if name != "XDG_RUNTIME_DIR"}
    result = subprocess.run(
        [sys.executable, "-W", "default", "-c", "import devstack.run"],
        env=env,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert result.returncode == 0, result.stderr
    assert "RuntimeDirWarning" not in result.stderr + result.stdout
