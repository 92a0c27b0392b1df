"""A Story → a world, through lorebase.services, by stable public ids.

Every entity's public id is a UUID5 of the world, its type and its Ren'Py name
(the label, the character's variable, the background's image name, the chapter
number), so importing the same game again finds what the last import made and
only saves what changed. The caller holds one transaction: an error anywhere
leaves nothing behind, and a dry run (`--check`) rolls it back. A translation
is a world of its own (`<slug>-<language>`) whose entities name the original
entity they translate in `original`. Nothing is deleted: a label gone from the
script leaves its scene in place.
"""

import uuid
from typing import Any

from lorebase.models import Chapter, Character, Location, Scene, World, WorldEntity
from lorebase.services import entity_save, scene_set_participants, world_create

from .story import Story

NAMESPACE = uuid.UUID("6f1c2e4a-93b8-4d57-a0e2-5b7c9d1f3a86")  # Lorebase's Ren'Py imports
# Orders scenes are parked at while a re-import reorders them (see _park).
PARKED = 1_000_000


def stable_id(world: World, kind: str, name: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{world.public_id}/{kind}/{name}")


def import_story(
    *, story: Story, world: World | None, slug: str, language: str, original: World | None = None
) -> tuple[World, list[str]]:
    """Write the story into the world `slug` (made if missing); what changed, one per line."""
    changes: list[str] = []
    if world is None:
        world = world_create(
            owner=None,
            name=story.title or slug,
            slug=slug,
            language=language,
            public_id=stable_id(original, "edition", language) if original else None,
        )
        changes.append(f"create world {slug}")
        if original is not None:
            world.original = original.public_id
            entity_save(instance=world)
    writer = _Writer(world, original, changes)
    chapters = {n: writer.chapter(n, title) for n, title in story.chapters.items()}
    places = {key: writer.place(key, name) for key, name in story.places.items()}
    characters = {var: writer.character(var, name) for var, name in story.characters.items()}
    writer.scenes(story, chapters, places, characters)
    return world, changes


class _Writer:
    def __init__(self, world: World, original: World | None, changes: list[str]) -> None:
        self.world, self.original, self.changes = world, original, changes

    def _find(self, model: type[WorldEntity], kind: str, name: str) -> Any:
        public_id = stable_id(self.world, kind, name)
        found = model._default_manager.filter(world=self.world, public_id=public_id).first()
        if found is None:
            found = model(world=self.world, public_id=public_id)
            if self.original is not None:
                found.original = stable_id(self.original, kind, name)
        return found

    def _save(self, instance: WorldEntity, kind: str, name: str, values: dict[str, Any]) -> None:
        """Save only what differs, so a second import of the same game changes nothing."""
        if instance.pk is None:
            changed = list(values)
        else:
            changed = [key for key, value in values.items() if getattr(instance, key) != value]
            if not changed:
                return
        for key in changed:
            setattr(instance, key, values[key])
        entity_save(instance=instance)
        what = "create" if instance.version == 1 else "update"
        detail = "" if what == "create" else f" ({', '.join(sorted(changed))})"
        self.changes.append(f"{what} {kind} {name}{detail}")

    def chapter(self, number: int, title: str) -> Chapter:
        chapter = self._find(Chapter, "chapter", str(number))
        self._save(chapter, "chapter", str(number), {"number": number, "title": title})
        return chapter

    def place(self, key: str, name: str) -> Location:
        place = self._find(Location, "location", key)
        self._save(place, "location", key, {"name": name})
        return place

    def character(self, variable: str, name: str) -> Character:
        character = self._find(Character, "character", variable)
        # The variable is kept as an alias; aliases the team added stay.
        aliases = (
            character.aliases if variable in character.aliases else [*character.aliases, variable]
        )
        self._save(character, "character", variable, {"name": name, "aliases": aliases})
        return character

    def scenes(
        self,
        story: Story,
        chapters: dict[int, Chapter],
        places: dict[str, Location],
        characters: dict[str, Character],
    ) -> None:
        found = [self._find(Scene, "scene", scene.label) for scene in story.scenes]
        self._park(found, story, chapters)
        for instance, scene in zip(found, story.scenes, strict=True):
            created = instance.pk is None
            values = {
                "chapter": chapters[scene.chapter],
                "order": scene.order,
                "title": scene.label,
                "text": scene.text,
                "location": places.get(scene.place) if scene.place else None,
            }
            before = instance.version
            self._save(instance, "scene", scene.label, values)
            cast = {(characters[var].pk, role) for var, role in scene.cast.items()}
            if created or cast != set(instance.participations.values_list("character_id", "role")):
                scene_set_participants(
                    scene=instance,
                    participants=[(characters[var], role) for var, role in scene.cast.items()],
                    touch=instance.version == before and not created,
                    created=created,
                )
                if not created:
                    self.changes.append(f"update scene {scene.label} (cast)")

    def _park(self, found: list[Scene], story: Story, chapters: dict[int, Chapter]) -> None:
        """Scenes that move first step aside to orders nothing uses: (chapter, order) is
        unique, and a scene may move to where another one still is."""
        for index, (instance, scene) in enumerate(zip(found, story.scenes, strict=True)):
            moves = instance.pk is not None and (
                instance.chapter_id != chapters[scene.chapter].pk or instance.order != scene.order
            )
            if moves:
                instance.order = PARKED + index
                entity_save(instance=instance)
