"""Writes to the lore: the one path for the admin, the API, imports and the demo.

Every write validates the whole entity (`full_clean`: cross-world references,
relation kinds, location cycles, validity spans), bumps its version under a row
lock, and records the change in the change log — all in one transaction, so
whoever follows the log learns of exactly what was committed.
"""

import uuid
from collections.abc import Iterable
from typing import TypeVar

from django.contrib.auth.models import User
from django.db import transaction

from .changes import change_record
from .models import (
    Change,
    Character,
    Scene,
    SceneParticipant,
    World,
    WorldEntity,
    WorldMembership,
    WorldRole,
)

EntityT = TypeVar("EntityT", bound=WorldEntity | World)


class VersionConflict(Exception):
    """The entity changed since the caller read it."""

    def __init__(self, current_version: int) -> None:
        super().__init__(f"stale version; the current version is {current_version}")
        self.current_version = current_version


def _locked_version(instance: WorldEntity | World) -> int:
    return (
        type(instance)
        ._default_manager.select_for_update()
        .values_list("version", flat=True)
        .get(pk=instance.pk)
    )


def entity_lock(*, instance: WorldEntity | World) -> int:
    """Lock the entity's row until the end of the caller's transaction; its current version.

    For a caller that checks a precondition (an HTTP `If-Match`) before it writes.
    """
    return _locked_version(instance)


@transaction.atomic
def entity_save(*, instance: EntityT, expected_version: int | None = None) -> EntityT:
    """Create or update one entity (or a world's own fields); an update with a stale
    `expected_version` is refused. New worlds come from world_create (it adds the owner)."""
    operation = Change.Operation.CREATE
    if instance.pk is not None:
        current = _locked_version(instance)
        if expected_version is not None and expected_version != current:
            raise VersionConflict(current)
        instance.version = current + 1
        operation = Change.Operation.UPDATE
    instance.full_clean()
    instance.save()
    change_record(entity=instance, operation=operation)
    return instance


@transaction.atomic
def entity_delete(*, instance: WorldEntity | World) -> None:
    """Delete; the change carries the next version, so it is newer than any state kept."""
    change_record(
        entity=instance, operation=Change.Operation.DELETE, version=_locked_version(instance) + 1
    )
    instance.delete()


@transaction.atomic
def scene_set_participants(
    *, scene: Scene, participants: Iterable[tuple[Character, str]], touch: bool = True
) -> None:
    """Replace the scene's cast (character, role).

    A new cast is a change of the scene: with `touch` its version grows; callers
    that have just saved the scene in the same transaction pass touch=False.
    """
    wanted = {character.pk: (character, role) for character, role in participants}
    scene.participations.exclude(character_id__in=wanted).delete()
    existing = {p.character_id: p for p in scene.participations.all()}
    for character_id, (character, role) in wanted.items():
        participation = existing.get(character_id) or SceneParticipant(
            scene=scene, character=character
        )
        if participation.pk is None or participation.role != role:
            participation.role = role
            participation.full_clean()
            participation.save()
    if touch:
        scene_touch(scene=scene)


def scene_touch(*, scene: Scene) -> None:
    """A change of the cast is a change of the scene: a new version."""
    scene.version = _locked_version(scene) + 1
    scene.save(update_fields=["version", "updated_at"])
    change_record(entity=scene, operation=Change.Operation.UPDATE)


@transaction.atomic
def world_create(
    *,
    owner: User | None,
    name: str,
    slug: str,
    language: str = World.Language.ENGLISH,  # the model's default: the API may omit it
    description: str = "",
    public_id: uuid.UUID | None = None,
) -> World:
    """A new world; its creator (if any) becomes its owner. Imports pass the public id."""
    world = World(name=name, slug=slug, language=language, description=description)
    if public_id is not None:
        world.public_id = public_id
    world.full_clean()
    world.save()
    if owner is not None:
        WorldMembership.objects.create(world=world, user=owner, role=WorldRole.OWNER)
    change_record(entity=world, operation=Change.Operation.CREATE)
    return world


def membership_set(*, world: World, user: User, role: str) -> WorldMembership:
    membership, _ = WorldMembership.objects.update_or_create(
        world=world, user=user, defaults={"role": role}
    )
    return membership
