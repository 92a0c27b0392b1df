"""How long the change log is kept: `CHANGE_LOG_RETENTION_DAYS`, and never a row the graph
has not confirmed.

Here, not in the domain: only the graph's outbox knows what the graph has confirmed.
The log is cut at a position (everything before it goes), so what remains is always one
unbroken stretch of the feed and a cursor from before it is known to be too old.
"""

from datetime import timedelta

from django.db.models import Exists, Min, OuterRef
from django.utils import timezone

from lorebase.changes import changes_sequence
from lorebase.models import Change

from .models import OutboxEvent


def change_log_prune(*, retention_days: int) -> dict[str, int]:
    """Delete the changes older than `retention_days` (up to the first one the graph has
    not confirmed) and the delivery rows confirmed as long ago."""
    changes_sequence()  # an old row not yet sequenced would otherwise be kept forever
    cutoff = timezone.now() - timedelta(days=retention_days)
    # The first position to keep: the oldest recent row, or the oldest unconfirmed one.
    recent = Change.objects.filter(created_at__gte=cutoff).aggregate(p=Min("position"))["p"]
    pending = OutboxEvent.objects.filter(
        delivered_at__isnull=True,
        entity_type=OuterRef("entity_type"),
        entity_id=OuterRef("entity_id"),
        version=OuterRef("version"),
    )
    unconfirmed = Change.objects.filter(Exists(pending), position__isnull=False).aggregate(
        p=Min("position")
    )["p"]
    keep_from = min((p for p in (recent, unconfirmed) if p is not None), default=None)
    old = Change.objects.filter(position__isnull=False, created_at__lt=cutoff)
    if keep_from is not None:
        old = old.filter(position__lt=keep_from)
    changes, _ = old.delete()
    deliveries, _ = OutboxEvent.objects.filter(
        delivered_at__isnull=False, delivered_at__lt=cutoff
    ).delete()
    return {"changes": changes, "deliveries": deliveries}
