"""gunicorn for the web process (`gunicorn config.wsgi -c deploy/gunicorn.conf.py`).

Threaded workers, because an answer in role waits on a provider for seconds while
other requests should go on; a worker timeout above the longest answer the LLM
settings allow, so gunicorn never kills a worker mid-answer; and the Prometheus
multiprocess clean-up of a worker that exits.
"""

import os
import sys
from pathlib import Path

from django.conf import settings  # lazy: read once the path below is set
from prometheus_client import multiprocess

# The config file is read before the app is imported: make the settings importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

# The longest Retry-After or backoff the providers wait between two tries
# (llm.providers.base.MAX_RETRY_WAIT; importing it here would load the apps).
MAX_RETRY_WAIT = 30.0
GRAPH_READS_PER_ANSWER = 1  # llm.knowledge.knowledge_of, bounded by LLM_GRAPH_TIMEOUT
MARGIN = 30.0  # seconds for the database, the prompt and the response


def worst_case_answer_seconds() -> float:
    """Every try of a provider call timing out, with the longest wait between tries."""
    attempts = max(settings.LLM_RETRY_ATTEMPTS, 1)
    return (
        attempts * settings.LLM_TIMEOUT
        + (attempts - 1) * MAX_RETRY_WAIT
        + GRAPH_READS_PER_ANSWER * settings.LLM_GRAPH_TIMEOUT
    )


bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(worst_case_answer_seconds() + MARGIN)
graceful_timeout = timeout  # a restart lets the answers under way finish
keepalive = 5
accesslog = "-"


def child_exit(server: object, worker: object) -> None:
    """Drop the dead worker's live gauges from the multiprocess metric files."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(worker.pid)  # type: ignore[attr-defined]
