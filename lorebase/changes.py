"""Recording the lore's changes: one `Change` row per write, inside its transaction.

Whoever follows the lore listens to `change_recorded`, sent inside the same
transaction: a receiver's own rows commit or roll back with the change, and what
it must do after the commit it registers with `transaction.on_commit`. The domain
knows nothing of who listens.
"""

from django.dispatch import Signal

from .catalogue import entity_type_of
from .models import Change, World, WorldEntity

# Sent with `change`, the row just written.
change_recorded = Signal()


def change_record(
    *, entity: WorldEntity | World, operation: str, version: int | None = None
) -> Change:
    """Note a change of `entity` at `version` (its own version unless given)."""
    entity_type = entity_type_of(entity)
    world_id = entity.public_id if isinstance(entity, World) else entity.world.public_id
    change = Change.objects.create(
        entity_type=entity_type,
        entity_id=entity.public_id,
        world_id=world_id,
        version=version if version is not None else entity.version,
        operation=operation,
    )
    change_recorded.send(sender=Change, change=change)
    return change
