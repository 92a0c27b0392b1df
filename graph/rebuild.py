"""Rebuild a world's graph from PostgreSQL in batches.

Idempotent and safe to interrupt: every batch is one transaction that writes
the current PostgreSQL state (force), so a second run converges; orphans are
removed at the end by the reconcile.
"""

from collections.abc import Callable, Iterator

from django.db.models import QuerySet
from neomodel import db

from lorebase.catalogue import EntityType
from lorebase.models import Relation, World

from .mirror import mirror_nodes, mirror_relations
from .projection import MODELS, NODE_TYPES
from .reconcile import relink_world_order, repair, world_drift


def _batches(queryset: QuerySet, size: int) -> Iterator[list[int]]:
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def world_size(world: World) -> int:
    return (
        1
        + sum(MODELS[t].objects.filter(world=world).count() for t in NODE_TYPES)
        + Relation.objects.filter(world=world).count()
    )


def world_rebuild(
    world: World, *, batch_size: int = 2000, progress: Callable[[int], None] = lambda n: None
) -> dict[str, int]:
    """Write every entity of the world; returns the drift left over (expected: none)."""
    with db.transaction:
        mirror_nodes(EntityType.WORLD, World.objects.filter(pk=world.pk), force=True)
    progress(1)
    for entity_type in NODE_TYPES:
        model = MODELS[entity_type]
        for ids in _batches(model.objects.filter(world=world), batch_size):
            with db.transaction:
                mirror_nodes(
                    entity_type, model.objects.filter(pk__in=ids), force=True, relink=False
                )
            progress(len(ids))
    for ids in _batches(Relation.objects.filter(world=world), batch_size):
        with db.transaction:
            mirror_relations(Relation.objects.filter(pk__in=ids), force=True)
        progress(len(ids))
    with db.transaction:
        relink_world_order(world)
    drift = world_drift(world)
    if drift.total:
        repair(world, drift)
    return drift.summary()
