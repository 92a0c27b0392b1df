"""Loads the demo world's YAML files through the write services.

Each file is one world. A world already in the database (same slug or same
public id) is left alone, so loading again creates and changes nothing. Every
entity carries a fixed public id from the file, so ids stay the same across
databases; `key` values only link entries inside one file.

Scenes are saved before characters (a death names its scene and its killer, who
comes earlier in the file), and their casts once the characters exist, so every
entity is created whole, at version 1.
"""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import yaml
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from lorebase.models import (
    Chapter,
    Character,
    Concept,
    Location,
    Relation,
    Scene,
    World,
    WorldEntity,
)
from lorebase.services import entity_save, scene_set_participants, world_create

DEMO_DIR = Path(__file__).resolve().parent
DEMO_FILES: tuple[Path, ...] = (
    DEMO_DIR / "lantern_harbor.en.yaml",
    DEMO_DIR / "lantern_harbor.ru.yaml",
)
COUNTED_MODELS = (Chapter, Location, Character, Scene, Concept, Relation)

EntityT = TypeVar("EntityT", bound=WorldEntity)


class DemoDataError(Exception):
    """The demo data is invalid; the message names the file and the entity."""


def demo_world_load(*, owner: AbstractBaseUser | None = None) -> list[World]:
    """Load every demo world not yet there; return the worlds created by this call."""
    loaded = []
    for path in DEMO_FILES:
        data = _read(path)
        if _already_there(path, data):
            continue
        with transaction.atomic():  # a broken file leaves no half-loaded world behind
            loaded.append(_WorldLoader(path, data, owner).load())
    return loaded


def demo_world_counts(world: World) -> dict[str, int]:
    """How many entities of each type the world holds, e.g. {"chapters": 3, ...}."""
    return {
        str(model._meta.verbose_name_plural): model.objects.filter(world=world).count()
        for model in COUNTED_MODELS
    }


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise DemoDataError(f"{path.name}: cannot be read: {error}") from error
    if not isinstance(data, dict):
        raise DemoDataError(f"{path.name}: expected a mapping with a 'world' entry")
    return data


def _already_there(path: Path, data: dict[str, Any]) -> bool:
    """Same slug or same public id: a renamed demo world still counts as loaded."""
    spec = data.get("world") or {}
    try:
        public_id = uuid.UUID(str(spec.get("public_id")))
    except ValueError as error:
        raise DemoDataError(f"{path.name}: world: public_id: {error}") from error
    return World.objects.filter(Q(slug=spec.get("slug")) | Q(public_id=public_id)).exists()


def _describe(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items())
    return " ".join(error.messages)


class _WorldLoader:
    def __init__(self, path: Path, data: dict[str, Any], owner: AbstractBaseUser | None) -> None:
        self.path, self.data, self.owner = path, data, owner
        self.chapters: dict[int, Chapter] = {}
        self.refs: dict[str, WorldEntity] = {}  # key → location, character, concept, scene
        self.scenes: dict[str, Scene] = {}  # by label, "scene <chapter>.<order>"

    def load(self) -> World:
        with self._naming("world"):
            self.world = self._create_world(self.data["world"])
        for spec in self.data.get("chapters", []):
            with self._naming(f"chapter {spec.get('number')}"):
                chapter = self._save(Chapter, spec, "number", "title", "summary")
                self.chapters[chapter.number] = chapter
        for spec in self.data.get("locations", []):
            with self._naming(f"location {spec.get('key')!r}"):
                parent = self._ref(spec["parent"], Location) if spec.get("parent") else None
                fields = ("name", "aliases", "kind", "description")
                self._keep(spec, self._save(Location, spec, *fields, parent=parent))
        scenes = [(spec, self._scene_label(spec)) for spec in self.data.get("scenes", [])]
        for spec, label in scenes:
            with self._naming(label):
                self._load_scene(spec)
        for spec in self.data.get("characters", []):
            with self._naming(f"character {spec.get('key')!r}"):
                self._keep(spec, self._load_character(spec))
        for spec in self.data.get("concepts", []):
            with self._naming(f"concept {spec.get('key')!r}"):
                fields = ("name", "aliases", "kind", "description")
                self._keep(spec, self._save(Concept, spec, *fields))
        for spec, label in scenes:
            with self._naming(label):
                self._load_cast(spec)
        for number, spec in enumerate(self.data.get("relations", []), start=1):
            ends = f"{spec.get('source')} {spec.get('kind')} {spec.get('target')}"
            with self._naming(f"relation #{number} ({ends})"):
                self._load_relation(spec)
        return self.world

    def _create_world(self, spec: dict[str, Any]) -> World:
        public_id = uuid.UUID(str(spec["public_id"]))
        fields = {key: spec[key] for key in ("name", "slug", "language")}
        fields["description"] = spec.get("description", "")
        return world_create(owner=self.owner, public_id=public_id, **fields)

    @staticmethod
    def _scene_label(spec: dict[str, Any]) -> str:
        return f"scene {spec.get('chapter')}.{spec.get('order')}"

    def _load_scene(self, spec: dict[str, Any]) -> None:
        location = self._ref(spec["location"], Location) if spec.get("location") else None
        scene = self._save(
            Scene,
            spec,
            "order",
            "title",
            "summary",
            "text",
            chapter=self._chapter(spec["chapter"]),
            location=location,
        )
        self.scenes[self._scene_label(spec)] = scene
        if "key" in spec:  # a scene someone dies in
            self._keep(spec, scene)

    def _load_cast(self, spec: dict[str, Any]) -> None:
        cast = [(self._ref(key, Character), role) for key, role in spec["participants"].items()]
        # The scene was created in this transaction: its cast is part of version 1.
        scene = self.scenes[self._scene_label(spec)]
        scene_set_participants(scene=scene, participants=cast, touch=False)

    def _load_character(self, spec: dict[str, Any]) -> Character:
        fields = ("name", "aliases", "description", "persona", "speech_style", "status")
        killer, scene = spec.get("killed_by"), spec.get("death_scene")
        return self._save(
            Character,
            spec,
            *fields,
            "death_cause",
            status_chapter=self._chapter(spec.get("status_chapter")),
            killed_by=self._ref(killer, Character) if killer else None,
            death_scene=self._ref(scene, Scene) if scene else None,
        )

    def _load_relation(self, spec: dict[str, Any]) -> None:
        relation = Relation(
            world=self.world,
            public_id=uuid.UUID(str(spec["public_id"])),
            kind=spec["kind"],
            description=spec.get("description", ""),
            valid_from=self._chapter(spec.get("valid_from")),
            valid_to=self._chapter(spec.get("valid_to")),
            known_from_start=spec.get("known_from_start", False),
        )
        relation.set_endpoint("source", self._ref(spec["source"]))
        relation.set_endpoint("target", self._ref(spec["target"]))
        entity_save(instance=relation)

    def _save(
        self, model: type[EntityT], spec: dict[str, Any], *names: str, **extra: Any
    ) -> EntityT:
        instance = model(
            world=self.world,
            public_id=uuid.UUID(str(spec["public_id"])),
            **{name: spec[name] for name in names if name in spec},
            **extra,
        )
        return entity_save(instance=instance)

    def _keep(self, spec: dict[str, Any], entity: WorldEntity) -> None:
        key = spec["key"]
        if key in self.refs:
            raise ValueError(f"the key {key!r} is used twice")
        self.refs[key] = entity

    def _ref(self, key: str, model: type[WorldEntity] | None = None) -> WorldEntity:
        entity = self.refs.get(key)
        if entity is None or (model is not None and not isinstance(entity, model)):
            what = model._meta.verbose_name if model else "location, character or concept"
            raise ValueError(f"no {what} with the key {key!r} is defined above")
        return entity

    def _chapter(self, number: int | None) -> Chapter | None:
        if number is None:
            return None
        if number not in self.chapters:
            raise ValueError(f"no chapter {number} is defined")
        return self.chapters[number]

    @contextmanager
    def _naming(self, label: str) -> Iterator[None]:
        """Turn any failure into one error that names the file and the entity."""
        try:
            yield
        except ValidationError as error:
            raise DemoDataError(f"{self.path.name}: {label}: {_describe(error)}") from error
        except KeyError as error:
            raise DemoDataError(f"{self.path.name}: {label}: missing field {error}") from error
        except (ValueError, TypeError, AttributeError) as error:
            raise DemoDataError(f"{self.path.name}: {label}: {error}") from error
