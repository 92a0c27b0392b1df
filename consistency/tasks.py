"""Celery task of the lore consistency checks: a thin wrapper over consistency.services."""

from celery import shared_task

from .services import worlds_check


@shared_task(name="consistency.check_worlds", acks_late=True, reject_on_worker_lost=True)
def check_worlds() -> dict[str, int]:
    """Beat: check every world and keep its counts (metrics, admin list).

    Idempotent, as acks_late needs: a redelivered run replaces the same rows.
    """
    return worlds_check()
