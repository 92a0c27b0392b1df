"""How well each item a character knows answers the question.

The signals add up per item, among the items the character knows only (the
rest of the world is never read):

- the question's words in full text (search.text) — scenes, places, concepts,
  the profile — and, by stem overlap, in the text of relations and deaths,
  which the full text does not index;
- a scene's (relation's, death's) whole title said in the question ("tell me
  about The Lamp Room"): it comes before whatever merely shares its words.
  Names of characters, places and concepts are the linker's (below);
- a chapter the question names, by number or title: what happened in it;
- names (search.questions): what involves a named entity the character knows
  (a named place: what happens there or in a place inside it).
  A name the character never came across makes them say they do not know,
  unless its words are in what they know ("the fog" they were pulled out of);
- words that ask for a kind of relation or for a death (the table /search reads
  questions with, search.kinds): the character's relations of that kind, what
  involves the other party ("your father" is the other end of FAMILY_OF), and
  the deaths they know of; "first" or "last" with a person: the earliest or
  latest scene with them.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import connection

from lorebase.models import Character, World
from search.kinds import DEATH, FIRST, LAST, asked_for, chapter_named
from search.questions import Mention, recognise
from search.selectors import chapter_number
from search.text import FIELDS, Word, analyse, config_for, ranked_hits

if TYPE_CHECKING:
    from .context import Item

SEARCH_HITS = 200
Add = Callable[[str, float], None]
OVERLAP, TITLE, OWN, LINKED, ME, ASKED_WEIGHT, RELATED = 0.5, 2.0, 0.5, 1.0, 1.0, 1.5, 0.5
IN_CHAPTER = 1.0  # what happened in the chapter the question names
MEETING = 1.0  # the first (last) scene with the person asked about
TITLED = {"scene", "relation", DEATH}  # items with a title the name linker does not know


@dataclass
class Relevance:
    scores: dict[str, float]
    mentioned: list[str]  # names the question used for entities the character knows
    unknown: int  # entities the question names that the character cannot know


def relevance_of(
    *, character: Character, question: str, as_of: int, items: list["Item"]
) -> Relevance:
    world = character.world
    config = config_for(world)
    words = analyse(question, config)
    mentions = recognise(world, words, chapters=True)
    chapter = _chapter(world, words, mentions)
    mentions = [m for m in mentions if m.entity.type != "chapter"]
    scores: dict[str, float] = {}

    def add(uid: str, weight: float) -> None:
        scores[uid] = scores.get(uid, 0.0) + weight

    by_id = {item.id: item for item in items}
    for hit in ranked_hits(
        world=world, words=words, as_of=as_of, types=set(FIELDS), limit=SEARCH_HITS, among=by_id
    ):
        add(hit.id, hit.score)
    content = [word for word in words if not word.stop]
    question_lexemes = {lexeme for word in content for lexeme in word.lexemes}
    for item, (title, text) in zip(items, _lexemes(items, config), strict=True):
        if item.type not in FIELDS and content:
            matched = sum(1 for word in content if word.lexemes & text)
            if matched:
                add(item.id, OVERLAP * matched / len(content))
        if item.type in TITLED and title and title <= question_lexemes:
            add(item.id, TITLE)
        if chapter is not None and item.chapter == chapter:
            add(item.id, IN_CHAPTER)
    mentioned, unknown = _names(character, mentions, items, config, add)
    asked = asked_for(words, mentions)
    _asked(character, asked, items, add)
    _meeting(asked, mentions, items, add)
    return Relevance(scores, mentioned, unknown)


def _chapter(world: World, words: list[Word], mentions: list[Mention]) -> int | None:
    """The chapter the question names ("in chapter 3", «в главе «Лиса и корона»»)."""
    named = chapter_named(words, mentions)
    if isinstance(named, Mention):
        return chapter_number(world=world, chapter_id=named.entity.id)
    return named


def _names(
    character: Character, mentions: list[Mention], items: list["Item"], config: str, add: Add
) -> tuple[list[str], int]:
    me = str(character.public_id)
    known = {item.id for item in items} | {uid for item in items for uid in item.links}
    reach = _reach(items)
    mentioned: list[str] = []
    strangers: list[Mention] = []
    for mention in mentions:
        # Of several entities with one name, the character can only mean one they know.
        uids = [e.id for e in mention.candidates if e.id == me or e.id in known]
        if len(uids) > 1:
            continue  # still ambiguous: boosting one would be a guess
        uid = uids[0] if uids else mention.entity.id
        if uid == me:
            add(me, ME)
        elif uid not in known:
            strangers.append(mention)
        else:
            mentioned.append(next(e.name for e in mention.candidates if e.id == uid))
            for item in items:
                # What happened with it outranks what it is: "who did you find on Pier
                # Nine" asks for the scene there before the description of the pier.
                weight = LINKED if uid in reach(item) else OWN if uid == item.id else 0.0
                if weight:
                    add(item.id, weight * mention.score)
    # A name the character never came across counts only if its words are not in
    # what they know: "the fog" is a concept Kay never met, and the fog of his scene.
    said = _said(
        [" ".join(m.words) for m in strangers], [f"{i.title}. {i.text}" for i in items], config
    )
    return mentioned, sum(1 for m in strangers if " ".join(m.words) not in said)


def _reach(items: list["Item"]) -> Callable[["Item"], set[str]]:
    """What an item links to, with the places its places are part of: a scene on Pier
    Nine happens in the harbour too ("what happened in the harbour in chapter 2")."""
    parents = {item.id: item.links[0] for item in items if item.type == "location" and item.links}

    def reach(item: "Item") -> set[str]:
        linked = set(item.links)
        for place in item.links:
            while (place := parents.get(place)) is not None and place not in linked:
                linked.add(place)
        return linked

    return reach


def _meeting(asked: set[str], mentions: list[Mention], items: list["Item"], add: Add) -> None:
    """ "Where did you first (last) meet Nessa?": the earliest (latest) scene with them."""
    which = asked & {FIRST, LAST}
    people = {e.id for m in mentions for e in m.candidates if e.type == "character"}
    scenes = [i for i in items if i.type == "scene" and people & set(i.links)]
    if which and scenes:
        # A scene's story key is latest first: the first meeting has the largest.
        pick = max if FIRST in which else min
        add(pick(scenes, key=lambda item: item.story).id, MEETING)


def _asked(character: Character, asked: set[str], items: list["Item"], add: Add) -> None:
    """Relations of the kinds asked for, deaths if asked, and what involves the other party."""
    others: set[str] = set()
    for item in items:
        if item.type == "relation" and item.details["kind"] in asked:
            add(item.id, ASKED_WEIGHT)
            others.update(item.links)
        elif item.type == DEATH and DEATH in asked:
            add(item.id, ASKED_WEIGHT)
    others.discard(str(character.public_id))
    for item in items:
        if item.type != "relation" and others & set(item.links):
            add(item.id, RELATED)


def _lexemes(items: list["Item"], config: str) -> list[tuple[frozenset[str], frozenset[str]]]:
    """Each item's title lexemes (in the world's language) and all its text's lexemes.

    Only where they are used: titles of TITLED items, texts of items full text does
    not rank (a main character's thousands of scene texts would cost most of the time).
    """
    titles = [item.title if item.type in TITLED else "" for item in items]
    texts = [
        "" if item.type in FIELDS else " ".join([item.title, item.text, *_detail_texts(item)])
        for item in items
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tsvector_to_array(to_tsvector(%s::regconfig, t)), "
            "tsvector_to_array(to_tsvector(%s::regconfig, b) || to_tsvector('simple', b)) "
            "FROM unnest(%s::text[], %s::text[]) WITH ORDINALITY AS u(t, b, i) ORDER BY i",
            [config, config, titles, texts],
        )
        return [(frozenset(title), frozenset(text)) for title, text in cursor.fetchall()]


def _detail_texts(item: "Item") -> list[str]:
    return [value for value in item.details.values() if isinstance(value, str)]


def _said(phrases: list[str], texts: list[str], config: str) -> set[str]:
    """The phrases that occur, word after word by stem, in one of the texts."""
    if not phrases:
        return set()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT p FROM unnest(%s::text[]) AS p WHERE EXISTS (SELECT 1 FROM "
            "unnest(%s::text[]) AS t WHERE to_tsvector(%s::regconfig, t) "
            "@@ phraseto_tsquery(%s::regconfig, p))",
            [phrases, texts, config, config],
        )
        return {row[0] for row in cursor.fetchall()}
