"""Bring the graph to PostgreSQL's current state of one entity, or of a batch.

The task carries (type, id, version), but the state written is always what
PostgreSQL holds *now*: a late, duplicated or reordered task converges to the
same graph, and the version guard keeps an older state from replacing a newer.
"""

from dataclasses import dataclass

from neomodel import db

from lorebase.catalogue import CATALOGUE, EntityType

from . import writer
from .projection import (
    IN_CHAPTER,
    LABELS,
    MODELS,
    STRUCTURAL_TYPES,
    EdgeKey,
    node_row,
    projection_queryset,
    relation_queryset,
    relation_row,
    structural_edges,
)


def mirror_entity(*, entity_type: str, entity_id: str) -> int:
    """Mirror one entity in one graph transaction; returns the version now mirrored (0: gone)."""
    entity_type = EntityType(entity_type)
    model = MODELS[entity_type]
    entity = model.objects.filter(public_id=entity_id).first()
    with db.transaction:
        if entity_type == EntityType.RELATION:
            return _mirror_relation(entity_id, entity)
        if entity is None:
            _delete(entity_type, str(entity_id))
            return 0
        mirror_nodes(entity_type, model.objects.filter(pk=entity.pk))
        return entity.version


def mirror_entities(items: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """Mirror many entities, (type, id), in one graph transaction: one batched write per
    type, in the catalogue's order. Returns the version now mirrored of each (0: gone).

    A commit of many entities (a batch, an import) becomes one task, not one per entity;
    a target written later in the same call is first a placeholder, as across tasks.
    """
    wanted: dict[EntityType, set[str]] = {}
    for entity_type, entity_id in items:
        wanted.setdefault(EntityType(entity_type), set()).add(str(entity_id))
    mirrored: dict[tuple[str, str], int] = {}
    with db.transaction:
        for entity_type in (kind.type for kind in CATALOGUE if kind.type in wanted):
            model = MODELS[entity_type]
            ids = wanted[entity_type]
            present = dict(
                (str(public_id), (pk, version))
                for public_id, pk, version in model.objects.filter(public_id__in=ids).values_list(
                    "public_id", "pk", "version"
                )
            )
            pks = [pk for pk, _version in present.values()]
            if entity_type == EntityType.RELATION:
                gone = sorted(ids - present.keys())
                if gone:
                    writer.delete_relations(gone)
                if pks:
                    mirror_relations(model.objects.filter(pk__in=pks))
            else:
                for uid in sorted(ids - present.keys()):
                    _delete(entity_type, uid)
                if pks:
                    mirror_nodes(entity_type, model.objects.filter(pk__in=pks))
            for uid in ids:
                mirrored[entity_type.value, uid] = present[uid][1] if uid in present else 0
    return mirrored


@dataclass(frozen=True)
class NodeBatch:
    """What one batch of entities of a type writes: its nodes and its structural edges,
    read from PostgreSQL before any graph work (a rebuild reads the next batch meanwhile)."""

    entity_type: EntityType
    rows: list[dict]
    edges: dict[EdgeKey, list[dict]]

    def __len__(self) -> int:
        return len(self.rows)


def read_nodes(entity_type: EntityType, queryset) -> NodeBatch:
    entities = list(projection_queryset(entity_type, queryset))
    return NodeBatch(
        entity_type,
        [node_row(entity_type, e) for e in entities],
        structural_edges(entity_type, entities) if STRUCTURAL_TYPES.get(entity_type) else {},
    )


def mirror_nodes(
    entity_type: EntityType, queryset, *, force: bool = False, relink: bool = True
) -> int:
    """Upsert a batch of entities of one type with their structural edges."""
    return write_nodes(read_nodes(entity_type, queryset), force=force, relink=relink)


def write_nodes(batch: NodeBatch, *, force: bool = False, relink: bool = True) -> int:
    """Write a batch read by read_nodes; edges only of the nodes written (not stale).

    `relink` keeps story order (NEXT) current; a rebuild turns it off and
    relinks the whole world once at the end.
    """
    entity_type, label = batch.entity_type, LABELS[batch.entity_type]
    written = set(writer.upsert_nodes(label, batch.rows, force=force))
    if not written:
        return 0
    rel_types = STRUCTURAL_TYPES.get(entity_type, ())
    if rel_types:
        uids = [row["uid"] for row in batch.rows if row["uid"] in written]
        relink_scenes = relink and entity_type == EntityType.SCENE
        previous_chapters = _chapters_of(uids) if relink_scenes else set()
        writer.delete_out_edges(label, uids, rel_types)
        for (rel_type, from_label, to_label), rows in batch.edges.items():
            rows = [row for row in rows if row["from"] in written]
            writer.create_edges(rel_type, from_label, to_label, rows)
        if relink_scenes:
            chapters = previous_chapters | {
                row["to"]
                for row in batch.edges.get((IN_CHAPTER, "Scene", "Chapter"), ())
                if row["from"] in written
            }
            relink_scene_order(chapters, moved=uids)
    if relink and entity_type == EntityType.CHAPTER:
        relink_chapter_order({row["world"] for row in batch.rows if row["uid"] in written})
    return len(written)


def _chapters_of(scene_uids: list[str]) -> set[str]:
    rows, _ = db.cypher_query(
        "UNWIND $uids AS uid MATCH (:Scene {uid: uid})-[:IN_CHAPTER]->(c:Chapter) RETURN c.uid",
        {"uids": scene_uids},
    )
    return {uid for (uid,) in rows}


def relink_scene_order(chapter_uids: set[str], *, moved: list[str] = ()) -> None:
    """Story order: NEXT between consecutive scenes of each chapter, as in PostgreSQL."""
    from lorebase.models import Scene

    chains: dict[str, list[str]] = {}
    for chapter_uid, uid in (
        Scene.objects.filter(chapter__public_id__in=chapter_uids)
        .order_by("chapter_id", "order", "pk")
        .values_list("chapter__public_id", "public_id")
    ):
        chains.setdefault(str(chapter_uid), []).append(str(uid))
    ordered = [uid for chain in chains.values() for uid in chain]
    writer.relink_chains("Scene", list(chains.values()), members=[*ordered, *moved])


def relink_chapter_order(world_uids: set[str]) -> None:
    from lorebase.models import Chapter

    for world_uid in world_uids:
        ordered = [
            str(uid)
            for uid in Chapter.objects.filter(world__public_id=world_uid)
            .order_by("number")
            .values_list("public_id", flat=True)
        ]
        writer.relink_chains("Chapter", [ordered], members=ordered)


def _delete(entity_type: EntityType, uid: str) -> None:
    if entity_type == EntityType.WORLD:
        writer.delete_world_nodes(uid)
        return
    chapters = _chapters_of([uid]) if entity_type == EntityType.SCENE else set()
    worlds, _ = db.cypher_query(
        f"MATCH (n:{LABELS[entity_type]} {{uid: $uid}}) RETURN n.world", {"uid": uid}
    )
    writer.delete_node(LABELS[entity_type], uid)
    if entity_type == EntityType.SCENE:
        # PostgreSQL set the victims' death scene to null without a new version of theirs.
        writer.forget_death_scene(uid, worlds=[world for (world,) in worlds if world])
    if chapters:
        relink_scene_order(chapters)
    if entity_type == EntityType.CHAPTER:
        relink_chapter_order({world for (world,) in worlds if world})


def read_relations(queryset) -> list[dict]:
    return [relation_row(r) for r in relation_queryset(queryset)]


def mirror_relations(queryset, *, force: bool = False) -> int:
    """Upsert a batch of relations: each replaces the relationship with its uid."""
    return write_relations(read_relations(queryset), force=force)


def write_relations(rows: list[dict], *, force: bool = False) -> int:
    if not force:
        mirrored = writer.relation_versions([row["uid"] for row in rows])
        rows = [row for row in rows if mirrored.get(row["uid"], 0) < row["version"]]
    if rows:
        writer.delete_relations([row["uid"] for row in rows])
        writer.create_relations(rows)
    return len(rows)


def _mirror_relation(entity_id: str, relation) -> int:
    if relation is None:
        writer.delete_relations([str(entity_id)])
        return 0
    mirror_relations(type(relation).objects.filter(pk=relation.pk))
    return relation.version
