"""What one character knows at one chapter: read from the graph, confirmed in PostgreSQL.

The graph walk finds the character's neighbourhood (scenes they were in, who
was there, where, their relations valid at the chapter, the places and
concepts those lead to). PostgreSQL then supplies the texts and the places
those places are part of, and every scene and relation is re-checked against
the same rules there: the mirror is eventually consistent, and a lagging graph
must never widen what a character knows.

A relation with no first chapter holds from the start, but a party learns of it
only when they have shared a scene (both present or speaking) with the other
party by the chapter, unless it is marked known from the start (family, an old
oath). With a place or a concept at the other end there is nobody to meet: the
relation is the character's own standing and known from the start. A death is
known to whoever was in the scene of it and to the killer, from its chapter on.
The death record and `known_from_start` are read from PostgreSQL only.
"""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from graph import reads
from graph.reads import VALID_AT, pinned
from lorebase.models import (
    ENDPOINT_FIELDS,
    Chapter,
    Character,
    Concept,
    Location,
    Relation,
    Scene,
    SceneParticipant,
)

# Being mentioned in a scene is not being there (the same rule as the card export).
PRESENT_ROLES = (SceneParticipant.Role.PRESENT, SceneParticipant.Role.SPEAKER)
TIMEOUT = "LLM_GRAPH_TIMEOUT"


@dataclass
class Knowledge:
    """The character's scoped neighbourhood as model rows, in story order."""

    character: Character
    as_of: int
    scenes: list[Scene] = field(default_factory=list)
    cast: dict[int, list[tuple[str, str, str]]] = field(default_factory=dict)  # (uid, name, role)
    relations: list[Relation] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    concepts: list[Concept] = field(default_factory=list)
    deaths: list[Character] = field(default_factory=list)  # the dead, with their killers


def latest_chapter(character: Character) -> int:
    last = Chapter.objects.filter(world_id=character.world_id).order_by("-number").first()
    return last.number if last else 0


def knowledge_of(character: Character, as_of: int) -> Knowledge:
    uid, world = str(character.public_id), str(character.world.public_id)
    params = {"character": uid, "world": world, "as_of": as_of, "roles": list(PRESENT_ROLES)}
    # One statement for the scenes (with their cast) and the relations: each read
    # is a transaction of its own, two round trips that a small character's
    # answer would otherwise spend twice. Relations are the edges with a uid;
    # structural edges (FEATURES) have none.
    rows = reads.read(
        f"MATCH (c:Character {{uid: $character}}) {pinned('c', 'Character')} "
        "WHERE c.world = $world "
        "CALL (c) { MATCH (c)<-[f:FEATURES]-(s:Scene)-[:IN_CHAPTER]->(ch:Chapter) "
        "WHERE f.role IN $roles AND ch.number <= $as_of "
        "OPTIONAL MATCH (s)-[g:FEATURES]->(o:Character) WHERE o.uid <> $character "
        "RETURN collect([s.uid, o.uid, o.name, g.role]) AS cast } "
        "CALL (c) { MATCH (c)-[r]-(o) "
        f"WHERE r.uid IS NOT NULL AND {VALID_AT} RETURN collect(r.uid) AS relations }} "
        "RETURN cast, relations",
        params,
        timeout=TIMEOUT,
    )
    scene_rows, relation_uids = (rows[0][0], rows[0][1]) if rows else ([], [])
    knowledge = Knowledge(character=character, as_of=as_of)
    scene_ids = {row[0] for row in scene_rows}
    knowledge.scenes = list(
        Scene.objects.filter(
            world_id=character.world_id,
            public_id__in=scene_ids,
            chapter__number__lte=as_of,
            participations__character=character,
            participations__role__in=PRESENT_ROLES,
        )
        .select_related("chapter", "location")
        .order_by("chapter__number", "order")
    )
    kept = {str(scene.public_id): scene.pk for scene in knowledge.scenes}
    cast_rows = sorted((row for row in scene_rows if row[1]), key=lambda r: (r[0], r[2], r[1]))
    for scene_uid, other, name, role in cast_rows:
        if scene_uid in kept:
            knowledge.cast.setdefault(kept[scene_uid], []).append((other, name, role))
    # Whom they met: read inside the relations' statement, not as a round trip of its own.
    met = (
        SceneParticipant.objects.filter(scene__in=list(kept.values()), role__in=PRESENT_ROLES)
        .exclude(character=character)
        .values("character_id")
    )
    knowledge.relations = _relations(character, as_of, set(relation_uids), met)
    knowledge.deaths = _deaths(character, as_of, knowledge.scenes)
    knowledge.locations = _places(knowledge)
    concepts = {
        end.pk: end
        for r in knowledge.relations
        for end in (r.source, r.target)
        if isinstance(end, Concept)
    }
    knowledge.concepts = sorted(concepts.values(), key=lambda c: (c.name, str(c.public_id)))
    return knowledge


def _relations(character: Character, as_of: int, uids: set[str], met: QuerySet) -> list[Relation]:
    # Timeless: learnt on meeting the other party, unless known from the start.
    learnt = (
        Q(valid_from__isnull=False)
        | Q(known_from_start=True)
        | Q(source_character=character, target_character__isnull=True)
        | Q(target_character=character, source_character__isnull=True)
        | Q(source_character=character, target_character__in=met)
        | Q(target_character=character, source_character__in=met)
    )
    return list(
        Relation.objects.valid_at(as_of)
        .filter(
            learnt,
            Q(source_character=character) | Q(target_character=character),
            world_id=character.world_id,
            public_id__in=uids,
        )
        .select_related(
            *ENDPOINT_FIELDS,
            "valid_from",
            "valid_to",
        )
        .order_by("kind", "public_id")
    )


def _deaths(character: Character, as_of: int, scenes: list[Scene]) -> list[Character]:
    """Deaths in a scene the character was in, and the ones they caused, up to the chapter.

    Their own death is left out: the profile's status says it.
    """
    by_then = Q(status_chapter__isnull=True) | Q(status_chapter__number__lte=as_of)
    return list(
        Character.objects.filter(
            Q(death_scene__in=scenes) | (Q(killed_by=character) & by_then),
            world_id=character.world_id,
            status=Character.Status.DEAD,
        )
        .exclude(pk=character.pk)
        .select_related("killed_by", "death_scene__chapter", "status_chapter")
        .order_by("status_chapter__number", "death_scene__order", "name", "public_id")
    )


def _places(knowledge: Knowledge) -> list[Location]:
    """Scene places with the places they are part of, and places named by relations."""
    direct = {s.location.public_id for s in knowledge.scenes if s.location}
    direct |= {
        end.public_id
        for r in knowledge.relations
        for end in (r.source, r.target)
        if isinstance(end, Location)
    }
    # The places they are part of come from PostgreSQL, the hierarchy's source of
    # truth, climbed in the statement that reads them (UNION stops at a cycle).
    table = Location._meta.db_table
    climbed = RawSQL(
        f"WITH RECURSIVE up(id, parent_id) AS (SELECT id, parent_id FROM {table} "
        "WHERE world_id = %s AND public_id = ANY(%s::uuid[]) UNION "
        f"SELECT l.id, l.parent_id FROM {table} l JOIN up ON l.id = up.parent_id) "
        "SELECT id FROM up",
        (knowledge.character.world_id, list(direct)),
    )
    places = list(Location.objects.filter(pk__in=climbed).order_by("name", "public_id"))
    # Every parent is among the places climbed: linked here, not joined and built twice.
    by_pk = {place.pk: place for place in places}
    for place in places:
        if place.parent_id is not None:
            place.parent = by_pk[place.parent_id]
    return places
