"""RabbitMQ at CELERY_BROKER_URL: used if reachable, else started, else installed.

Order: a reachable broker is used as it is; a local `rabbitmq-server` is started
detached; as root on Debian/Ubuntu the package is installed with apt first;
anything else stops with a message that says what to install.
"""

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from kombu.utils.url import url_to_parts

from .net import port_open, wait_for_port

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
SBIN_DIRS = ("/usr/sbin", "/usr/lib/rabbitmq/bin")


class BrokerUnavailable(RuntimeError):
    pass


@dataclass
class StartedBroker:
    """A RabbitMQ node this process started, so it is ours to stop."""

    ctl: str

    def stop(self) -> None:
        subprocess.run([self.ctl, "stop"], check=False, capture_output=True, timeout=60)


def _find(command: str) -> str | None:
    path = os.pathsep.join([os.environ.get("PATH", ""), *SBIN_DIRS])
    return shutil.which(command, path=path)


def _apt_install() -> None:
    subprocess.run(["apt-get", "update", "-q"], check=True)
    subprocess.run(
        ["apt-get", "install", "-y", "-q", "--no-install-recommends", "rabbitmq-server"],
        check=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )


def ensure_broker(url: str, *, timeout: float = 90) -> StartedBroker | None:
    parts = url_to_parts(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 5672
    if port_open(host, port):
        return None
    if host not in LOCAL_HOSTS:
        raise BrokerUnavailable(f"RabbitMQ at {host}:{port} (CELERY_BROKER_URL) is not reachable.")
    server = _find("rabbitmq-server")
    if server is None and os.geteuid() == 0 and Path("/usr/bin/apt-get").exists():
        _apt_install()
        server = _find("rabbitmq-server")
    if server is None:
        raise BrokerUnavailable(
            "RabbitMQ is not running and not installed. Install it "
            "(Debian/Ubuntu: `sudo apt-get install rabbitmq-server`; macOS: "
            "`brew install rabbitmq`) or set CELERY_BROKER_URL to a running broker."
        )
    subprocess.run([server, "-detached"], check=True)
    wait_for_port(host, port, timeout, "RabbitMQ")
    return StartedBroker(ctl=_find("rabbitmqctl") or "rabbitmqctl")
