"""Which entities a question names, and which kind of question it is.

Names are matched word by word against an in-process index of the world's
names and aliases: exactly, by stem (Russian inflects names: «Аню», «Кая»),
or within one edit (typos). Trigrams cannot do this for short names — «Кей»
and «Кай» share one trigram in four — so the edit distance is checked here,
over candidates generated from the question's own words. The index is
rebuilt when the world's named rows change (count or last update).
"""

import threading
import time
from dataclasses import dataclass

from django.db import connection

from lorebase.models import World

from .text import WORD, Word, config_for, normalise

EXACT, STEM, FUZZY = 1.0, 0.9, 0.75
MIN_SCORE = 0.5
MAX_ENTITIES = 4
TYPE_ORDER = {"character": 0, "location": 1, "concept": 2}
# Words that make a question about a connection rather than about meetings.
PATH_WORDS = {"connected", "connection", "connect", "connects", "related", "relate", "link"}
PATH_STEMS = ("связ", "linked")
# Question words are never taken for names, even within one edit of one.
INTENT_WORDS = PATH_WORDS | {"meet", "met", "where", "when", "who", "how", "between", "scenes"}
MEETINGS, PATH, CHARACTER_AT_LOCATION, TEXT = "meetings", "path", "character_at_location", "text"


@dataclass(frozen=True)
class Entity:
    type: str
    id: str
    name: str


@dataclass(frozen=True)
class Mention:
    """An entity the question names: the words that named it, and how closely."""

    entity: Entity
    words: tuple[str, ...]
    variant: str  # the name or alias matched
    field: str  # "name" or "aliases"
    how: str  # "exact", "stem" or "fuzzy"
    score: float
    positions: tuple[int, ...]  # of the words in the question


@dataclass(frozen=True)
class Question:
    kind: str
    mentions: tuple[Mention, ...]


class NameIndex:
    """Names and aliases of one world's characters, locations and concepts, by word."""

    def __init__(self, rows: list[tuple[str, str, str, list[str]]], stems: dict[str, str]):
        self.variants: list[tuple[Entity, tuple[str, ...], str, str]] = []
        self.by_word: dict[str, set[int]] = {}
        self.by_stem: dict[str, set[int]] = {}
        self.stems = stems
        for type_name, uid, name, aliases in rows:
            entity = Entity(type_name, uid, name)
            for field_name, text in [("name", name)] + [("aliases", a) for a in aliases]:
                words = tuple(normalise(w) for w in WORD.findall(text))
                if not words:
                    continue
                index = len(self.variants)
                self.variants.append((entity, words, text, field_name))
                for word in words:
                    self.by_word.setdefault(word, set()).add(index)
                    if stems.get(word):
                        self.by_stem.setdefault(stems[word], set()).add(index)
        self.alphabet = sorted({c for word in self.by_word for c in word})

    def near(self, word: str) -> set[str]:
        """Indexed words within one edit (Damerau: a swap of neighbours counts as one)."""
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        edits = {a + b[1:] for a, b in splits if b}
        edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        edits |= {a + c + b[1:] for a, b in splits if b for c in self.alphabet}
        edits |= {a + c + b for a, b in splits for c in self.alphabet}
        edits.discard(word)
        return {edit for edit in edits if edit in self.by_word}


_cache: dict[int, tuple[tuple, NameIndex, float]] = {}
RECHECK_SECONDS = 1.0
_lock = threading.Lock()
NAMED_TABLES = {
    "character": "lorebase_character",
    "location": "lorebase_location",
    "concept": "lorebase_concept",
}


def name_index(world: World) -> NameIndex:
    cached = _cache.get(world.pk)
    # Under load, look at the fingerprint at most once a second per world: a
    # rename reaches questions a second late at worst.
    if cached and time.monotonic() - cached[2] < RECHECK_SECONDS:
        return cached[1]
    with connection.cursor() as cursor:
        cursor.execute(
            " UNION ALL ".join(
                f"SELECT count(*), max(updated_at) FROM {table} WHERE world_id = %s"
                for table in NAMED_TABLES.values()
            ),
            [world.pk] * len(NAMED_TABLES),
        )
        fingerprint = tuple(cursor.fetchall())
    index = cached[1] if cached and cached[0] == fingerprint else _build(world)
    with _lock:
        _cache[world.pk] = (fingerprint, index, time.monotonic())
    return index


def _build(world: World) -> NameIndex:
    with connection.cursor() as cursor:
        cursor.execute(
            " UNION ALL ".join(
                f"SELECT '{type_name}', public_id::text, name, aliases FROM {table} "
                "WHERE world_id = %s"
                for type_name, table in NAMED_TABLES.items()
            ),
            [world.pk] * len(NAMED_TABLES),
        )
        rows = cursor.fetchall()
        words = sorted(
            {normalise(w) for row in rows for t in [row[2], *row[3]] for w in WORD.findall(t)}
        )
        cursor.execute(
            "SELECT w, (tsvector_to_array(to_tsvector(%s::regconfig, w)))[1] "
            "FROM unnest(%s::text[]) AS w",
            [config_for(world), words],
        )
        stems = dict(cursor.fetchall())
    return NameIndex(rows, stems)


def may_be_name(word: Word, words: list[Word]) -> bool:
    """Worth a fuzzy match: capitalised, or part of a bare name of a few words.

    "meet" is one edit from many names; "Mete" is a typo.
    """
    return not word.stop and word.norm not in INTENT_WORDS and (word.capitalised or len(words) <= 3)


def recognise(world: World, words: list[Word]) -> list[Mention]:
    """Entities named in the question, in question order, each named by different words."""
    index = name_index(world)
    hits: dict[int, dict[str, Match]] = {}  # variant → its word → best match
    for position, word in enumerate(words):
        if len(word.norm) < 2 or word.norm in INTENT_WORDS:
            continue
        found = [(i, word.norm, EXACT, "exact") for i in index.by_word.get(word.norm, ())]
        for lexeme in word.lexemes - {word.norm}:
            # Snowball stems a word alone and inflected apart («причал» → «прича»,
            # «причале» → «причал»), so a stem may equal the name's word itself.
            found += [(i, lexeme, STEM, "stem") for i in index.by_word.get(lexeme, ())]
            found += [(i, lexeme, STEM, "stem of") for i in index.by_stem.get(lexeme, ())]
        if len(word.norm) >= 3 and may_be_name(word, words):
            for near in index.near(word.norm):
                found += [(i, near, FUZZY, "fuzzy") for i in index.by_word[near]]
        for variant, matched, score, how in found:
            variant_words = index.variants[variant][1]
            if how == "stem of":
                how = "stem"
                matched = next((w for w in variant_words if index.stems.get(w) == matched), "")
            best = hits.setdefault(variant, {})
            if matched in variant_words and (matched not in best or best[matched].score < score):
                best[matched] = Match(score, how, position, word.text)
    return _choose(index, hits)


@dataclass(frozen=True)
class Match:
    score: float
    how: str
    position: int
    text: str


def _choose(index: NameIndex, hits: dict[int, dict[str, Match]]) -> list[Mention]:
    candidates = []
    for variant, matched in hits.items():
        entity, variant_words, text, field_name = index.variants[variant]
        score = sum(m.score for m in matched.values()) / len(variant_words)
        if score < MIN_SCORE:
            continue
        hows = {m.how for m in matched.values()}
        how = next(h for h in ("fuzzy", "stem", "exact") if h in hows)
        positions = tuple(sorted({m.position for m in matched.values()}))
        said = tuple(m.text for m in sorted(matched.values(), key=lambda m: m.position))
        candidates.append(Mention(entity, said, text, field_name, how, round(score, 3), positions))
    # Ties: a name before an alias (an alias may be someone's old name), then by type.
    candidates.sort(
        key=lambda m: (-m.score, m.field != "name", TYPE_ORDER[m.entity.type], m.entity.name)
    )
    chosen: list[Mention] = []
    used: set[int] = set()
    for mention in candidates:
        if used & set(mention.positions) or any(m.entity == mention.entity for m in chosen):
            continue
        used |= set(mention.positions)
        chosen.append(mention)
        if len(chosen) == MAX_ENTITIES:
            break
    # In question order, so that "how is A connected to B" walks from A to B.
    return sorted(chosen, key=lambda m: m.positions[0])


def classify(words: list[Word], mentions: list[Mention]) -> Question:
    path = (
        any(w.norm in PATH_WORDS or w.norm.startswith(PATH_STEMS) for w in words)
        and len(mentions) >= 2
    )
    characters = [m for m in mentions if m.entity.type == "character"]
    locations = [m for m in mentions if m.entity.type == "location"]
    if path:
        return Question(PATH, tuple(mentions[:2]))
    if len(characters) >= 2:
        return Question(MEETINGS, tuple(characters[:2]))
    if characters and locations:
        return Question(CHARACTER_AT_LOCATION, (characters[0], locations[0]))
    return Question(TEXT, tuple(mentions))
