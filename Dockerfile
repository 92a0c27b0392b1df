# syntax=docker/dockerfile:1
# Build stage: wheels compiled and installed into a virtualenv.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
COPY requirements/ /tmp/requirements/
RUN /opt/venv/bin/pip install -r /tmp/requirements/prod.txt

# Runtime stage: the virtualenv, the code and collected static files; no compilers.
FROM python:3.11-slim AS runtime
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    DJANGO_STATIC_ROOT=/app/static
# git: GitPython runs the git command line and refuses to import without it (exports,
# and the admin that imports them, so collectstatic below needs it too).
# postgresql-client-18: pg_dump/pg_restore of manage.py backup/restore, of the server's
# major (compose's pgvector:pg18), from the PostgreSQL project's apt repository.
RUN apt-get update \
    && apt-get install -y --no-install-recommends git ca-certificates postgresql-common \
    && /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y \
    && apt-get install -y --no-install-recommends postgresql-client-18 \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 10001 lorebase \
    && mkdir -p /tmp/metrics-web /tmp/metrics-worker /var/lib/lorebase/exports \
    && chown lorebase /tmp/metrics-web /tmp/metrics-worker /var/lib/lorebase/exports
# A new named volume mounted on /var/lib/lorebase/exports takes this owner.
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY --chown=lorebase:lorebase . /app
# collectstatic needs settings, not services: throw-away values for this step only.
RUN DJANGO_SECRET_KEY=build-only DJANGO_ALLOWED_HOSTS=build DATABASE_URL=postgres://build@localhost/build \
    NEO4J_BOLT_URL=bolt://build@localhost:7687 python manage.py collectstatic --noinput
USER lorebase
EXPOSE 8000
# Workers, threads and the timeout: deploy/gunicorn.conf.py.
CMD ["gunicorn", "config.wsgi", "-c", "deploy/gunicorn.conf.py"]
