"""CRUD, filters, ordering, pagination and relations over the entity API."""

import pytest
from rest_framework.test import APIClient

from lorebase.models import Relation, Scene, WorldMembership
from tests.api.conftest import url
from tests.factories import (
    ChapterFactory,
    CharacterFactory,
    ConceptFactory,
    LocationFactory,
    RelationFactory,
    SceneFactory,
    SceneParticipantFactory,
    UserFactory,
)
from tests.problems import by_field

pytestmark = pytest.mark.django_db


def test_creating_a_world_makes_the_creator_its_owner():
    client = APIClient()
    user = UserFactory()
    client.force_authenticate(user)
    response = client.post(
        "/api/v1/worlds/", {"name": "Ash", "slug": "ash", "language": "ru"}, format="json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["role"] == "owner"
    assert WorldMembership.objects.get(user=user).role == "owner"


def test_a_session_login_works_too(world, editor):
    client = APIClient()
    client.force_login(editor.user)
    assert client.get(url(world, "characters/")).status_code == 200


@pytest.mark.parametrize(
    ("path", "payload", "change"),
    [
        ("chapters/", {"number": 1, "title": "The Fog Bell"}, {"title": "The Bell"}),
        (
            "locations/",
            {"name": "Old Harbor", "kind": "district", "aliases": ["Docks"]},
            {"description": "Piers and warehouses."},
        ),
        (
            "characters/",
            {"name": "Anya", "aliases": ["Anna"], "persona": "Curious."},
            {"status": "missing"},
        ),
        ("concepts/", {"name": "Lantern Guild", "kind": "faction"}, {"kind": "term"}),
    ],
)
def test_simple_entities_round_trip(editor, world, path, payload, change):
    created = editor.post(url(world, path), payload, format="json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["version"] == 1 and body["id"]
    detail = url(world, f"{path}{body['id']}/")
    assert editor.get(detail).json() == body
    updated = editor.patch(detail, {**change, "version": 1}, format="json")
    assert updated.status_code == 200, updated.content
    assert updated.json()["version"] == 2
    assert all(updated.json()[k] == v for k, v in change.items())
    assert editor.get(url(world, path)).json()["count"] == 1
    assert editor.delete(detail).status_code == 204
    assert editor.get(detail).status_code == 404


def test_a_scene_with_its_cast_in_one_request(editor, world):
    chapter, place = ChapterFactory(world=world), LocationFactory(world=world)
    anya, kay = CharacterFactory(world=world, name="Anya"), CharacterFactory(world=world)
    response = editor.post(
        url(world, "scenes/"),
        {
            "chapter": str(chapter.public_id),
            "order": 1,
            "title": "Under the fog bell",
            "location": str(place.public_id),
            "participants": [
                {"character": str(anya.public_id), "role": "speaker"},
                {"character": str(kay.public_id)},
            ],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    scene = response.json()
    assert scene["version"] == 1
    assert {(p["character"], p["role"]) for p in scene["participants"]} == {
        (str(anya.public_id), "speaker"),
        (str(kay.public_id), "present"),
    }

    recast = editor.patch(
        url(world, f"scenes/{scene['id']}/"),
        {
            "version": 1,
            "participants": [{"character": str(kay.public_id), "role": "mentioned"}],
        },
        format="json",
    )
    assert recast.status_code == 200, recast.content
    assert recast.json()["version"] == 2
    assert recast.json()["participants"] == [{"character": str(kay.public_id), "role": "mentioned"}]


def test_listing_the_same_character_twice_in_a_cast_is_refused(editor, world):
    chapter, kay = ChapterFactory(world=world), CharacterFactory(world=world, name="Kay")
    response = editor.post(
        url(world, "scenes/"),
        {
            "chapter": str(chapter.public_id),
            "order": 1,
            "title": "Twice",
            "participants": [
                {"character": str(kay.public_id)},
                {"character": str(kay.public_id), "role": "speaker"},
            ],
        },
        format="json",
    )
    assert "listed twice: Kay" in str(by_field(response)["participants"])
    assert Scene.objects.count() == 0


def test_relations_are_readable_from_both_ends(editor, world):
    anya, guild = CharacterFactory(world=world, name="Anya"), ConceptFactory(world=world)
    chapter = ChapterFactory(world=world)
    created = editor.post(
        url(world, "relations/"),
        {
            "kind": "MEMBER_OF",
            "description": "Sworn in.",
            "source": {"type": "character", "id": str(anya.public_id)},
            "target": {"type": "concept", "id": str(guild.public_id)},
            "valid_from": str(chapter.public_id),
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["source"] == {
        "type": "character",
        "id": str(anya.public_id),
        "name": "Anya",
    }
    out = editor.get(url(world, f"characters/{anya.public_id}/relations/")).json()["results"]
    into = editor.get(url(world, f"concepts/{guild.public_id}/relations/")).json()["results"]
    assert [(r["kind"], r["direction"]) for r in out] == [("MEMBER_OF", "out")]
    assert [(r["kind"], r["direction"]) for r in into] == [("MEMBER_OF", "in")]
    by_entity = editor.get(url(world, "relations/"), {"entity": str(guild.public_id)})
    assert by_entity.json()["count"] == 1
    assert Relation.objects.get().valid_from == chapter


def test_filters_and_ordering(editor, world):
    first, second = ChapterFactory(world=world, number=1), ChapterFactory(world=world, number=2)
    pier = LocationFactory(world=world, name="Pier", kind="room")
    anya = CharacterFactory(world=world, name="Anya", aliases=["Anna"])
    kay = CharacterFactory(world=world, name="Kay")
    meeting = SceneFactory(world=world, chapter=first, order=1, location=pier, title="Meeting")
    SceneParticipantFactory(scene=meeting, character=anya)
    SceneParticipantFactory(scene=meeting, character=kay)
    alone = SceneFactory(world=world, chapter=second, order=1, title="Alone")
    SceneParticipantFactory(scene=alone, character=kay)

    def names(path, **params):
        results = editor.get(url(world, path), params).json()["results"]
        return [r.get("name") or r.get("title") for r in results]

    assert names("characters/", name="ann") == ["Anya"]
    assert names("characters/", chapter=str(second.public_id)) == ["Kay"]
    assert names("characters/", location=str(pier.public_id)) == ["Anya", "Kay"]
    assert names("scenes/", participant=str(anya.public_id)) == ["Meeting"]
    assert names("scenes/", chapter_number=2) == ["Alone"]
    assert names("scenes/", location=str(pier.public_id)) == ["Meeting"]
    assert names("characters/", ordering="-name") == ["Kay", "Anya"]
    assert names("locations/", kind="room") == ["Pier"]


def test_pagination_is_bounded(editor, world):
    for number in range(1, 6):
        ChapterFactory(world=world, number=number)
    page = editor.get(url(world, "chapters/"), {"page_size": 2}).json()
    assert page["count"] == 5 and len(page["results"]) == 2 and page["next"]
    largest = editor.get(url(world, "chapters/"), {"page_size": 200}).json()
    assert len(largest["results"]) == 5


@pytest.mark.parametrize("size", ["false", "0", "-1", "201", "10000", "2.5", ""])
def test_a_page_size_that_is_not_a_whole_number_from_1_to_200_is_a_400(editor, world, size):
    # DRF used to answer these with its default page size, or clamp them to 200.
    response = editor.get(url(world, "chapters/"), {"page_size": size})
    assert by_field(response) == {"page_size": ["Send a whole number from 1 to 200."]}


def test_ids_and_versions_cannot_be_assigned(editor, world):
    response = editor.post(
        url(world, "concepts/"),
        {
            "name": "Fog",
            "id": "00000000-0000-4000-8000-000000000000",
            "version": 99,
        },
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["id"] != "00000000-0000-4000-8000-000000000000"
    assert response.json()["version"] == 1


def test_a_relation_can_be_retargeted(editor, world):
    relation = RelationFactory(world=world)
    place = LocationFactory(world=world)
    response = editor.patch(
        url(world, f"relations/{relation.public_id}/"),
        {
            "kind": "LIVES_IN",
            "target": {"type": "location", "id": str(place.public_id)},
            "version": 1,
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    relation.refresh_from_db()
    assert relation.target == place and relation.target_character is None
