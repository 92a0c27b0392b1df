"""Reading an export directory back: every file checked before anything is written.

`read_directory` parses and validates every file and every reference (missing
ids, ids of another world, of the wrong type, cycles of places) without writing.
`apply` then creates or updates by public id through lorebase.services, so the
model validation and the graph outbox are the admin's own; it runs inside the
caller's transaction, so an error there still leaves nothing behind. Entities
and relations missing from the files are left alone: an import never deletes.

Types are written in the order of formats.TYPES. A reference to the same or a
later type (a place's parent, a killer, a death scene) may point at an entity
not written yet, or at one that changes later in the import, so an entity is
first saved without those references and gets them in a second pass, once every
entity of the world is in its new state (one more version for that entity).
"""

import hashlib
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from lorebase.images import image_add, image_delete
from lorebase.models import ENDPOINT_SIDES, Relation, World, WorldEntity
from lorebase.services import entity_save, scene_set_participants, world_create

from .documents import MODELS, SOURCE_SIDE, documents
from .formats import (
    ENDPOINT_TYPES,
    FORMAT_VERSION,
    IMAGES,
    IMAGES_DIR,
    MANIFEST,
    TAGS,
    TYPES,
    WORLD,
    Field,
    FormatError,
    clean,
    later_references,
    load,
)

# Model fields named in validation errors → the key of the file that holds them.
FILE_KEYS = {"public_id": "id", NON_FIELD_ERRORS: "(entity)"} | ENDPOINT_SIDES
WORLD_KEYS = ("name", "slug", "language", "description")


class InvalidFile(Exception):
    """One file cannot be imported: which file, which field, and why."""

    def __init__(self, path: str, field: str, reason: str) -> None:
        super().__init__(f"{path}: {field}: {reason}")
        self.path, self.field, self.reason = path, field, reason


@dataclass
class Entry:
    type: str
    path: str  # relative to the imported directory, for messages
    data: dict[str, Any]


@dataclass
class WorldFiles:
    manifest: Entry
    directory: Path
    entities: dict[str, list[Entry]] = field(default_factory=dict)

    @property
    def world_id(self) -> str:
        return self.manifest.data["id"]


def read_directory(root: Path) -> list[WorldFiles]:
    """Every world under `root` (an export directory or one world's directory), checked."""
    manifests = (
        [root / MANIFEST] if (root / MANIFEST).is_file() else sorted(root.glob(f"*/{MANIFEST}"))
    )
    if not manifests:
        raise InvalidFile(str(root), "(directory)", f"no {MANIFEST} here or one level down")
    worlds = [_read_world(root, path.parent) for path in manifests]
    _References(worlds).check()
    return worlds


def apply(worlds: list[WorldFiles], owner: AbstractBaseUser | None) -> dict[str, dict[str, int]]:
    """Write checked worlds; returns created/updated/unchanged counts per type."""
    summary: dict[str, dict[str, int]] = {
        kind: {"created": 0, "updated": 0, "unchanged": 0}
        for kind in ("worlds", *TYPES, "relations")
    }
    for files in worlds:
        _WorldImport(files, owner, summary).run()
    return summary


# --- reading ---------------------------------------------------------------------


def _read_world(root: Path, directory: Path) -> WorldFiles:
    files = WorldFiles(_parse(root, directory / MANIFEST, "world", WORLD), directory)
    if not 1 <= files.manifest.data["format"] <= FORMAT_VERSION:
        raise InvalidFile(
            files.manifest.path, "format", f"this Lorebase reads formats 1 to {FORMAT_VERSION}"
        )
    for path in sorted(directory.rglob("*.yaml")):
        entity_type = path.parent.name
        if path.name == MANIFEST and path.parent == directory:
            continue
        if path.parent.parent != directory or entity_type not in TYPES:
            where = path.relative_to(root).as_posix()
            raise InvalidFile(
                where, "(path)", f"not <type>/<id>-<name>.yaml; types: {', '.join(TYPES)}"
            )
        files.entities.setdefault(entity_type, []).append(
            _parse(root, path, entity_type, TYPES[entity_type])
        )
    files.entities["locations"] = _parents_first(files.entities.get("locations", []))
    for entries in files.entities.values():
        for entry in entries:
            _check_images(directory, entry)
    return files


def _check_images(directory: Path, entry: Entry) -> None:
    """Each picture an entity names is in images/, with the content its name says."""
    for i, item in enumerate(entry.data.get(IMAGES.key, [])):
        path = directory / IMAGES_DIR / item["file"]
        if not path.is_file():
            raise InvalidFile(entry.path, f"images[{i}].file", f"no {IMAGES_DIR}/{item['file']}")
        if hashlib.sha256(path.read_bytes()).hexdigest() != path.stem:
            reason = f"the content of {IMAGES_DIR}/{item['file']} does not match its name"
            raise InvalidFile(entry.path, f"images[{i}].file", reason)


def _parse(root: Path, path: Path, entity_type: str, fields: tuple[Field, ...]) -> Entry:
    where = path.relative_to(root).as_posix()
    try:
        return Entry(entity_type, where, clean(fields, load(path.read_bytes())))
    except FormatError as error:
        raise InvalidFile(where, error.field, error.reason) from error


def _parents_first(entries: list[Entry]) -> list[Entry]:
    """Locations ordered so that a parent in the files is created before its children."""
    by_id = {entry.data["id"]: entry for entry in entries}
    ordered: list[Entry] = []
    placed: set[str] = set()
    for entry in entries:
        chain: list[Entry] = []
        while entry is not None and entry.data["id"] not in placed:
            if entry in chain:
                names = " → ".join(e.data["name"] for e in [*chain[chain.index(entry) :], entry])
                raise InvalidFile(entry.path, "parent", f"a place cannot be inside itself: {names}")
            chain.append(entry)
            entry = by_id.get(entry.data["parent"])
        for link in reversed(chain):
            ordered.append(link)
            placed.add(link.data["id"])
    return ordered


class _References:
    """Unique ids; references to an entity of the right type in the same world."""

    def __init__(self, worlds: list[WorldFiles]) -> None:
        self.worlds = worlds
        self.known: dict[str, tuple[str, str, str]] = {}  # id → (world id, type, file)
        for files in worlds:
            self._define(files.manifest, files.world_id, "worlds", files.world_id, "id")
            for entry, name, public_id, kind in self._ids(files):
                self._define(entry, files.world_id, kind, public_id, name)
        self.stored = self._stored()

    def _define(self, entry: Entry, world_id: str, kind: str, public_id: str, name: str) -> None:
        if public_id in self.known:
            raise InvalidFile(
                entry.path, name, f"the id {public_id} is also used in {self.known[public_id][2]}"
            )
        self.known[public_id] = (world_id, kind, entry.path)

    def _stored(self) -> dict[str, tuple[str, str, str]]:
        """The same index for the database: every id the files define or mention."""
        wanted = set(self.known) | {
            ref for files in self.worlds for _, _, ref, _ in self._refs(files)
        }
        stored = {}
        for kind, model in (*MODELS.items(), ("relations", Relation)):
            rows = model.objects.filter(public_id__in=wanted).values_list(
                "public_id", "world__public_id", "world__slug"
            )
            for public_id, world_id, slug in rows:
                stored[str(public_id)] = (str(world_id), kind, f"world {slug!r} in the database")
        return stored

    def check(self) -> None:
        for files in self.worlds:
            self._check_world(files)
            for entry, name, public_id, kind in self._ids(files):
                owner = self.stored.get(public_id)
                if owner and owner[:2] != (files.world_id, kind):
                    reason = f"the id is already used by a {owner[1][:-1]} of {owner[2]}"
                    raise InvalidFile(entry.path, name, reason)
            for entry, name, ref, kind in self._refs(files):
                self._check_ref(files.world_id, entry, name, ref, kind)

    def _check_world(self, files: WorldFiles) -> None:
        data = files.manifest.data
        other = World.objects.filter(slug=data["slug"]).exclude(public_id=data["id"]).first()
        if other is not None:
            raise InvalidFile(
                files.manifest.path, "slug", f"another world ({other.public_id}) has this slug"
            )

    def _check_ref(self, world_id: str, entry: Entry, name: str, ref: str, kind: str) -> None:
        found = self.known.get(ref) or self.stored.get(ref)
        if found is None:
            raise InvalidFile(
                entry.path, name, f"no {kind[:-1]} with the id {ref} in the files or the database"
            )
        if found[0] != world_id:
            raise InvalidFile(
                entry.path,
                name,
                f"{ref} belongs to another world ({found[2]}); refer only inside this world",
            )
        if found[1] != kind:
            raise InvalidFile(entry.path, name, f"{ref} is a {found[1][:-1]}, not a {kind[:-1]}")

    @staticmethod
    def _entries(files: WorldFiles) -> Iterator[Entry]:
        for entries in files.entities.values():
            yield from entries

    @classmethod
    def _ids(cls, files: WorldFiles) -> Iterator[tuple[Entry, str, str, str]]:
        """(entry, field name, id, type) for every id the files define."""
        for entry in cls._entries(files):
            yield entry, "id", entry.data["id"], entry.type
            for i, relation in enumerate(entry.data.get("relations", [])):
                yield entry, f"relations[{i}].id", relation["id"], "relations"

    @classmethod
    def _refs(cls, files: WorldFiles) -> Iterator[tuple[Entry, str, str, str]]:
        """(entry, field name, referenced id, type it must have) for every reference."""
        for entry in cls._entries(files):
            for item in TYPES[entry.type]:
                if item.kind == "ref" and entry.data[item.key]:
                    yield entry, item.key, entry.data[item.key], item.ref
            for i, relation in enumerate(entry.data.get("relations", [])):
                for key in ("valid_from", "valid_to"):
                    if relation[key]:
                        yield entry, f"relations[{i}].{key}", relation[key], "chapters"
                target_type = ENDPOINT_TYPES[relation["target_type"]]
                yield entry, f"relations[{i}].target", relation["target"], target_type
            for i, participant in enumerate(entry.data.get("participants", [])):
                yield entry, f"participants[{i}].character", participant["character"], "characters"


# --- writing ---------------------------------------------------------------------


class _WorldImport:
    def __init__(self, files: WorldFiles, owner: AbstractBaseUser | None, summary: dict) -> None:
        self.files, self.owner, self.summary = files, owner, summary

    def run(self) -> None:
        self.world = self._world()
        ids = [entry.data["id"] for entries in self.files.entities.values() for entry in entries]
        ids += [ref for _, _, ref, _ in _References._refs(self.files)]
        self.instances: dict[str, WorldEntity] = {}
        self.current: dict[str, dict[str, Any]] = {}
        for entity_type, model in MODELS.items():
            found = {
                str(e.public_id): e
                for e in model.objects.filter(world=self.world, public_id__in=ids)
            }
            self.instances |= found
            pks = [entity.pk for entity in found.values()]
            self.current |= {d.public_id: d.data for d in documents(self.world, entity_type, pks)}
        relation_ids = [r["id"] for entry in self._sources() for r in entry.data["relations"]]
        self.relations = {
            str(r.public_id): r
            for r in Relation.objects.filter(world=self.world, public_id__in=relation_ids)
        }
        self.current_relations = {
            relation["id"]: (public_id, relation)
            for public_id, data in self.current.items()
            for relation in data.get("relations", [])
        }
        self.saved: set[str] = set()
        entries = [e for entity_type in TYPES for e in self.files.entities.get(entity_type, [])]
        for entry in entries:
            self._entity(entry)
        for entry in entries:
            self._later_references(entry)
        for entry in entries:
            public_id = entry.data["id"]
            new = public_id not in self.current
            saved = public_id in self.saved
            self._count(entry.type, "created" if new else "updated" if saved else "unchanged")
        for entry in self._sources():
            for i, relation in enumerate(entry.data["relations"]):
                self._relation(entry, i, relation)

    def _sources(self) -> Iterator[Entry]:
        """Entries of the types that hold relations."""
        for entity_type in SOURCE_SIDE:
            yield from self.files.entities.get(entity_type, [])

    def _world(self) -> World:
        data = self.files.manifest.data
        world = World.objects.filter(public_id=data["id"]).first()
        with _blame(self.files.manifest):
            if world is None:
                self._count("worlds", "created")
                fields = {key: data[key] for key in WORLD_KEYS}
                return world_create(owner=self.owner, public_id=uuid.UUID(data["id"]), **fields)
            if all(getattr(world, key) == data[key] for key in WORLD_KEYS):
                self._count("worlds", "unchanged")
                return world
            for key in WORLD_KEYS:
                setattr(world, key, data[key])
            self._count("worlds", "updated")
            return entity_save(instance=world)

    def _entity(self, entry: Entry) -> None:
        data, public_id = entry.data, entry.data["id"]
        current = self.current.get(public_id)
        instance = self.instances.get(public_id) or MODELS[entry.type](
            world=self.world, public_id=public_id
        )
        later = later_references(entry.type)
        scalars = [
            f
            for f in TYPES[entry.type]
            if f.kind != "list" and f.key != "id" and f not in later and f is not TAGS
        ]
        saved = current is None or any(data[f.key] != current[f.key] for f in (*scalars, TAGS))
        if saved:
            for item in scalars:
                setattr(instance, item.attribute, self._value(item, data[item.key]))
            for item in later:
                setattr(instance, item.attribute, None)
            with _blame(entry):
                entity_save(instance=instance, tags=data[TAGS.key])
            self.instances[public_id] = instance
        cast = data.get("participants")
        if entry.type == "scenes" and (current is None or cast != current["participants"]):
            participants = [(self.instances[p["character"]], p["role"]) for p in cast]
            with _blame(entry, "participants"):
                # A scene saved just now already has its new version.
                scene_set_participants(scene=instance, participants=participants, touch=not saved)
            saved = True
        pictures = data.get(IMAGES.key)
        if pictures is not None and (current is None or pictures != current[IMAGES.key]):
            self._images(entry, instance, pictures)
            saved = True
        if saved:
            self.saved.add(public_id)

    def _images(self, entry: Entry, owner: Any, wanted: list[dict[str, Any]]) -> None:
        """Make the owner's pictures those of the file: remove the others, add the new."""
        have = {(i.kind, i.label, PurePosixPath(i.file.name).name): i for i in owner.images.all()}
        files = {(w["kind"], w["label"], w["file"]): (i, w) for i, w in enumerate(wanted)}
        for gone in set(have) - set(files):
            image_delete(image=have[gone])
        for new in sorted(set(files) - set(have)):
            index, item = files[new]
            data = (self.files.directory / IMAGES_DIR / item["file"]).read_bytes()
            with _blame(entry, f"images[{index}]."):
                image_add(owner=owner, kind=item["kind"], label=item["label"], data=data)

    def _later_references(self, entry: Entry) -> None:
        """The second pass: references to the same or a later type, every entity now there."""
        instance = self.instances[entry.data["id"]]
        wanted = {
            item.attribute: self._value(item, entry.data[item.key])
            for item in later_references(entry.type)
        }
        if all(
            getattr(instance, f"{name}_id") == (value.pk if value else None)
            for name, value in wanted.items()
        ):
            return
        for name, value in wanted.items():
            setattr(instance, name, value)
        with _blame(entry):
            entity_save(instance=instance)
        self.saved.add(entry.data["id"])

    def _value(self, item: Field, value: Any) -> Any:
        """A file's value as the model attribute holds it: a reference becomes the entity."""
        return self.instances[value] if item.kind == "ref" and value else value

    def _relation(self, entry: Entry, index: int, data: dict[str, Any]) -> None:
        current = self.current_relations.get(data["id"])
        if current == (entry.data["id"], data):
            self._count("relations", "unchanged")
            return
        relation = self.relations.get(data["id"]) or Relation(
            world=self.world, public_id=data["id"]
        )
        relation.kind, relation.description = data["kind"], data["description"]
        relation.known_from_start = data["known_from_start"]
        relation.valid_from = self.instances.get(data["valid_from"] or "")
        relation.valid_to = self.instances.get(data["valid_to"] or "")
        relation.set_endpoint("source", self.instances[entry.data["id"]])
        relation.set_endpoint("target", self.instances[data["target"]])
        with _blame(entry, f"relations[{index}]."):
            entity_save(instance=relation, tags=data[TAGS.key])
        self._count("relations", "created" if relation.version == 1 else "updated")

    def _count(self, kind: str, outcome: str) -> None:
        self.summary[kind][outcome] += 1


@contextmanager
def _blame(entry: Entry, prefix: str = "") -> Iterator[None]:
    """A model validation error becomes an error naming the file and its field."""
    try:
        yield
    except ValidationError as error:
        messages = (
            error.message_dict
            if hasattr(error, "error_dict")
            else {NON_FIELD_ERRORS: error.messages}
        )
        field, reasons = next(iter(messages.items()))
        name = FILE_KEYS.get(field, field)
        name = f"{prefix}{name}" if prefix.endswith(".") else prefix or name
        raise InvalidFile(entry.path, name, " ".join(reasons)) from error
