"""Neo4j 5.26 Community on one machine, run by the project's own launcher.

The launcher (`neo4j/`, a Java class and its pom) embeds Neo4j with its Bolt
connector on 127.0.0.1; `make graph-launcher` builds it once with Maven. This
module starts it as a child process in its own process group, waits for its
ready file, and stops it; the launcher also stops by itself when the process
that started it dies. The password of user `neo4j` is generated on first use
and kept in ROOT/password.
"""

import os
import secrets
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .defaults import bolt_url, graph_password_file, stored_password
from .net import port_open
from .processes import stop_process

LAUNCHER_DIR = Path(__file__).resolve().parent / "neo4j"
LAUNCHER_JAR = LAUNCHER_DIR / "target" / "lorebase-neo4j.jar"
MAIN_CLASS = "org.lorebase.devstack.Neo4jLauncher"
READY_FILE = "ready"
FAILURE_PREFIX = "lorebase-neo4j: "


class GraphServerError(RuntimeError):
    """The graph server could not start; the message says what to do."""


def read_or_create_password(path: Path) -> str:
    if stored := stored_password(path):
        return stored
    path.parent.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(24)
    # Created readable by its owner only: it guards the whole graph.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as file:
        file.write(password + "\n")
    return password


def launcher_command(root: Path, port: int, password_file: Path) -> list[str]:
    java = shutil.which("java")
    if java is None:
        raise GraphServerError(
            "Java is missing: `make install` installs it as root on Debian, or install "
            "a Java 17 or 21 runtime (Debian/Ubuntu: apt-get install openjdk-17-jre-headless)."
        )
    if not LAUNCHER_JAR.exists():
        raise GraphServerError(
            f"the Neo4j launcher is not built ({LAUNCHER_JAR} is missing): "
            "run `make graph-launcher`."
        )
    classpath = os.pathsep.join([str(LAUNCHER_JAR), str(LAUNCHER_JAR.parent / "lib" / "*")])
    return [
        java,
        f"-Xmx{os.environ.get('LOREBASE_GRAPH_HEAP', '1g')}",
        "-XX:+UseG1GC",
        "-cp",
        classpath,
        MAIN_CLASS,
        *("--home", str(root), "--port", str(port), "--password-file", str(password_file)),
        *("--pagecache", os.environ.get("LOREBASE_GRAPH_PAGECACHE", "256m")),
        *("--parent-pid", str(os.getpid())),
    ]


@dataclass
class GraphServer:
    """A Neo4j launcher child process: where its data is and how to reach it."""

    root: Path
    bolt_port: int
    log_path: Path
    password_file: Path | None = None
    process: subprocess.Popen | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.password_file = self.password_file or self.root / "password"

    @cached_property
    def password(self) -> str:
        return read_or_create_password(self.password_file)

    @property
    def url(self) -> str:
        return bolt_url(self.bolt_port, self.password)

    def start(self, timeout: float = 180) -> "GraphServer":
        self.root.mkdir(parents=True, exist_ok=True)
        self.password  # noqa: B018 - created before the launcher reads it
        if port_open("127.0.0.1", self.bolt_port):
            raise GraphServerError(
                f"port 127.0.0.1:{self.bolt_port} is already in use; stop what listens "
                "there or choose another port (LOREBASE_GRAPH_BOLT_PORT)."
            )
        command = launcher_command(self.root, self.bolt_port, self.password_file)
        ready = self.root / READY_FILE
        ready.unlink(missing_ok=True)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            log_start = log.tell()
            self.process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + timeout
        while not ready.exists():
            if self.process.poll() is not None:
                raise GraphServerError(self._failure(log_start))
            if time.monotonic() > deadline:
                self.stop()
                raise GraphServerError(
                    f"Neo4j did not start within {timeout:.0f} s; its log is {self.log_path}"
                )
            time.sleep(0.2)
        return self

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)

    def _failure(self, log_start: int) -> str:
        """The launcher's own one-line reason (from this start's part of the log)."""
        with self.log_path.open("rb") as log:
            log.seek(log_start)
            lines = log.read().decode(errors="replace").splitlines()
        reasons = [
            line.removeprefix(FAILURE_PREFIX) for line in lines if line.startswith(FAILURE_PREFIX)
        ]
        reason = reasons[-1] if reasons else "it exited before it was ready"
        return f"Neo4j did not start: {reason} (log: {self.log_path})"


def local_graph_server(bolt_port: int) -> GraphServer:
    """The graph server of `make run`: data and password under the var dir."""
    root = graph_password_file().parent
    return GraphServer(root, bolt_port, log_path=root / "launcher.log")
