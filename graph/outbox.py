"""Following the change log for the graph: a delivery row per change, handed to
the broker after commit."""

import functools
import logging
import operator
import threading
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from lorebase.models import Change

from .models import OutboxEvent

logger = logging.getLogger(__name__)


# Events recorded in this thread's transaction and not yet handed to the broker: the
# first after-commit callback publishes them all, the others find nothing left to do.
_recorded = threading.local()


def outbox_record(*, changes: list[Change], **kwargs: object) -> list[OutboxEvent]:
    """On `changes_recorded`, inside the changes' transaction: the tasks are published
    only after the commit."""
    events = OutboxEvent.objects.bulk_create(
        OutboxEvent(
            entity_type=change.entity_type,
            entity_id=change.entity_id,
            world_id=change.world_id,
            version=change.version,
        )
        for change in changes
    )
    if not hasattr(_recorded, "ids"):
        _recorded.ids = []
    _recorded.ids.extend(event.pk for event in events)
    # One callback per recording, not per transaction: a savepoint that rolls back drops
    # its own callbacks, and the events of the rest must still be published. Ids of rows
    # rolled back are found by no query. robust: a broker failure must not fail the
    # request; the sweep republishes.
    transaction.on_commit(_publish_recorded, robust=True)
    return events


def _publish_recorded() -> None:
    ids, _recorded.ids = getattr(_recorded, "ids", []), []
    if ids:
        outbox_publish(event_ids=ids)


def outbox_publish(*, event_ids: list[int]) -> int:
    """Publish mirror tasks for the entities of these pending events, over one broker
    connection; returns how many events are now published.

    A task mirrors an entity's current state and confirms every version up to the one
    it carries, so each entity goes once, with its latest pending version; a commit of
    many entities goes in tasks of GRAPH_MIRROR_BATCH_SIZE (mirror_entities).
    """
    from .tasks import mirror_entities, mirror_entity

    pending: dict[tuple[str, str], list[OutboxEvent]] = {}
    for event in OutboxEvent.objects.filter(pk__in=event_ids, delivered_at__isnull=True):
        pending.setdefault((event.entity_type, str(event.entity_id)), []).append(event)
    # JSON task arguments: [type, id, latest version] of each entity.
    items: list[list] = [
        [entity_type, entity_id, max(event.version for event in events)]
        for (entity_type, entity_id), events in pending.items()
    ]
    size = settings.GRAPH_MIRROR_BATCH_SIZE
    published: list[int] = []
    with mirror_entity.app.producer_or_acquire() as producer:
        for start in range(0, len(items), size):
            chunk = items[start : start + size]
            task, args = (
                (mirror_entity, chunk[0]) if len(chunk) == 1 else (mirror_entities, [chunk])
            )
            try:
                task.apply_async(
                    args=args,
                    producer=producer,
                    retry=True,
                    retry_policy={"max_retries": 1, "interval_start": 0},
                )
            except Exception as error:  # broker down: the rows stay pending for the sweep
                logger.warning("outbox: publish of %s entities failed: %s", len(chunk), error)
                continue
            published.extend(event.pk for item in chunk for event in pending[item[0], item[1]])
    if published:
        OutboxEvent.objects.filter(pk__in=published).update(published_at=timezone.now())
    return len(published)


def outbox_mark_delivered(*, mirrored: dict[tuple[str, str], int]) -> int:
    """Everything up to its version ({(type, id): version}; 0: deleted) of each entity is
    now in the graph: one UPDATE for all of them."""
    if not mirrored:
        return 0
    up_to = functools.reduce(
        operator.or_,
        (
            Q(entity_type=entity_type, entity_id=entity_id)
            & (Q(version__lte=version) if version else Q())
            for (entity_type, entity_id), version in mirrored.items()
        ),
    )
    pending = OutboxEvent.objects.filter(up_to, delivered_at__isnull=True)
    return pending.update(delivered_at=timezone.now(), last_error="")


def outbox_note_failure(*, entities: list[tuple[str, str]], error: BaseException) -> None:
    """A failed attempt on each entity's pending rows: one UPDATE for all of them."""
    if not entities:
        return
    which = functools.reduce(
        operator.or_, (Q(entity_type=kind, entity_id=uid) for kind, uid in entities)
    )
    OutboxEvent.objects.filter(which, delivered_at__isnull=True).update(
        attempts=F("attempts") + 1, last_error=f"{type(error).__name__}: {error}"[:2000]
    )


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
