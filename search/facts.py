"""Answers to questions of fact: a death, an entity's relations, what happened at a place.

Each returns the results and a note for `interpretation.note` when there is
nothing to show and the reason is worth saying (as of a chapter, nothing is
known yet). Nothing after `as_of` is revealed, not even that it exists.
"""

from lorebase.models import Character, RelationKind, World

from . import graph_queries, selectors
from .results import LABEL_TYPES, scene_result


def death(
    world: World, victim: dict, asks: str, as_of: int | None
) -> tuple[list[dict], str | None]:
    """Who killed the victim ("killer": the killer first) or how they died (the scene first)."""
    dead = selectors.character_death(world=world, character_id=victim["id"])
    chapter = dead.status_chapter.number if dead and dead.status_chapter else None
    if dead is None or (as_of is not None and chapter is not None and chapter > as_of):
        # Alive and dead later read the same: the answer must not tell them apart.
        known = f" as of chapter {as_of}" if as_of is not None else ""
        return [], f"Nothing is known of a death of {victim['name']}{known}."
    explanation = _death_story(dead, chapter)
    cites = [victim["id"]] + ([str(dead.killed_by.public_id)] if dead.killed_by else [])
    scene = _death_scene(dead, explanation, cites)
    killer = _killer(dead, explanation, cites, chapter)
    if asks == "killer":
        results = [r for r in (killer, scene) if r]
        note = None if killer else f"No killer of {victim['name']} is recorded."
    else:
        results = [r for r in (scene or _victim(victim, explanation, chapter), killer) if r]
        note = None
    return results, note


def _death_story(dead: Character, chapter: int | None) -> str:
    how = f"was killed by {dead.killed_by.name}" if dead.killed_by else "died"
    when = f" in chapter {chapter}" if chapter is not None else ""
    where = f", in “{dead.death_scene.title}”" if dead.death_scene else ""
    cause = f": {dead.death_cause.strip().rstrip('.')}" if dead.death_cause.strip() else ""
    return f"{dead.name} {how}{when}{where}{cause}."


def _record(explanation: str) -> dict:
    return {"source": "record", "explanation": f"From the death record: {explanation}"}


def _killer(
    dead: Character, explanation: str, cites: list[str], chapter: int | None
) -> dict | None:
    if dead.killed_by is None:
        return None
    killer = dead.killed_by
    return {
        "type": "character",
        "id": str(killer.public_id),
        "title": killer.name,
        "score": 1.0,
        "chapter": chapter,
        "why": _record(explanation),
        "cites": cites + _scene_ids(dead),
    }


def _death_scene(dead: Character, explanation: str, cites: list[str]) -> dict | None:
    scene = dead.death_scene
    if scene is None:
        return None
    place = scene.location
    return {
        "type": "scene",
        "id": str(scene.public_id),
        "title": scene.title,
        "summary": scene.summary,
        "score": 1.0,
        "chapter": scene.chapter.number,
        "location": {"id": str(place.public_id), "name": place.name} if place else None,
        "why": _record(explanation),
        "cites": _scene_ids(dead) + cites + ([str(place.public_id)] if place else []),
    }


def _scene_ids(dead: Character) -> list[str]:
    scene = dead.death_scene
    return [str(scene.public_id), str(scene.chapter.public_id)] if scene else []


def _victim(victim: dict, explanation: str, chapter: int | None) -> dict:
    return {
        "type": "character",
        "id": victim["id"],
        "title": victim["name"],
        "score": 1.0,
        "chapter": chapter,
        "why": _record(explanation),
        "cites": [victim["id"]],
    }


def relations(
    world: World, entity: dict, sides: tuple[tuple[str, str], ...], as_of: int | None, limit: int
) -> list[dict]:
    """The other parties of the entity's relations of these kinds that hold at `as_of`,
    by (the chapter the relation starts in, name, id); each party once, where it comes first."""
    ties = graph_queries.relations(
        world=str(world.public_id),
        entity=(entity["id"], entity["type"].capitalize()),
        sides=sides,
        as_of=as_of,
        limit=limit,
    )
    results: dict[str, dict] = {}
    for tie in ties:
        results.setdefault(tie.party, _tie_result(entity, tie))
    return list(results.values())


def _tie_result(entity: dict, tie: graph_queries.Tie) -> dict:
    source, target = (entity["name"], tie.name) if tie.forward else (tie.name, entity["name"])
    step = {
        "source": entity["id"] if tie.forward else tie.party,
        "target": tie.party if tie.forward else entity["id"],
        "type": tie.type,
        "direction": "forward" if tie.forward else "backward",
        "relation": tie.relation,
        "role": None,
        "text": f"{source} —{tie.type}→ {target}",
    }
    return {
        "type": LABEL_TYPES[tie.label],
        "id": tie.party,
        "title": tie.name,
        "score": 1.0,
        "chapter": tie.valid_from,
        "why": {
            "source": "graph",
            "explanation": f"{source} {RelationKind(tie.type).label} {target}{_span(tie)}.",
            "path": [step],
        },
        "cites": [tie.party, entity["id"], tie.relation],
    }


def _span(tie: graph_queries.Tie) -> str:
    start, end = tie.valid_from, tie.valid_to
    if start is not None and end is not None:
        return f" (chapters {start}–{end})" if start != end else f" (chapter {start})"
    if start is not None:
        return f" (from chapter {start})"
    return f" (until chapter {end})" if end is not None else ""


def events_at_location(
    world: World, place: dict, chapter: int | None, as_of: int | None, limit: int
) -> tuple[list[dict], str | None]:
    """The scenes of a chapter at the place or inside it, in scene order."""
    if chapter is None or not selectors.chapter_exists(world=world, number=chapter):
        return [], f"This world has no chapter {chapter}."
    if as_of is not None and chapter > as_of:
        return (
            [],
            f"Chapter {chapter} comes after chapter {as_of} (as_of_chapter): nothing is shown.",
        )
    rows = graph_queries.events_at_location(
        world=str(world.public_id), location=place["id"], chapter=chapter, limit=limit
    )
    results = [
        scene_result(row, f"It happens at {place['name']} or inside it", (place,)) for row in rows
    ]
    note = None if results else f"Nothing happens at {place['name']} in chapter {chapter}."
    return results, note
