"""Lore consistency rules: one plain function per rule, each over one world.

Each rule reads with a few set-based queries (nothing per entity, nothing
quadratic in Python) and returns its findings in a fixed order, so the same
world always gives the same report.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NamedTuple

from django.conf import settings
from django.db import connection, transaction
from django.db.backends.utils import CursorWrapper
from django.db.models import Exists, F, OuterRef, Q

from lorebase.catalogue import ENDPOINT_TYPES, EntityType, models_of
from lorebase.models import (
    Character,
    Location,
    Relation,
    RelationKind,
    Scene,
    SceneParticipant,
    World,
)
from lorebase.selectors import entity_queryset

ERROR, WARNING = "error", "warning"  # error: the lore cannot be true; warning: it may be wrong
# Above any chapter number (a PositiveSmallIntegerField): an open end of a span.
OPEN_END = 32768
# Roles of someone who is in a scene; being mentioned is not being there.
TAKING_PART = (SceneParticipant.Role.PRESENT, SceneParticipant.Role.SPEAKER)


# What a finding may point at, by the type names the API and the admin use.
ENTITY_MODELS = models_of((*ENDPOINT_TYPES, EntityType.SCENE, EntityType.RELATION))


class EntityRef(NamedTuple):
    type: str  # a key of ENTITY_MODELS
    public_id: str
    name: str


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    message: str
    entities: tuple[EntityRef, ...]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    title: str

    def finding(self, message: str, *entities: EntityRef) -> Finding:
        return Finding(self.id, self.severity, message, entities)


DEAD_IN_SCENE = Rule("dead_character_in_scene", ERROR, "Dead characters in later scenes")
DEAD_KILLER = Rule("killer_dead_before_the_death", ERROR, "Killers who were already dead")
MOVED_DEATH_SCENE = Rule(
    "death_scene_in_another_chapter", ERROR, "Deaths whose scene moved to another chapter"
)
ABSENT_KILLER = Rule(
    "killer_not_in_death_scene", WARNING, "Killers who do not take part in the death scene"
)
BARE_SCENE = Rule(
    "scene_without_location_or_participants", WARNING, "Scenes without location or participants"
)
LOCATION_CYCLE = Rule("location_cycle", ERROR, "Places inside each other")
REVERSED_SPAN = Rule("reversed_relation_span", ERROR, "Relations that end before they start")
ALLY_AND_ENEMY = Rule("ally_and_enemy", ERROR, "Allies and enemies at the same time")
SIMILAR_NAMES = Rule("near_duplicate_name", WARNING, "Names so alike they may be one entity")


def _ref(type_name: str, entity: object, name: str | None = None) -> EntityRef:
    return EntityRef(type_name, str(entity.public_id), name if name is not None else entity.name)


def _relation_refs(relation: Relation) -> tuple[EntityRef, ...]:
    return (
        _ref("relation", relation, str(relation)),
        _ref(relation.source_type, relation.source),
        _ref(relation.target_type, relation.target),
    )


def _by_names(findings: list[Finding]) -> list[Finding]:
    """In the order of the names involved (ids only break ties), as an editor reads them."""
    return sorted(
        findings, key=lambda f: [(ref.name, ref.type, ref.public_id) for ref in f.entities]
    )


@contextmanager
def _cursor_with(**planner: str) -> Iterator[CursorWrapper]:
    """A cursor in a transaction with these settings, which end with it (SET LOCAL).

    The self-joins below pin their plan: right after a bulk write (a generated or
    imported world) the planner's statistics still count the world as a few rows,
    and it would compare every row with every other one, for minutes at 100k entities.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        for name, value in planner.items():
            cursor.execute("SELECT set_config(%s, %s, true)", [name, value])
        yield cursor


def _chapters(start: int | None, end: int | None) -> str:
    """A span of chapters in words; None is an open end."""
    if start is None and end is None:
        return "in every chapter"
    if end is None:
        return f"from chapter {start} on"
    if start is None:
        return f"up to chapter {end}"
    return f"in chapter {start}" if start == end else f"in chapters {start}–{end}"


def dead_characters_in_later_scenes(world: World) -> list[Finding]:
    """A dead character present or speaking in a scene of a chapter after their death.

    Being mentioned is allowed: the dead may be remembered. A character who dies
    in a chapter may still appear in that chapter (before the death), and one
    marked dead without a chapter cannot be checked.
    """
    rows = (
        SceneParticipant.objects.filter(
            character__world=world,
            character__status=Character.Status.DEAD,
            role__in=TAKING_PART,
            scene__chapter__number__gt=F("character__status_chapter__number"),
        )
        .order_by(
            "character__name", "character__public_id", "scene__chapter__number", "scene__order"
        )
        .values_list(
            "character__public_id",
            "character__name",
            "character__status_chapter__number",
            "scene__public_id",
            "scene__title",
            "scene__chapter__number",
            "role",
        )
    )
    findings = []
    for character_id, name, died, scene_id, title, chapter, role in rows:
        verb = "speaks" if role == SceneParticipant.Role.SPEAKER else "is present"
        findings.append(
            DEAD_IN_SCENE.finding(
                f"{name} died in chapter {died} but {verb} in “{title}” (chapter {chapter}).",
                EntityRef("character", str(character_id), name),
                EntityRef("scene", str(scene_id), title),
            )
        )
    return findings


def killers_dead_before_the_death(world: World) -> list[Finding]:
    """A killer marked dead in a chapter before the victim's chapter of death.

    Dying in the same chapter is fine (two who kill each other in chapter 5), and
    a death without a chapter cannot be checked.
    """
    rows = (
        Character.objects.filter(
            world=world,
            status=Character.Status.DEAD,
            killed_by__status=Character.Status.DEAD,
            killed_by__status_chapter__number__lt=F("status_chapter__number"),
        )
        .order_by("name", "public_id")
        .values_list(
            "public_id",
            "name",
            "status_chapter__number",
            "killed_by__public_id",
            "killed_by__name",
            "killed_by__status_chapter__number",
        )
    )
    return [
        DEAD_KILLER.finding(
            f"{killer} died in chapter {killer_died} but killed {victim} in chapter {died}.",
            EntityRef("character", str(victim_id), victim),
            EntityRef("character", str(killer_id), killer),
        )
        for victim_id, victim, died, killer_id, killer, killer_died in rows
    ]


def death_scenes_in_another_chapter(world: World) -> list[Finding]:
    """A death scene outside the chapter of death.

    Saving a character refuses this, but moving the scene to another chapter later
    changes only the scene, so the disagreement is found here.
    """
    rows = (
        Character.objects.filter(world=world, death_scene__isnull=False)
        .exclude(status_chapter=F("death_scene__chapter"))
        .order_by("name", "public_id")
        .values_list(
            "public_id",
            "name",
            "status_chapter__number",
            "death_scene__public_id",
            "death_scene__title",
            "death_scene__chapter__number",
        )
    )
    return [
        MOVED_DEATH_SCENE.finding(
            f"{victim} died in chapter {died or '(none)'}, but their death scene “{title}” "
            f"is in chapter {scene_chapter}.",
            EntityRef("character", str(victim_id), victim),
            EntityRef("scene", str(scene_id), title),
        )
        for victim_id, victim, died, scene_id, title, scene_chapter in rows
    ]


def killers_not_in_the_death_scene(world: World) -> list[Finding]:
    """A death with a killer and a scene, the killer neither present nor speaking in it."""
    rows = (
        Character.objects.filter(world=world, killed_by__isnull=False, death_scene__isnull=False)
        .annotate(
            killer_there=Exists(
                SceneParticipant.objects.filter(
                    scene=OuterRef("death_scene"),
                    character=OuterRef("killed_by"),
                    role__in=TAKING_PART,
                )
            )
        )
        .filter(killer_there=False)
        .order_by("name", "public_id")
        .values_list(
            "public_id",
            "name",
            "killed_by__public_id",
            "killed_by__name",
            "death_scene__public_id",
            "death_scene__title",
        )
    )
    return [
        ABSENT_KILLER.finding(
            f"{killer} killed {victim} in “{title}” but is neither present nor speaking there.",
            EntityRef("character", str(victim_id), victim),
            EntityRef("character", str(killer_id), killer),
            EntityRef("scene", str(scene_id), title),
        )
        for victim_id, victim, killer_id, killer, scene_id, title in rows
    ]


def scenes_without_location_or_participants(world: World) -> list[Finding]:
    """A scene with no location, or with no participant at all (of any role)."""
    rows = (
        Scene.objects.filter(world=world)
        .annotate(has_cast=Exists(SceneParticipant.objects.filter(scene=OuterRef("pk"))))
        .filter(Q(location__isnull=True) | Q(has_cast=False))
        .order_by("chapter__number", "order", "public_id")
        .values_list("public_id", "title", "chapter__number", "location_id", "has_cast")
    )
    findings = []
    for scene_id, title, chapter, location_id, has_cast in rows:
        missing = [
            *(["no location"] if location_id is None else []),
            *(["no participants"] if not has_cast else []),
        ]
        findings.append(
            BARE_SCENE.finding(
                f"“{title}” (chapter {chapter}) has {' and '.join(missing)}.",
                EntityRef("scene", str(scene_id), title),
            )
        )
    return findings


def location_cycles(world: World) -> list[Finding]:
    """Places that end up inside themselves through their parents.

    Saving a location refuses this (Location.clean), but bulk writes and raw
    imports do not run that validation.
    """
    parents = dict(
        Location.objects.filter(world=world, parent__isnull=False).values_list("pk", "parent_id")
    )
    cycles = parent_cycles(parents)
    places = Location.objects.filter(pk__in=[pk for cycle in cycles for pk in cycle])
    refs = {place.pk: _ref("location", place) for place in places.only("public_id", "name")}
    findings = []
    for cycle in cycles:
        ring = [refs[pk] for pk in cycle]
        first = ring.index(min(ring, key=lambda ref: (ref.name, ref.public_id)))
        ring = ring[first:] + ring[:first]  # the same cycle always starts at the same place
        path = " → ".join(ref.name for ref in [*ring, ring[0]])
        findings.append(LOCATION_CYCLE.finding(f"Each is part of the next: {path}.", *ring))
    return _by_names(findings)


def parent_cycles(parents: dict[int, int]) -> list[list[int]]:
    """The cycles of a child → parent map, each from some member up; one walk, linear."""
    walk_of: dict[int, int] = {}  # node → the walk that first reached it
    cycles = []
    for walk, node in enumerate(parents):
        while node in parents and node not in walk_of:
            walk_of[node] = walk
            node = parents[node]
        if walk_of.get(node) == walk:  # this walk came back to itself: `node` is on a cycle
            cycle, place = [node], parents[node]
            while place != node:
                cycle.append(place)
                place = parents[place]
            cycles.append(cycle)
    return cycles


def reversed_relation_spans(world: World) -> list[Finding]:
    """A relation whose last chapter comes before its first."""
    relations = (
        entity_queryset(model=Relation, world=world)
        .filter(valid_to__number__lt=F("valid_from__number"))
        .order_by("valid_from__number", "valid_to__number", "public_id")
    )
    return [
        REVERSED_SPAN.finding(
            f"“{relation}” ends in chapter {relation.valid_to.number} before it starts "
            f"in chapter {relation.valid_from.number}.",
            *_relation_refs(relation),
        )
        for relation in relations
    ]


def _endpoint_key(side: str) -> str:
    """SQL naming the entity at one end of a relation as 'type:pk'."""
    cases = " ".join(
        f"WHEN r.{side}_{t}_id IS NOT NULL THEN '{t}:' || r.{side}_{t}_id" for t in ENDPOINT_TYPES
    )
    return f"CASE {cases} END"


# ALLY_OF and ENEMY_OF rows with the pair they link as one key, whatever the direction,
# and their spans as chapter numbers (open ends widened to 0 and OPEN_END).
_ALLY_AND_ENEMY_SQL = f"""
WITH spans AS (
    SELECT r.id, r.kind,
        {_endpoint_key("source")} AS source_key,
        {_endpoint_key("target")} AS target_key,
        coalesce(since.number, 0) AS since, coalesce(until.number, {OPEN_END}) AS until
    FROM lorebase_relation r
    LEFT JOIN lorebase_chapter since ON since.id = r.valid_from_id
    LEFT JOIN lorebase_chapter until ON until.id = r.valid_to_id
    WHERE r.world_id = %(world)s AND r.kind IN (%(ally)s, %(enemy)s)
), pairs AS (
    SELECT *, least(source_key, target_key) AS low, greatest(source_key, target_key) AS high
    FROM spans
    WHERE since <= until  -- a reversed span holds in no chapter; reversed_relation_spans has it
)
SELECT ally.id, enemy.id,
    nullif(greatest(ally.since, enemy.since), 0), nullif(least(ally.until, enemy.until), {OPEN_END})
FROM pairs ally JOIN pairs enemy ON enemy.low = ally.low AND enemy.high = ally.high
WHERE ally.kind = %(ally)s AND enemy.kind = %(enemy)s
    AND ally.since <= enemy.until AND enemy.since <= ally.until
"""


def allies_and_enemies_at_once(world: World) -> list[Finding]:
    """ALLY_OF and ENEMY_OF between the same two entities (either way) in overlapping spans."""
    with _cursor_with(enable_nestloop="off") as cursor:  # a hash join on the pair
        cursor.execute(
            _ALLY_AND_ENEMY_SQL,
            {"world": world.pk, "ally": RelationKind.ALLY_OF, "enemy": RelationKind.ENEMY_OF},
        )
        rows = cursor.fetchall()
    relations = entity_queryset(model=Relation, world=world).in_bulk(
        [pk for ally_id, enemy_id, *_ in rows for pk in (ally_id, enemy_id)]
    )
    findings = []
    for ally_id, enemy_id, since, until in rows:
        ally, enemy = relations[ally_id], relations[enemy_id]
        ally_ref, source, target = _relation_refs(ally)
        findings.append(
            ALLY_AND_ENEMY.finding(
                f"{ally.source} and {ally.target} are allies ({_span(ally)}) and enemies "
                f"({_span(enemy)}): both {_chapters(since, until)}.",
                source,
                target,
                ally_ref,
                _ref("relation", enemy, str(enemy)),
            )
        )
    return _by_names(findings)


def _span(relation: Relation) -> str:
    since, until = relation.valid_from, relation.valid_to
    return _chapters(since.number if since else None, until.number if until else None)


# Each of the world's names probes the trigram index on its table's name (see the
# migration) rather than being compared with every other name. To keep that plan,
# `IS NOT DISTINCT FROM` stops the planner from deriving `b.world_id = <id>` (which
# it would answer from the world_id index, then compare all pairs), and without
# sequential scans the index is the only way left to reach `b`.
SIMILAR_NAMES_PLAN = {"enable_seqscan": "off"}


def similar_names_sql(table: str) -> str:
    """Pairs of alike names in one table and world (the world's pk is the parameter)."""
    return (
        f"SELECT a.public_id, a.name, b.public_id, b.name, similarity(a.name, b.name) "
        f"FROM {table} a JOIN {table} b ON a.name %% b.name "
        "WHERE a.world_id = %s AND b.world_id IS NOT DISTINCT FROM a.world_id "
        "AND (a.name, a.public_id) < (b.name, b.public_id) "
        "ORDER BY a.name, a.public_id, b.name, b.public_id"
    )


def near_duplicate_names(world: World) -> list[Finding]:
    """Two characters, places or concepts whose names are alike (pg_trgm similarity).

    Names of different types are not compared.
    """
    findings = []
    threshold = {"pg_trgm.similarity_threshold": str(settings.CONSISTENCY_NAME_SIMILARITY)}
    with _cursor_with(**SIMILAR_NAMES_PLAN, **threshold) as cursor:
        for type_name, model in models_of(ENDPOINT_TYPES).items():
            cursor.execute(similar_names_sql(model._meta.db_table), [world.pk])
            for one_id, one, other_id, other, score in cursor.fetchall():
                findings.append(
                    SIMILAR_NAMES.finding(
                        f"The {type_name} names “{one}” and “{other}” are {score:.0%} alike: "
                        "one entity written twice?",
                        EntityRef(type_name, str(one_id), one),
                        EntityRef(type_name, str(other_id), other),
                    )
                )
    return findings


Check = Callable[[World], list[Finding]]
CHECKS: dict[str, tuple[Rule, Check]] = {
    rule.id: (rule, check)
    for rule, check in (
        (DEAD_IN_SCENE, dead_characters_in_later_scenes),
        (DEAD_KILLER, killers_dead_before_the_death),
        (MOVED_DEATH_SCENE, death_scenes_in_another_chapter),
        (ABSENT_KILLER, killers_not_in_the_death_scene),
        (BARE_SCENE, scenes_without_location_or_participants),
        (LOCATION_CYCLE, location_cycles),
        (REVERSED_SPAN, reversed_relation_spans),
        (ALLY_AND_ENEMY, allies_and_enemies_at_once),
        (SIMILAR_NAMES, near_duplicate_names),
    )
}
RULES: dict[str, Rule] = {rule_id: rule for rule_id, (rule, _) in CHECKS.items()}
