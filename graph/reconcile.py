"""Compare PostgreSQL and the graph per world, and repair what differs.

Nodes and relations are compared by uid and version; a duplicate relation
(the same uid twice) counts as drift. The repair rewrites the PostgreSQL
state of what drifted and deletes what the graph holds that PostgreSQL does not.
"""

from collections import Counter
from dataclasses import dataclass, field

from neomodel import db

from lorebase.catalogue import ENDPOINT_TYPES, EntityType
from lorebase.models import Relation, World

from . import writer
from .metrics import RECONCILE_DRIFT
from .mirror import mirror_nodes, mirror_relations, relink_chapter_order, relink_scene_order
from .projection import ENDPOINT_LABELS, LABELS, MODELS, NODE_TYPES, WORLD_LABELS


@dataclass
class Drift:
    """What the graph lacks (or holds too old) and what it holds that it should not."""

    stale: dict[str, set[str]] = field(default_factory=dict)  # type -> uids to rewrite
    orphaned: dict[str, set[str]] = field(default_factory=dict)  # type -> uids to delete

    @property
    def total(self) -> int:
        return sum(map(len, self.stale.values())) + sum(map(len, self.orphaned.values()))

    def summary(self) -> dict[str, int]:
        return {
            **{f"stale_{kind}": len(uids) for kind, uids in self.stale.items() if uids},
            **{f"orphaned_{kind}": len(uids) for kind, uids in self.orphaned.items() if uids},
        }


def _compare(expected: dict[str, int], found: list[tuple[str, int]]) -> tuple[set, set]:
    counts = Counter(uid for uid, _ in found)
    mirrored = dict(found)
    stale = {
        uid for uid, version in expected.items() if mirrored.get(uid) != version or counts[uid] > 1
    }
    orphaned = set(mirrored) - set(expected)
    return stale, orphaned


def world_drift(world: World) -> Drift:
    drift = Drift()
    uid = str(world.public_id)
    rows, _ = db.cypher_query("MATCH (w:World {uid: $uid}) RETURN w.uid, w.version", {"uid": uid})
    drift.stale[EntityType.WORLD], _ = _compare({uid: world.version}, rows)
    for entity_type in NODE_TYPES:
        expected = {
            str(k): v
            for k, v in MODELS[entity_type]
            .objects.filter(world=world)
            .values_list("public_id", "version")
        }
        rows, _ = db.cypher_query(
            f"MATCH (n:{LABELS[entity_type]} {{world: $world}}) RETURN n.uid, n.version",
            {"world": uid},
        )
        drift.stale[entity_type], drift.orphaned[entity_type] = _compare(expected, rows)
    expected = {
        str(k): v
        for k, v in Relation.objects.filter(world=world).values_list("public_id", "version")
    }
    found: list[tuple[str, int]] = []
    for label in ENDPOINT_LABELS.values():
        rows, _ = db.cypher_query(
            f"MATCH (:{label} {{world: $world}})-[r]->() WHERE r.uid IS NOT NULL "
            "RETURN r.uid, r.version",
            {"world": uid},
        )
        found.extend((r_uid, version) for r_uid, version in rows)
    drift.stale[EntityType.RELATION], drift.orphaned[EntityType.RELATION] = _compare(
        expected, found
    )
    return drift


def _with_dependents(stale: dict[str, set[str]]) -> dict[str, set[str]]:
    """Entities whose edges point at a rewritten node: a node that was missing lost
    the edges other entities own (a scene's FEATURES, a child's PART_OF, a victim's
    KILLED_BY), so those entities are rewritten too."""
    from django.db.models import Q

    from lorebase.models import Character, Location, Scene

    result = {kind: set(uids) for kind, uids in stale.items()}
    chapters = stale.get(EntityType.CHAPTER, set())
    places = stale.get(EntityType.LOCATION, set())
    people = stale.get(EntityType.CHARACTER, set())
    scenes = Scene.objects.filter(
        Q(chapter__public_id__in=chapters)
        | Q(location__public_id__in=places)
        | Q(participants__public_id__in=people)
    )
    result.setdefault(EntityType.SCENE, set()).update(
        str(uid) for uid in scenes.values_list("public_id", flat=True)
    )
    result.setdefault(EntityType.CHARACTER, set()).update(
        str(uid)
        for uid in Character.objects.filter(killed_by__public_id__in=people).values_list(
            "public_id", flat=True
        )
    )
    result.setdefault(EntityType.LOCATION, set()).update(
        str(uid)
        for uid in Location.objects.filter(parent__public_id__in=places).values_list(
            "public_id", flat=True
        )
    )
    ends = Q()
    for kind in ENDPOINT_TYPES:
        uids = stale.get(kind, set())
        ends |= Q(**{f"source_{kind}__public_id__in": uids}) | Q(
            **{f"target_{kind}__public_id__in": uids}
        )
    result.setdefault(EntityType.RELATION, set()).update(
        str(uid) for uid in Relation.objects.filter(ends).values_list("public_id", flat=True)
    )
    return result


def repair(world: World, drift: Drift) -> None:
    stale = _with_dependents(drift.stale)
    with db.transaction:
        for entity_type, uids in drift.orphaned.items():
            if entity_type == EntityType.RELATION:
                writer.delete_relations(sorted(uids))
            else:
                for uid in uids:
                    writer.delete_node(LABELS[entity_type], uid)
        for entity_type, uids in stale.items():
            queryset = MODELS[entity_type].objects.filter(public_id__in=uids)
            if entity_type == EntityType.RELATION:
                mirror_relations(queryset, force=True)
            elif uids:
                mirror_nodes(entity_type, queryset, force=True, relink=False)
        relink_world_order(world)


def relink_world_order(world: World) -> None:
    from lorebase.models import Chapter

    chapters = {
        str(uid) for uid in Chapter.objects.filter(world=world).values_list("public_id", flat=True)
    }
    relink_scene_order(chapters)
    relink_chapter_order({str(world.public_id)})


def graph_holds_world(world_uid: str) -> bool:
    """Whether the graph has the world's node or any node of the world (index seeks)."""
    statements = [("MATCH (n:World {uid: $world}) RETURN n LIMIT 1")] + [
        f"MATCH (n:{label} {{world: $world}}) RETURN n LIMIT 1" for label in WORLD_LABELS
    ]
    return any(db.cypher_query(statement, {"world": world_uid})[0] for statement in statements)


def graph_worlds() -> set[str]:
    rows, _ = db.cypher_query("MATCH (w:World) RETURN w.uid")
    return {uid for (uid,) in rows}


def reconcile_worlds(*, world_id: str | None = None) -> dict[str, dict[str, int]]:
    """Repair every world (or one); returns the drift found per world slug."""
    worlds = World.objects.all() if world_id is None else World.objects.filter(public_id=world_id)
    report = {}
    for world in worlds:
        drift = world_drift(world)
        if drift.total:
            repair(world, drift)
        report[world.slug] = drift.summary()
        for kind, count in report[world.slug].items():
            RECONCILE_DRIFT.labels(kind=kind).inc(count)
    if world_id is None:  # worlds deleted from PostgreSQL but still in the graph
        known = {str(uid) for uid in World.objects.values_list("public_id", flat=True)}
        for uid in graph_worlds() - known:
            with db.transaction:
                writer.delete_world_nodes(uid)
            report[f"deleted:{uid}"] = {"orphaned_world": 1}
    return report
