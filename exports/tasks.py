"""Celery tasks of the Git export: thin wrappers over exports.services."""

import logging

from celery import shared_task

from lorebase.models import World

from .lock import ExportBusy
from .services import export_worlds as export

logger = logging.getLogger(__name__)


@shared_task(name="exports.export_worlds", acks_late=True, reject_on_worker_lost=True)
def export_worlds(world_ids: list[str] | None = None) -> dict:
    """Beat and "Export now": export the worlds (default: all), commit and push.

    Idempotent, as acks_late needs: a redelivered run finds nothing new to commit.
    """
    worlds = None if world_ids is None else World.objects.filter(public_id__in=world_ids)
    try:
        return export(worlds=worlds).as_dict()
    except ExportBusy as error:
        logger.info("%s", error)
        return {"skipped": str(error)}
