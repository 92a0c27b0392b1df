"""The Celery app: configured from Django settings (CELERY_* names)."""

import os

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("lorebase")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["config"])  # the worker's own checks (config is not an installed app)
# Signal handlers of every Celery process: metrics and the request id.
for module in ("config.worker_metrics", "config.metrics", "config.request_id"):
    app.loader.import_module(module)


@worker_process_init.connect
def open_graph_driver_per_process(**_: object) -> None:
    # A Bolt driver created before the prefork fork would be shared by the
    # children and break; each child opens its own.
    from graph.connection import reconnect

    reconnect()
