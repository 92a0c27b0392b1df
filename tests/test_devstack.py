import subprocess
import sys
import time

import pytest

from lorebase.devstack.net import free_port, wait_for_port
from lorebase.devstack.processes import stop_process


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
