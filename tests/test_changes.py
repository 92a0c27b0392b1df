"""The change log: one row per write, in the write's own transaction, for any follower."""

import pytest
from django.db import connection, transaction

from graph.models import OutboxEvent
from lorebase import services
from lorebase.changes import changes_recorded
from lorebase.models import Change, Character, Scene
from tests.factories import ChapterFactory, CharacterFactory

pytestmark = [pytest.mark.django_db, pytest.mark.services]


@pytest.fixture
def world():
    return services.world_create(owner=None, name="Harbor", slug="harbor", language="en")


def _log(entity) -> list[tuple[str, int]]:
    return list(
        Change.objects.filter(entity_id=entity.public_id).values_list("operation", "version")
    )


def test_creating_a_world_records_its_creation(world):
    change = Change.objects.get()
    assert (change.entity_type, change.entity_id, change.world_id) == (
        "world",
        world.public_id,
        world.public_id,
    )
    assert (change.operation, change.version) == (Change.Operation.CREATE, 1)


def test_each_save_records_exactly_one_change_and_one_delivery_row(world):
    anya = services.entity_save(instance=CharacterFactory.build(world=world, name="Anya"))
    assert _log(anya) == [("create", 1)]
    anya.name = "Anya Marlowe"
    services.entity_save(instance=anya)
    assert _log(anya) == [("create", 1), ("update", 2)]
    change = Change.objects.filter(entity_id=anya.public_id).last()
    assert (change.entity_type, change.world_id) == ("character", world.public_id)
    deliveries = OutboxEvent.objects.filter(entity_id=anya.public_id).order_by("pk")
    assert [(e.entity_type, e.world_id, e.version) for e in deliveries] == [
        ("character", world.public_id, 1),
        ("character", world.public_id, 2),
    ]


def test_a_new_cast_is_an_update_of_the_scene(world):
    anya = services.entity_save(instance=CharacterFactory.build(world=world))
    chapter = services.entity_save(instance=ChapterFactory.build(world=world, number=1))
    scene = services.entity_save(instance=Scene(world=world, chapter=chapter, order=1, title="S"))
    services.scene_set_participants(scene=scene, participants=[(anya, "present")])
    assert _log(scene) == [("create", 1), ("update", 2)]


def test_a_delete_records_the_next_version(world):
    anya = services.entity_save(instance=CharacterFactory.build(world=world))
    anya.name = "Someone"
    services.entity_save(instance=anya)
    services.entity_delete(instance=anya)
    assert _log(anya) == [("create", 1), ("update", 2), ("delete", 3)]
    assert OutboxEvent.objects.filter(entity_id=anya.public_id, version=3).exists()
    services.entity_delete(instance=world)
    # The log outlives what it speaks of: a deleted world's changes stay readable.
    assert list(
        Change.objects.filter(world_id=world.public_id).values_list("operation", flat=True)
    ) == ["create", "create", "update", "delete", "delete"]


def test_a_rolled_back_save_leaves_neither_change_nor_delivery_row(world):
    anya = CharacterFactory.build(world=world)
    with pytest.raises(RuntimeError), transaction.atomic():
        services.entity_save(instance=anya)
        assert Change.objects.filter(entity_id=anya.public_id).count() == 1
        assert OutboxEvent.objects.filter(entity_id=anya.public_id).count() == 1
        raise RuntimeError("the request fails after the save")
    assert not Change.objects.filter(entity_id=anya.public_id).exists()
    assert not OutboxEvent.objects.filter(entity_id=anya.public_id).exists()


def test_a_failing_follower_fails_the_write(world):
    """The signal is sent inside the write's transaction: a follower's error undoes it."""
    seen = []

    def follower(*, changes: list[Change], **kwargs: object) -> None:
        seen.extend((change.operation, connection.in_atomic_block) for change in changes)
        raise RuntimeError("follower down")

    changes_recorded.connect(follower, dispatch_uid="test-follower")
    try:
        with pytest.raises(RuntimeError, match="follower down"):
            services.entity_save(instance=CharacterFactory.build(world=world, name="Anya"))
    finally:
        changes_recorded.disconnect(dispatch_uid="test-follower")
    assert seen == [("create", True)]
    assert not Character.objects.filter(name="Anya").exists()
    assert Change.objects.count() == OutboxEvent.objects.count() == 1  # the world's only


def test_a_world_reads_its_changes_in_id_order(world):
    """The index a follower reads by: (world_id, id)."""
    services.entity_save(instance=CharacterFactory.build(world=world))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'change_world_order'",
        )
        (definition,) = cursor.fetchone()
    assert "(world_id, id)" in definition
    ids = list(Change.objects.filter(world_id=world.public_id).values_list("pk", flat=True))
    assert ids == sorted(ids) and len(ids) == 2
