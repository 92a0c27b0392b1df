import pytest

from lorebase.devstack import broker
from lorebase.devstack.broker import BrokerUnavailable, ensure_broker
from lorebase.devstack.net import free_port


@pytest.mark.services
def test_a_reachable_broker_is_used_as_it_is(broker_url):
    assert ensure_broker(broker_url) is None


def test_an_unreachable_remote_broker_is_reported():
    with pytest.raises(BrokerUnavailable, match="not reachable"):
        ensure_broker(f"amqp://guest:guest@127.0.0.2:{free_port()}//")


def test_without_rabbitmq_installed_the_message_says_what_to_install(monkeypatch):
    # This machine cannot uninstall RabbitMQ for a test: hide it from the lookup instead.
    monkeypatch.setattr(broker, "_find", lambda command: None)
    monkeypatch.setattr(broker.os, "geteuid", lambda: 1000)
    with pytest.raises(BrokerUnavailable, match="apt-get install rabbitmq-server"):
        ensure_broker(f"amqp://guest:guest@127.0.0.1:{free_port()}//")
