"""The context of one answer: the character's knowledge as items, ranked for the question.

Items are the character's profile, the scenes they were in (what happened, where,
who was there), their relations known at the chapter, the deaths they know of,
and the places and concepts those lead to. The question ranks them (see
relevance.py), among the items the character knows only; the rest follow in a
fixed order. Every tie is broken by the item's place in the story and its id,
and items are added until the token budget is spent, so the same world,
character, chapter and question always give the same context.
"""

from dataclasses import dataclass, field

from django.conf import settings

from lorebase.models import Character, Concept, Location, Relation, Scene

from .knowledge import Knowledge, knowledge_of, latest_chapter
from .relevance import relevance_of

# A long scene text is cut so one scene cannot take the whole budget.
MAX_ITEM_CHARS = 1200
# Rough size of a token; the budget only needs to be proportional, not exact.
CHARS_PER_TOKEN = 4
LATER_ORDER = {"death": 0, "relation": 1, "scene": 2, "location": 3, "concept": 4}
# How a death reads in the lore, per language; names are never inflected.
DEATH_PHRASES = {
    "en": {
        "title": "The death of {victim}",
        "killed": "{victim} was killed by {killer}",
        "by_me": "I killed {victim}",
        "died": "{victim} died",
        "scene": " in “{scene}”",
        "chapter": ", chapter {chapter}",
    },
    "ru": {
        "title": "Смерть: {victim}",
        "killed": "{victim} — убийца: {killer}",
        "by_me": "{victim} — от моей руки",
        "died": "{victim} — смерть",
        "scene": ", сцена «{scene}»",
        "chapter": ", глава {chapter}",
    },
}


@dataclass(frozen=True)
class Item:
    """One thing the character knows, citable by its public id."""

    id: str
    type: str
    title: str
    text: str
    chapter: int | None = None
    details: dict = field(default_factory=dict)
    links: tuple[str, ...] = ()  # entities it connects the character to
    story: tuple = ()  # position in the story, for a deterministic order
    cites: tuple[str, ...] = ()  # what to cite for it instead of itself (a death: its scene)

    def as_dict(self) -> dict:
        data = {"id": self.id, "type": self.type, "title": self.title, "chapter": self.chapter}
        return data | self.details | {"text": self.text}

    @property
    def tokens(self) -> int:
        size = len(self.text) + len(self.title) + sum(len(str(v)) for v in self.details.values())
        return size // CHARS_PER_TOKEN + 8


@dataclass
class Context:
    character: Character
    as_of: int
    items: list[Item]
    relevance: dict[str, float]
    mentioned: list[str]  # names the question used for entities the character knows
    unknown_mentions: int  # entities the question names that the character does not know
    nodes: list[dict]
    edges: list[dict]

    @property
    def ids(self) -> set[str]:
        return {item.id for item in self.items}

    @property
    def tokens(self) -> int:
        return sum(item.tokens for item in self.items)

    def item(self, uid: str) -> Item | None:
        return next((item for item in self.items if item.id == uid), None)

    def relevant(self) -> list[Item]:
        """Items the question matched, best first (the profile only when asked about)."""
        found = [item for item in self.items if self.relevance.get(item.id)]
        return sorted(found, key=lambda item: rank_key(item, self.relevance))


def rank_key(item: Item, relevance: dict[str, float]) -> tuple:
    """Matched items first, best first; ties (and the rest) by type, then story and id."""
    story = (LATER_ORDER.get(item.type, -1), item.story)
    return (0, -relevance[item.id], *story) if item.id in relevance else (1, 0.0, *story)


def build_context(
    *, character: Character, question: str, as_of: int | None, budget: int | None = None
) -> Context:
    as_of = latest_chapter(character) if as_of is None else as_of
    knowledge = knowledge_of(character, as_of)
    items = _items(knowledge)
    ranked = relevance_of(character=character, question=question, as_of=as_of, items=items)
    relevance = ranked.scores
    profile, rest = items[0], items[1:]
    rest.sort(key=lambda item: rank_key(item, relevance))
    chosen, spent = [profile], profile.tokens
    for item in rest:
        if spent + item.tokens <= (budget or settings.LLM_CONTEXT_TOKENS):
            chosen.append(item)
            spent += item.tokens
    nodes, edges = _graph(knowledge, chosen)
    return Context(
        character, as_of, chosen, relevance, ranked.mentioned, ranked.unknown, nodes, edges
    )


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_ITEM_CHARS else text[: MAX_ITEM_CHARS - 1] + "…"


def _items(knowledge: Knowledge) -> list[Item]:
    character = knowledge.character
    return [
        _profile(character, knowledge.as_of),
        *(_scene(scene, knowledge.cast.get(scene.pk, [])) for scene in knowledge.scenes),
        *(_relation(relation, character) for relation in knowledge.relations),
        *(_death(victim, character) for victim in knowledge.deaths),
        *(_location(place) for place in knowledge.locations),
        *(_concept(concept) for concept in knowledge.concepts),
    ]


def _profile(character: Character, as_of: int) -> Item:
    details = {"aliases": list(character.aliases)}
    # A status that changes in a later chapter is a spoiler, even to the character.
    changed = character.status_chapter
    if changed is None or changed.number <= as_of:
        details["status"] = character.status
    parts = [character.description, character.persona]
    if character.speech_style:
        parts.append(f"Speech: {character.speech_style}")
    text = _cut(" ".join(p for p in parts if p))
    return Item(str(character.public_id), "character", character.name, text, None, details)


def _scene(scene: Scene, cast: list[tuple[str, str, str]]) -> Item:
    details: dict = {"with": [f"{name} ({role})" for _uid, name, role in cast]}
    links = [uid for uid, _name, _role in cast]
    if scene.location:
        details["location"] = scene.location.name
        links.append(str(scene.location.public_id))
    number = scene.chapter.number
    return Item(
        str(scene.public_id),
        "scene",
        scene.title,
        _cut(" ".join(p for p in (scene.summary, scene.text) if p)),
        number,
        details,
        tuple(links),
        # Latest first among the rest: recent memories matter most to a character.
        (-number, -scene.order, str(scene.public_id)),
    )


def _relation(relation: Relation, character: Character) -> Item:
    source, target = relation.source, relation.target
    other = target if source == character else source
    details = {
        "kind": relation.kind,
        "source": source.name,
        "target": target.name,
        "valid_from": relation.valid_from.number if relation.valid_from else None,
        "valid_to": relation.valid_to.number if relation.valid_to else None,
    }
    title = f"{source.name} {relation.get_kind_display()} {target.name}"
    return Item(
        str(relation.public_id),
        "relation",
        title,
        _cut(relation.description),
        details["valid_from"],
        details,
        (str(other.public_id),),
        (relation.kind, str(relation.public_id)),
    )


def death_sentence(details: dict, language: str, by_me: bool = False) -> str:
    """“Aldric was killed by Ser Aldric in “The Weir”, chapter 3: held under the water.”"""
    phrases = DEATH_PHRASES.get(language, DEATH_PHRASES["en"])
    key = "by_me" if by_me else "killed" if details["killer"] else "died"
    parts = [phrases[key].format(victim=details["victim"], killer=details["killer"])]
    if details["scene"]:
        parts.append(phrases["scene"].format(scene=details["scene"]))
    if details["chapter"]:
        parts.append(phrases["chapter"].format(chapter=details["chapter"]))
    if details["cause"]:
        parts.append(f": {details['cause']}")
    return "".join(parts) + "."


def _death(victim: Character, character: Character) -> Item:
    """A death the character knows of; its citation is the scene of the death."""
    killer, scene, chapter = victim.killed_by, victim.death_scene, victim.status_chapter
    details = {
        "victim": victim.name,
        "killer": killer.name if killer else None,
        "scene": scene.title if scene else None,
        "chapter": chapter.number if chapter else None,
        "cause": " ".join(victim.death_cause.split()),
    }
    language = character.world.language
    uid = str(victim.public_id)
    return Item(
        uid,
        "death",
        DEATH_PHRASES.get(language, DEATH_PHRASES["en"])["title"].format(victim=victim.name),
        _cut(death_sentence(details, language)),
        details["chapter"],
        details,
        tuple(str(end.public_id) for end in (victim, killer) if end),
        (-(details["chapter"] or 0), victim.name, uid),
        (str(scene.public_id),) if scene else (),
    )


def _location(place: Location) -> Item:
    details = {"kind": place.kind, "part_of": place.parent.name if place.parent else None}
    links = (str(place.parent.public_id),) if place.parent else ()
    story = (place.name, str(place.public_id))
    uid = str(place.public_id)
    return Item(uid, "location", place.name, _cut(place.description), None, details, links, story)


def _concept(concept: Concept) -> Item:
    details = {"kind": concept.kind}
    story = (concept.name, str(concept.public_id))
    uid = str(concept.public_id)
    return Item(uid, "concept", concept.name, _cut(concept.description), None, details, (), story)


def _graph(knowledge: Knowledge, items: list[Item]) -> tuple[list[dict], list[dict]]:
    """The chosen items as a small graph: nodes by id, edges as in the graph mirror."""
    me = str(knowledge.character.public_id)
    nodes = {item.id: {"id": item.id, "type": item.type, "title": item.title} for item in items}
    edges: list[dict] = []
    chosen = set(nodes)
    for scene in knowledge.scenes:
        uid = str(scene.public_id)
        if uid not in chosen:
            continue
        edges.append({"source": uid, "target": me, "type": "FEATURES"})
        for other, name, role in knowledge.cast.get(scene.pk, []):
            nodes.setdefault(other, {"id": other, "type": "character", "title": name})
            edges.append({"source": uid, "target": other, "type": "FEATURES", "role": role})
        if scene.location and str(scene.location.public_id) in chosen:
            edges.append(
                {"source": uid, "target": str(scene.location.public_id), "type": "TAKES_PLACE_IN"}
            )
    for victim in knowledge.deaths:
        uid = str(victim.public_id)
        if uid not in chosen:
            continue
        # The death is drawn as its victim, with an edge to the killer as in the mirror.
        nodes[uid] = {"id": uid, "type": "character", "title": victim.name}
        if victim.killed_by:
            killer = str(victim.killed_by.public_id)
            nodes.setdefault(
                killer, {"id": killer, "type": "character", "title": victim.killed_by.name}
            )
            scene = victim.death_scene and str(victim.death_scene.public_id)
            edges.append({"source": uid, "target": killer, "type": "KILLED_BY", "scene": scene})
    for place in knowledge.locations:
        parent = place.parent and str(place.parent.public_id)
        if str(place.public_id) in chosen and parent in chosen:
            edges.append({"source": str(place.public_id), "target": parent, "type": "PART_OF"})
    for relation in knowledge.relations:
        if str(relation.public_id) not in chosen:
            continue
        ends = [relation.source, relation.target]
        for end, type_name in zip(ends, (relation.source_type, relation.target_type), strict=True):
            uid = str(end.public_id)
            nodes.setdefault(uid, {"id": uid, "type": type_name, "title": end.name})
        edges.append(
            {
                "source": str(ends[0].public_id),
                "target": str(ends[1].public_id),
                "type": relation.kind,
                "id": str(relation.public_id),
            }
        )
    return sorted(nodes.values(), key=lambda n: (n["type"], n["title"], n["id"])), edges
