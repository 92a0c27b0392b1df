import re

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_admin_login_page(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert b"Lorebase" in response.content


def test_api_docs_use_only_local_assets(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', html)
    assert assets, "the docs page loads Swagger UI assets"
    for asset in assets:
        assert asset.startswith("/static/"), asset
        assert finders.find(asset.removeprefix("/static/")), asset


def test_schema_is_served(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Lorebase API"


def test_schema_validates_without_warnings(tmp_path):
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    assert target.read_text().startswith("openapi: 3")


def test_metrics_are_exported(client):
    client.get("/admin/login/")
    response = client.get("/metrics")
    assert response.status_code == 200
    body = response.content.decode()
    assert "django_http_requests_total_by_view_transport_method_total" in body
    assert "django_db_new_connections_total" in body
