"""Body size, throttles, CORS and the security headers of the admin and docs pages."""

import base64
import hashlib
import json
import os
import re
import subprocess
import sys

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from lorebase.api.throttling import AnonRateThrottle, UserRateThrottle
from lorebase.models import Character
from tests.api.conftest import url
from tests.problems import problem
from tests.test_settings import PRODUCTION_ENV

pytestmark = pytest.mark.django_db


def _csp(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {d.split()[0]: d.split()[1:] for d in policy.split("; ") if d}


def test_a_body_over_the_limit_is_413_json_and_writes_nothing(world, editor, settings):
    before = Character.objects.count()
    body = json.dumps({"name": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)})
    response = editor.post(url(world, "characters/"), body, content_type="application/json")
    assert "larger than" in problem(response, 413, "request_too_large")["detail"]
    assert Character.objects.count() == before


def test_a_form_body_over_the_limit_is_json_too(world, editor, settings):
    # Under the declared-length check, Django's own form limit still applies: JSON as well.
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    form = "&".join(f"f{n}=v" for n in range(10))
    response = editor.post(
        url(world, "characters/"), form, content_type="application/x-www-form-urlencoded"
    )
    assert "parameters exceeded" in problem(response, 400, "parse_error")["detail"]


def test_too_many_query_parameters_are_400_json(world, editor, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    query = "&".join(f"f{n}=v" for n in range(10))
    response = editor.get(url(world, f"characters/?{query}"))
    problem(response, 400, "parse_error")


def test_a_bad_content_length_is_400(world, editor):
    response = editor.generic("POST", url(world, "characters/"), "{}", CONTENT_LENGTH="lots")
    problem(response, 400, "parse_error")


def test_every_api_view_is_throttled_per_user_and_anonymous(settings):
    rest = settings.REST_FRAMEWORK
    # Counted in the cache every web process shares (lorebase.api.throttling).
    assert rest["DEFAULT_THROTTLE_CLASSES"] == [
        "lorebase.api.throttling.UserRateThrottle",
        "lorebase.api.throttling.AnonRateThrottle",
    ]
    assert {"user", "anon", "llm-answer"} <= set(rest["DEFAULT_THROTTLE_RATES"])


def test_a_user_over_the_rate_gets_429(world, editor, monkeypatch):
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "2/minute"})
    codes = [editor.get(url(world, "chapters/")).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    throttled = problem(editor.get(url(world, "chapters/")), 429, "throttled")
    assert "throttled" in throttled["detail"]


def test_anonymous_requests_are_throttled_by_address(monkeypatch):
    # DRF refuses anonymous calls to private endpoints (401) before throttling, so the
    # anonymous rate guards the public ones: the schema, costly to generate.
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "1/minute"})
    client = APIClient()
    assert client.get("/api/schema/").status_code == 200
    assert client.get("/api/schema/").status_code == 429


@override_settings(CORS_ALLOWED_ORIGINS=["https://tools.example"])
def test_cors_answers_only_allowed_origins(editor):
    allowed = editor.get("/api/v1/worlds/", HTTP_ORIGIN="https://tools.example")
    assert allowed["Access-Control-Allow-Origin"] == "https://tools.example"
    assert "Access-Control-Allow-Credentials" not in allowed
    foreign = editor.get("/api/v1/worlds/", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in foreign


def test_no_origin_is_allowed_by_default(editor, settings):
    assert settings.CORS_ALLOWED_ORIGINS == []
    response = editor.get("/api/v1/worlds/", HTTP_ORIGIN="https://tools.example")
    assert "Access-Control-Allow-Origin" not in response


def test_admin_pages_carry_a_strict_policy_and_anti_framing(client):
    response = client.get("/admin/login/")
    policy = _csp(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_docs_page_runs_under_the_policy_without_unsafe_inline(client):
    """Everything the page loads is allowed, exactly: same-origin scripts, one hashed style."""
    response = client.get("/api/docs/")
    html = response.content.decode()
    policy = _csp(response)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "<script>" not in html, "no inline script: the bootstrap is a same-origin URL"
    for src in re.findall(r'<script src="([^"]+)"', html):
        assert src.startswith("/"), src
        assert client.get(src).status_code == 200, src
    script = client.get("/api/docs/?script=")
    assert script["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in script.content.decode()
    for style in re.findall(r"<style>(.*?)</style>", html, re.S):
        digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
        expected = f"'sha256-{digest}'"
        assert expected in policy["style-src"]


def test_production_hardening():
    code = (
        "from django.conf import settings as s; print(s.SECURE_HSTS_SECONDS, "
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, "
        "s.X_FRAME_OPTIONS, s.SECURE_REFERRER_POLICY, s.DEBUG)"
    )
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={**clean, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        check=True,
    )
    hsts, *flags = result.stdout.split()
    assert int(hsts) >= 60 * 60 * 24 * 30
    assert flags == ["True", "True", "True", "DENY", "same-origin", "False"]
