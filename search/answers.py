"""Answers as plain data: the views validate, these functions look things up.

Every result carries `why` (how it matched: graph path, fields and words, or
a name) and `cites` (the public ids it rests on).
"""

import time

from django.conf import settings

from lorebase.catalogue import ENDPOINT_TYPES, EntityType, models_of
from lorebase.models import World
from lorebase.selectors import tagged

from . import facts, graph_queries, selectors, text
from .kinds import (
    CHARACTER_AT_LOCATION,
    DEATH,
    EVENTS_AT_LOCATION,
    FIRST,
    LAST,
    MEETINGS,
    PATH,
    RELATION,
    Question,
    classify,
)
from .metrics import SEARCH_SECONDS
from .questions import Entity, Mention, may_be_name, recognise
from .results import LABEL_TYPES, scene_result

# What a search finds and a path can start or end at.
MODELS = models_of((*ENDPOINT_TYPES, EntityType.SCENE))
RESULT_TYPES = (*MODELS, "path")


def entity_in_world(world: World, uid: str, types: tuple[str, ...]) -> dict | None:
    """{id, type, name} of the entity with this public id in the world, if one of `types`."""
    for type_name in types:
        entity = MODELS[type_name].objects.filter(world=world, public_id=uid).first()
        if entity is not None:
            name = entity.title if type_name == "scene" else entity.name
            return {"id": str(entity.public_id), "type": type_name, "name": name}
    return None


def _label(entity: dict) -> str:
    return entity["type"].capitalize()


def meetings(
    world: World, a: dict, b: dict, as_of: int | None, limit: int, which: str = "all"
) -> list[dict]:
    """Scenes where both are, in story order; for `which` LAST the last one first."""
    ask = {"world": str(world.public_id), "a": a["id"], "b": b["id"], "as_of": as_of}
    rows = graph_queries.meetings(**ask, limit=limit)
    if which == LAST:
        latest = graph_queries.meetings(**ask, limit=1, latest=True)
        rest = [row for row in rows if row not in latest]
        rows = (latest + rest)[:limit]
    both = f"{a['name']} and {b['name']} are both in this scene"
    results = [scene_result(row, both, (a, b)) for row in rows]
    if results and which in (FIRST, LAST):
        first = results[0]["why"]
        first["explanation"] = f"Their {which} meeting: {first['explanation']}"
    return results


def character_at_location(
    world: World, character: dict, location: dict, as_of: int | None, limit: int
) -> list[dict]:
    rows = graph_queries.character_at_location(
        world=str(world.public_id),
        character=character["id"],
        location=location["id"],
        as_of=as_of,
        limit=limit,
    )
    return [
        scene_result(
            row,
            f"{character['name']} is in this scene at {location['name']}",
            (character, location),
        )
        for row in rows
    ]


def path(
    world: World,
    a: dict,
    b: dict,
    as_of: int | None,
    max_hops: int,
    kinds: tuple[str, ...] = graph_queries.PATH_TYPES,
) -> dict:
    """The shortest connection between two entities, as nodes and steps."""
    steps, walk = graph_queries.shortest_path(
        world=str(world.public_id),
        a=(a["id"], _label(a)),
        b=(b["id"], _label(b)),
        as_of=as_of,
        max_hops=max_hops,
        kinds=kinds,
    )
    names = walk.names | {a["id"]: a["name"], b["id"]: b["name"]}
    if steps is None:
        return {
            "found": False,
            "length": None,
            "nodes": [],
            "steps": [],
            "truncated": False,
        }
    uids = [a["id"], *(step.target for step in steps)]
    return {
        "found": True,
        "length": len(steps),
        "nodes": [
            {"id": uid, "type": LABEL_TYPES[walk.labels[uid]], "name": names.get(uid)}
            for uid in uids
        ],
        "steps": [_step(step, names) for step in steps],
        "truncated": False,
    }


def _step(step: graph_queries.Step, names: dict[str, str]) -> dict:
    source, target = (step.source, step.target) if step.forward else (step.target, step.source)
    return {
        "source": step.source,
        "target": step.target,
        "type": step.type,
        "direction": "forward" if step.forward else "backward",
        "relation": step.relation,
        "role": step.role,
        "text": f"{names.get(source)} —{step.type}→ {names.get(target)}",
    }


def neighbourhood(
    world: World, entity: dict, depth: int, as_of: int | None, kinds: tuple[str, ...], limit: int
) -> dict:
    distance, edges, walk = graph_queries.neighbourhood(
        world=str(world.public_id),
        start=(entity["id"], _label(entity)),
        depth=depth,
        as_of=as_of,
        kinds=kinds,
        max_nodes=limit,
    )
    names = walk.names | {entity["id"]: entity["name"]}
    nodes = [
        {"id": uid, "type": LABEL_TYPES[walk.labels[uid]], "name": names.get(uid), "distance": d}
        for uid, d in sorted(
            distance.items(), key=lambda item: (item[1], names.get(item[0]) or "", item[0])
        )
    ]
    return {"nodes": nodes, "edges": [_step(s, names) for s in edges], "truncated": walk.truncated}


def world_graph(world: World, types: tuple[str, ...], as_of: int | None, limit: int) -> dict:
    """The world's entities of `types` and the edges between them, in neighbourhood's shape."""
    edges, walk = graph_queries.world_graph(
        world=str(world.public_id),
        labels=tuple(type_name.capitalize() for type_name in types),
        as_of=as_of,
        max_nodes=limit,
    )
    nodes = [
        {"id": uid, "type": LABEL_TYPES[label], "name": walk.names.get(uid)}
        for uid, label in walk.labels.items()
    ]
    edges = [_step(step, walk.names) for step in edges]
    return {"nodes": nodes, "edges": edges, "truncated": walk.truncated}


def co_appearances(world: World, character: dict, as_of: int | None, limit: int) -> list[dict]:
    rows = graph_queries.co_appearances(
        world=str(world.public_id), character=character["id"], as_of=as_of, limit=limit
    )
    for row in rows:
        other = row["character"]["name"]
        row["why"] = (
            f"{other} and {character['name']} are both in {row['scenes']} scene(s), "
            f"first in chapter {row['first_chapter']}."
        )
    return rows


def search(
    world: World,
    question: str,
    as_of: int | None,
    types: set[str],
    limit: int,
    tags: list[str] | None = None,
) -> dict:
    """Answer a question: graph answers first, then names, then full text; with `tags`,
    only entities carrying every one of them."""
    started = time.perf_counter()
    words = text.analyse(question, text.config_for(world))
    mentions = recognise(world, words, as_of=as_of, chapters=True)
    asked = classify(words, mentions)
    results, note, details = _answer(world, asked, as_of, limit)
    results = [r for r in results if r["type"] in types]
    results += [
        _mention_result(m, entity)
        for m in mentions
        for entity in m.candidates
        if entity.type in types
    ]
    if len(results) < limit:  # else names and text would only be cut off the page
        named = {position for m in mentions for position in m.positions}
        # Trigrams only for what looks like a name no entity was matched to:
        # the edit distance above already caught one-letter typos.
        unnamed = [w for i, w in enumerate(words) if i not in named and may_be_name(w, words)]
        found = text.name_search(world=world, words=unnamed, types=types, limit=limit)
        results += [_hit_result(h, "name") for h in found]
        found = text.text_search(world=world, words=words, as_of=as_of, types=types, limit=limit)
        results += [_hit_result(h, "text") for h in found]
    results = _merge(results)
    if as_of is not None:  # no spoilers: nobody who only turns up in a later chapter
        later = text.appearing_after(ids=[r["id"] for r in results if r["id"]], as_of=as_of)
        results = [r for r in results if r["id"] not in later]
    if tags:  # a path is no entity: it carries no tags
        carrying = _carrying(results, tags)
        results = [r for r in results if r["id"] in carrying]
    SEARCH_SECONDS.labels(kind=asked.kind).observe(time.perf_counter() - started)
    return {
        "query": question,
        "kind": asked.kind,
        "as_of_chapter": as_of,
        # Only what the question names beyond doubt; the rest is in `interpretation`.
        "entities": [_entity(m) | {"matched": _matched(m)} for m in mentions if not m.ambiguous],
        "interpretation": _interpretation(asked, mentions, details, note),
        "results": results[:limit],
    }


def _carrying(results: list[dict], tags: list[str]) -> set[str]:
    """Ids of the results' entities that carry every one of `tags`."""
    found: set[str] = set()
    for type_name, model in MODELS.items():
        ids = [r["id"] for r in results if r["type"] == type_name and r["id"]]
        if ids:
            rows = tagged(model.objects.filter(public_id__in=ids), tags)
            found |= {str(uid) for uid in rows.values_list("public_id", flat=True)}
    return found


def _answer(
    world: World, asked: Question, as_of: int | None, limit: int
) -> tuple[list[dict], str | None, dict]:
    """The graph's or the record's answer to the kind of question: results, a note, details."""
    entities = [_entity(m) for m in asked.mentions]
    details, note, results = dict(asked.details), None, []
    if asked.kind == MEETINGS:
        results = meetings(world, *entities, as_of, limit, details["meeting"])
    elif asked.kind == CHARACTER_AT_LOCATION:
        results = character_at_location(world, *entities, as_of, limit)
    elif asked.kind == PATH:
        found = path(world, *entities, as_of, settings.SEARCH_MAX_PATH_HOPS)
        results = [_path_result(found)] if found["found"] else []
    elif asked.kind == DEATH:
        results, note = facts.death(world, entities[0], details["death"], as_of)
    elif asked.kind == RELATION:
        results = facts.relations(world, entities[0], details["relations"], as_of, limit)
        details["relations"] = [{"kind": k, "side": side} for k, side in details["relations"]]
    elif asked.kind == EVENTS_AT_LOCATION:
        if "chapter" not in details:  # named by its title
            details["chapter"] = selectors.chapter_number(world=world, chapter_id=entities[1]["id"])
        results, note = facts.events_at_location(
            world, entities[0], details["chapter"], as_of, limit
        )
    return results, note, details


def _interpretation(
    asked: Question, mentions: list[Mention], details: dict, note: str | None
) -> dict:
    """How the question was read: its names (with every candidate), its kind and details."""
    unclear = [m for m in mentions if m.ambiguous]
    if unclear:
        note = "; ".join(
            f"“{' '.join(m.words)}” could be any of {len(m.candidates)}: "
            + ", ".join(_described(e) for e in m.candidates)
            for m in unclear
        )
        note += ". Answered from the text instead; name one of them to ask the graph."
    return {
        "kind": asked.kind,
        "details": details,
        "confident": not unclear,
        "mentions": [
            _matched(m)
            | {
                "ambiguous": m.ambiguous,
                "resolved_by": m.resolved_by,
                "candidates": [
                    {"id": e.id, "type": e.type, "name": e.name, "parent": e.parent}
                    for e in m.candidates
                ],
            }
            for m in mentions
        ],
        "note": note,
    }


def _described(entity: Entity) -> str:
    return f"{entity.name} — {entity.parent}" if entity.parent else f"{entity.name} ({entity.type})"


def _entity(mention: Mention) -> dict:
    entity = mention.entity
    return {"id": entity.id, "type": entity.type, "name": entity.name}


def _matched(mention: Mention) -> dict:
    return {
        "words": list(mention.words),
        "field": mention.field,
        "value": mention.variant,
        "how": mention.how,
        "score": mention.score,
    }


def _path_result(found: dict) -> dict:
    nodes = found["nodes"]
    return {
        "type": "path",
        "id": None,
        "title": " → ".join(n["name"] or n["id"] for n in nodes),
        "score": 1.0,
        "why": {
            "source": "graph",
            "explanation": f"Shortest connection: {found['length']} step(s). "
            + "; ".join(step["text"] for step in found["steps"]),
            "path": found["steps"],
        },
        "cites": [n["id"] for n in nodes]
        + [s["relation"] for s in found["steps"] if s["relation"]],
    }


def _mention_result(mention: Mention, entity: Entity) -> dict:
    how = {"exact": "exactly", "stem": "by its stem", "fuzzy": "within one typing error"}
    field = "alias" if mention.field == "aliases" else "name"
    others = len(mention.candidates) - 1
    unclear = f" So do {others} other(s): which one is meant is not clear." if others else ""
    return {
        "type": entity.type,
        "id": entity.id,
        "title": entity.name,
        "score": mention.score,
        "why": {
            "source": "name",
            "explanation": f"“{' '.join(mention.words)}” matches the {field} "
            f"“{mention.variant}” {how[mention.how]}.{unclear}",
            "fields": {mention.field: list(mention.words)},
        },
        "cites": [entity.id],
    }


def _hit_result(hit: text.Hit, source: str) -> dict:
    described = "; ".join(f"{name}: {', '.join(words)}" for name, words in hit.fields.items())
    what = "full text" if source == "text" else "names and aliases (trigram similarity)"
    result = {
        "type": hit.type,
        "id": hit.id,
        "title": hit.title,
        "score": hit.score,
        "why": {
            "source": source,
            "explanation": f"Matched in {what}: {described or '—'}.",
            "fields": hit.fields,
        },
        "cites": [hit.id] + ([hit.location[0]] if hit.location else []),
    }
    if hit.type == "scene":
        result["chapter"] = hit.chapter
        result["location"] = (
            {"id": hit.location[0], "name": hit.location[1]} if hit.location else None
        )
    return result


def _merge(results: list[dict]) -> list[dict]:
    """One result per id, where it first appeared (graph, then names, then text)."""
    seen: set[str] = set()
    merged = []
    for result in results:
        key = result["id"] or result["title"]
        if key in seen:
            continue
        seen.add(key)
        merged.append(result)
    return merged
