"""The context of one answer: the character's knowledge as items, ranked for the question.

Items are the character's profile, the scenes they were in (what happened, where,
who was there), their relations valid at the chapter, and the places and
concepts those lead to. The question ranks them: full-text hits (search.text)
and the entities it names (search.questions) come first, restricted to the
items the character knows; the rest follow in a fixed order. Items are added
until the token budget is spent, so the same world, character, chapter and
question always give the same context.
"""

from dataclasses import dataclass, field

from django.conf import settings

from lorebase.models import Character, Concept, Location, Relation, Scene
from search.questions import recognise
from search.text import FIELDS, analyse, config_for, ranked_hits

from .knowledge import Knowledge, knowledge_of, latest_chapter

# A long scene text is cut so one scene cannot take the whole budget.
MAX_ITEM_CHARS = 1200
# Rough size of a token; the budget only needs to be proportional, not exact.
CHARS_PER_TOKEN = 4
SEARCH_HITS = 200
LATER_ORDER = {"relation": 0, "scene": 1, "location": 2, "concept": 3}


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
        return sorted(
            found, key=lambda i: (-self.relevance[i.id], LATER_ORDER.get(i.type, -1), i.story)
        )


def build_context(
    *, character: Character, question: str, as_of: int | None, budget: int | None = None
) -> Context:
    as_of = latest_chapter(character) if as_of is None else as_of
    knowledge = knowledge_of(character, as_of)
    items = _items(knowledge)
    known = {item.id for item in items} | {uid for item in items for uid in item.links}
    relevance, mentioned, unknown = _relevance(character, question, as_of, items, known)
    profile, rest = items[0], items[1:]
    rest.sort(
        key=lambda item: (
            (0, -relevance[item.id], LATER_ORDER[item.type], item.story)
            if item.id in relevance
            else (1, LATER_ORDER[item.type], item.story)
        )
    )
    chosen, spent = [profile], profile.tokens
    for item in rest:
        if spent + item.tokens <= (budget or settings.LLM_CONTEXT_TOKENS):
            chosen.append(item)
            spent += item.tokens
    nodes, edges = _graph(knowledge, chosen)
    return Context(character, as_of, chosen, relevance, mentioned, unknown, nodes, edges)


def _relevance(
    character: Character, question: str, as_of: int, items: list[Item], known: set[str]
) -> tuple[dict[str, float], list[str], int]:
    world = character.world
    words = analyse(question, config_for(world))
    by_id = {item.id: item for item in items}
    relevance: dict[str, float] = {}
    # Ranked among what the character knows: the rest of the world is never read.
    for hit in ranked_hits(
        world=world, words=words, as_of=as_of, types=set(FIELDS), limit=SEARCH_HITS, among=by_id
    ):
        relevance[hit.id] = relevance.get(hit.id, 0.0) + hit.score
    me = str(character.public_id)
    mentioned, unknown = [], 0
    for mention in recognise(world, words):
        # Of several entities with one name, the character can only mean one they know.
        uids = [e.id for e in mention.candidates if e.id == me or e.id in known]
        if len(uids) > 1:
            continue  # still ambiguous: boosting one would be a guess
        uid = uids[0] if uids else mention.entity.id
        if uid == me:
            relevance[me] = relevance.get(me, 0.0) + 1.0
            continue
        if uid not in known:
            unknown += 1  # named in the question, but nothing the character could know
            continue
        mentioned.append(next(e.name for e in mention.candidates if e.id == uid))
        for item in items:
            # What happened with it outranks what it is: "who did you find on Pier
            # Nine" asks for the scene there before the description of the pier.
            weight = 0.5 if uid == item.id else 1.0 if uid in item.links else 0.0
            if weight:
                relevance[item.id] = relevance.get(item.id, 0.0) + weight * mention.score
    return relevance, mentioned, unknown


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_ITEM_CHARS else text[: MAX_ITEM_CHARS - 1] + "…"


def _items(knowledge: Knowledge) -> list[Item]:
    character = knowledge.character
    return [
        _profile(character, knowledge.as_of),
        *(_scene(scene, knowledge.cast.get(scene.pk, [])) for scene in knowledge.scenes),
        *(_relation(relation, character) for relation in knowledge.relations),
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
