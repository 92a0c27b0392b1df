"""Backups of what Lorebase cannot rebuild: PostgreSQL, the source of truth (`pg_dump` in
its custom format), and the export repository (a Git bundle of every ref, so commits not
yet pushed survive too). The graph is not backed up: a restore rebuilds it from PostgreSQL.
"""

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import git
from django.conf import settings
from django.db import connections
from django.utils import timezone

from lorebase.models import World


class RestoreRefused(Exception):
    """The target is not empty, or a backup file is missing: nothing was changed."""


@dataclass(frozen=True)
class Backup:
    database: Path
    exports: Path | None  # None: there was no export repository with commits


def pg_program(name: str) -> str:
    """pg_dump or pg_restore of POSTGRES_BIN_DIR (of the server's major), else the PATH's."""
    directory = settings.POSTGRES_BIN_DIR
    return str(Path(directory) / name) if directory else name


def _connection_env_and_args(alias: str = "default") -> tuple[dict[str, str], list[str]]:
    """libpq environment and arguments for the database of `alias` (no password on argv)."""
    config = connections[alias].settings_dict
    env = {"PGPASSWORD": config["PASSWORD"]} if config["PASSWORD"] else {}
    args = ["--dbname", config["NAME"]]
    if config["HOST"]:
        args += ["--host", config["HOST"]]
    if config["PORT"]:
        args += ["--port", str(config["PORT"])]
    if config["USER"]:
        args += ["--username", config["USER"]]
    return env, args


def _run(command: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(command, env={**os.environ, **env}, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{Path(command[0]).name} failed: {done.stderr.strip()[-2000:]}")


def backup_create(*, directory: Path) -> Backup:
    """Write `lorebase-<time>.dump` and, when the export repository has commits,
    `exports-<time>.bundle` into `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    dump = directory / f"lorebase-{stamp}.dump"
    env, args = _connection_env_and_args()
    _run([pg_program("pg_dump"), "--format=custom", "--no-owner", "--file", str(dump), *args], env)
    return Backup(database=dump, exports=_bundle(directory / f"exports-{stamp}.bundle"))


def _bundle(path: Path) -> Path | None:
    export_dir = Path(settings.EXPORT_DIR)
    if not (export_dir / ".git").exists():
        return None
    repository = git.Repo(export_dir)
    if not repository.head.is_valid():
        return None
    repository.git.bundle("create", str(path), "--all")
    return path


def backup_restore(*, database: Path, exports: Path | None = None) -> None:
    """Restore a backup into an empty database (and an absent export repository).

    Refused, with nothing changed, when the database holds a world or the export
    directory a repository: a restore never merges into live data. The graph is not
    touched here; rebuild it afterwards (`graph_rebuild`).
    """
    if not database.is_file():
        raise RestoreRefused(f"No database backup at {database}.")
    if exports is not None and not exports.is_file():
        raise RestoreRefused(f"No export bundle at {exports}.")
    export_dir = Path(settings.EXPORT_DIR)
    if exports is not None and (export_dir / ".git").exists():
        raise RestoreRefused(f"{export_dir} already holds an export repository.")
    if _has_worlds():
        raise RestoreRefused("The database is not empty: restore into a new database.")
    connections["default"].close()  # pg_restore drops and re-creates what migrate made
    env, args = _connection_env_and_args()
    _run(
        [
            pg_program("pg_restore"),
            *("--clean", "--if-exists", "--no-owner", "--single-transaction"),
            "--exit-on-error",
            *args,
            str(database),
        ],
        env,
    )
    if exports is not None:
        repository = git.Repo.clone_from(str(exports), str(export_dir))
        repository.delete_remote(repository.remote("origin"))  # the bundle is no remote


def _has_worlds() -> bool:
    tables = connections["default"].introspection.table_names()
    return World._meta.db_table in tables and World.objects.exists()
