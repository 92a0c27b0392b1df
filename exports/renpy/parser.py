"""Ren'Py statements → a Script: the characters defined, the labels and what they do.

The subset a story's lore lives in: `define x = Character(...)`, `label`,
dialogue and narration, `scene`, `show`, `jump`, `call`, `menu`, `if`, and the
`translate` blocks of `game/tl/<language>/`. Statements that only stage the
game (sound, transitions, pauses, screens, styles) are skipped on purpose;
anything else is kept as an Unknown with its file and line.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from .lines import Line, RenpyParseError, Token, read_tree, tokenize

# Statements that stage the game and say nothing about its world.
STAGING = {
    "with", "pause", "play", "stop", "queue", "voice", "window", "hide", "return", "nvl",
    "image", "transform", "style", "screen", "default", "init", "camera",
}  # fmt: skip
TRANSLATION_ID = re.compile(r"^(?P<label>.+)_[0-9a-f]{8}(?:_\d+)?$")
IMAGE_CLAUSES = {"with", "at", "as", "behind", "onlayer", "zorder"}


@dataclass(frozen=True)
class Unknown:
    where: str
    source: str
    reason: str = "not a statement the importer understands"


@dataclass
class CharacterDefine:
    variable: str
    name: str | None  # None: a narrator-like character that names nobody
    image: str | None
    where: str


@dataclass
class Say:
    speaker: str | None  # a variable, or None for narration
    text: str
    where: str
    speaker_name: str | None = None  # a one-off speaker given as a string


@dataclass
class Background:
    image: list[str]  # `scene bg pier night` → ["bg", "pier", "night"]


@dataclass
class Show:
    tag: str


@dataclass
class Link:
    kind: str  # "jump" or "call"
    target: str


@dataclass
class Branch:
    caption: str  # a menu choice, or an if's condition
    steps: list["Step"]


@dataclass
class Choice:
    kind: str  # "menu" or "if"
    branches: list[Branch]


Step = Say | Background | Show | Link | Choice


@dataclass
class Label:
    name: str
    path: str  # the file, relative to the game directory
    where: str
    steps: list[Step]


@dataclass
class Script:
    title: str | None = None
    characters: dict[str, CharacterDefine] = field(default_factory=dict)
    labels: list[Label] = field(default_factory=list)
    unknown: list[Unknown] = field(default_factory=list)


@dataclass
class Translation:
    language: str  # the folder name under game/tl/
    strings: dict[str, str] = field(default_factory=dict)  # old → new
    lines: dict[tuple[str, str], str] = field(default_factory=dict)  # (label, original) → new
    unknown: list[Unknown] = field(default_factory=list)


def read_game(game_dir: Path) -> tuple[Script, list[Translation]]:
    """Every .rpy under the game directory (`tl/` apart), in natural order (chapter2.rpy
    before chapter10.rpy), as script order follows it; raises RenpyParseError."""
    script = Script()
    translations: dict[str, Translation] = {}
    for file in sorted(game_dir.rglob("*.rpy"), key=lambda f: _natural(f.relative_to(game_dir))):
        name = file.relative_to(game_dir).as_posix()
        tree = read_tree(file, name)
        parts = file.relative_to(game_dir).parts
        if parts[0] == "tl" and len(parts) > 2:
            language = parts[1]
            _read_translation(tree, translations.setdefault(language, Translation(language)))
        else:
            _read_script(tree, name, script)
    return script, [translations[language] for language in sorted(translations)]


def _natural(path: Path) -> list[tuple[int, str]]:
    return [
        (0, f"{int(part):012d}") if part.isdigit() else (1, part.casefold())
        for part in re.split(r"(\d+)", path.as_posix())
    ]


def _read_script(tree: list[Line], path: str, script: Script) -> None:
    for line in tree:
        keyword = line.word(0)
        if keyword == "define":
            _define(line, script)
        elif keyword == "label" and line.opens_block:
            steps = _steps(line.children, script.unknown)
            script.labels.append(Label(line.word(1), path, line.where, steps))
        elif keyword == "label":
            script.labels.append(Label(line.word(1), path, line.where, []))
        elif keyword in STAGING:
            continue
        else:
            script.unknown.append(Unknown(line.where, line.source))


def _define(line: Line, script: Script) -> None:
    tokens = line.tokens
    variable = line.word(1)
    if len(tokens) < 4 or tokens[2].text != "=":
        script.unknown.append(Unknown(line.where, line.source, "a define without a value"))
        return
    value = tokens[3:]
    if variable == "config.name":
        script.title = _string_value(value)
        return
    if value[0].text != "Character" or value[0].quoted:
        return  # a setting or a constant: not lore
    args = _arguments(value[1:])
    first = args.get(0)
    if first is not None and first.text == "None" and not first.quoted:
        name = None
    elif first is not None and first.quoted:
        name = first.text
    else:
        script.unknown.append(Unknown(line.where, line.source, "a Character without a name"))
        return
    image = args.get("image")
    script.characters[variable] = CharacterDefine(
        variable, name, image.text if image and image.quoted else None, line.where
    )


def _arguments(tokens: list[Token]) -> dict[int | str, Token]:
    """Character(...)'s literal arguments: the first positional one, and keyword ones
    (a `_("…")` is its string)."""
    plain = [t for t in tokens if not (t.text in {"_", "(", ")"} and not t.quoted)]
    found: dict[int | str, Token] = {}
    position = 0
    i = 0
    while i < len(plain):
        token = plain[i]
        if token.text == "," and not token.quoted:
            i += 1
            continue
        if i + 2 < len(plain) and plain[i + 1].text == "=" and not token.quoted:
            found[token.text] = plain[i + 2]
            i += 3
        else:
            found.setdefault(position, token)
            position += 1
            i += 1
    return found


def _string_value(tokens: list[Token]) -> str | None:
    return next((t.text for t in tokens if t.quoted), None)


def _steps(block: list[Line], unknown: list[Unknown]) -> list[Step]:
    steps: list[Step] = []
    for line in block:
        step = _step(line, unknown)
        if isinstance(step, Choice) and step.kind in {"elif", "else"}:
            previous = steps[-1] if steps else None
            if isinstance(previous, Choice) and previous.kind == "if":
                previous.branches.extend(step.branches)
            else:
                unknown.append(Unknown(line.where, line.source, f"an {step.kind} without an if"))
        elif step is not None:
            steps.append(step)
    return steps


def _step(line: Line, unknown: list[Unknown]) -> Step | None:
    keyword, tokens = line.word(0), line.tokens
    if keyword == "scene":
        return Background(_image(tokens[1:]))
    if keyword == "show" and len(tokens) > 1:
        return Show(_image(tokens[1:])[0])
    if keyword in {"jump", "call"} and line.word(1) and line.word(1) != "expression":
        return Link(keyword, line.word(1))
    if keyword == "menu" and line.opens_block:
        return _menu(line, unknown)
    if keyword == "if" and line.opens_block:
        return Choice("if", [Branch(_condition(line), _steps(line.children, unknown))])
    if keyword in {"elif", "else"} and line.opens_block:
        # Attached to the `if` before it by _attach_branches.
        return Choice(keyword, [Branch(_condition(line), _steps(line.children, unknown))])
    if keyword in STAGING:
        return None
    say = _say(line)
    if say is not None:
        return say
    unknown.append(Unknown(line.where, line.source))
    return None


def _say(line: Line) -> Say | None:
    """`who [attributes] "what" [with …] [id …]`, `"who" "what"` or `"what"`."""
    tokens = line.tokens
    strings = [i for i, t in enumerate(tokens) if t.quoted]
    if not strings:
        return None
    first = strings[0]
    if first == 0:
        if len(strings) > 1 and strings[1] == 1:
            return Say(None, tokens[1].text, line.where, speaker_name=tokens[0].text)
        return Say(None, tokens[0].text, line.where)
    words = tokens[:first]
    if all(not t.quoted and t.text.replace("_", "").replace(".", "").isalnum() for t in words):
        return Say(words[0].text, tokens[first].text, line.where)
    return None


def _image(tokens: list[Token]) -> list[str]:
    words = []
    for token in tokens:
        if token.text in IMAGE_CLAUSES or token.text == ":":
            break
        words.append(token.text)
    return words


def _condition(line: Line) -> str:
    return line.source.removesuffix(":").strip()


def _menu(line: Line, unknown: list[Unknown]) -> Choice:
    branches: list[Branch] = []
    for item in line.children:
        if item.tokens[0].quoted and item.opens_block:
            branches.append(Branch(item.tokens[0].text, _steps(item.children, unknown)))
        elif item.word(0) == "set":
            continue
        else:
            step = _step(item, unknown)  # the menu's prompt line
            if step is not None:
                branches.append(Branch("", [step]))
    return Choice("menu", branches)


def _read_translation(tree: list[Line], translation: Translation) -> None:
    for block in tree:
        if block.word(0) != "translate" or not block.opens_block:
            translation.unknown.append(Unknown(block.where, block.source))
            continue
        identifier = block.word(2)
        if identifier == "strings":
            _read_strings(block, translation)
            continue
        match = TRANSLATION_ID.match(identifier)
        if match is None:
            translation.unknown.append(Unknown(block.where, block.source, "an unknown block"))
            continue
        _read_lines(block, match["label"], translation)


def _read_strings(block: Line, translation: Translation) -> None:
    old: str | None = None
    for line in block.children:
        if line.word(0) == "old" and len(line.tokens) > 1:
            old = line.tokens[1].text
        elif line.word(0) == "new" and old is not None and len(line.tokens) > 1:
            translation.strings[old] = line.tokens[1].text
            old = None
        else:
            translation.unknown.append(Unknown(line.where, line.source))


def _read_lines(block: Line, label: str, translation: Translation) -> None:
    """A dialogue block: Ren'Py writes the original line as a comment above its translation."""
    for line in block.children:
        say = _say(line)
        original = _original(line)
        if say is None or original is None:
            translation.unknown.append(Unknown(line.where, line.source))
        else:
            translation.lines[label, original] = say.text


def _original(line: Line) -> str | None:
    for comment in reversed(line.comments):
        try:
            tokens, _ = tokenize(comment, line.path, line.number)
        except RenpyParseError:
            continue
        say = _say(Line(line.path, line.number, comment, tokens))
        if say is not None:
            return say.text
    return None
