import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from config.health import check_database

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def test_postgres_has_the_extensions_search_needs():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM pg_available_extensions WHERE name IN ('vector', 'pg_trgm')"
        )
        available = {row[0] for row in cursor.fetchall()}
        cursor.execute(
            "SELECT cfgname FROM pg_ts_config WHERE cfgname IN ('russian', 'english', 'simple')"
        )
        configs = {row[0] for row in cursor.fetchall()}
    assert available == {"vector", "pg_trgm"}
    assert configs == {"russian", "english", "simple"}


def test_rows_written_are_read_back():
    get_user_model().objects.create_user("writer", password="x-long-password")
    assert get_user_model().objects.filter(username="writer").exists()


def test_database_check_reports_latency():
    result = check_database()
    assert result["ok"] is True
    assert result["latency_ms"] >= 0
