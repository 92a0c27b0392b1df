import socket
import uuid
from contextlib import suppress
from pathlib import Path

import pytest
from kombu import Connection

from devstack import broker
from devstack.broker import BrokerUnavailable, RabbitNode, ensure_broker, local_url
from devstack.net import free_port, port_open


def _round_trip(url: str) -> str:
    name = f"lorebase-broker-test-{uuid.uuid4().hex[:8]}"
    # A buffer queue is deleted with its last consumer: nothing is left in the broker.
    with Connection(url, connect_timeout=10) as connection, connection.SimpleBuffer(name) as queue:
        queue.put("ping")
        message = queue.get(timeout=10)
        message.ack()
        return message.payload


def _commands(pids: list[int]) -> set[str]:
    commands = set()
    for pid in pids:
        with suppress(OSError):  # gone meanwhile
            commands.add(Path(f"/proc/{pid}/comm").read_text().strip())
    return commands


def _assert_gone(node: RabbitNode) -> None:
    assert not port_open(node.host, node.port)
    assert node.processes() == []


@pytest.mark.services
def test_a_reachable_broker_is_used_as_it_is(broker_url):
    assert ensure_broker(broker_url) is None


@pytest.mark.services
def test_a_second_node_runs_beside_the_sessions_and_leaves_nothing(tmp_path, broker_url):
    node = RabbitNode(tmp_path, local_url(free_port()))
    try:
        node.start()
        assert node.url != broker_url
        assert _round_trip(node.url) == "ping"
        assert {"beam.smp", "epmd"} <= _commands(node.processes())  # what stop() must end
    finally:
        node.stop()
    _assert_gone(node)
    # Its epmd is its own: stopping it unregistered no other node.
    assert _round_trip(broker_url) == "ping"


@pytest.mark.services
def test_nothing_at_a_local_url_starts_a_node_of_ours_in_the_var_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("LOREBASE_VAR_DIR", str(tmp_path))
    url = local_url(free_port())
    node = ensure_broker(url)
    try:
        assert node.node == "lorebase@localhost"
        assert _round_trip(url) == "ping"
        assert (tmp_path / "rabbitmq" / "mnesia" / node.node).is_dir()
    finally:
        node.stop()
    _assert_gone(node)


@pytest.mark.services
def test_a_node_that_cannot_boot_says_why_and_leaves_nothing(tmp_path):
    with socket.socket() as taken:  # its port is someone else's
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        node = RabbitNode(tmp_path, local_url(taken.getsockname()[1]))
        with pytest.raises(BrokerUnavailable, match="eaddrinuse"):
            node.start()
    assert node.processes() == []


def test_an_unreachable_remote_broker_is_reported():
    with pytest.raises(BrokerUnavailable, match="not reachable"):
        ensure_broker(f"amqp://guest:guest@127.0.0.2:{free_port()}//")


def test_without_rabbitmq_installed_the_message_says_what_to_install(monkeypatch):
    # This machine cannot uninstall RabbitMQ for a test: hide it from the lookup instead.
    monkeypatch.setattr(broker, "_find", lambda command: None)
    monkeypatch.setattr(broker.os, "geteuid", lambda: 1000)
    with pytest.raises(BrokerUnavailable, match="apt-get install rabbitmq-server"):
        ensure_broker(f"amqp://guest:guest@127.0.0.1:{free_port()}//")
