"""RabbitMQ at CELERY_BROKER_URL: used if reachable, else a node of our own is started.

Order: a reachable broker is used as it is; for a local URL a node of our own is
started on the URL's port (as root on Debian/Ubuntu the package is installed
with apt first); anything else stops with a message that says what to install.

A node of our own shares nothing with another RabbitMQ on the machine: it has
its own name, AMQP port, distribution port, epmd, Erlang cookie, data, logs and
config, and no plugins (the management plugin would take port 15672).
"""

import os
import shutil
import signal
import subprocess
import time
import uuid
from contextlib import suppress
from pathlib import Path

from kombu.utils.url import url_to_parts

from .defaults import var_dir
from .net import free_port, port_open, wait_for_port
from .processes import stop_process

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
# Debian's real scripts: its /usr/sbin wrappers switch to the `rabbitmq` user,
# who can neither write our directories nor read our Erlang cookie.
RABBITMQ_BIN = "/usr/lib/rabbitmq/bin"
LOOPBACK = "127.0.0.1"


class BrokerUnavailable(RuntimeError):
    pass


def local_url(port: int) -> str:
    return f"amqp://guest:guest@{LOOPBACK}:{port}//"


def _find(command: str) -> str | None:
    path = os.pathsep.join([RABBITMQ_BIN, os.environ.get("PATH", "")])
    return shutil.which(command, path=path)


def _apt_install() -> None:
    subprocess.run(["apt-get", "update", "-q"], check=True)
    subprocess.run(
        ["apt-get", "install", "-y", "-q", "--no-install-recommends", "rabbitmq-server"],
        check=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )


def _installed(command: str) -> str:
    """The path of a RabbitMQ script, installing the package first when we can."""
    if _find(command) is None and os.geteuid() == 0 and Path("/usr/bin/apt-get").exists():
        _apt_install()
    found = _find(command)
    if found is None:
        raise BrokerUnavailable(
            "RabbitMQ is not running and not installed. Install it "
            "(Debian/Ubuntu: `sudo apt-get install rabbitmq-server`; macOS: "
            "`brew install rabbitmq`) or set CELERY_BROKER_URL to a running broker."
        )
    return found


def _processes_with(variable: str) -> list[int]:
    """Live processes whose environment holds `variable` (read from Linux's /proc)."""
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        with suppress(OSError):  # gone meanwhile, or another user's
            if variable.encode() in environ.read_bytes().split(b"\0"):
                found.append(int(environ.parent.name))
    return found


class RabbitNode:
    """A RabbitMQ node of our own, with all its files under `root`, reached at `url`."""

    def __init__(self, root: Path, url: str, *, name: str | None = None) -> None:
        parts = url_to_parts(url)
        self.root = root
        self.url = url
        # Listening on the loopback address the URL names, and only there.
        self.host = "::1" if parts.hostname == "::1" else LOOPBACK
        self.port = parts.port or 5672
        self.node = f"{name or 'lorebase-' + uuid.uuid4().hex[:12]}@localhost"
        self.console_log = root / "log" / "console.out"
        # The first boot creates this user and vhost, so the URL's credentials work.
        self._defaults = {
            "default_user": parts.username or "guest",
            "default_pass": parts.password or "guest",
            "default_vhost": parts.path or "/",
        }
        self._env = self._environment(dist_port=free_port(), epmd_port=free_port())
        self._process: subprocess.Popen | None = None
        self._ctl_path = ""

    def _environment(self, *, dist_port: int, epmd_port: int) -> dict[str, str]:
        root = self.root
        return {
            **os.environ,
            "HOME": str(root),  # the Erlang cookie, $HOME/.erlang.cookie, is the node's own
            # An epmd of our own: it can be stopped with the node without
            # unregistering anyone else's (the shared one listens on 4369).
            "ERL_EPMD_PORT": str(epmd_port),
            "ERL_EPMD_ADDRESS": LOOPBACK,
            "RABBITMQ_NODENAME": self.node,
            "RABBITMQ_NODE_IP_ADDRESS": self.host,
            "RABBITMQ_NODE_PORT": str(self.port),
            "RABBITMQ_DIST_PORT": str(dist_port),
            "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS": "-kernel inet_dist_use_interface {127,0,0,1}",
            "RABBITMQ_MNESIA_BASE": str(root / "mnesia"),
            "RABBITMQ_LOG_BASE": str(root / "log"),
            "RABBITMQ_PID_FILE": str(root / "node.pid"),
            # Files of our own instead of /etc/rabbitmq's, which may name ports or plugins.
            "RABBITMQ_CONF_ENV_FILE": str(root / "rabbitmq-env.conf"),
            "RABBITMQ_CONFIG_FILE": str(root / "rabbitmq.conf"),
            "RABBITMQ_ADVANCED_CONFIG_FILE": str(root / "advanced.config"),
            "RABBITMQ_ENABLED_PLUGINS_FILE": str(root / "enabled_plugins"),
        }

    def _write_config(self) -> None:
        for directory in ("mnesia", "log"):
            (self.root / directory).mkdir(parents=True, exist_ok=True)
        (self.root / "rabbitmq-env.conf").write_text("")
        (self.root / "enabled_plugins").write_text("[].\n")
        (self.root / "rabbitmq.conf").write_text(
            "".join(f"{key} = {value}\n" for key, value in self._defaults.items())
        )

    def start(self, timeout: float = 90) -> "RabbitNode":
        """Start the node and return once it accepts AMQP; on failure leave nothing running."""
        server = _installed("rabbitmq-server")
        self._ctl_path = _installed("rabbitmqctl")
        self._write_config()
        with self.console_log.open("ab") as log:
            self._process = subprocess.Popen(
                [server],
                env=self._env,
                cwd=self.root,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # the script and the VM share a group we can kill
            )
        try:
            self._await_startup(timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def _await_startup(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not port_open(self.host, self.port):
            if self._process.poll() is not None or time.monotonic() > deadline:
                raise self._failure(f"did not open port {self.port}")
            time.sleep(0.2)
        # The boot is over, not just a listener up (which may even be someone else's).
        if self._ctl("await_startup").returncode != 0:
            raise self._failure("did not finish its boot")

    def _failure(self, what: str) -> BrokerUnavailable:
        with suppress(subprocess.TimeoutExpired):
            self._process.wait(10)  # a failed boot ends the VM: let its last words reach the log
        tail = self.console_log.read_text(errors="replace")[-1500:]
        return BrokerUnavailable(
            f"RabbitMQ node {self.node} {what} (logs: {self.root / 'log'}):\n{tail}"
        )

    def _ctl(self, *args: str, check: bool = False) -> subprocess.CompletedProcess:
        return subprocess.run(
            [self._ctl_path, "-n", self.node, *args],
            env=self._env,
            capture_output=True,
            text=True,
            timeout=90,
            check=check,
        )

    def stop_app(self) -> None:
        """Stop RabbitMQ inside the running VM: AMQP is refused until `start_app`."""
        self._ctl("stop_app", check=True)

    def start_app(self) -> None:
        self._ctl("start_app", check=True)
        wait_for_port(self.host, self.port, 60, "RabbitMQ")

    def processes(self) -> list[int]:
        """Live processes of this node, its epmd included: all inherit its RABBITMQ_MNESIA_BASE."""
        return _processes_with(f"RABBITMQ_MNESIA_BASE={self._env['RABBITMQ_MNESIA_BASE']}")

    def stop(self) -> None:
        """Stop the node, then kill whatever remains of it, its epmd included."""
        if self._process is None:
            return
        with suppress(subprocess.TimeoutExpired):
            # With the pid file rabbitmqctl returns only once the VM has exited.
            self._ctl("stop", self._env["RABBITMQ_PID_FILE"])
        stop_process(self._process)  # the script and the VM, if the stop failed
        self._end_leftovers()
        self._process = None

    def _end_leftovers(self, grace: float = 10) -> None:
        # The epmd and the VM's port helpers run outside its process group.
        for signum in (signal.SIGTERM, signal.SIGKILL):
            for pid in self.processes():
                with suppress(ProcessLookupError):
                    os.kill(pid, signum)
            deadline = time.monotonic() + grace
            while self.processes() and time.monotonic() < deadline:
                time.sleep(0.1)


def ensure_broker(url: str, *, timeout: float = 90) -> RabbitNode | None:
    """Use the broker at `url` if it answers, else start our node on its local port."""
    parts = url_to_parts(url)
    host, port = parts.hostname or LOOPBACK, parts.port or 5672
    if port_open(host, port):
        return None
    if host not in LOCAL_HOSTS:
        raise BrokerUnavailable(f"RabbitMQ at {host}:{port} (CELERY_BROKER_URL) is not reachable.")
    # A fixed name: the node's data (durable queues) is kept under it from run to run.
    return RabbitNode(var_dir() / "rabbitmq", url, name="lorebase").start(timeout)
