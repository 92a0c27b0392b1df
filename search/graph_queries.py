"""Read-only Cypher over the graph mirror (Neo4j 5).

Every statement goes through graph.reads: values as parameters, labels and
relationship types checked against the allow-lists, a read transaction whose
timeout (SEARCH_GRAPH_TIMEOUT) the server enforces; a search of several
statements (neighbourhoods) shares one deadline across them. `as_of` (a chapter
number) hides scenes of later chapters and relations whose validity span does
not contain it (graph.reads.VALID_AT).
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise, zip_longest

from graph import projection, reads
from graph.metrics import GRAPH_QUERY_SECONDS
from graph.projection import FEATURES, PART_OF, RELATION_TYPES, TAKES_PLACE_IN
from graph.reads import VALID_AT, Deadline, pinned

from .results import LABEL_TYPES

# What a path or a neighbourhood may walk along. IN_CHAPTER and NEXT are left
# out: every scene of a chapter would otherwise be two steps from every other.
PATH_TYPES = (FEATURES, TAKES_PLACE_IN, PART_OF, *RELATION_TYPES)
ENTITY_LABELS = tuple(LABEL_TYPES)
TIMEOUT = "SEARCH_GRAPH_TIMEOUT"


# Deeper than any hierarchy of places a story needs (region, city, district, house, room…).
MAX_PLACE_DEPTH = 8


def _timed(name: str) -> Callable:
    """Observe a public query's latency as lorebase_graph_query_seconds{query=name}."""

    def decorate(function: Callable) -> Callable:
        @functools.wraps(function)
        def timed(*args: object, **kwargs: object) -> object:
            with GRAPH_QUERY_SECONDS.labels(query=name).time():
                return function(*args, **kwargs)

        return timed

    return decorate


def _scene_row(row: list) -> dict:
    scene, title, summary, chapter, number, location, location_name, *roles = row
    return {
        "scene": {"id": scene, "title": title, "summary": summary},
        "chapter": {"id": chapter, "number": number},
        "location": {"id": location, "name": location_name} if location else None,
        "roles": roles,
    }


SCENE_RETURN = (
    "MATCH (s)-[:IN_CHAPTER]->(c:Chapter) WHERE $as_of IS NULL OR c.number <= $as_of "
    "OPTIONAL MATCH (s)-[:TAKES_PLACE_IN]->(l:Location) "
    "RETURN s.uid, s.title, s.summary, c.uid, c.number, l.uid, l.name"
)


# Story order; the scene's uid only settles what the data cannot (two scenes of one
# chapter share no order, but a graph being repaired may briefly hold both).
STORY_ORDER = {False: "c.number, s.order, s.uid", True: "c.number DESC, s.order DESC, s.uid DESC"}


@_timed("meetings")
def meetings(
    *, world: str, a: str, b: str, as_of: int | None, limit: int, latest: bool = False
) -> list[dict]:
    """Scenes where both characters are there (not merely mentioned), in story order
    (the latest first when `latest`)."""
    rows = reads.read(
        # Both ends pinned to the uid index, `world` checked after: the planner may
        # otherwise start from the world index and read every node of the world.
        "MATCH (a:Character {uid: $a}), (b:Character {uid: $b}) "
        f"{pinned('a', 'Character')} {pinned('b', 'Character')} "
        "WHERE a.world = $world AND b.world = $world "
        "MATCH (a)<-[fa:FEATURES]-(s:Scene)-[fb:FEATURES]->(b) "
        "WHERE fa.role <> 'mentioned' AND fb.role <> 'mentioned' "
        f"WITH s, fa, fb {SCENE_RETURN}, fa.role, fb.role "
        f"ORDER BY {STORY_ORDER[latest]} LIMIT $limit",
        {"world": world, "a": a, "b": b, "as_of": as_of, "limit": limit},
        timeout=TIMEOUT,
    )
    return [_scene_row(row) for row in rows]


@_timed("character_at_location")
def character_at_location(
    *, world: str, character: str, location: str, as_of: int | None, limit: int
) -> list[dict]:
    """Scenes the character is in (not merely mentioned) at the location or inside it.

    Places inside follow the parent hierarchy only: PART_OF relations with a uid
    are claims with spans of their own, not where a place is.
    """
    rows = reads.read(
        f"MATCH (root:Location {{uid: $location}}) {pinned('root', 'Location')} "
        "WHERE root.world = $world "
        "MATCH (place:Location)(()-[r:PART_OF WHERE r.uid IS NULL]->()){0,"
        f"{MAX_PLACE_DEPTH}}}(root) "
        # From the character's scenes to the places, not the other way: the cost is the
        # places plus the character's scenes, never every scene of a large region.
        "WITH collect(DISTINCT place) AS places "
        f"MATCH (ch:Character {{uid: $character}}) {pinned('ch', 'Character')} "
        "MATCH (ch)<-[f:FEATURES]-(s:Scene)-[:TAKES_PLACE_IN]->(place) "
        "WHERE ch.world = $world AND f.role <> 'mentioned' AND place IN places "
        f"WITH DISTINCT s, f {SCENE_RETURN}, f.role "
        f"ORDER BY {STORY_ORDER[False]} LIMIT $limit",
        {"world": world, "character": character, "location": location}
        | {"as_of": as_of, "limit": limit},
        timeout=TIMEOUT,
    )
    return [_scene_row(row) for row in rows]


@_timed("events_at_location")
def events_at_location(*, world: str, location: str, chapter: int, limit: int) -> list[dict]:
    """Scenes of one chapter at the location or inside it (the parent hierarchy), in order."""
    rows = reads.read(
        f"MATCH (root:Location {{uid: $location}}) {pinned('root', 'Location')} "
        "WHERE root.world = $world "
        "MATCH (place:Location)(()-[r:PART_OF WHERE r.uid IS NULL]->()){0,"
        f"{MAX_PLACE_DEPTH}}}(root) "
        "WITH collect(DISTINCT place) AS places "
        "MATCH (:Chapter {world: $world, number: $chapter})<-[:IN_CHAPTER]-(s:Scene)"
        "-[:TAKES_PLACE_IN]->(place) WHERE place IN places "
        f"WITH DISTINCT s {SCENE_RETURN} ORDER BY {STORY_ORDER[False]} LIMIT $limit",
        {"world": world, "location": location, "chapter": chapter, "as_of": None, "limit": limit},
        timeout=TIMEOUT,
    )
    return [_scene_row(row) for row in rows]


@dataclass(frozen=True)
class Tie:
    """A relation of one entity that holds at the chapter asked: the other party and how."""

    party: str
    label: str
    name: str
    type: str
    relation: str
    forward: bool  # the entity asked about is the relation's source
    valid_from: int | None
    valid_to: int | None


@_timed("relations")
def relations(
    *,
    world: str,
    entity: tuple[str, str],
    sides: tuple[tuple[str, str], ...],
    as_of: int | None,
    limit: int,
) -> list[Tie]:
    """The entity's relations of the given (type, side) pairs that hold at `as_of` (VALID_AT).

    A side is "out" (the entity is the source), "in" (the target) or "both". In
    order of the chapter each starts in (one that holds from the start first),
    then the other party's name and uid.
    """
    by_side = {side: sorted({t for t, s in sides if s == side}) for side in ("out", "in", "both")}
    types = projection.types(sorted({t for t, _ in sides}), PATH_TYPES)
    rows = reads.read(
        f"MATCH (x:{projection.label(entity[1])} {{uid: $uid}})-[r:{types}]-(o) "
        f"{pinned('x', entity[1])} WHERE x.world = $world AND o.world = $world AND {VALID_AT} "
        "AND (type(r) IN $both OR (type(r) IN $out AND startNode(r) = x) "
        "OR (type(r) IN $in AND endNode(r) = x)) "
        "RETURN o.uid, labels(o), coalesce(o.name, o.title) AS name, type(r), r.uid, "
        "startNode(r) = x, r.valid_from, r.valid_to "
        "ORDER BY coalesce(r.valid_from, 0), name, o.uid, type(r), r.uid LIMIT $limit",
        {"world": world, "uid": entity[0], "as_of": as_of, "limit": limit} | by_side,
        timeout=TIMEOUT,
    )
    return [
        Tie(uid, next(label for label in labels if label in ENTITY_LABELS), *rest)
        for uid, labels, *rest in rows
    ]


@_timed("co_appearances")
def co_appearances(*, world: str, character: str, as_of: int | None, limit: int) -> list[dict]:
    """Characters who share the most scenes with `character` (present or speaking)."""
    rows = reads.read(
        f"MATCH (a:Character {{uid: $a}}) {pinned('a', 'Character')} WHERE a.world = $world "
        "MATCH (a)<-[fa:FEATURES]-(s:Scene)-[fo:FEATURES]->(o:Character) "
        "WHERE o.uid <> $a AND fa.role <> 'mentioned' AND fo.role <> 'mentioned' "
        "MATCH (s)-[:IN_CHAPTER]->(c:Chapter) WHERE $as_of IS NULL OR c.number <= $as_of "
        "WITH o, count(DISTINCT s) AS scenes, min(c.number) AS first "
        "RETURN o.uid, o.name, scenes, first ORDER BY scenes DESC, o.name, o.uid LIMIT $limit",
        {"world": world, "a": character, "as_of": as_of, "limit": limit},
        timeout=TIMEOUT,
    )
    return [
        {"character": {"id": uid, "name": name}, "scenes": scenes, "first_chapter": first}
        for uid, name, scenes, first in rows
    ]


@dataclass(frozen=True)
class Step:
    """One edge of a walk: from `source` to `target` along `type` (stored `forward` or not)."""

    source: str
    target: str
    type: str
    forward: bool
    relation: str | None
    role: str | None


@dataclass
class Walk:
    """What a breadth-first search saw: labels, names and how each node was reached."""

    labels: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    reached_by: dict[str, Step | None] = field(default_factory=dict)
    truncated: bool = False


def _neighbours(
    frontier: dict[str, str],
    *,
    world: str,
    as_of: int | None,
    kinds: tuple[str, ...],
    deadline: Deadline,
    limit: int | None = None,
    among: list[str] | None = None,
) -> list[tuple[Step, str, str]]:
    """Edges out of the frontier ({uid: label}) as (step, neighbour label, neighbour name),
    only to the neighbours `among` when given.

    One statement for all labels (a UNION ALL of one indexed lookup per label),
    so a hop costs one round trip whatever the frontier holds. Every label's branch
    is there even when its list is empty: one statement text per `kinds` (and with or
    without a chapter), which Neo4j plans once, instead of one per mix of labels, each
    planned at first use (0.3–1 s at 100k entities).
    """
    if not frontier:
        return []
    branches: list[str] = []
    params: dict[str, object] = {"world": world, "as_of": as_of}
    for label in ENTITY_LABELS:
        params[f"uids_{label}"] = sorted(
            uid for uid, node_label in frontier.items() if node_label == label
        )
        branches.append(
            f"UNWIND $uids_{label} AS uid MATCH (n:{projection.label(label)} {{uid: uid}})"
            f"-[r:{projection.types(kinds, PATH_TYPES)}]-(m) {pinned('n', label)} "
            "WHERE m.world = $world "
            # Without a chapter there is nothing to cut: Neo4j evaluates `$as_of IS
            # NULL OR …` on every row, and a hop out of a main character reads
            # thousands (a property and an expansion each). With one, the chapter of
            # a scene is read from `m` itself (a pattern comprehension): as a MATCH,
            # a plan may join every chapter's scenes instead (45,956 database hits
            # against 699, seen once in the suite).
            + ("" if as_of is None else f"AND {VALID_AT} AND {NO_LATER_CHAPTER} ")
            + ("AND m.uid IN $among " if among is not None else "")
            + "RETURN n.uid AS source, m.uid AS target, labels(m) AS labels, type(r) AS type, "
            "startNode(r) = n AS forward, r.uid AS relation, r.role AS role, "
            "coalesce(m.name, m.title) AS name "
            # Which neighbours a cut keeps, and in which order, is the data's, not the store's.
            "ORDER BY name, target, type, source, relation"
            + (" LIMIT $limit" if limit is not None else "")
        )
    if limit is not None:
        params["limit"] = limit
    if among is not None:
        params["among"] = among
    rows = reads.read(" UNION ALL ".join(branches), params, timeout=deadline)
    found = []
    for source, target, labels, rel_type, forward, relation, role, name in rows:
        found_label = next((label for label in labels if label in ENTITY_LABELS), None)
        if found_label is not None:
            found.append(
                (Step(source, target, rel_type, forward, relation, role), found_label, name)
            )
    # The branches merged in the same order as each was sorted.
    return sorted(
        found, key=lambda f: (f[2] or "", f[0].target, f[0].type, f[0].source, f[0].relation or "")
    )


# `m` is no scene of a chapter after $as_of.
NO_LATER_CHAPTER = "all(number IN [(m)-[:IN_CHAPTER]->(c) | c.number] WHERE number <= $as_of)"


def step_into(as_of: int | None) -> str:
    """A node a walk may enter: one of the world's, and no scene of a later chapter."""
    return "m.world = $world" + ("" if as_of is None else f" AND {NO_LATER_CHAPTER}")


@_timed("shortest_path")
def shortest_path(
    *,
    world: str,
    a: tuple[str, str],
    b: tuple[str, str],
    as_of: int | None,
    max_hops: int,
    kinds: tuple[str, ...] = PATH_TYPES,
) -> tuple[list[Step] | None, Walk]:
    """A shortest walk from a to b ((uid, label) each), None if there is none within bounds.

    `allShortestPaths` with both conditions as `all(…)` over the path: Neo4j checks
    them on each step of its bidirectional search (no exhaustive fallback in the
    plan), so no path is lost to them, and an end that is itself a later scene
    has no path. The quantified-path form (`ALL SHORTEST`) answers the same but
    took 0.4–0.6 s out of a main character at 100k entities, this form 20–30 ms.
    Of several shortest paths, the one whose node uids come first (as a list) is
    returned, so the same request always shows the same path.
    """
    walk = Walk()
    walk.labels[a[0]] = a[1]
    if a[0] == b[0]:
        return [], walk
    types = projection.types(kinds, PATH_TYPES)
    rows = reads.read(
        f"MATCH (a:{projection.label(a[1])} {{uid: $a}}), (b:{projection.label(b[1])} {{uid: $b}}) "
        f"{pinned('a', a[1])} {pinned('b', b[1])} "
        "WHERE a.world = $world AND b.world = $world "
        f"MATCH p = allShortestPaths((a)-[:{types}*1..{int(max_hops)}]-(b)) "
        + ("WHERE " if as_of is None else f"WHERE all(r IN relationships(p) WHERE {VALID_AT}) AND ")
        + f"all(m IN nodes(p) WHERE {step_into(as_of)}) "
        "WITH p ORDER BY [n IN nodes(p) | n.uid], [r IN relationships(p) | type(r)], "
        "[r IN relationships(p) | r.uid] LIMIT 1 "
        "RETURN [n IN nodes(p) | [n.uid, labels(n), coalesce(n.name, n.title)]], "
        "[r IN relationships(p) | [type(r), startNode(r).uid, r.uid, r.role]]",
        {"world": world, "a": a[0], "b": b[0], "as_of": as_of},
        timeout=TIMEOUT,
    )
    if not rows:
        return None, walk
    nodes, relationships = rows[0]
    for uid, labels, name in nodes:
        walk.labels[uid] = next(label for label in labels if label in ENTITY_LABELS)
        walk.names[uid] = name
    steps = [
        Step(source, target, rel_type, start == source, relation, role)
        for ((source, *_), (target, *_)), (rel_type, start, relation, role) in zip(
            pairwise(nodes), relationships, strict=True
        )
    ]
    return steps, walk


@_timed("neighbourhood")
def neighbourhood(
    *,
    world: str,
    start: tuple[str, str],
    depth: int,
    as_of: int | None,
    kinds: tuple[str, ...] = PATH_TYPES,
    max_nodes: int,
) -> tuple[dict[str, int], list[Step], Walk]:
    """Nodes within `depth` hops ({uid: distance}) and the edges that reached them."""
    deadline = Deadline.start(TIMEOUT)
    walk = Walk()
    walk.labels[start[0]], walk.reached_by[start[0]] = start[1], None
    distance = {start[0]: 0}
    edges: list[Step] = []
    frontier = {start[0]: start[1]}
    for hop in range(1, depth + 1):
        room = max_nodes - len(distance)
        if not frontier:
            break
        if room <= 0:
            walk.truncated = True
            break
        # One row past the room left tells a truncated answer from an exact fit.
        found = _neighbours(
            frontier, world=world, as_of=as_of, kinds=kinds, deadline=deadline, limit=room + 1
        )
        next_frontier: dict[str, str] = {}
        for step, label, name in found:
            walk.names.setdefault(step.target, name)
            if step.target in distance:
                if distance[step.target] == hop and step not in edges:
                    edges.append(step)
                continue
            if len(distance) >= max_nodes:
                walk.truncated = True
                break
            distance[step.target], walk.labels[step.target] = hop, label
            walk.reached_by[step.target] = step
            next_frontier[step.target] = label
            edges.append(step)
        frontier = next_frontier
    return distance, edges, walk


# When a node is there as of a chapter, by the search's no-spoiler rule
# (search.text.FIRST_CHAPTER): a scene from its chapter on, a character or a place
# from the first scene it is in; one in no scene, and any concept, always.
FIRST_SEEN = {
    "Scene": "(n)-[:IN_CHAPTER]->(c:Chapter)",
    "Character": "(n)<-[:FEATURES]-(:Scene)-[:IN_CHAPTER]->(c:Chapter)",
    "Location": "(n)<-[:TAKES_PLACE_IN]-(:Scene)-[:IN_CHAPTER]->(c:Chapter)",
}


@_timed("world_graph")
def world_graph(
    *, world: str, labels: tuple[str, ...], as_of: int | None, max_nodes: int
) -> tuple[list[Step], Walk]:
    """A world's nodes of `labels` (at most `max_nodes`) and the edges between them.

    The walk holds the nodes in the order picked: the labels take turns, each in
    name order, so a cut picture still shows every label asked for. Each label
    reads one node past the cap, which tells a cut from an exact fit.
    """
    deadline = Deadline.start(TIMEOUT)
    branches = []
    for label in labels:
        seen = FIRST_SEEN.get(label) if as_of is not None else None
        branches.append(
            f"MATCH (n:{projection.label(label)} {{world: $world}}) "
            + (
                f"OPTIONAL MATCH {seen} WITH n, min(c.number) AS first "
                "WHERE first IS NULL OR first <= $as_of "
                if seen
                else ""
            )
            + "RETURN n.uid AS uid, labels(n) AS labels, coalesce(n.name, n.title) AS name "
            "ORDER BY name, uid LIMIT $limit"
        )
    params = {"world": world, "as_of": as_of, "limit": max_nodes + 1}
    rows = reads.read(" UNION ALL ".join(branches), params, timeout=deadline) if branches else []
    by_label: dict[str, list[tuple[str, str, str]]] = {label: [] for label in labels}
    for uid, node_labels, name in rows:
        label = next(label for label in node_labels if label in by_label)
        by_label[label].append((uid, label, name))
    picked = [node for turn in zip_longest(*by_label.values()) for node in turn if node]
    walk = Walk(truncated=len(picked) > max_nodes)
    for uid, label, name in picked[:max_nodes]:
        walk.labels[uid], walk.names[uid] = label, name
    found = _neighbours(
        walk.labels,
        world=world,
        as_of=as_of,
        kinds=PATH_TYPES,
        deadline=deadline,
        among=list(walk.labels),
    )
    # An edge between two picked nodes is found from both ends: keep it as stored.
    edges = [step for step, _, _ in found if step.forward]
    return edges, walk
