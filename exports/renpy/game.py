"""A world for the game: `characters.rpy` of `define`s and a spoiler-safe codex.

The codex has one entry per character, place and concept with the chapter from
which the player may read it (exports.spoilers), so a game can open its glossary
entry by entry as the story goes on.
"""

import json
import keyword
import re
from collections.abc import Iterator

from lorebase.models import Chapter, Character, Concept, Location, World

from ..spoilers import first_chapters, key
from .importer import stable_id

CODEX_TYPES: dict[str, type[Character | Location | Concept]] = {
    "character": Character,
    "location": Location,
    "concept": Concept,
}


def variables(world: World) -> dict[int, str]:
    """Each character's Ren'Py variable (pk → name): the alias an import made it from,
    else one made from the name, unique in the world."""
    found: dict[int, str] = {}
    taken: set[str] = set()
    characters = list(Character.objects.filter(world=world).order_by("name", "public_id"))
    for character in characters:
        variable = next(
            (
                a
                for a in character.aliases
                if stable_id(world, "character", a) == character.public_id
            ),
            None,
        )
        if variable is not None:
            found[character.pk] = variable
            taken.add(variable)
    for character in characters:
        if character.pk not in found:
            found[character.pk] = _new_variable(character.name, taken)
    return found


def _new_variable(name: str, taken: set[str]) -> str:
    base = re.sub(r"\W+", "_", name.casefold()).strip("_") or "character"
    if not base.isidentifier() or keyword.iskeyword(base):
        base = f"c_{base}"
    variable, n = base, 1
    while variable in taken:
        n += 1
        variable = f"{base}_{n}"
    taken.add(variable)
    return variable


def characters_rpy(world: World) -> str:
    names = variables(world)
    lines = [f"# The characters of “{world.name}”, written by Lorebase: edit them there.", ""]
    for character in Character.objects.filter(world=world).order_by("name", "public_id"):
        name = json.dumps(character.name, ensure_ascii=False)
        lines.append(f"define {names[character.pk]} = Character({name})")
    return "\n".join(lines) + "\n"


def codex(world: World) -> dict:
    first = first_chapters(world)
    opening = Chapter.objects.filter(world=world).order_by("number").first()
    start = opening.number if opening else 1
    names = variables(world)
    entries = []
    for type_name, model in CODEX_TYPES.items():
        for entity in model._default_manager.filter(world=world).order_by("name", "public_id"):
            # A character's variable is its own field; as an alias it would only repeat it.
            aliases = [a for a in entity.aliases if model is not Character or a != names[entity.pk]]
            entries.append(
                {
                    "id": str(entity.public_id),
                    "type": type_name,
                    "name": entity.name,
                    "aliases": aliases,
                    "kind": getattr(entity, "kind", ""),
                    "description": entity.description,
                    "from_chapter": first.get(key(entity), start),
                    **({"variable": names[entity.pk]} if model is Character else {}),
                }
            )
    return {"world": {"id": str(world.public_id), "name": world.name}, "entries": entries}


def game_files(world: World) -> Iterator[tuple[str, bytes]]:
    yield f"{world.slug}/characters.rpy", characters_rpy(world).encode()
    text = json.dumps(codex(world), ensure_ascii=False, indent=2) + "\n"
    yield f"{world.slug}/codex.json", text.encode()
