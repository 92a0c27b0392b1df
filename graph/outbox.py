"""Following the change log for the graph: a delivery row per change, handed to
the broker after commit."""

import logging
from datetime import timedelta
from functools import partial

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from lorebase.models import Change

from .models import OutboxEvent

logger = logging.getLogger(__name__)


def outbox_record(*, change: Change, **kwargs: object) -> OutboxEvent:
    """On `change_recorded`, inside the change's transaction: the task is published
    only after the commit."""
    event = OutboxEvent.objects.create(
        entity_type=change.entity_type,
        entity_id=change.entity_id,
        world_id=change.world_id,
        version=change.version,
    )
    # robust: a broker failure must not fail the request; the sweep republishes.
    transaction.on_commit(partial(outbox_publish, event_ids=[event.pk]), robust=True)
    return event


def outbox_publish(*, event_ids: list[int]) -> int:
    """Publish the mirror task of each event; returns how many the broker confirmed."""
    from .tasks import mirror_entity

    published = 0
    for event in OutboxEvent.objects.filter(pk__in=event_ids, delivered_at__isnull=True):
        try:
            mirror_entity.apply_async(
                args=[event.entity_type, str(event.entity_id), event.version],
                retry=True,
                retry_policy={"max_retries": 1, "interval_start": 0},
            )
        except Exception as error:  # broker down: the row stays pending for the sweep
            logger.warning("outbox: publish of %s failed: %s", event, error)
            continue
        OutboxEvent.objects.filter(pk=event.pk).update(published_at=timezone.now())
        published += 1
    return published


def outbox_mark_delivered(*, entity_type: str, entity_id: str, version: int) -> int:
    """Everything up to `version` of this entity is now in the graph (0: deleted)."""
    pending = OutboxEvent.objects.filter(
        entity_type=entity_type, entity_id=entity_id, delivered_at__isnull=True
    )
    if version:
        pending = pending.filter(version__lte=version)
    return pending.update(delivered_at=timezone.now(), last_error="")


def outbox_note_failure(*, entity_type: str, entity_id: str, error: BaseException) -> None:
    OutboxEvent.objects.filter(
        entity_type=entity_type, entity_id=entity_id, delivered_at__isnull=True
    ).update(attempts=F("attempts") + 1, last_error=f"{type(error).__name__}: {error}"[:2000])


def outbox_overdue(*, older_than_seconds: int, limit: int = 1000) -> list[int]:
    """Pending events not confirmed in time (broker down, worker died, graph down).

    One event per entity is enough: the task mirrors the current state.
    """
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    overdue = (
        OutboxEvent.objects.filter(delivered_at__isnull=True)
        .filter(Q(published_at__lt=cutoff) | Q(published_at__isnull=True, created_at__lt=cutoff))
        .order_by("entity_type", "entity_id", "-version")
        .distinct("entity_type", "entity_id")
        .values_list("pk", flat=True)[:limit]
    )
    return list(overdue)
