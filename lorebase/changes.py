"""Recording the lore's changes: one `Change` row per write, inside its transaction.

Whoever follows the lore listens to `changes_recorded`, sent inside the same
transaction: a receiver's own rows commit or roll back with the change, and what
it must do after the commit it registers with `transaction.on_commit`. The domain
knows nothing of who listens.

Readers of the log in order (the change feed) read it by `position`, given by
`changes_sequence` to committed rows only: see `Change`.
"""

import uuid
from collections.abc import Sequence

from django.db import connection, transaction
from django.db.models import Max
from django.dispatch import Signal

from .catalogue import entity_type_of
from .models import Change, World, WorldEntity

# Sent with `changes`, the rows just written (one write's, or a batch run's, in order).
changes_recorded = Signal()

# pg_advisory_xact_lock key of the sequencer ("LORE" in ASCII): one sequencer at a time.
SEQUENCER_LOCK = 0x4C4F5245


def _change(entity: WorldEntity | World, operation: str, version: int) -> Change:
    world_id = entity.public_id if isinstance(entity, World) else entity.world.public_id
    return Change(
        entity_type=entity_type_of(entity),
        entity_id=entity.public_id,
        world_id=world_id,
        version=version,
        operation=operation,
    )


def change_record(
    *, entity: WorldEntity | World, operation: str, version: int | None = None
) -> Change:
    """Note a change of `entity` at `version` (its own version unless given)."""
    change = _change(entity, operation, version if version is not None else entity.version)
    change.save()
    changes_recorded.send(sender=Change, changes=[change])
    return change


def changes_record(*, entities: Sequence[WorldEntity], operation: str) -> list[Change]:
    """Note the same operation on many entities, each at its own version, in one insert."""
    changes = Change.objects.bulk_create(
        _change(entity, operation, entity.version) for entity in entities
    )
    changes_recorded.send(sender=Change, changes=changes)
    return changes


def changes_sequence() -> int:
    """Give every committed row without a position the next positions, in id order.

    A row becomes visible here only once its transaction has committed, so a row that
    commits late gets a later position than everything sequenced before it, whatever
    its id: a reader that resumes after the last position it saw never misses a row.
    Of one entity, a later change is always written after the earlier one committed
    (its row lock), so its id and its position are greater too. Returns how many rows
    were given a position.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SEQUENCER_LOCK])
        table = Change._meta.db_table
        cursor.execute(
            f"""
            WITH base AS (SELECT coalesce(max(position), 0) AS last FROM {table}),
                 pending AS (
                     SELECT id, row_number() OVER (ORDER BY id) AS n
                     FROM {table} WHERE position IS NULL
                 )
            UPDATE {table} AS c SET position = base.last + pending.n
            FROM pending, base WHERE c.id = pending.id
            """
        )
        return cursor.rowcount


def changes_after(*, world_id: uuid.UUID, after: int, limit: int) -> tuple[list[Change], int]:
    """A world's committed changes after position `after`, oldest first, at most `limit`;
    and the horizon: the last position given out before they were read.

    Nothing of the world up to the horizon is missing from the answer (when fewer than
    `limit` came back), so a reader may resume from the horizon instead of its last row:
    its cursor then keeps up with the log even while its world is quiet.
    """
    changes_sequence()
    horizon = Change.objects.aggregate(last=Max("position"))["last"] or 0
    rows = Change.objects.filter(world_id=world_id, position__gt=after, position__lte=horizon)
    return list(rows.order_by("position")[:limit]), horizon


def changes_first_position() -> int | None:
    """The smallest position still in the log (older rows were pruned), or None."""
    return (
        Change.objects.filter(position__isnull=False)
        .order_by("position")
        .values_list("position", flat=True)
        .first()
    )
