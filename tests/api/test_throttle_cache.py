"""Throttle counts are shared by every web process (issue 22: they were per process)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache.backends.db import DatabaseCache
from django.test import RequestFactory
from rest_framework.settings import api_settings

from config.settings import base
from llm.views import AnswerRateThrottle
from lorebase.api import throttling

pytestmark = pytest.mark.django_db


def fresh_client() -> DatabaseCache:
    """A cache client as another process would open it, from the real settings."""
    params = base.CACHES["throttle"]
    assert params["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    return DatabaseCache(params["LOCATION"], params)


def test_two_cache_clients_see_the_same_throttle_history():
    throttle = throttling.AnonRateThrottle()
    request = RequestFactory().get("/api/v1/worlds/", REMOTE_ADDR="203.0.113.7")
    request.user = AnonymousUser()
    key = throttle.get_cache_key(request, view=None)
    first, second = fresh_client(), fresh_client()
    first.set(key, [1.0, 2.0])  # what a throttle in one process records
    assert second.get(key) == [1.0, 2.0]  # another process counts those requests too


def test_every_api_throttle_counts_in_the_shared_cache():
    classes = [*api_settings.DEFAULT_THROTTLE_CLASSES, AnswerRateThrottle]
    assert all(cls.cache is throttling.THROTTLE_CACHE for cls in classes), classes
    assert base.REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"] == [
        "lorebase.api.throttling.UserRateThrottle",
        "lorebase.api.throttling.AnonRateThrottle",
    ]
