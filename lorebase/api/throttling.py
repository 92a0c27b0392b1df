"""Throttles whose counts live in a cache every web process shares (CACHES["throttle"]).

DRF's throttles count in the default cache, which is per process (local memory): with
two gunicorn workers each user got twice the limit.
"""

from django.core.cache import caches
from django.utils.connection import ConnectionProxy
from rest_framework import throttling

# A proxy, like django.core.cache.cache: each thread gets its own connection.
THROTTLE_CACHE = ConnectionProxy(caches, "throttle")


class UserRateThrottle(throttling.UserRateThrottle):
    cache = THROTTLE_CACHE


class AnonRateThrottle(throttling.AnonRateThrottle):
    cache = THROTTLE_CACHE


class ScopedRateThrottle(throttling.ScopedRateThrottle):
    cache = THROTTLE_CACHE
