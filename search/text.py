"""Full-text and trigram search in PostgreSQL (see migrations/0001 for the columns).

The question is split into words once (`analyse`): each word's lexemes in the
world's language config and in `simple`, or none for a stop word. The
full-text query ORs those lexemes, so a scene that names only one of the
people asked about still ranks, below the ones that name both.
"""

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from itertools import combinations
from math import comb

from django.conf import settings
from django.db import connection, transaction

from lorebase.models import World

CONFIGS = {World.Language.ENGLISH: "english", World.Language.RUSSIAN: "russian"}
WORD = re.compile(r"\w+", re.UNICODE)
# One edit in a short name leaves few trigrams in common (Kay/Kai: 0.5), so the
# threshold is below pg_trgm's default 0.6; questions.py handles shorter names.
TRIGRAM_THRESHOLD = 0.5
MAX_TRIGRAM_WORDS = 12
# The most k-of-n word combinations one candidate tier may spell out (see _tiers).
MAX_TIER_TERMS = 64

NAMED = {"character": "lorebase_character", "location": "lorebase_location"}
NAMED["concept"] = "lorebase_concept"
# Fields whose matches a result explains, per type; "aliases" is an array.
FIELDS = {
    "character": ("name", "aliases", "description"),
    "location": ("name", "aliases", "description"),
    "concept": ("name", "aliases", "description"),
    "scene": ("title", "summary", "text"),
}
# A character or a place "exists" as of a chapter once it has appeared in a scene
# of that chapter or before; one that never appears in a scene is always shown.
FIRST_CHAPTER = {
    "character": "(SELECT min(ch.number) FROM lorebase_sceneparticipant p "
    "JOIN lorebase_scene s ON s.id = p.scene_id JOIN lorebase_chapter ch ON ch.id = s.chapter_id "
    "WHERE p.character_id = t.id)",
    "location": "(SELECT min(ch.number) FROM lorebase_scene s "
    "JOIN lorebase_chapter ch ON ch.id = s.chapter_id WHERE s.location_id = t.id)",
    "concept": "NULL",
}


def normalise(text: str) -> str:
    """Lower case, ё as е, accents dropped: how names and questions are compared."""
    return "".join(_plain(c) for c in text.lower().replace("ё", "е"))


def _plain(char: str) -> str:
    # Only Latin letters lose accents: й is a letter of its own, not и with a breve.
    if char.isascii() or "LATIN" not in unicodedata.name(char, ""):
        return char
    return unicodedata.normalize("NFKD", char)[0]


@dataclass(frozen=True)
class Word:
    text: str  # as typed
    norm: str  # normalised
    lexemes: frozenset[str]  # in the world's config and in `simple`; empty for a stop word
    capitalised: bool

    @property
    def stop(self) -> bool:
        return not self.lexemes


def config_for(world: World) -> str:
    return CONFIGS.get(world.language, "simple")


def analyse(question: str, config: str) -> list[Word]:
    texts = WORD.findall(question)
    if not texts:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT w, tsvector_to_array(to_tsvector(%s::regconfig, w)), "
            "tsvector_to_array(to_tsvector('simple', w)) "
            "FROM unnest(%s::text[]) WITH ORDINALITY AS u(w, i) ORDER BY i",
            [config, texts],
        )
        rows = cursor.fetchall()
    return [
        Word(
            text=text,
            norm=normalise(text),
            # `simple` keeps stop words, so it only counts where the language kept the word.
            lexemes=frozenset(stemmed) | frozenset(plain) if stemmed else frozenset(),
            capitalised=text[:1].isupper(),
        )
        for text, stemmed, plain in rows
    ]


def _quoted(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def _tsquery(words: list[Word]) -> str | None:
    lexemes = sorted({lexeme for word in words for lexeme in word.lexemes})
    return " | ".join(map(_quoted, lexemes)) or None


def _tiers(words: list[Word]) -> dict[int, str]:
    """Full-text queries by k, from "every word" down to "any word": tier k matches
    a row holding at least k of the question's words (a word: any of its lexemes).

    A tier whose k-subsets of words would make too long a query is left out;
    "every word" and "any word" are always there.
    """
    groups = sorted({word.lexemes for word in words if word.lexemes}, key=sorted)
    terms = ["(" + " | ".join(map(_quoted, sorted(group))) + ")" for group in groups]
    return {
        k: " | ".join("(" + " & ".join(subset) + ")" for subset in combinations(terms, k))
        for k in range(len(terms), 0, -1)
        if k in (1, len(terms)) or comb(len(terms), k) <= MAX_TIER_TERMS
    }


@dataclass
class Hit:
    """One text or name match: what it is, how well it matched and why."""

    type: str
    id: str
    title: str
    score: float
    fields: dict[str, list[str]] = field(default_factory=dict)
    chapter: int | None = None
    location: tuple[str, str] | None = None


def text_search(
    *, world: World, words: list[Word], as_of: int | None, types: set[str], limit: int
) -> list[Hit]:
    """Best full-text matches over names, aliases, descriptions and scene texts."""
    hits = ranked_hits(world=world, words=words, as_of=as_of, types=types, limit=limit)
    _explain(hits, words, config_for(world))
    return hits


def ranked_hits(
    *,
    world: World,
    words: list[Word],
    as_of: int | None,
    types: set[str],
    limit: int,
    among: Collection[str] | None = None,
) -> list[Hit]:
    """The best matches, ranked but not explained; only the public ids `among` when given."""
    query = _tsquery(words)
    if query is None or (among is not None and not among):
        return []
    tiers = _tiers(words)
    params = {
        "world": world.pk,
        "q": query,
        "as_of": as_of,
        "among": list(among or ()),
        "candidates": settings.SEARCH_TEXT_CANDIDATES,
        "limit": limit,
    } | {f"tier{k}": tier for k, tier in tiers.items()}
    hits: list[Hit] = []
    with connection.cursor() as cursor:
        for type_name in sorted(types & set(FIELDS)):
            cursor.execute(_ranked_sql(type_name, list(tiers), among is not None), params)
            hits.extend(_hit(type_name, row) for row in cursor.fetchall())
    hits.sort(key=_stable)
    return hits[:limit]


def _stable(hit: Hit) -> tuple:
    # Equal scores and titles are common (generated extras, "Morning"): the id decides.
    return (-hit.score, hit.title, hit.id)


def _ranked_sql(type_name: str, tiers: list[int], among: bool) -> str:
    # Ranking is the costly part (ts_rank_cd reads each row's vector): common words
    # match half the scenes of a large world. So only `candidates` rows are ranked,
    # taken in about the order of the ranking, which weighs a word in the name or
    # title (name_vector) four or five times one in the text: a row holding at least
    # i of the question's words in its name and j anywhere scores i + j/4, and the
    # rows of the best (i, j) come first, then the smallest ids. Each (i, j) is read
    # in id order and cut at `candidates`, which the indexes bound. Never a bare
    # LIMIT: that takes whichever rows PostgreSQL reads first, and the same request
    # gave another top 10. Among a given set of ids (a character's own items, for
    # an answer in role) every match is ranked: the set bounds the work.
    table = "lorebase_scene" if type_name == "scene" else NAMED[type_name]
    if among:
        # The set's rows are read by id and matched one by one (OFFSET 0 keeps the
        # match out of the index): a common word's index entries are most of the world.
        picked = (
            f"SELECT id FROM (SELECT id, search_vector FROM {table} "
            "WHERE public_id = ANY(%(among)s::uuid[]) AND world_id = %(world)s OFFSET 0) "
            "own WHERE search_vector @@ %(q)s::tsquery"
        )
    else:
        reads = " UNION ALL ".join(
            f"(SELECT id, {i + j / 4} AS k FROM {table} WHERE world_id = %(world)s "
            + (f"AND name_vector @@ %(tier{i})s::tsquery " if i else "")
            # The name's words are in the whole vector too: (i, i) needs the name alone.
            + (f"AND search_vector @@ %(tier{j})s::tsquery " if j > i else "")
            + "ORDER BY id LIMIT %(candidates)s)"
            for i in (*tiers, 0)
            for j in tiers
            if j >= i
        )
        picked = (
            f"SELECT id FROM ({reads}) tiers GROUP BY id ORDER BY max(k) DESC, id "
            "LIMIT %(candidates)s"
        )
    candidates = f"SELECT t.* FROM {table} t JOIN ({picked}) picked USING (id)"
    if type_name == "scene":
        return (
            "SELECT t.public_id, t.title, ts_rank_cd(t.search_vector, %(q)s::tsquery), "
            f"ch.number, l.public_id, l.name FROM ({candidates}) t "
            "JOIN lorebase_chapter ch ON ch.id = t.chapter_id "
            "LEFT JOIN lorebase_location l ON l.id = t.location_id "
            "WHERE %(as_of)s::int IS NULL OR ch.number <= %(as_of)s::int "
            "ORDER BY 3 DESC, ch.number, t.order, t.id LIMIT %(limit)s"
        )
    return (
        f"SELECT t.public_id, t.name, ts_rank_cd(t.search_vector, %(q)s::tsquery) "
        f"FROM ({candidates}) t "
        f"WHERE %(as_of)s::int IS NULL OR coalesce({FIRST_CHAPTER[type_name]}, 0) "
        "<= %(as_of)s::int ORDER BY 3 DESC, t.name, t.id LIMIT %(limit)s"
    )


def _hit(type_name: str, row: tuple) -> Hit:
    public_id, title, rank, *scene = row
    hit = Hit(type=type_name, id=str(public_id), title=title, score=round(rank / (rank + 1), 4))
    if scene:
        hit.chapter = scene[0]
        hit.location = (str(scene[1]), scene[2]) if scene[1] else None
    return hit


def _explain(hits: list[Hit], words: list[Word], config: str) -> None:
    """Fill each hit's `fields`: which question words each field matched."""
    by_type: dict[str, list[Hit]] = {}
    for hit in hits:
        by_type.setdefault(hit.type, []).append(hit)
    with connection.cursor() as cursor:
        for type_name, group in by_type.items():
            table = NAMED.get(type_name, "lorebase_scene")
            columns = ", ".join(
                f"tsvector_to_array(to_tsvector(%(config)s::regconfig, {_text(f)}) "
                f"|| to_tsvector('simple', {_text(f)}))"
                for f in FIELDS[type_name]
            )
            cursor.execute(
                # A uuid comparison uses the public_id index; `public_id::text` scans.
                f"SELECT public_id::text, {columns} FROM {table} "
                "WHERE public_id = ANY(%(ids)s::uuid[])",
                {"config": config, "ids": [hit.id for hit in group]},
            )
            lexemes = {row[0]: row[1:] for row in cursor.fetchall()}
            for hit in group:
                for name, found in zip(FIELDS[type_name], lexemes[hit.id], strict=True):
                    matched = _words_in(words, set(found))
                    if matched:
                        hit.fields[name] = matched


def _text(field_name: str) -> str:
    if field_name == "aliases":
        return "search_names('', aliases)"
    return f"coalesce({field_name}, '')"


def _words_in(words: list[Word], lexemes: set[str]) -> list[str]:
    seen: list[str] = []
    for word in words:
        if word.lexemes & lexemes and word.text not in seen:
            seen.append(word.text)
    return seen


def name_search(*, world: World, words: list[Word], types: set[str], limit: int) -> list[Hit]:
    """Names and aliases close to the question's words (pg_trgm), for typing errors."""
    tokens = [w.norm for w in words if not w.stop and len(w.norm) >= 3][:MAX_TRIGRAM_WORDS]
    if not tokens:
        return []
    similarity = " + ".join(
        f"word_similarity(%(t{i})s, search_names(name, aliases))" for i in range(len(tokens))
    )
    near = " OR ".join(f"%(t{i})s <%% search_names(name, aliases)" for i in range(len(tokens)))
    params = {"world": world.pk, "limit": limit} | {f"t{i}": t for i, t in enumerate(tokens)}
    hits: list[Hit] = []
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)",
            [str(TRIGRAM_THRESHOLD)],
        )
        for type_name in sorted(types & set(NAMED)):
            cursor.execute(
                f"SELECT public_id, name, aliases, ({similarity}) / {len(tokens)} "
                f"FROM {NAMED[type_name]} WHERE world_id = %(world)s AND ({near}) "
                "ORDER BY 4 DESC, name, id LIMIT %(limit)s",
                params,
            )
            for public_id, name, aliases, score in cursor.fetchall():
                close = _close_words(tokens, name, aliases)
                hits.append(Hit(type_name, str(public_id), name, round(score, 4), close))
    hits.sort(key=_stable)
    return hits[:limit]


def _close_words(tokens: list[str], name: str, aliases: list[str]) -> dict[str, list[str]]:
    """Which field (name or aliases) holds something like each token, for the explanation."""
    fields: dict[str, list[str]] = {}
    for field_name, values in (("name", [name]), ("aliases", aliases)):
        text = normalise(" ".join(values))
        close = [t for t in tokens if any(_trigram_near(t, part) for part in WORD.findall(text))]
        if close:
            fields[field_name] = close
    return fields


def _trigram_near(token: str, part: str) -> bool:
    grams = {token[i : i + 3] for i in range(len(token) - 2)}
    other = {part[i : i + 3] for i in range(len(part) - 2)}
    return token == part or (bool(grams) and len(grams & other) / len(grams) >= 0.3)


def appearing_after(*, ids: list[str], as_of: int) -> set[str]:
    """Of these character and location ids, those first seen in a scene after `as_of`."""
    found: set[str] = set()
    with connection.cursor() as cursor:
        for type_name in ("character", "location"):
            cursor.execute(
                f"SELECT t.public_id::text FROM {NAMED[type_name]} t "
                f"WHERE t.public_id = ANY(%s::uuid[]) AND {FIRST_CHAPTER[type_name]} > %s",
                [ids, as_of],
            )
            found |= {uid for (uid,) in cursor.fetchall()}
    return found
