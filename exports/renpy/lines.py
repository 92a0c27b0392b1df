"""Ren'Py source as a tree of logical lines, each split into tokens.

Only the layout rules the supported subset needs: four-space (any consistent)
indentation, a line ending in `:` opens a block, `#` starts a comment outside a
string, strings are quoted with " or ' on one line.
"""

from dataclasses import dataclass, field
from pathlib import Path


class RenpyParseError(Exception):
    """Syntax the importer cannot read: nothing of the game is imported."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path, self.line, self.reason = path, line, reason


@dataclass(frozen=True)
class Token:
    text: str  # a string's value without its quotes, or the word/symbol as written
    quoted: bool = False


@dataclass
class Line:
    path: str
    number: int
    source: str  # the line as written, without indentation and comment
    tokens: list[Token]
    children: list["Line"] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # whole-line comments just above

    @property
    def where(self) -> str:
        return f"{self.path}:{self.number}"

    @property
    def opens_block(self) -> bool:
        return bool(self.tokens) and not self.tokens[-1].quoted and self.tokens[-1].text == ":"

    def word(self, index: int) -> str:
        """The token at `index` if it is an unquoted word, else ""."""
        if index < len(self.tokens) and not self.tokens[index].quoted:
            return self.tokens[index].text
        return ""


SYMBOLS = set("()[]{},=:")
ESCAPES = {"n": "\n", "t": "\t", '"': '"', "'": "'", "\\": "\\"}


def tokenize(text: str, path: str, number: int) -> tuple[list[Token], int]:
    """The tokens of one line, and where its code ends (a comment or the end)."""
    tokens: list[Token] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            i += 1
        elif char == "#":
            return tokens, i
        elif char in "\"'":
            value, i = _string(text, i, path, number)
            tokens.append(Token(value, quoted=True))
        elif char in SYMBOLS:
            tokens.append(Token(char))
            i += 1
        else:
            start = i
            while i < len(text) and not (text[i].isspace() or text[i] in SYMBOLS | {'"', "'", "#"}):
                i += 1
            tokens.append(Token(text[start:i]))
    return tokens, len(text)


def _string(text: str, start: int, path: str, number: int) -> tuple[str, int]:
    quote, i, value = text[start], start + 1, []
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            value.append(ESCAPES.get(text[i + 1], text[i + 1]))
            i += 2
        elif char == quote:
            return "".join(value), i + 1
        else:
            value.append(char)
            i += 1
    raise RenpyParseError(path, number, f"unterminated string starting at column {start + 1}")


def read_tree(file: Path, name: str) -> list[Line]:
    """The file's top-level lines, each with its block; `name` is how errors cite it."""
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise RenpyParseError(name, 1, f"not UTF-8 text ({error.reason})") from error
    root = Line(name, 0, "", [])
    indents, parents = [0], [root]  # the open blocks, innermost last
    opener: Line | None = None  # the previous line, if it opened a block
    comments: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.lstrip(" ")
        if stripped.startswith("\t"):
            raise RenpyParseError(name, number, "a tab in the indentation (Ren'Py wants spaces)")
        tokens, end = tokenize(stripped, name, number)
        if not tokens:
            if stripped.startswith("#"):
                comments.append(stripped[1:].strip())
            continue
        indent = len(raw) - len(stripped)
        if opener is not None:
            if indent <= indents[-1]:
                raise RenpyParseError(
                    name, number, f"expected an indented block after line {opener.number}"
                )
            indents.append(indent)
            parents.append(opener)
        elif indent > indents[-1]:
            raise RenpyParseError(name, number, "unexpected indent")
        while indent < indents[-1]:
            indents.pop()
            parents.pop()
        if indent != indents[-1]:
            raise RenpyParseError(name, number, "the indentation matches no outer block")
        line = Line(name, number, stripped[:end].rstrip(), tokens, comments=comments)
        comments = []
        parents[-1].children.append(line)
        opener = line if line.opens_block else None
    if opener is not None:
        raise RenpyParseError(
            name, opener.number, "expected an indented block, found the end of the file"
        )
    return root.children
