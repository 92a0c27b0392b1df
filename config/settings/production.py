"""Production: every secret and address must come from the environment.

base.py reads DJANGO_SECRET_KEY, DATABASE_URL and NEO4J_BOLT_URL without
defaults, so a missing one stops the process at start-up.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import STORAGES, env

DEBUG = False
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set DJANGO_ALLOWED_HOSTS to the host names Lorebase serves.")
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 30)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# Off only for a local stack served over plain HTTP (compose.yaml says so).
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=True)

# Images in an S3-compatible bucket (AWS, MinIO, R2) through django-storages; without
# IMAGE_STORAGE=s3 they stay under DJANGO_MEDIA_ROOT, which must then be a volume.
IMAGE_STORAGE = env.str("IMAGE_STORAGE", default="filesystem")
if IMAGE_STORAGE == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env.str("AWS_S3_REGION_NAME", default=None),
            # Unset: boto3's own chain (an instance role, AWS_* in the environment).
            "access_key": env.str("AWS_ACCESS_KEY_ID", default=None),
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default=None),
            "location": env.str("AWS_LOCATION", default=""),
            # Never public: Lorebase serves every image itself, to members of its world.
            "default_acl": None,
            "querystring_auth": True,
            # A content-addressed name never gets another picture's bytes.
            "file_overwrite": False,
        },
    }
elif IMAGE_STORAGE != "filesystem":
    raise ImproperlyConfigured("IMAGE_STORAGE is filesystem or s3.")
