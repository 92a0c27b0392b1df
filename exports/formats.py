"""The export format: which keys each file has, in which order, and the YAML text.

A world is a directory `<world-slug>/` with a manifest `world.yaml` and one file
per entity at `<type>/<id>-<slug>.yaml`. Files refer to other entities by public
id only, never by name, so renaming an entity rewrites that entity's file alone.
Relations live in the file of their source; a scene's cast lives in the scene.
Versions and timestamps are left out: they belong to the database, and an import
must give back byte-identical files.
"""

import re
import uuid
from dataclasses import dataclass
from typing import Any

import yaml
from django.utils.text import slugify

from lorebase import catalogue
from lorebase.models import (
    Character,
    Concept,
    EntityImage,
    Location,
    RelationKind,
    SceneParticipant,
    World,
)

# 2 added the death record of characters and known_from_start of relations; 3 the
# tags of every entity and the images of characters, places, scenes and concepts.
# Each format only adds keys whose absence means "empty", so older files still import.
FORMAT_VERSION = 3
MANIFEST = "world.yaml"
# A relation's target type → the directory of its file.
ENDPOINT_TYPES = {t: catalogue.KINDS[t].path for t in catalogue.ENDPOINT_TYPES}


class FormatError(ValueError):
    """One field of one document is wrong; `field` is a dotted path such as relations[2].kind."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field, self.reason = field, reason


@dataclass(frozen=True)
class Field:
    """One key of a document.

    `kind` is one of id, text, int, bool, names, choice, ref, list, image (a file
    name in the images directory). `lookup` reads
    the value in a `values_list` query (empty: built by hand). A missing key takes
    the empty value of text, bool (false), names, list and optional refs; other
    keys are required.
    """

    key: str
    kind: str
    lookup: str = ""
    ref: str = ""  # entity type a ref points to ("" for a relation target: see target_type)
    choices: tuple[str, ...] = ()
    optional: bool = False
    items: tuple["Field", ...] = ()

    @property
    def attribute(self) -> str:
        """The model attribute the key is stored in (parent__public_id → parent)."""
        return self.lookup.split("__")[0]


def _id() -> Field:
    return Field("id", "id", "public_id")


def _text(key: str) -> Field:
    return Field(key, "text", key)


def _ref(key: str, ref: str, *, optional: bool = True) -> Field:
    return Field(key, "ref", f"{key}__public_id", ref=ref, optional=optional)


def _bool(key: str) -> Field:
    return Field(key, "bool", key)


def _choice(key: str, choices: type) -> Field:
    return Field(key, "choice", key, choices=tuple(choices.values))


# Built by hand (no lookup): an entity's tag names, sorted.
TAGS = Field("tags", "names")
RELATION = (
    _id(),
    _choice("kind", RelationKind),
    Field("target_type", "choice", choices=catalogue.ENDPOINT_TYPES),
    Field("target", "ref"),
    _ref("valid_from", "chapters"),
    _ref("valid_to", "chapters"),
    _bool("known_from_start"),
    TAGS,
    _text("description"),
)
PARTICIPANT = (
    Field("character", "ref", "character__public_id", ref="characters"),
    _choice("role", SceneParticipant.Role),
)
RELATIONS = Field("relations", "list", items=RELATION)
# An entity's pictures; `file` names the picture in the world's images/ directory by
# its content hash (images/<sha256>.<ext>), so a picture is stored once.
IMAGE = (
    _choice("kind", EntityImage.Kind),
    _text("label"),
    Field("file", "image"),
)
IMAGES = Field("images", "list", items=IMAGE)
IMAGES_DIR = "images"
IMAGE_FILE = re.compile(r"^[0-9a-f]{64}\.(png|jpg|webp|gif)$")
WORLD = (
    Field("format", "int"),
    _id(),
    _text("name"),
    _text("slug"),
    _choice("language", World.Language),
    _text("description"),
)
# Entity types in the order an import creates them. A reference to the same or a later
# type (a parent place, a killer, a death scene) is optional, and an import sets it in
# a second pass, once every entity exists.
TYPES: dict[str, tuple[Field, ...]] = {
    "chapters": (
        _id(),
        Field("number", "int", "number"),
        _text("title"),
        TAGS,
        _text("summary"),
    ),
    "locations": (
        _id(),
        _text("name"),
        Field("aliases", "names", "aliases"),
        TAGS,
        _choice("kind", Location.Kind),
        _ref("parent", "locations"),
        _text("description"),
        IMAGES,
        RELATIONS,
    ),
    "characters": (
        _id(),
        _text("name"),
        Field("aliases", "names", "aliases"),
        TAGS,
        _choice("status", Character.Status),
        _ref("status_chapter", "chapters"),
        _ref("killed_by", "characters"),
        _ref("death_scene", "scenes"),
        _text("death_cause"),
        _text("description"),
        _text("persona"),
        _text("speech_style"),
        IMAGES,
        RELATIONS,
    ),
    "concepts": (
        _id(),
        _text("name"),
        Field("aliases", "names", "aliases"),
        TAGS,
        _choice("kind", Concept.Kind),
        _text("description"),
        IMAGES,
        RELATIONS,
    ),
    "scenes": (
        _id(),
        _ref("chapter", "chapters", optional=False),
        Field("order", "int", "order"),
        _text("title"),
        TAGS,
        _ref("location", "locations"),
        Field("participants", "list", items=PARTICIPANT),
        _text("summary"),
        _text("text"),
        IMAGES,
    ),
}
REQUIRED_TEXT = {"name", "title", "slug"}


def later_references(entity_type: str) -> tuple[Field, ...]:
    """The type's references to its own or a later type, which an import sets last."""
    order = list(TYPES)
    rank = order.index(entity_type)
    return tuple(
        field
        for field in TYPES[entity_type]
        if field.kind == "ref" and order.index(field.ref) >= rank
    )


def entity_path(world_slug: str, entity_type: str, data: dict[str, Any]) -> str:
    """`<world-slug>/<type>/<id>-<slug>.yaml`, the slug from the name or title."""
    label = slugify(data.get("name") or data.get("title") or "", allow_unicode=True)
    label = label[:48].strip("-")
    return f"{world_slug}/{entity_type}/{data['id']}{'-' + label if label else ''}.yaml"


# --- YAML text -------------------------------------------------------------------


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Block style; multi-line text as literal blocks, so diffs show changed lines."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Characters YAML treats as line breaks (or normalises inside blocks) only
    # survive a round trip escaped in double quotes.
    if any(char in value for char in "\r\x85\u2028\u2029"):
        style = '"'
    else:
        style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_text)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def dump(data: dict[str, Any]) -> bytes:
    """UTF-8, LF, keys in the schema's order, no line folding."""
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=-1, indent=2)
    return text.encode("utf-8")


def load(text: bytes) -> Any:
    """Parse one file; a syntax error becomes a FormatError naming line and column."""
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(document)"
        raise FormatError(where, f"broken YAML: {error.problem or error}") from error
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise FormatError("(document)", f"broken YAML: {error}") from error


# --- validation ------------------------------------------------------------------


def clean(fields: tuple[Field, ...], data: Any, prefix: str = "") -> dict[str, Any]:
    """The document with every value checked, in schema order; FormatError otherwise."""
    if not isinstance(data, dict):
        raise FormatError(prefix.rstrip(".") or "(document)", "expected a mapping of fields")
    keys = [field.key for field in fields]
    for key in data:
        if key not in keys:
            raise FormatError(f"{prefix}{key}", f"unknown field; expected {', '.join(keys)}")
    return {field.key: _value(field, data, prefix) for field in fields}


def _value(field: Field, data: dict[str, Any], prefix: str) -> Any:
    name = f"{prefix}{field.key}"
    if field.key not in data:
        if field.kind in ("names", "list"):
            return []
        if field.kind == "text" and field.key not in REQUIRED_TEXT:
            return ""
        if field.kind == "bool":
            return False
        if field.optional:
            return None
        raise FormatError(name, "missing")
    value = data[field.key]
    if value is None and field.optional:
        return None
    if field.kind in ("id", "ref"):
        return _uuid(name, value)
    if field.kind == "text":
        return _typed(name, value, str, "text")
    if field.kind == "bool":
        return _typed(name, value, bool, "true or false")
    if field.kind == "int":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise FormatError(name, f"expected a whole number ≥ 0, not {value!r}")
        return value
    if field.kind == "names":
        values = _typed(name, value, list, "a list of names")
        return [_typed(f"{name}[{i}]", item, str, "text") for i, item in enumerate(values)]
    if field.kind == "image":
        if not isinstance(value, str) or not IMAGE_FILE.match(value):
            raise FormatError(name, f"expected <sha256>.<png|jpg|webp|gif>, not {value!r}")
        return value
    if field.kind == "choice":
        if value not in field.choices:
            raise FormatError(name, f"{value!r} is not one of {', '.join(field.choices)}")
        return value
    items = _typed(name, value, list, "a list")
    return [clean(field.items, item, f"{name}[{i}].") for i, item in enumerate(items)]


def _typed(name: str, value: Any, kind: type, label: str) -> Any:
    if not isinstance(value, kind):
        raise FormatError(name, f"expected {label}, not {type(value).__name__} {value!r}")
    return value


def _uuid(name: str, value: Any) -> str:
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise FormatError(name, f"{value!r} is not an id (a UUID)") from None
