"""Test settings: the session fixtures in tests/conftest.py start the
embedded services and point these settings at them when no URL is given."""

from devstack.defaults import apply_local_defaults

# Service URLs the environment left unset: the embedded servers stand in for them.
LOREBASE_EMBEDDED_SERVICES = apply_local_defaults()

from .base import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast user factories
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# Static files straight from the apps, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# A loaded CI machine compiles Neo4j's plan for a new statement slowly (seconds, at
# first use): the suite must not fail on that. Tests of the limit set their own.
SEARCH_GRAPH_TIMEOUT = env.float("SEARCH_GRAPH_TIMEOUT", default=15.0)  # noqa: F405
# Throttle counts per process in tests: the autouse fixture that resets them between
# tests must not need the database. tests/test_settings.py checks the shared backend of
# the real settings.
CACHES = {
    **CACHES,  # noqa: F405
    "throttle": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
