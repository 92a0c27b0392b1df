import os
import subprocess
import sys

import pytest

from config.settings.base import database_from_url

PRODUCTION_ENV = {
    "LOREBASE_ENV_FILE": os.devnull,  # a developer's .env must not fill the gaps
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "a-real-secret",
    "DJANGO_ALLOWED_HOSTS": "lore.example",
    "DATABASE_URL": "postgres://lore:pw@db:5432/lore",
    "NEO4J_BOLT_URL": "bolt://neo4j:pw@graph:7687",
}


def test_socket_directory_in_database_url_is_decoded():
    config = database_from_url("postgres://postgres@%2Fvar%2Frun%2Fpg/lore")
    assert config["HOST"] == "/var/run/pg"
    assert config["NAME"] == "lore"
    assert config["ENGINE"] == "django_prometheus.db.backends.postgresql"


def _load_production(env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={**clean, **env},
        capture_output=True,
        text=True,
        cwd=os.getcwd(),
    )


def test_production_settings_load_with_everything_set():
    result = _load_production(PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL", "NEO4J_BOLT_URL"]
)
def test_production_settings_refuse_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = _load_production(env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_the_wsgi_entry_point_loads():
    from config.wsgi import application

    assert callable(application)


def test_the_dev_server_keeps_no_database_connection_past_its_request():
    """runserver has a thread per request: kept connections would pile up to PostgreSQL's limit."""
    clean = {k: v for k, v in os.environ.items() if k != "DATABASE_CONN_MAX_AGE"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.DATABASES['default']['CONN_MAX_AGE'])",
        ],
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings.dev"},
        capture_output=True,
        text=True,
        cwd=os.getcwd(),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0"
