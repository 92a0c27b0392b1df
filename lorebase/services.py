"""Writes to the lore: the one path for the admin, the API, imports and the demo.

Every write validates the whole entity (`full_clean`: cross-world references,
relation kinds, location cycles, validity spans), bumps its version under a row
lock, and records the change in the change log — all in one transaction, so
whoever follows the log learns of exactly what was committed.
"""

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, TypeVar, cast

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.db.models.deletion import Collector
from django.utils import timezone
from simple_history.utils import bulk_create_with_history
from taggit.models import Tag

from .changes import change_record, changes_record
from .models import (
    Change,
    Character,
    IdempotentBatch,
    Scene,
    SceneParticipant,
    World,
    WorldEntity,
    WorldMembership,
    WorldRole,
)

EntityT = TypeVar("EntityT", bound=WorldEntity | World)
TAG_MAX_LENGTH = Tag._meta.get_field("name").max_length


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
def entity_save(
    *,
    instance: EntityT,
    expected_version: int | None = None,
    tags: Iterable[str] | None = None,
) -> EntityT:
    """Create or update one entity (or a world's own fields); an update with a stale
    `expected_version` is refused. New worlds come from world_create (it adds the owner).

    `tags` (an entity's, not a world's) replaces its tags in the same version; the
    history row of that version names them in its change reason.
    """
    operation = Change.Operation.CREATE
    if instance.pk is not None:
        current = _locked_version(instance)
        if expected_version is not None and expected_version != current:
            raise VersionConflict(current)
        instance.version = current + 1
        operation = Change.Operation.UPDATE
    wanted = tags_clean(tags) if tags is not None else None
    instance.full_clean()
    if wanted is not None and wanted != entity_tag_names(instance):
        _change_reason_set(instance, "Tags: " + (", ".join(wanted) or "none"))
    instance.save()
    instance.__dict__.pop("_change_reason", None)  # the next save is another change
    if wanted is not None:
        cast(WorldEntity, instance).tags.set(wanted)
    change_record(entity=instance, operation=operation)
    return instance


def _change_reason_set(instance: WorldEntity | World, reason: str) -> None:
    """simple_history's change reason of the row the next save writes, cut to fit its
    column (a few long tag names fill it)."""
    size = instance.history.model._meta.get_field("history_change_reason").max_length
    # Cut by code points, as the column counts: Django's Truncator does not count
    # combining marks, so a reason full of them came out too long for the column (500).
    cut = reason if len(reason) <= size else reason[: size - 1] + "…"
    setattr(instance, "_change_reason", cut)  # noqa: B010


def tags_clean(tags: Iterable[str]) -> list[str]:
    """Tag names trimmed, without repeats, sorted; a bad one is a ValidationError on `tags`."""
    names = sorted({name.strip() for name in tags} - {""})
    bad = [name for name in names if len(name) > TAG_MAX_LENGTH or "," in name]
    if bad:
        raise ValidationError(
            {
                "tags": f"A tag has at most {TAG_MAX_LENGTH} characters and no comma: "
                + ", ".join(repr(name[:40]) for name in bad)
            }
        )
    return names


def entity_tag_names(instance: WorldEntity | World) -> list[str]:
    """The entity's tags, sorted (none for a new entity or a world)."""
    if instance.pk is None or not isinstance(instance, WorldEntity):
        return []
    return sorted(tag.name for tag in instance.tags.all())


@transaction.atomic
def entity_retag(
    *, instance: WorldEntity, add: Iterable[str] = (), remove: Iterable[str] = ()
) -> WorldEntity:
    """Add and remove some tags, keeping the others: one new version if anything changed."""
    current = entity_tag_names(instance)
    wanted = (set(current) | set(tags_clean(add))) - set(tags_clean(remove))
    if sorted(wanted) == current:
        return instance
    return entity_save(instance=instance, tags=wanted)


@transaction.atomic
def entities_create(
    *,
    instances: Sequence[WorldEntity],
    casts: Sequence[Iterable[tuple[Character, str]]] = (),
) -> None:
    """Create many new entities of one type at once (a batch's run of creates): one insert
    for the rows, one for their history, one for their changes, and for scenes (`casts`,
    in the order of `instances`) one for their cast and its history; each instance's
    `tags_on_create` become its tags.

    Each is validated as entity_save validates it, but for its unique and check
    constraints, which are the database's here: a clash raises IntegrityError and
    nothing of the call is written (the caller may then save them one by one to learn
    which, and why).
    """
    if not instances:
        return
    tags = []
    for instance in instances:
        instance.full_clean(validate_unique=False, validate_constraints=False)
        tags.append(tags_clean(instance.tags_on_create or ()))
    bulk_create_with_history(list(instances), type(instances[0]))
    for instance, names in zip(instances, tags, strict=True):
        if names:
            instance.tags.set(names)
    _casts_create(
        (cast(Scene, scene), character, role)
        for scene, members in zip(instances, casts, strict=False)
        for character, role in members
    )
    changes_record(entities=instances, operation=Change.Operation.CREATE)


@transaction.atomic
def entity_delete(*, instance: WorldEntity | World) -> None:
    """Delete; the change carries the next version, so it is newer than any state kept.

    What goes with it is a change too, so that a follower of the log misses nothing:
    every entity the delete cascades to (a character's relations, a world's whole
    lore) is a delete, and every entity it changes (a scene whose place or cast it
    empties, a character whose killer or death scene it clears) an update.
    """
    change_record(
        entity=instance, operation=Change.Operation.DELETE, version=_locked_version(instance) + 1
    )
    deleted, changed = _cascade_of(instance)
    for entity in deleted:
        change_record(entity=entity, operation=Change.Operation.DELETE, version=entity.version + 1)
    now = timezone.now()
    for entity in changed:
        # Before the delete clears the reference: the new version is of the state after it.
        entity.version = _locked_version(entity) + 1
        type(entity)._default_manager.filter(pk=entity.pk).update(
            version=entity.version, updated_at=now
        )
        change_record(entity=entity, operation=Change.Operation.UPDATE)
    instance.delete()


def _cascade_of(instance: WorldEntity | World) -> tuple[list[WorldEntity], list[WorldEntity]]:
    """The entities deleting `instance` deletes with it, and those it changes (SET_NULL,
    or a scene losing a cast member), as Django's deletion collector finds them."""
    collector = Collector(using=router.db_for_write(type(instance)), origin=instance)
    collector.collect([instance])
    doomed: dict[tuple[type, int], WorldEntity] = {}
    lost_cast: set[int] = set()
    collected = [
        *(obj for objs in collector.data.values() for obj in objs),
        *(obj for queryset in collector.fast_deletes for obj in queryset),
    ]
    for obj in collected:
        if isinstance(obj, WorldEntity):
            if not (type(obj) is type(instance) and obj.pk == instance.pk):
                doomed[type(obj), obj.pk] = obj
        elif isinstance(obj, SceneParticipant):
            lost_cast.add(obj.scene_id)
    touched: dict[tuple[type, int], WorldEntity] = {}
    for objs_list in collector.field_updates.values():
        for objs in objs_list:
            # A queryset or a list of instances (the stubs say one model).
            for target in cast(Iterable[object], objs):
                if isinstance(target, WorldEntity) and (type(target), target.pk) not in doomed:
                    touched[type(target), target.pk] = target
    for scene in Scene.objects.filter(pk__in=lost_cast):
        if (Scene, scene.pk) not in doomed:
            touched.setdefault((Scene, scene.pk), scene)
    return _in_order(doomed), _in_order(touched)


def _in_order(entities: dict[tuple[type, int], WorldEntity]) -> list[WorldEntity]:
    """By type name, then id: the same delete records its changes in the same order."""
    return [entities[key] for key in sorted(entities, key=lambda k: (k[0].__name__, k[1]))]


@dataclass(frozen=True)
class Refused:
    """A row a bulk change could not apply, and why (field → reasons)."""

    instance: WorldEntity
    reasons: dict[str, list[str]]


@transaction.atomic
def entities_update(
    *,
    instances: Iterable[WorldEntity],
    values: dict[str, Any] | None = None,
    add_tags: Iterable[str] = (),
    remove_tags: Iterable[str] = (),
    user: User | None = None,
) -> list[Refused]:
    """Set the same fields (and add or remove tags) on many entities: all or nothing.

    Every row is validated as entity_save validates one; if any is refused, nothing
    is changed and every refusal is returned (not only the first), so the caller can
    name them all. An unchanged row is left alone (no new version).
    """
    refused: list[Refused] = []
    add, remove = tags_clean(add_tags), tags_clean(remove_tags)
    for instance in instances:
        current = entity_tag_names(instance)
        tags = sorted((set(current) | set(add)) - set(remove))
        fields = {k: v for k, v in (values or {}).items() if getattr(instance, k) != v}
        if not fields and tags == current:
            continue
        for name, value in fields.items():
            setattr(instance, name, value)
        if user is not None:
            setattr(instance, "_history_user", user)  # noqa: B010  (simple_history reads it)
        try:
            with transaction.atomic():  # a savepoint: one refusal does not end the loop
                entity_save(instance=instance, tags=tags if tags != current else None)
        except ValidationError as error:
            reasons = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
            refused.append(Refused(instance, reasons))
    if refused:
        transaction.set_rollback(True)
    return refused


@transaction.atomic
def scene_set_participants(
    *,
    scene: Scene,
    participants: Iterable[tuple[Character, str]],
    touch: bool = True,
    created: bool = False,
) -> None:
    """Replace the scene's cast (character, role).

    A new cast is a change of the scene: with `touch` its version grows; callers
    that have just saved the scene in the same transaction pass touch=False, and
    `created` when they have just created it (it has no cast to replace yet).
    """
    wanted = {character.pk: (character, role) for character, role in participants}
    if created:
        _casts_create((scene, character, role) for character, role in wanted.values())
        if touch:
            scene_touch(scene=scene)
        return
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


def _casts_create(rows: Iterable[tuple[Scene, Character, str]]) -> None:
    """The cast of new scenes, one row per (scene, character): scenes without rows yet,
    so there is nothing to collide with."""
    cast = [SceneParticipant(scene=s, character=c, role=r) for s, c, r in rows]
    for participation in cast:
        participation.full_clean(validate_unique=False, validate_constraints=False)
    if cast:
        bulk_create_with_history(cast, SceneParticipant)


def scene_touch(*, scene: Scene) -> None:
    """A change of the cast is a change of the scene: a new version."""
    entity_touch(instance=scene)


def entity_touch(*, instance: WorldEntity, reason: str = "", user: object = None) -> None:
    """A change of something the entity holds (its cast, its images): a new version,
    with `reason` and `user` in the history row when given."""
    instance.version = _locked_version(instance) + 1
    if reason:
        _change_reason_set(instance, reason)
    if user is not None:
        setattr(instance, "_history_user", user)  # noqa: B010
    instance.save(update_fields=["version", "updated_at"])
    instance.__dict__.pop("_change_reason", None)
    change_record(entity=instance, operation=Change.Operation.UPDATE)


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


def batch_recall(*, user: User, world: World, key: str) -> IdempotentBatch | None:
    """The answer kept for this Idempotency-Key, unless older than BATCH_IDEMPOTENCY_HOURS
    (those are dropped on the way)."""
    cutoff = timezone.now() - timedelta(hours=settings.BATCH_IDEMPOTENCY_HOURS)
    IdempotentBatch.objects.filter(created_at__lt=cutoff).delete()
    return IdempotentBatch.objects.filter(user=user, world_id=world.public_id, key=key).first()


def batch_remember(
    *, user: User, world: World, key: str, request_hash: str, status_code: int, response: dict
) -> IdempotentBatch:
    """Keep a batch's answer, in the batch's transaction: a concurrent batch with the same
    key waits on the unique key and then fails with IntegrityError (then: recall)."""
    return IdempotentBatch.objects.create(
        user=user,
        world_id=world.public_id,
        key=key,
        request_hash=request_hash,
        status_code=status_code,
        response=response,
    )
