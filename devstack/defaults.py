"""Where the embedded services live and the URLs that reach them by default."""

import os
from pathlib import Path
from urllib.parse import quote

from config.environment import load_dotenv, var_dir

LOCAL_DATABASE_NAME = "lorebase"
DEFAULT_BOLT_PORT = 7687
# Variables whose absence means "start the embedded server" (for CELERY_BROKER_URL:
# the test session's own RabbitMQ node; `make run` uses 127.0.0.1:5672 or starts it).
SERVICE_URL_VARIABLES = ("DATABASE_URL", "NEO4J_BOLT_URL", "CELERY_BROKER_URL")


def socket_database_url(socket_dir: Path, database: str) -> str:
    """A postgres:// URL that reaches a server through its Unix socket directory."""
    return f"postgres://postgres@{quote(str(socket_dir), safe='')}/{database}"


def graph_password_file() -> Path:
    """The generated password of the local Neo4j's user `neo4j` (made on its first start)."""
    return var_dir() / "neo4j" / "password"


def bolt_url(port: int, password: str) -> str:
    """The local Neo4j: Community has one user database, the default one."""
    return f"bolt://neo4j:{quote(password, safe='')}@127.0.0.1:{port}"


def missing_service_urls() -> set[str]:
    """The service variables neither the environment nor .env sets."""
    load_dotenv()
    return {name for name in SERVICE_URL_VARIABLES if not os.environ.get(name)}


def stored_password(path: Path) -> str | None:
    return path.read_text().strip() if path.exists() else None


def local_service_defaults() -> dict[str, str]:
    """Defaults for dev and test settings, pointing at the embedded services."""
    return {
        "DJANGO_SECRET_KEY": "lorebase-local-development-only",
        "DATABASE_URL": socket_database_url(var_dir() / "postgres", LOCAL_DATABASE_NAME),
        "NEO4J_BOLT_URL": bolt_url(
            int(os.environ.get("LOREBASE_GRAPH_BOLT_PORT", DEFAULT_BOLT_PORT)),
            # Before the first start there is no password yet, and no server to reach either.
            stored_password(graph_password_file()) or "not-started-yet",
        ),
    }


def apply_local_defaults() -> frozenset[str]:
    """Fill unset variables with the embedded defaults; return the service URLs that were unset."""
    missing = frozenset(missing_service_urls())
    for name, value in local_service_defaults().items():
        os.environ.setdefault(name, value)
    return missing
