"""Which entities a question names, and which kind of question it is.

Names are matched word by word against an in-process index of the world's
names and aliases: exactly, by stem (Russian inflects names: «Аню», «Кая»),
or within one edit (typos). Trigrams cannot do this for short names — «Кей»
and «Кай» share one trigram in four — so the edit distance is checked here.
Matched words grow into runs that follow a name's words in order, and the
question is read as the longest runs that do not overlap: "Mira Vance and
Tomas Vance" are two people, "Lady Ash" is not "Lady". Entities that fit the
same words equally well are all kept, so that callers say so instead of
guessing. The index is rebuilt when the world's named rows change (count or
last update).

The edit distance is RapidFuzz's (optimal string alignment: a swap of
neighbours counts as one edit), computed in C. It replaces a hand-written
generator of every one-edit neighbour of a word, which grew with the alphabet
of the world's two scripts: RapidFuzz measures only the few indexed words that
share a word's ends or its one-letter deletions (see `near`), over six times
faster on a list of 287,000 name words. Exact and stemmed words are dictionary
look-ups and a run is a walk along one name from a matched word, so the spans
need no automaton: one over characters would see neither stems nor typos.
"""

import re
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace

from django.db import connection
from rapidfuzz import process
from rapidfuzz.distance import OSA

from lorebase.models import World

from .selectors import scene_places
from .text import WORD, Word, config_for, normalise

EXACT, STEM, FUZZY = 1.0, 0.9, 0.75
MIN_SCORE = 0.5
MAX_ENTITIES = 4
TYPE_ORDER = {"character": 0, "location": 1, "concept": 2, "chapter": 3}
# Words that make a question about a connection rather than about meetings (see kinds).
PATH_WORDS = {"connected", "connection", "connect", "connects", "related", "relate", "link"}
PATH_STEMS = ("связ", "linked")
# Question words are never taken for names, even within one edit of one.
INTENT_WORDS = PATH_WORDS | {"meet", "met", "where", "when", "who", "whom", "how", "between"}
INTENT_WORDS |= {"scenes", "kill", "killed", "die", "died", "happened"}


@dataclass(frozen=True)
class Entity:
    type: str
    id: str
    name: str
    parent: str | None = field(default=None, compare=False)  # a place's larger place


@dataclass(frozen=True)
class Mention:
    """An entity the question names: the words that named it, and how closely.

    `candidates` holds every entity that fits these words equally well, `entity`
    first; more than one means the question does not say which is meant.
    """

    entity: Entity
    words: tuple[str, ...]
    variant: str  # the name or alias matched
    field: str  # "name" or "aliases"
    how: str  # "exact", "stem" or "fuzzy"
    score: float
    positions: tuple[int, ...]  # of the words in the question
    candidates: tuple[Entity, ...]
    resolved_by: str | None = None  # what in the question chose `entity` among several

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


@dataclass(frozen=True)
class Variant:
    """One name or alias as words; `content` are the positions of its non-function words."""

    entity: Entity
    words: tuple[str, ...]
    text: str
    field: str
    content: tuple[int, ...]


class NameIndex:
    """Names and aliases of one world's characters, locations and concepts, by word.

    Only content words are indexed: a function word ("the", "of", «и», «на») or a
    question word never brings a name in on its own.
    """

    def __init__(
        self,
        rows: list[tuple[str, str, str, list[str], str | None, str | None]],
        stems: dict[str, str],
    ):
        self.variants: list[Variant] = []
        self.parents = {row[1]: row[5] for row in rows if row[5]}  # place → larger place
        self.by_word: dict[str, set[int]] = {}
        self.by_stem: dict[str, set[int]] = {}
        self.stems = stems
        for type_name, uid, name, aliases, parent, _parent_id in rows:
            entity = Entity(type_name, uid, name, parent)
            for field_name, text in [("name", name)] + [("aliases", a) for a in aliases]:
                words = tuple(normalise(w) for w in WORD.findall(text))
                content = tuple(i for i, w in enumerate(words) if not self.function(w))
                if not content:
                    continue
                index = len(self.variants)
                self.variants.append(Variant(entity, words, text, field_name, content))
                for word in (words[i] for i in content):
                    self.by_word.setdefault(word, set()).add(index)
                    for stem in {stems.get(word), without_fleeting_vowel(stems.get(word))}:
                        if stem:
                            self.by_stem.setdefault(stem, set()).add(index)
        # Where `near` looks for a word's typos.
        self.by_end: defaultdict[tuple[int, str], list[str]] = defaultdict(list)
        self.by_deletion: defaultdict[str, list[str]] = defaultdict(list)
        for word in self.by_word:
            if len(word) >= LONG_WORD - 1:  # a long word's neighbours are this long
                for end in _ends(word):
                    self.by_end[(len(word), end)].append(word)
            if len(word) <= LONG_WORD:  # and a short word's this short
                for key in _deletions(word):
                    self.by_deletion[key].append(word)

    def function(self, word: str) -> bool:
        """A stop word of the world's language (it has no stem) or a question word."""
        return not self.stems.get(word) or word in INTENT_WORDS

    def ancestors(self, uid: str) -> set[str]:
        """The places this place is inside, up to the top of the hierarchy."""
        found: set[str] = set()
        while (uid := self.parents.get(uid)) and uid not in found:
            found.add(uid)
        return found

    def near(self, word: str) -> set[str]:
        """Indexed words one edit away (a swap of neighbours counts as one)."""
        if len(word) < LONG_WORD:
            deleted = _deletions(word)
            candidates = {w for key in (word, *deleted) for w in self.by_deletion.get(key, ())}
            candidates |= deleted & self.by_word.keys()
        else:
            candidates = {
                w
                for n in (-1, 0, 1)
                for end in _ends(word)
                for w in self.by_end.get((len(word) + n, end), ())
            }
        found = process.extract(word, candidates, scorer=OSA.distance, score_cutoff=1, limit=None)
        return {match for match, distance, _ in found if distance == 1}


# Which indexed words RapidFuzz measures against a word of the question. One edit
# leaves a word of five letters or more its first two letters or its last two, so
# such a word is measured against the words of nearly its length that share one of
# those ends. Shorter words share their ends with too many: they are found by their
# one-letter deletions instead (of two words one edit apart, one is the other less
# a letter, or both are one word plus a letter).
LONG_WORD = 5


# A Russian vowel that drops out when the word inflects: «Колодец» → «у Колодца»,
# «отец» → «отца», «Павел» → «Павла». Snowball keeps it in the stem of the bare
# word only, and two edits apart the inflected form is no typo either.
FLEETING_VOWEL = re.compile(r"^(.+[бвгджзклмнпрстфхцчшщ])[еёо]([бвгджзклмнпрстфхцчшщ])$")


def without_fleeting_vowel(stem: str | None) -> str | None:
    """The stem with a last-syllable е/ё/о between consonants dropped, if it has one."""
    found = FLEETING_VOWEL.match(stem or "")
    return found.group(1) + found.group(2) if found else None


def _ends(word: str) -> tuple[str, str]:
    return "<" + word[:2], word[-2:] + ">"


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


_cache: dict[int, tuple[tuple, NameIndex, float]] = {}
RECHECK_SECONDS = 1.0
_lock = threading.Lock()
NAMED_TABLES = {
    "character": "lorebase_character",
    "location": "lorebase_location",
    "concept": "lorebase_concept",
    "chapter": "lorebase_chapter",
}
# Name, aliases, and a place's larger place, to tell apart places of one name
# ("The Gate — North Reach"). A chapter is named by its title.
COLUMNS = {
    "character": "t.name, t.aliases, NULL::text, NULL::text",
    "location": "t.name, t.aliases, p.name, p.public_id::text",
    "concept": "t.name, t.aliases, NULL::text, NULL::text",
    "chapter": "t.title, '{}'::varchar[], NULL::text, NULL::text",
}
PARENT_JOIN = {"location": "LEFT JOIN lorebase_location p ON p.id = t.parent_id "}


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
                f"SELECT '{type_name}', t.public_id::text, {COLUMNS[type_name]} "
                f"FROM {table} t {PARENT_JOIN.get(type_name, '')}WHERE t.world_id = %s"
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


def recognise(
    world: World, words: list[Word], *, as_of: int | None = None, chapters: bool = False
) -> list[Mention]:
    """Entities named in the question, in question order, as longest non-overlapping spans.

    Chapter titles are names too when `chapters`: "The Fox and the Crown" is then
    the chapter, not the character "The Crown King" inside it.
    """
    index = name_index(world)
    linker = _Linker(index, words, chapters)
    spans = {span for position in range(len(words)) for span in linker.spans_at(position)}
    mentions = _choose([span for span in spans if span.score >= MIN_SCORE])
    return _in_context(world, index, mentions, as_of)


def _in_context(
    world: World, index: NameIndex, mentions: list[Mention], as_of: int | None
) -> list[Mention]:
    """Names that fit several entities, settled by the rest of the question where it can.

    Places of one name: the only one inside another place the question names ("the
    Gate in North Reach"). A chapter and something else of one title: the chapter
    when the question names a place (it asks what happened there), the other
    otherwise. Places still of one name: the only one where the characters the
    question names have scenes (by `as_of`).
    """
    clear = [m.entity for m in mentions if not m.ambiguous]
    places = {e.id for e in clear if e.type == "location"}
    people = sorted(e.id for e in clear if e.type == "character")
    if any(m.ambiguous for m in mentions) and people:
        seen = scene_places(world=world, character_ids=people, as_of=as_of)
    else:
        seen = set()
    seen_inside = {uid: index.ancestors(uid) | {uid} for uid in seen}
    chapter = "the chapter: the question asks what happened at a place"
    # Inside a named place first: "the Gate in North Reach" is a place even when a
    # chapter is titled "Beyond the Gate" too.
    rules = (
        ("inside a place the question names", lambda e: bool(index.ancestors(e.id) & places)),
        (chapter if places else "not the chapter", lambda e: (e.type == "chapter") == bool(places)),
        (
            "where the characters the question names have scenes",
            lambda e: e.type == "location" and any(e.id in up for up in seen_inside.values()),
        ),
    )
    settled = []
    for mention in mentions:
        for reason, fits in rules:
            if not mention.ambiguous:
                break
            mention = _narrowed(mention, [e for e in mention.candidates if fits(e)], reason)
        settled.append(mention)
    return settled


def _narrowed(mention: Mention, kept: list[Entity], reason: str) -> Mention:
    if not kept or len(kept) == len(mention.candidates):
        return mention
    resolved = reason if len(kept) == 1 else None
    return replace(mention, entity=kept[0], candidates=tuple(kept), resolved_by=resolved)


@dataclass(frozen=True)
class Span:
    """Question words `start`..`end` (exclusive) matching words of one variant, in order."""

    variant: Variant
    start: int
    end: int
    score: float
    how: str
    said: tuple[str, ...]

    @property
    def quality(self) -> tuple[int, float, bool]:
        # Longest first ("Lady Ash" over the dog "Lady"), then closest, then a name
        # over an alias (an alias may be someone's old name).
        return (self.end - self.start, self.score, self.variant.field == "name")


class _Linker:
    """Matches the question's words against the index, word by word and then as runs."""

    def __init__(self, index: NameIndex, words: list[Word], chapters: bool):
        self.index, self.words, self.chapters = index, words, chapters
        self.near = [index.near(w.norm) if _may_be_fuzzy(w, words) else set() for w in self.words]

    def match(self, position: int, word: str) -> tuple[float, str] | None:
        """How the question's word at `position` matches a name's word, if it does."""
        said = self.words[position]
        if said.norm == word:
            return EXACT, "exact"
        if self.index.function(word) or said.stop or said.norm in INTENT_WORDS:
            return None  # function words match only themselves
        stem = self.index.stems.get(word)
        if word in said.lexemes or stem in said.lexemes:
            # Snowball stems a word alone and inflected apart («причал» → «прича»,
            # «причале» → «причал»), so a stem may equal the name's word itself.
            return STEM, "stem"
        if (bare := without_fleeting_vowel(stem)) and bare in said.lexemes:
            return STEM, "stem"
        if word in self.near[position] and not word.isdigit():
            return FUZZY, "fuzzy"
        return None

    def spans_at(self, position: int) -> list[Span]:
        """The runs through this word of every variant one of whose words it matches."""
        said = self.words[position]
        keys = {said.norm, *said.lexemes, *self.near[position]}
        variants = {i for key in keys for i in self.index.by_word.get(key, ())}
        variants |= {i for key in said.lexemes for i in self.index.by_stem.get(key, ())}
        spans = []
        for variant in (self.index.variants[i] for i in variants):
            if variant.entity.type == "chapter" and not self.chapters:
                continue
            for k in variant.content:
                if self.match(position, variant.words[k]):
                    span = self._run(variant, position, k)
                    if span is not None:
                        spans.append(span)
        return spans

    def _run(self, variant: Variant, position: int, k: int) -> Span | None:
        """The longest run of aligned words through (position, k), if it may name the variant."""
        start, first = position, k
        while start > 0 and first > 0 and self.match(start - 1, variant.words[first - 1]):
            start, first = start - 1, first - 1
        end, last = position + 1, k + 1
        while (
            end < len(self.words)
            and last < len(variant.words)
            and self.match(end, variant.words[last])
        ):
            end, last = end + 1, last + 1
        matches = {
            i: self.match(start + i - first, variant.words[i])
            for i in variant.content
            if first <= i < last
        }
        hows = {how for _, how in matches.values()}
        if not self._may_name(variant, (start, end), (first, last), "fuzzy" in hows):
            return None
        score = sum(s for s, _ in matches.values()) / len(variant.content)
        how = next(h for h in ("fuzzy", "stem", "exact") if h in hows)
        said = tuple(w.text for w in self.words[start:end])
        return Span(variant, start, end, round(score, 3), how, said)

    def _may_name(
        self, variant: Variant, said: tuple[int, int], named: tuple[int, int], fuzzy: bool
    ) -> bool:
        """Whether question words `said` may name the variant by its words `named`."""
        whole = named[0] <= variant.content[0] and variant.content[-1] < named[1]
        after = self.words[said[1]].norm if said[1] < len(self.words) else ""
        # Typos only in whole names, and "Piper #4" is no typo of "Viper": a number
        # after the word says it is another, numbered name.
        if fuzzy and (not whole or after.isdigit()):
            return False
        return whole or self._short_name(variant, said, named)

    def _short_name(self, variant: Variant, said: tuple[int, int], named: tuple[int, int]) -> bool:
        """A character called by given name or surname alone: "Daniel", "Strand".

        Only capitalised words, never leaving a number out ("Guard" is not "Guard
        #2"), and not for names that start with a function word: "the Crown" in a
        chapter title is not "The Crown King"; "first" is not "First Officer".
        """
        words = variant.words
        left_out = [words[i] for i in variant.content if not named[0] <= i < named[1]]
        typed = [w for w in self.words[said[0] : said[1]] if not w.stop]
        return (
            variant.entity.type == "character"
            and variant.field == "name"
            and variant.content[0] == 0
            and (named[0] == 0 or named[1] == len(words))
            and not any(w.isdigit() for w in left_out)
            and all(w.capitalised for w in typed)
        )


def _may_be_fuzzy(word: Word, words: list[Word]) -> bool:
    return len(word.norm) >= 3 and not word.norm.isdigit() and may_be_name(word, words)


def _choose(spans: list[Span]) -> list[Mention]:
    """Longest spans first, none overlapping another; equally good entities kept as candidates."""
    spans.sort(
        key=lambda s: (
            tuple(-q for q in s.quality),
            TYPE_ORDER[s.variant.entity.type],
            s.variant.entity.name,
            s.variant.entity.id,
        )
    )
    chosen: list[Mention] = []
    used: set[int] = set()
    for span in spans:
        positions = set(range(span.start, span.end))
        entity = span.variant.entity
        if used & positions or any(m.entity == entity for m in chosen):
            continue
        used |= positions
        chosen.append(_mention(span, _equals(span, spans)))
        if len(chosen) == MAX_ENTITIES:
            break
    # In question order, so that "how is A connected to B" walks from A to B.
    return sorted(chosen, key=lambda m: m.positions[0])


def _equals(span: Span, spans: list[Span]) -> tuple[Entity, ...]:
    """The entities named by the same words as well as `span`'s, its own first."""
    found = [span.variant.entity]
    for other in spans:
        entity = other.variant.entity
        same = (other.start, other.end, other.quality) == (span.start, span.end, span.quality)
        if same and entity not in found:
            found.append(entity)
    return tuple(found)


def _mention(span: Span, candidates: tuple[Entity, ...]) -> Mention:
    variant = span.variant
    return Mention(
        entity=variant.entity,
        words=span.said,
        variant=variant.text,
        field=variant.field,
        how=span.how,
        score=span.score,
        positions=tuple(range(span.start, span.end)),
        candidates=candidates,
    )
