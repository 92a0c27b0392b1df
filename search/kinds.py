"""What a question asks: its kind, and the details its answer needs.

Read from the words around the names, never from a name's own words: "Master
Wren" asks for no master, "The First Officer" for no first meeting. English
words are matched whole; Russian ones by how they start, since they inflect
(«врага», «союзники», «служит»).
"""

import re
from dataclasses import dataclass, field

from lorebase.models import RelationKind

from .questions import PATH_STEMS, PATH_WORDS, Mention
from .text import Word

MEETINGS, PATH, CHARACTER_AT_LOCATION, TEXT = "meetings", "path", "character_at_location", "text"
DEATH, RELATION, EVENTS_AT_LOCATION = "death", "relation", "events_at_location"
KINDS = (MEETINGS, PATH, CHARACTER_AT_LOCATION, DEATH, RELATION, EVENTS_AT_LOCATION, TEXT)

FIRST, LAST, ALL = "first", "last", "all"
MEETING_WORDS = {
    FIRST: {"first", "firstly", "впервые", "первый", "первая", "первой", "первую", "первого"},
    LAST: {"last", "lastly", "latest", "последний", "последняя", "последней", "последнюю"}
    | {"последнего", "напоследок"},
}

KILLER, HOW = "killer", "how"
DEATH_WORDS = {
    KILLER: (
        {"kill", "killed", "killer", "murder", "murdered", "murderer", "slew", "slain"},
        ("убил", "убий", "убит"),
    ),
    HOW: ({"die", "died", "dies", "death", "dead"}, ("умер", "умир", "погиб", "гибел", "смерт")),
}

# The side of a relation the named entity is on: its source ("whom does Mira serve"),
# its target ("who serves the Magistra") or either; VERB: by word order (see _side).
OUT, IN, BOTH, VERB = "out", "in", "both", "verb"
R = RelationKind
# A question word → the relations it asks for. A key ending in "-" is the start of
# a Russian word. "master" is whom one serves, or one's teacher.
RELATION_WORDS: dict[str, tuple[tuple[str, str], ...]] = {
    **dict.fromkeys(
        ("enemy", "enemies", "foe", "foes", "rival", "rivals", "враг-", "недруг-", "противни-"),
        ((R.ENEMY_OF, BOTH),),
    ),
    **dict.fromkeys(("ally", "allies", "союзни-"), ((R.ALLY_OF, BOTH),)),
    **dict.fromkeys(
        (
            "family",
            "relative",
            "relatives",
            "семья",
            "семьи",
            "семье",
            "семью",
            "родн-",
            "родствен-",
            *("father", "mother", "brother", "sister", "son", "daughter", "parent", "kin"),
            *("fathers", "mothers", "brothers", "sisters", "sons", "daughters", "parents"),
            *("отец", "отц-", "мать", "матер-", "брат-", "сестр-", "сын-", "доч-"),
        ),
        ((R.FAMILY_OF, BOTH),),
    ),
    **dict.fromkeys(("lover", "lovers", "возлюблен-", "любовни-", "любим-"), ((R.LOVES, BOTH),)),
    **dict.fromkeys(("love", "loves", "loved", "любит", "любил-"), ((R.LOVES, VERB),)),
    **dict.fromkeys(("mentor", "mentors", "teacher", "наставни-", "учител-"), ((R.MENTOR_OF, IN),)),
    **dict.fromkeys(
        ("student", "students", "apprentice", "pupil", "учени-"), ((R.MENTOR_OF, OUT),)
    ),
    **dict.fromkeys(("master", "мастер-"), ((R.SERVES, OUT), (R.MENTOR_OF, IN))),
    **dict.fromkeys(("lord", "liege", "хозя-", "господин-"), ((R.SERVES, OUT),)),
    **dict.fromkeys(("serve", "serves", "served", "служ-"), ((R.SERVES, VERB),)),
    **dict.fromkeys(("servant", "servants", "слуг-"), ((R.SERVES, IN),)),
    **dict.fromkeys(("lead", "leads", "led", "возглавл-"), ((R.LEADS, VERB),)),
    **dict.fromkeys(("leader", "leaders", "лидер-", "предводител-", "вожак-"), ((R.LEADS, IN),)),
    **dict.fromkeys(("member", "members", "член-"), ((R.MEMBER_OF, IN),)),
    **dict.fromkeys(("rule", "rules", "ruled", "правит", "правил-"), ((R.RULES, VERB),)),
    **dict.fromkeys(("ruler", "rulers", "правител-"), ((R.RULES, IN),)),
}
# The named entity is the subject after these ("whom does Mira serve", «кому служит Мира»).
OBJECT_WORDS = {"whom", "кому", "кого", "кем"}

CHAPTER_WORDS = {"chapter", "глава", "главе", "главы", "главу", "главой"}
# ASCII digits only: "²" is a digit to str.isdigit() but not to int().
ORDINAL = re.compile(r"^([0-9]{1,5})(st|nd|rd|th)?$")
ORDINAL_ENDINGS = {"й", "я", "ей", "ой", "ий", "ая", "ю"}  # «3-й главе», «3-я глава»


@dataclass(frozen=True)
class Question:
    kind: str
    mentions: tuple[Mention, ...]
    # What else the answer needs: which meeting, what of a death, which relations,
    # which chapter.
    details: dict = field(default_factory=dict, compare=False)

    @property
    def ambiguous(self) -> tuple[Mention, ...]:
        return tuple(m for m in self.mentions if m.ambiguous)


def classify(words: list[Word], mentions: list[Mention]) -> Question:
    """The kind of question; a name that could be several entities leaves only text search.

    Which scenes answer "where did A and B meet" depends on who A is: a guess
    would look as sure as an answer, so an ambiguous name is said, not guessed.
    """
    if any(m.ambiguous for m in mentions):
        return Question(TEXT, tuple(mentions))
    free = _free(words, mentions)
    entities = [m for m in mentions if m.entity.type != "chapter"]
    characters = [m for m in entities if m.entity.type == "character"]
    locations = [m for m in entities if m.entity.type == "location"]
    death = _death(free)
    if death and characters:
        after = [m for m in characters if m.positions[0] > death[0]]
        return Question(DEATH, ((after or characters)[0],), {"death": death[1]})
    relations = _relations(free, entities)
    if relations and len(entities) == 1:
        return Question(RELATION, tuple(entities), {"relations": relations})
    chapter = chapter_named(words, mentions)
    if chapter is not None and locations and not characters:
        chapters = (chapter,) if isinstance(chapter, Mention) else ()
        details = {} if chapters else {"chapter": chapter}
        return Question(EVENTS_AT_LOCATION, (locations[0], *chapters), details)
    path = any(w.norm in PATH_WORDS or w.norm.startswith(PATH_STEMS) for _, w in free)
    if path and len(entities) >= 2:
        return Question(PATH, tuple(entities[:2]))
    if len(characters) >= 2:
        return Question(MEETINGS, tuple(characters[:2]), {"meeting": _which_meeting(free)})
    if characters and locations:
        return Question(CHARACTER_AT_LOCATION, (characters[0], locations[0]))
    return Question(TEXT, tuple(mentions))


def asked_for(words: list[Word], mentions: list[Mention]) -> set[str]:
    """The relation kinds the words around the names ask for, DEATH if they ask about
    a death, FIRST or LAST if about a meeting: what an answer in role ranks first
    ("who is your enemy?", "where did you first meet Nessa?")."""
    free = _free(words, mentions)
    asked = {str(kind) for _, word in free for kind, _side in _relation_entries(word.norm)}
    meeting = _which_meeting(free)
    return asked | ({DEATH} if _death(free) else set()) | ({meeting} - {ALL})


def _free(words: list[Word], mentions: list[Mention]) -> list[tuple[int, Word]]:
    """The words outside every name, with their positions."""
    named = {position for m in mentions for position in m.positions}
    return [(i, w) for i, w in enumerate(words) if i not in named]


def _which_meeting(free: list[tuple[int, Word]]) -> str:
    return next((k for k, said in MEETING_WORDS.items() if _any_in(free, said)), ALL)


def _any_in(free: list[tuple[int, Word]], said: set[str]) -> bool:
    return any(w.norm in said for _, w in free)


def _death(free: list[tuple[int, Word]]) -> tuple[int, str] | None:
    """(position, KILLER or HOW) of the first word asking about a death."""
    for position, word in free:
        for asks, (whole, starts) in DEATH_WORDS.items():
            if word.norm in whole or word.norm.startswith(starts):
                return position, asks
    return None


def _relations(
    free: list[tuple[int, Word]], entities: list[Mention]
) -> tuple[tuple[str, str], ...]:
    """The (relation kind, side) pairs the question asks about its one named entity."""
    if len(entities) != 1:
        return ()
    subject_follows = _any_in(free, OBJECT_WORDS)
    found: list[tuple[str, str]] = []
    for position, word in free:
        for kind, side in _relation_entries(word.norm):
            if side == VERB:
                before = entities[0].positions[0] < position
                side = OUT if before or subject_follows else IN
            if (kind, side) not in found:
                found.append((str(kind), side))
    return tuple(found)


def _relation_entries(word: str) -> tuple[tuple[str, str], ...]:
    if word in RELATION_WORDS:
        return RELATION_WORDS[word]
    starts = [key for key in RELATION_WORDS if key.endswith("-") and word.startswith(key[:-1])]
    return RELATION_WORDS[max(starts, key=len)] if starts else ()


def chapter_named(words: list[Word], mentions: list[Mention]) -> int | Mention | None:
    """The chapter the question names: by number ("chapter 3", «в 3-й главе») or title."""
    for i, word in enumerate(words):
        if word.norm not in CHAPTER_WORDS:
            continue
        if i + 1 < len(words) and (number := ORDINAL.match(words[i + 1].norm)):
            return int(number.group(1))  # "chapter 3", «глава 3»
        before = i - 1 - (i > 1 and words[i - 1].norm in ORDINAL_ENDINGS)
        if before >= 0 and (number := ORDINAL.match(words[before].norm)):
            return int(number.group(1))  # "the 3rd chapter", «в 3-й главе»
    return next((m for m in mentions if m.entity.type == "chapter"), None)
