"""A character as a Character Card V2 or V3 (the JSON of role-play front-ends).

The embedded lorebook holds only what the character knows: the scenes they were
present or spoke in (being mentioned is not being there), their relations, and
the places and concepts those scenes and relations lead to. Cut at a chapter,
it holds only what they know by its end: later scenes, relations that start
later, and people and places first seen later are left out (the no-spoiler rule
of search: a character or a place exists from the first scene it is in).
"""

from collections.abc import Iterable
from typing import Any

from django.db.models import Q

from lorebase.catalogue import entity_type_of
from lorebase.models import (
    ENDPOINT_FIELDS,
    Character,
    Concept,
    Location,
    Relation,
    RelationKind,
    SceneParticipant,
    World,
    WorldEntity,
)

from .spoilers import first_chapters, known

PRESENT_ROLES = (SceneParticipant.Role.PRESENT, SceneParticipant.Role.SPEAKER)


def character_card(character: Character, *, as_of: int | None = None) -> dict[str, Any]:
    """The V2 card; `as_of` (a chapter number) cuts the lorebook, None is the whole story."""
    world: World = character.world
    participations = SceneParticipant.objects.filter(character=character, role__in=PRESENT_ROLES)
    relations = Relation.objects.filter(
        Q(source_character=character) | Q(target_character=character)
    )
    if as_of is not None:
        participations = participations.filter(scene__chapter__number__lte=as_of)
        relations = relations.filter(Q(valid_from__isnull=True) | Q(valid_from__number__lte=as_of))
    scenes = [
        p.scene
        for p in participations.select_related("scene__chapter", "scene__location").order_by(
            "scene__chapter__number", "scene__order"
        )
    ]
    first = first_chapters(world) if as_of is not None else {}
    relations = [
        r
        for r in relations.select_related(*ENDPOINT_FIELDS, "valid_from", "valid_to").order_by(
            "kind", "public_id"
        )
        if known(first, r.source, as_of) and known(first, r.target, as_of)
    ]
    linked = [s.location for s in scenes if s.location] + [
        end for r in relations for end in (r.source, r.target) if end != character
    ]
    places = _unique(e for e in linked if isinstance(e, Location))
    concepts = _unique(e for e in linked if isinstance(e, Concept))
    entries = (
        [_scene_entry(s) for s in scenes]
        + [_relation_entry(r, character) for r in relations]
        + [_thing_entry(e, e.get_kind_display()) for e in sorted(places, key=_by_name)]
        + [_thing_entry(e, e.get_kind_display()) for e in sorted(concepts, key=_by_name)]
    )
    personality = character.persona
    if character.speech_style:
        personality = f"{personality}\n\nSpeech style: {character.speech_style}".strip()
    opening = scenes[0].summary if scenes and scenes[0].summary else ""
    status, death = character.status, _death(character)
    changed = character.status_chapter
    if as_of is not None and changed is not None and changed.number > as_of:
        # The status changed after the cut: until then they were as the story began.
        status, death = Character.Status.ALIVE, None
    extent = f"by the end of chapter {as_of}" if as_of is not None else "in the whole story"
    return {
        "spec": "chara_card_v2",
        "spec_version": "2.0",
        "data": {
            "name": character.name,
            "description": character.description,
            "personality": personality,
            "scenario": world.description,
            "first_mes": f"*{opening}*" if opening else "",
            "mes_example": "",
            "creator_notes": f"Exported from Lorebase, world “{world.name}”.",
            "system_prompt": "",
            "post_history_instructions": "",
            "alternate_greetings": [],
            "tags": [world.name, Character.Status(status).label],
            "creator": "Lorebase",
            "character_version": str(character.version),
            "extensions": {
                "lorebase": {
                    "world": str(world.public_id),
                    "character": str(character.public_id),
                    "aliases": character.aliases,
                    "status": status,
                    "death": death,
                    "as_of_chapter": as_of,
                }
            },
            "character_book": {
                "name": f"What {character.name} knows",
                "description": (
                    f"Scenes, relations, places and concepts known to {character.name} {extent}."
                ),
                "recursive_scanning": False,
                "extensions": {},
                "entries": [lorebook_entry(index, **entry) for index, entry in enumerate(entries)],
            },
        },
    }


def _death(character: Character) -> dict[str, Any] | None:
    """When, where, by whom and how the character died; None for the living."""
    if character.status != Character.Status.DEAD:
        return None
    chapter, killer, scene = character.status_chapter, character.killed_by, character.death_scene
    return {
        "chapter": chapter.number if chapter else None,
        "killed_by": {"id": str(killer.public_id), "name": killer.name} if killer else None,
        "scene": {"id": str(scene.public_id), "title": scene.title} if scene else None,
        "cause": character.death_cause,
    }


def _scene_entry(scene) -> dict[str, Any]:
    where = f" at {scene.location.name}" if scene.location else ""
    content = f"Chapter {scene.chapter.number}, “{scene.title}”{where}: {scene.summary}"
    keys = [scene.title] + ([scene.location.name] if scene.location else [])
    return {"name": scene.title, "keys": keys, "content": content.rstrip(": "), **_about(scene)}


def _relation_entry(relation: Relation, character: Character) -> dict[str, Any]:
    other = relation.target if relation.source == character else relation.source
    span = relation_span(relation)
    label = RelationKind(relation.kind).label
    content = f"{relation.source} {label} {relation.target}{span}."
    if relation.description:
        content += f" {relation.description}"
    return {
        "name": f"{relation.source} {label} {relation.target}",
        "keys": [str(other), *getattr(other, "aliases", [])],
        "content": content,
        **_about(relation),
    }


def _thing_entry(entity: Location | Concept, kind: str) -> dict[str, Any]:
    content = f"{entity.name} ({kind.lower()})"
    if entity.description:
        content += f": {entity.description}"
    return {
        "name": entity.name,
        "keys": [entity.name, *entity.aliases],
        "content": content,
        **_about(entity),
    }


def _about(entity: WorldEntity) -> dict[str, str]:
    """Which entity a lorebook entry is about, as the entry's extension names it."""
    return {"kind": entity_type_of(entity).value, "entity_id": str(entity.public_id)}


def lorebook_entry(
    index: int, *, name: str, keys: list[str], content: str, kind: str, entity_id: str
) -> dict:
    """One entry of a Character Card V2 lorebook (character_book)."""
    return {
        "id": index,
        "name": name,
        "keys": list(dict.fromkeys(k for k in keys if k)),
        "secondary_keys": [],
        "content": content,
        "comment": "",
        "enabled": True,
        "constant": False,
        "selective": False,
        "case_sensitive": False,
        "insertion_order": index,
        "priority": 10,
        "position": "before_char",
        "extensions": {"lorebase": {"type": kind, "id": entity_id}},
    }


def relation_span(relation: Relation) -> str:
    start, end = relation.valid_from, relation.valid_to
    if start and end:
        return f" (chapters {start.number}–{end.number})"
    if start:
        return f" (from chapter {start.number})"
    return f" (until chapter {end.number})" if end else ""


def _unique(entities: Iterable[WorldEntity]) -> list[WorldEntity]:
    return list({entity.pk: entity for entity in entities}.values())


def _by_name(entity: Location | Concept) -> tuple[str, str]:
    return entity.name, str(entity.public_id)


def character_card_v3(character: Character, *, as_of: int | None = None) -> dict[str, Any]:
    """The V3 card: the V2 fields (kept for V2 readers, as V3 allows), V3's own ones, and
    a lorebook whose entries say they match by plain keys, not regular expressions."""
    data = character_card(character, as_of=as_of)["data"]
    book = data["character_book"]
    return {
        "spec": "chara_card_v3",
        "spec_version": "3.0",
        "data": {
            **data,
            "character_book": {
                **book,
                "entries": [{**entry, "use_regex": False} for entry in book["entries"]],
            },
            "group_only_greetings": [],
            "source": [f"lorebase:{character.world.public_id}/{character.public_id}"],
            "creation_date": int(character.created_at.timestamp()),
            "modification_date": int(character.updated_at.timestamp()),
        },
    }
