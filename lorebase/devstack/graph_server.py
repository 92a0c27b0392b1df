"""The ArcadeDB server with its Bolt plugin, run as a child process.

`python -m lorebase.devstack.graph_server --root DIR ...` starts the server in
its own process (it embeds a JVM), creates the database on first start, writes
DIR/ready and serves until SIGINT or SIGTERM.
"""

import argparse
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .defaults import BASE_DIR, bolt_url
from .processes import stop_process

READY_FILE = "ready"


@dataclass
class GraphServer:
    """A running graph server child process and how to reach (or restart) it."""

    root: Path
    bolt_port: int
    http_port: int
    password: str
    database: str
    log_path: Path
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return bolt_url(self.bolt_port, self.password, self.database)

    def start(self, timeout: float = 120) -> "GraphServer":
        self.root.mkdir(parents=True, exist_ok=True)
        ready = self.root / READY_FILE
        ready.unlink(missing_ok=True)
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "lorebase.devstack.graph_server",
                    "--root",
                    str(self.root),
                    "--bolt-port",
                    str(self.bolt_port),
                    "--http-port",
                    str(self.http_port),
                    "--password",
                    self.password,
                    "--database",
                    self.database,
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                # ArcadeDB writes its ./log under the working directory: keep it with the data.
                cwd=self.root,
                env={**os.environ, "PYTHONPATH": str(BASE_DIR)},
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        # The Bolt port opens before the database exists: wait for the ready file.
        while not ready.exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise TimeoutError(f"the graph server did not start; its log is {self.log_path}")
            time.sleep(0.2)
        return self

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)


def start_graph_server(
    root: Path,
    *,
    bolt_port: int,
    http_port: int,
    password: str,
    database: str,
    log_path: Path,
    timeout: float = 120,
) -> GraphServer:
    return GraphServer(root, bolt_port, http_port, password, database, log_path).start(timeout)


def serve(root: str, bolt_port: int, http_port: int, password: str, database: str) -> None:
    import arcadedb_embedded
    from arcadedb_embedded.jvm import start_jvm

    # -Xrs leaves SIGINT/SIGTERM to Python, so the server stops cleanly on either.
    start_jvm(heap_size=os.environ.get("LOREBASE_GRAPH_HEAP", "1g"), jvm_args="-Xrs")
    server = arcadedb_embedded.create_server(
        root,
        root_password=password,
        config={
            "host": "127.0.0.1",
            "http_port": http_port,
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "bolt_port": bolt_port,
        },
    )
    server.start()
    stopped = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stopped.set())
    try:
        try:
            server.get_database(database)
        except arcadedb_embedded.ArcadeDBError:
            server.create_database(database)
        ready = Path(root) / READY_FILE
        ready.write_text(str(os.getpid()))
        stopped.wait()
    finally:
        ready.unlink(missing_ok=True)
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", required=True)
    parser.add_argument("--bolt-port", type=int, required=True)
    parser.add_argument("--http-port", type=int, required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--database", required=True)
    args = parser.parse_args()
    serve(args.root, args.bolt_port, args.http_port, args.password, args.database)


if __name__ == "__main__":
    main()
