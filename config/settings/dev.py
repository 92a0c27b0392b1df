"""Local development: `make run` and ad-hoc `manage.py` calls.

Defaults point at the embedded services that `make run` starts under ./var;
any variable set in the environment (or .env) wins.
"""

from devstack.defaults import apply_local_defaults

# Service URLs the environment left unset: the embedded servers stand in for them.
LOREBASE_EMBEDDED_SERVICES = apply_local_defaults()

from .base import *  # noqa: E402,F403

DEBUG = env.bool("DJANGO_DEBUG", default=True)  # noqa: F405
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])  # noqa: F405
# Static files straight from the apps, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# runserver serves each request on a thread of its own: a connection kept for reuse
# would outlive its thread, and a burst of requests runs PostgreSQL out of connections.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)  # noqa: F405
