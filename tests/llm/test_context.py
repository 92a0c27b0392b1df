"""What a character knows: only their scenes up to the chapter, only relations valid then."""

import pytest
from django.db.models import Q
from neomodel import db

from graph.rebuild import world_rebuild
from llm.context import build_context
from lorebase.models import Character, Relation, Scene
from worldgen.generator import generate_world

from .conftest import character

pytestmark = pytest.mark.django_db
EVERYTHING = 10**6  # a budget that keeps every item


def expected(who: Character, as_of: int) -> dict[str, set[str]]:
    """The character's knowledge straight from PostgreSQL, written apart from llm/."""
    scenes = Scene.objects.filter(
        participations__character=who,
        participations__role__in=["present", "speaker"],
        chapter__number__lte=as_of,
    ).select_related("location__parent")
    met = {
        p.character
        for s in scenes
        for p in s.participations.all()
        if p.role in ("present", "speaker") and p.character != who
    }

    def learnt(r: Relation) -> bool:
        other = r.target if r.source == who else r.source
        return (
            bool(r.valid_from or r.known_from_start)
            or not isinstance(other, Character)
            or (other in met)
        )

    relations = [
        r
        for r in Relation.objects.filter(Q(source_character=who) | Q(target_character=who))
        if (r.valid_from is None or r.valid_from.number <= as_of)
        and (r.valid_to is None or r.valid_to.number >= as_of)
        and learnt(r)
    ]
    deaths = [
        c
        for c in Character.objects.filter(world=who.world, status="dead").exclude(pk=who.pk)
        if c.death_scene in scenes
        or (c.killed_by == who and (c.status_chapter is None or c.status_chapter.number <= as_of))
    ]
    places = set()
    for place in [s.location for s in scenes] + [
        end
        for r in relations
        for end in (r.source, r.target)
        if end.__class__.__name__ == "Location"
    ]:
        while place is not None:
            places.add(str(place.public_id))
            place = place.parent
    return {
        "scene": {str(s.public_id) for s in scenes},
        "relation": {str(r.public_id) for r in relations},
        "death": {str(c.public_id) for c in deaths},
        "location": places,
        "concept": {
            str(end.public_id)
            for r in relations
            for end in (r.source, r.target)
            if end.__class__.__name__ == "Concept"
        },
    }


def by_type(context) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {t: set() for t in ("scene", "relation", "death")}
    found |= {"location": set(), "concept": set()}
    for item in context.items[1:]:
        found[item.type].add(item.id)
    return found


def check_every_character(world, chapters: int) -> int:
    checked = 0
    for who in Character.objects.filter(world=world).select_related("world", "status_chapter"):
        for as_of in range(1, chapters + 1):
            context = build_context(
                character=who, question="what happened", as_of=as_of, budget=EVERYTHING
            )
            assert context.items[0].id == str(who.public_id)  # the profile comes first
            assert by_type(context) == expected(who, as_of), (who.name, as_of)
            checked += 1
    return checked


def test_demo_characters_know_exactly_their_scenes_and_relations_per_chapter(demo):
    for world in demo.values():
        assert check_every_character(world, 3) == 30


def test_a_generated_world_is_scoped_the_same_way(graph):
    generated = generate_world(
        seed=11,
        slug="llm-scope",
        chapters=4,
        locations=25,
        characters=12,
        scenes=60,
        concepts=6,
        relations=60,
    )
    world_rebuild(generated.world)
    assert check_every_character(generated.world, 4) == 48


def test_no_scene_after_the_cut_and_none_merely_mentioned(demo):
    kay = character(demo["en"], "Kay")
    context = build_context(character=kay, question="the vault", as_of=1, budget=EVERYTHING)
    titles = {item.title for item in context.items if item.type == "scene"}
    # Kay is only mentioned in the Magistra's Vault, and chapter 2 has not happened yet.
    assert titles == {
        "The Stranger on Pier Nine",
        "Warm Broth and Cold News",
        "The Captain's Inspection",
    }
    assert all(item.chapter in (None, 1) for item in context.items if item.type != "relation")


def test_relations_outside_their_span_are_left_out(demo):
    kay = character(demo["en"], "Kay")
    at = {
        n: {i.title for i in build_context(character=kay, question="x", as_of=n).items}
        for n in (1, 2, 3)
    }
    enemy = "Mira Hollis is an enemy of Kay"  # chapters 1–2
    loves = "Anna Marlowe loves Kay"  # from chapter 2
    assert enemy in at[1] and enemy in at[2] and enemy not in at[3]
    assert loves not in at[1] and loves in at[2] and loves in at[3]


def test_a_later_death_is_not_in_the_profile(demo):
    wren = character(demo["en"], "Tobias Wren")
    before = build_context(character=wren, question="x", as_of=2).items[0]
    after = build_context(character=wren, question="x", as_of=3).items[0]
    assert "status" not in before.details
    assert after.details["status"] == "dead"


def test_a_lagging_graph_cannot_widen_what_a_character_knows(demo):
    kay = character(demo["en"], "Kay")
    stray = Scene.objects.get(world=demo["en"], title="Hollis Breaks Rank")
    # The graph claims Kay spoke in a scene he was never in (as a stale mirror might).
    db.cypher_query(
        "MATCH (s:Scene {uid: $s}), (c:Character {uid: $c}) "
        "CREATE (s)-[:FEATURES {role: 'speaker'}]->(c)",
        {"s": str(stray.public_id), "c": str(kay.public_id)},
    )
    context = build_context(character=kay, question="Hollis breaks rank", as_of=3)
    assert str(stray.public_id) not in context.ids


def test_the_budget_keeps_the_profile_and_the_best_matches_deterministically(demo):
    anya = character(demo["en"], "Anna Marlowe")
    question = "Pier Nine stranger"
    small = build_context(character=anya, question=question, as_of=3, budget=300)
    again = build_context(character=anya, question=question, as_of=3, budget=300)
    full = build_context(character=anya, question=question, as_of=3, budget=EVERYTHING)
    assert [i.id for i in small.items] == [i.id for i in again.items]
    assert small.items[0].id == str(anya.public_id)
    assert len(small.items) < len(full.items)
    assert small.tokens <= 300 or len(small.items) == 1
    assert small.items[1].title in {"The Stranger on Pier Nine", "Morning on Pier Nine"}
    node_ids = {node["id"] for node in small.nodes}
    assert {item.id for item in small.items if item.type != "relation"} <= node_ids
