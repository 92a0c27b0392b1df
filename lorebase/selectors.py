"""Reads of the lore, scoped to what a user may see."""

import uuid
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Q, QuerySet

from .catalogue import entity_type_of
from .models import (
    ENDPOINT_FIELDS,
    Character,
    Concept,
    EntityImage,
    Location,
    Relation,
    Scene,
    World,
    WorldEntity,
    WorldMembership,
)
from .models.images import OWNER_FIELDS
from .models.worlds import ROLE_RANK


def worlds_for_user(*, user: User, role: str | None = None) -> QuerySet[World]:
    """Worlds the user is a member of (with at least `role`); superusers see all."""
    if user.is_superuser:
        return World.objects.all()
    memberships = WorldMembership.objects.filter(user=user)
    if role is not None:
        memberships = memberships.filter(
            role__in=[r for r, rank in ROLE_RANK.items() if rank >= ROLE_RANK[role]]
        )
    return World.objects.filter(pk__in=memberships.values("world_id"))


def membership_role(*, user: User, world: World) -> str | None:
    """The user's role in the world, or None; superusers count as owners."""
    if user.is_superuser:
        return "owner"
    return (
        WorldMembership.objects.filter(user=user, world=world)
        .values_list("role", flat=True)
        .first()
    )


def entity_queryset(*, model: type[WorldEntity], world: World) -> QuerySet:
    """An entity type's rows in one world, with what its API representation reads."""
    # Any: the lookups below are checked per model, which a union type cannot express.
    queryset: QuerySet[Any] = model._default_manager.filter(world=world)
    queryset = queryset.prefetch_related("tags")
    if model is Scene:
        return queryset.select_related("chapter", "location").prefetch_related(
            "participations__character"
        )
    if model is Relation:
        return queryset.select_related(*ENDPOINT_FIELDS, "valid_from", "valid_to")
    if model is Character:
        return queryset.select_related("status_chapter", "killed_by", "death_scene")
    if model is Location:
        return queryset.select_related("parent")
    return queryset


def entity_relations(*, entity: Character | Location | Concept) -> QuerySet[Relation]:
    """Relations from and to an entity, in one list."""
    type_name = entity_type_of(entity)
    return entity_queryset(model=Relation, world=entity.world).filter(
        Q(**{f"source_{type_name}": entity}) | Q(**{f"target_{type_name}": entity})
    )


def image_owner(
    *, world: World, public_id: uuid.UUID
) -> Character | Location | Scene | Concept | None:
    """The character, location, scene or concept of the world with this public id."""
    for model in (Character, Location, Scene, Concept):
        found = model._default_manager.filter(world=world, public_id=public_id).first()
        if found is not None:
            return found
    return None


def images_of(
    *, world: World, owner: Character | Location | Scene | Concept | None = None
) -> QuerySet[EntityImage]:
    """A world's pictures (or one entity's), with what their representation reads."""
    found = EntityImage.objects.filter(world=world).select_related("world", *OWNER_FIELDS)
    if owner is not None:
        found = found.filter(**{str(owner.entity_type): owner})
    return found


def image_in_world(*, world: World, public_id: uuid.UUID) -> EntityImage | None:
    return images_of(world=world).filter(public_id=public_id).first()


def tagged(queryset: QuerySet, tags: Iterable[str]) -> QuerySet:
    """The entities of `queryset` carrying every one of `tags` (any case)."""
    for tag in {tag.strip() for tag in tags} - {""}:
        queryset = queryset.filter(tags__name__iexact=tag)
    return queryset.distinct()
