"""Celery tasks of webhooks: thin wrappers over webhooks.services."""

from celery import shared_task
from django.db import OperationalError


@shared_task(
    name="webhooks.deliver",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=2,
    max_retries=5,
    soft_time_limit=60,
    time_limit=90,
)
def deliver(delivery_id: int) -> str:
    """One attempt; a failed one is given its next time and the sweep sends it then."""
    from .services import delivery_attempt

    return delivery_attempt(delivery_id=delivery_id)


@shared_task(name="webhooks.sweep", acks_late=True, reject_on_worker_lost=True)
def sweep() -> int:
    """Beat, every minute: publish the deliveries that are due (retries, lost publishes)."""
    from .services import deliveries_due, deliveries_publish

    return deliveries_publish(delivery_ids=deliveries_due())
