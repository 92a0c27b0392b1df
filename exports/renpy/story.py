"""A Script (and a chapter map) → the chapters, places, characters and scenes it tells.

The same walk gives the original and each translation: a translation only swaps
the texts (Ren'Py's `strings` for names, captions and titles; its dialogue blocks
for the lines, matched by label and original text).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lorebase.models import SceneParticipant

from .parser import (
    Background,
    Branch,
    Choice,
    Label,
    Link,
    Say,
    Script,
    Show,
    Step,
    Translation,
    Unknown,
)

Role = SceneParticipant.Role
# Ren'Py's own speakers that name nobody.
NARRATORS = {"narrator", "extend", "centered", "vcentered", "nvl_narrator"}
# Folder names of game/tl/ → the world languages Lorebase has.
LANGUAGES = {"english": "en", "russian": "ru"}


class StoryError(Exception):
    """A chapter map that cannot be used, or a label no chapter holds: nothing is imported."""


@dataclass
class ChapterMap:
    titles: dict[int, str] = field(default_factory=dict)
    by_label: dict[str, int] = field(default_factory=dict)
    by_file: dict[str, int] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)  # image name → place name


@dataclass
class Scene:
    label: str
    chapter: int
    order: int
    text: str
    place: str | None  # the key of its place (the background's image name)
    cast: dict[str, str]  # character variable → role


@dataclass
class Story:
    title: str | None
    chapters: dict[int, str]  # number → title
    places: dict[str, str]  # key → name
    characters: dict[str, str]  # variable → name
    scenes: list[Scene]
    unknown: list[Unknown]


def read_map(path: Path) -> ChapterMap:
    """chapters: [{number, title, labels?, files?}], places: {image name: place name}."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise StoryError(f"{path}: not a readable YAML file ({error})") from error
    if not isinstance(data, dict):
        raise StoryError(f"{path}: expected a mapping with `chapters` and `places`")
    found = ChapterMap(places={str(k): str(v) for k, v in (data.get("places") or {}).items()})
    for index, chapter in enumerate(data.get("chapters") or []):
        where = f"{path}: chapters[{index}]"
        if not isinstance(chapter, dict) or not isinstance(chapter.get("number"), int):
            raise StoryError(f"{where}: each chapter needs an integer `number`")
        number = chapter["number"]
        if number < 1 or number in found.titles:
            raise StoryError(f"{where}: number {number} is below 1 or given twice")
        found.titles[number] = str(chapter.get("title") or f"Chapter {number}")
        for label in chapter.get("labels") or []:
            found.by_label[str(label)] = number
        for file in chapter.get("files") or []:
            found.by_file[str(file)] = number
    return found


def build_story(
    script: Script, chapters: ChapterMap | None, translation: Translation | None = None
) -> Story:
    strings = translation.strings if translation else {}

    def text_of(label: str, original: str) -> str:
        if translation is None:
            return original
        return translation.lines.get((label, original), strings.get(original, original))

    names = {
        variable: strings.get(define.name, define.name)
        for variable, define in script.characters.items()
        if define.name is not None
    }
    unknown = list(script.unknown) + (translation.unknown if translation else [])
    numbering = _chapters(script.labels, chapters)
    map_places = chapters.places if chapters else {}
    places: dict[str, str] = {}
    scenes: list[Scene] = []
    orders: dict[int, int] = {}
    for label in script.labels:
        number = numbering[label.name]
        orders[number] = orders.get(number, 0) + 1
        walk = _Walk(script, names, places, map_places, strings, label, text_of, unknown)
        walk.steps(label.steps, 0)
        walk.mentions()
        scenes.append(
            Scene(label.name, number, orders[number], "\n".join(walk.lines), walk.place, walk.cast)
        )
    titles = chapters.titles if chapters else _file_titles(script.labels)
    used = {scene.chapter for scene in scenes}
    return Story(
        title=strings.get(script.title, script.title) if script.title else None,
        chapters={n: strings.get(t, t) for n, t in sorted(titles.items()) if n in used},
        places=places,
        characters=names,
        scenes=scenes,
        unknown=unknown,
    )


def _chapters(labels: list[Label], chapters: ChapterMap | None) -> dict[str, int]:
    """Each label's chapter: from the map (label first, then file), else one per file."""
    if chapters is None:
        files = list(dict.fromkeys(label.path for label in labels))
        return {label.name: files.index(label.path) + 1 for label in labels}
    found = {}
    for label in labels:
        number = chapters.by_label.get(label.name, chapters.by_file.get(label.path))
        if number is None:
            raise StoryError(f"{label.where}: label {label.name} is in no chapter of the map")
        found[label.name] = number
    return found


def _file_titles(labels: list[Label]) -> dict[int, str]:
    files = list(dict.fromkeys(label.path for label in labels))
    return {index: Path(file).stem for index, file in enumerate(files, start=1)}


RANK: dict[str, int] = {Role.MENTIONED: 0, Role.PRESENT: 1, Role.SPEAKER: 2}


@dataclass
class _Walk:
    """One label's steps → its text lines, place and cast."""

    script: Script
    names: dict[str, str]
    places: dict[str, str]
    map_places: dict[str, str]
    strings: dict[str, str]
    label: Label
    text_of: Callable[[str, str], str]
    unknown: list[Unknown]
    lines: list[str] = field(default_factory=list)
    place: str | None = None
    cast: dict[str, str] = field(default_factory=dict)

    def steps(self, steps: list[Step], depth: int) -> None:
        for step in steps:
            self.step(step, depth)

    def step(self, step: Step, depth: int) -> None:
        pad = "    " * depth
        if isinstance(step, Say):
            self.lines.append(pad + self.say(step))
        elif isinstance(step, Background):
            self.background(step, pad)
        elif isinstance(step, Show):
            variable = self.character_of_tag(step.tag)
            if variable is not None:
                self.role(variable, Role.PRESENT)
        elif isinstance(step, Link):
            self.lines.append(pad + f"→ {step.target}" + (" (call)" if step.kind == "call" else ""))
        elif isinstance(step, Choice):
            self.choice(step, depth)

    def say(self, say: Say) -> str:
        text = self.text_of(self.label.name, say.text)
        if say.speaker_name is not None:
            return f"{self.strings.get(say.speaker_name, say.speaker_name)}: {text}"
        if say.speaker is None or say.speaker in NARRATORS:
            return text
        define = self.script.characters.get(say.speaker)
        if define is None:
            self.unknown.append(
                Unknown(say.where, say.speaker, f"the speaker {say.speaker} is not a Character")
            )
            return f"{say.speaker}: {text}"
        if define.name is None:
            return text
        self.role(say.speaker, Role.SPEAKER)
        return f"{self.names[say.speaker]}: {text}"

    def background(self, step: Background, pad: str) -> None:
        if len(step.image) < 2 or step.image[0] != "bg":
            return  # `scene black` and the like: a backdrop, not a place
        key = " ".join(step.image[1:])
        name = self.map_places.get(key, key.replace("_", " "))
        self.places[key] = self.strings.get(name, name)
        if self.place is None:
            self.place = key
        else:
            self.lines.append(pad + f"[{self.places[key]}]")

    def choice(self, choice: Choice, depth: int) -> None:
        pad = "    " * depth
        if choice.kind == "menu":
            self.lines.append(pad + "Menu:")
        for branch in choice.branches:
            self.branch(branch, depth)

    def branch(self, branch: Branch, depth: int) -> None:
        if branch.caption:
            caption = self.strings.get(branch.caption, branch.caption)
            self.lines.append("    " * depth + f"• {caption}")
            self.steps(branch.steps, depth + 1)
        else:
            self.steps(branch.steps, depth)

    def character_of_tag(self, tag: str) -> str | None:
        for variable, define in self.script.characters.items():
            if define.name is not None and (define.image or variable) == tag:
                return variable
        return None

    def role(self, variable: str, role: str) -> None:
        if RANK[role] > RANK.get(self.cast.get(variable, ""), -1):
            self.cast[variable] = role

    def mentions(self) -> None:
        """A character named in the text who neither spoke nor was shown. Whole names,
        longest first, each place in the text counted once: Анна is not in Анна-Мария,
        nor Kai in Kai Volkov."""
        text = "\n".join(self.lines)
        taken: list[tuple[int, int]] = []
        for variable, name in sorted(self.names.items(), key=lambda item: -len(item[1])):
            pattern = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
            for match in re.finditer(pattern, text):
                if any(start < match.end() and match.start() < end for start, end in taken):
                    continue
                taken.append(match.span())
                if variable not in self.cast:
                    self.cast[variable] = Role.MENTIONED
