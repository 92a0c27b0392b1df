import re
import urllib.request

import pytest

from config.tasks import worker_dependencies

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.services]


def test_a_real_worker_runs_a_task_and_reaches_postgres_and_the_graph(celery_worker_process):
    result = worker_dependencies.delay().get(timeout=60)
    assert result["database"]["ok"] is True, result
    assert result["graph"]["ok"] is True, result
    assert result["worker"]


def test_the_worker_exports_task_metrics_from_its_pool(celery_worker_process):
    worker_dependencies.delay().get(timeout=60)
    with urllib.request.urlopen(celery_worker_process.metrics_url, timeout=10) as response:
        body = response.read().decode()
    finished = re.search(
        r'lorebase_celery_tasks_total\{state="SUCCESS",task="lorebase.worker_dependencies"\} '
        r"([0-9.]+)",
        body,
    )
    assert finished and float(finished.group(1)) >= 1, body[:2000]
    assert (
        'lorebase_celery_task_duration_seconds_count{task="lorebase.worker_dependencies"}' in body
    )
