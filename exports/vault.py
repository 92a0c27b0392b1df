"""A world as an Obsidian-style Markdown vault, optionally cut at a chapter.

One note per entity (`<Folder>/<name>.md`) with YAML front matter and
`[[Folder/name|shown name]]` links, one index note per type, and `Index.md`
over those. Links name the note's path, so two entities of one name in different
types never mix; two of one type get their id's first characters in the name.
Cut at a chapter, the vault holds only what the player knows by its end
(exports.spoilers): later chapters and scenes, characters and places first seen
later, relations that start later, a death that comes later.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any, TypeGuard

import yaml
from django.db.models import Q

from lorebase.catalogue import entity_type_of
from lorebase.models import (
    ENDPOINT_FIELDS,
    Chapter,
    Character,
    Concept,
    Location,
    Relation,
    RelationKind,
    Scene,
    SceneParticipant,
    World,
    WorldEntity,
)

from .cards import relation_span
from .spoilers import first_chapters, known

FOLDERS: dict[type[WorldEntity], str] = {
    Chapter: "Chapters",
    Character: "Characters",
    Location: "Places",
    Concept: "Concepts",
    Scene: "Scenes",
}
# Characters Obsidian does not allow in a note's name or a link.
UNSAFE = re.compile(r'[\[\]#^|\\/:*?"<>]+')


def vault_files(world: World, *, as_of: int | None = None) -> Iterator[tuple[str, bytes]]:
    """(path, content) of every note, under `<world-slug>/`."""
    vault = _Vault(world, as_of)
    for entity, body, front in vault.notes():
        yield f"{world.slug}/{vault.path(entity)}.md", _note(front, body)
    for model, folder in FOLDERS.items():
        links = [f"- {vault.link(entity)}" for entity in vault.entities[model]]
        yield f"{world.slug}/{folder}.md", _note({"type": "index"}, [f"# {folder}", "", *links])
    index = [f"# {world.name}", "", *(f"- [[{folder}]]" for folder in FOLDERS.values())]
    yield f"{world.slug}/Index.md", _note({"type": "index", "as_of_chapter": as_of}, index)


def _note(front: dict[str, Any], body: list[str]) -> bytes:
    matter = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    return (f"---\n{matter}---\n\n" + "\n".join(body).rstrip() + "\n").encode()


def _shown(name: str) -> str:
    return UNSAFE.sub(" ", name).strip() or "untitled"


class _Vault:
    def __init__(self, world: World, as_of: int | None) -> None:
        self.world, self.as_of = world, as_of
        first = first_chapters(world)
        chapters = Chapter.objects.filter(world=world)
        scenes = Scene.objects.filter(world=world).select_related("chapter", "location")
        if as_of is not None:
            chapters = chapters.filter(number__lte=as_of)
            scenes = scenes.filter(chapter__number__lte=as_of)
        self.entities: dict[type[WorldEntity], list[Any]] = {
            Chapter: list(chapters.order_by("number")),
            Character: [c for c in Character.objects.filter(world=world) if known(first, c, as_of)],
            Location: [p for p in Location.objects.filter(world=world) if known(first, p, as_of)],
            Concept: list(Concept.objects.filter(world=world)),
            Scene: list(scenes.order_by("chapter__number", "order")),
        }
        self.names = {
            (model, e.pk): name for model in FOLDERS for e, name in self._names(model).items()
        }
        relations = Relation.objects.filter(world=world).select_related(*ENDPOINT_FIELDS)
        if as_of is not None:
            relations = relations.filter(
                Q(valid_from__isnull=True) | Q(valid_from__number__lte=as_of)
            )
        self.relations: dict[tuple[type, int], list[Relation]] = defaultdict(list)
        for relation in relations.select_related("valid_from", "valid_to").order_by(
            "kind", "public_id"
        ):
            source, target = relation.source, relation.target
            if self.has(source) and self.has(target):
                for end in (source, target):
                    self.relations[type(end), end.pk].append(relation)
        self.cast: dict[int, list[SceneParticipant]] = defaultdict(list)
        participations = SceneParticipant.objects.filter(scene__in=self.entities[Scene])
        for participation in participations.select_related("character").order_by("character__name"):
            if self.has(participation.character):
                self.cast[participation.scene_id].append(participation)

    def _names(self, model: type[WorldEntity]) -> dict[Any, str]:
        """Note names in a folder: the shown name, with an id prefix where two collide
        (compared as a case-insensitive file system would)."""
        shown = {e: _shown(_title(e)) for e in self.entities[model]}
        counts = Counter(name.casefold() for name in shown.values())
        return {
            e: name if counts[name.casefold()] == 1 else f"{name} ({str(e.public_id)[:8]})"
            for e, name in shown.items()
        }

    def has(self, entity: WorldEntity | None) -> TypeGuard[WorldEntity]:
        return entity is not None and (type(entity), entity.pk) in self.names

    def path(self, entity: WorldEntity) -> str:
        return f"{FOLDERS[type(entity)]}/{self.names[type(entity), entity.pk]}"

    def link(self, entity: WorldEntity | None) -> str:
        assert entity is not None  # only entities `has` kept are linked
        return f"[[{self.path(entity)}|{_shown(_title(entity))}]]"

    def notes(self) -> Iterator[tuple[WorldEntity, list[str], dict[str, Any]]]:
        for model in FOLDERS:
            for entity in self.entities[model]:
                front = {"id": str(entity.public_id), "type": entity_type_of(entity).value}
                body = [f"# {_title(entity)}", ""]
                front |= getattr(self, f"_{model.__name__.lower()}")(entity, body)
                yield entity, body, front

    def _relation_lines(self, entity: WorldEntity, body: list[str]) -> None:
        lines = [
            f"- {self.link(r.source)} {RelationKind(r.kind).label} {self.link(r.target)}"
            + relation_span(r)
            for r in self.relations.get((type(entity), entity.pk), [])
        ]
        if lines:
            body += ["", "## Relations", "", *lines]

    def _chapter(self, chapter: Chapter, body: list[str]) -> dict[str, Any]:
        body += [chapter.summary, "", "## Scenes", ""]
        body += [f"- {self.link(s)}" for s in self.entities[Scene] if s.chapter_id == chapter.pk]
        return {"number": chapter.number, "title": chapter.title}

    def _character(self, character: Character, body: list[str]) -> dict[str, Any]:
        status, died = character.status, character.status_chapter
        if died is not None and self.as_of is not None and died.number > self.as_of:
            status, died = Character.Status.ALIVE.value, None  # a later change is a spoiler
        body += [character.description]
        if character.persona:
            body += ["", "## Persona", "", character.persona]
        scenes = [
            f"- {self.link(s)} ({p.get_role_display().lower()})"
            for s in self.entities[Scene]
            for p in self.cast[s.pk]
            if p.character_id == character.pk
        ]
        if scenes:
            body += ["", "## Scenes", "", *scenes]
        self._relation_lines(character, body)
        front: dict[str, Any] = {"name": character.name, "aliases": character.aliases}
        front["status"] = status
        if died is not None:
            front["status_chapter"] = died.number
        return front

    def _location(self, place: Location, body: list[str]) -> dict[str, Any]:
        body += [place.description]
        if self.has(place.parent):
            body += ["", f"Part of {self.link(place.parent)}."]
        here = [f"- {self.link(s)}" for s in self.entities[Scene] if s.location_id == place.pk]
        if here:
            body += ["", "## Scenes here", "", *here]
        self._relation_lines(place, body)
        return {"name": place.name, "aliases": place.aliases, "kind": place.kind}

    def _concept(self, concept: Concept, body: list[str]) -> dict[str, Any]:
        body += [concept.description]
        self._relation_lines(concept, body)
        return {"name": concept.name, "aliases": concept.aliases, "kind": concept.kind}

    def _scene(self, scene: Scene, body: list[str]) -> dict[str, Any]:
        body += [f"Chapter: {self.link(scene.chapter)}"]
        if self.has(scene.location):
            body += [f"Place: {self.link(scene.location)}"]
        cast = [
            f"- {self.link(p.character)} ({p.get_role_display().lower()})"
            for p in self.cast[scene.pk]
        ]
        if cast:
            body += ["", "## Cast", "", *cast]
        if scene.summary:
            body += ["", "## Summary", "", scene.summary]
        if scene.text:
            body += ["", "## Text", "", scene.text]
        return {"title": scene.title, "chapter": scene.chapter.number, "order": scene.order}


def _title(entity: Any) -> str:
    if isinstance(entity, Chapter):
        return f"{entity.number}. {entity.title}"
    return entity.title if isinstance(entity, Scene) else entity.name
