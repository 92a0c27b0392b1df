"""The timeline page: chapters in order, scenes, relations, deaths; cut by character or place."""

import re

import pytest
from django.urls import reverse

from lorebase.models import RelationKind, WorldRole
from lorebase.timeline import world_timeline
from tests.factories import (
    ChapterFactory,
    CharacterFactory,
    LocationFactory,
    RelationFactory,
    SceneFactory,
    SceneParticipantFactory,
    WorldFactory,
)
from tests.test_admin import _staff_client as staff_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    world = WorldFactory(name="Lantern Harbor", slug="lantern-harbor")
    one, two, three = (
        ChapterFactory(world=world, number=n, title=t)
        for n, t in ((1, "Fog"), (2, "Salt"), (3, "Ash"))
    )
    harbour = LocationFactory(world=world, name="Harbour")
    pier = LocationFactory(world=world, name="Pier 9", parent=harbour)
    tower = LocationFactory(world=world, name="Tower 9")
    anya = CharacterFactory(world=world, name="Anya")
    anya_strand = CharacterFactory(world=world, name="Anya Strand")  # a name inside a name
    kay = CharacterFactory(world=world, name="Kay")
    wren = CharacterFactory(world=world, name="Тобиас Рен")

    def scene(chapter, order, title, place, *cast, summary=""):
        made = SceneFactory(
            world=world, chapter=chapter, order=order, title=title, location=place, summary=summary
        )
        for person in cast:
            SceneParticipantFactory(scene=made, character=person)
        return made

    # Created out of story order on purpose.
    s3 = scene(three, 1, "The lighthouse", tower, anya, kay, wren)
    s1 = scene(one, 2, "Pulled from the fog", pier, anya, kay, summary="Anya finds Kay.\nMore.")
    s0 = scene(one, 1, "Lamps at dusk", harbour, anya_strand)
    s2 = scene(two, 1, "Market", harbour, kay)
    RelationFactory(
        world=world,
        kind=RelationKind.ALLY_OF,
        source_character=anya,
        target_character=kay,
        valid_from=one,
        valid_to=two,
    )
    RelationFactory(
        world=world, kind=RelationKind.KNOWS, source_character=anya, target_character=wren
    )
    wren.status, wren.status_chapter, wren.killed_by, wren.death_scene = "dead", three, kay, s3
    wren.save()
    return locals()


def _titles(lines):
    return {line.chapter.number: [item.scene.title for item in line.scenes] for line in lines}


def test_every_chapter_in_order_with_its_scenes_relations_and_deaths(story):
    lines = world_timeline(world=story["world"])
    assert [line.chapter.number for line in lines] == [1, 2, 3]
    assert _titles(lines) == {
        1: ["Lamps at dusk", "Pulled from the fog"],
        2: ["Market"],
        3: ["The lighthouse"],
    }
    assert lines[0].scenes[1].summary == "Anya finds Kay."
    assert [str(r.kind) for r in lines[0].beginning] == ["ALLY_OF"]
    assert [str(r.kind) for r in lines[1].ending] == ["ALLY_OF"]
    assert [d.name for d in lines[2].deaths] == ["Тобиас Рен"]


def test_a_characters_arc_and_what_they_know_as_of_each_chapter(story):
    lines = world_timeline(world=story["world"], character=story["anya"])
    assert _titles(lines) == {1: ["Pulled from the fog"], 2: [], 3: ["The lighthouse"]}
    known = {line.chapter.number: sorted(str(r.kind) for r in line.known) for line in lines}
    # The alliance holds in chapters 1–2; Wren is known once Anya shares a scene with him.
    assert known == {1: ["ALLY_OF"], 2: ["ALLY_OF"], 3: ["KNOWS"]}
    kay_lines = world_timeline(world=story["world"], character=story["kay"])
    assert [d.name for d in kay_lines[2].deaths] == ["Тобиас Рен"]  # the deaths they cause


def test_a_place_takes_in_the_places_inside_it(story):
    lines = world_timeline(world=story["world"], place=story["harbour"])
    assert _titles(lines) == {1: ["Lamps at dusk", "Pulled from the fog"], 2: ["Market"], 3: []}
    assert not any(line.deaths or line.beginning for line in lines)


def test_the_page_filters_and_links_to_the_admin_pages(story):
    client = staff_client(story["world"], WorldRole.VIEWER)
    page = reverse("admin:lorebase_world_timeline", args=[story["world"].pk])
    answer = client.get(page, {"character": story["kay"].pk})
    text = answer.content.decode()
    assert answer.status_code == 200
    order = [text.index(title) for title in ("Pulled from the fog", "Market", "The lighthouse")]
    assert order == sorted(order) and "Lamps at dusk" not in text
    assert reverse("admin:lorebase_scene_change", args=[story["s2"].pk]) in text
    # Within the CSP: no inline script or style.
    assert not re.search(r"<script(?![^>]*\bsrc=)", text) and "style=" not in text
    other = WorldFactory(slug="ash")
    assert client.get(reverse("admin:lorebase_world_timeline", args=[other.pk])).status_code == 404
