"""Each validation rule answers 400 naming the field, and writes nothing."""

import uuid

import pytest
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.generators import SchemaGenerator

from lorebase.api.exceptions import validation_error_from_django
from lorebase.models import Location, Relation, Scene
from tests.api.conftest import url
from tests.factories import (
    ChapterFactory,
    CharacterFactory,
    ConceptFactory,
    LocationFactory,
)
from tests.problems import by_field, problem

pytestmark = pytest.mark.django_db


def _assert_rejected(response, field: str, reason: str) -> None:
    assert field in by_field(response), response.json()
    assert reason in " ".join(by_field(response)[field]), response.json()


def test_a_reference_to_another_worlds_location_is_refused(editor, world, other_world):
    chapter = ChapterFactory(world=world)
    foreign = LocationFactory(world=other_world)
    response = editor.post(
        url(world, "scenes/"),
        {
            "chapter": str(chapter.public_id),
            "order": 1,
            "title": "Crossing over",
            "location": str(foreign.public_id),
        },
        format="json",
    )
    _assert_rejected(response, "location", "no location with id")
    assert Scene.objects.count() == 0


def test_a_participant_from_another_world_is_refused(editor, world, other_world):
    chapter = ChapterFactory(world=world)
    stranger = CharacterFactory(world=other_world)
    response = editor.post(
        url(world, "scenes/"),
        {
            "chapter": str(chapter.public_id),
            "order": 1,
            "title": "A stranger",
            "participants": [{"character": str(stranger.public_id), "role": "speaker"}],
        },
        format="json",
    )
    assert "participants.0.character" in by_field(response)
    assert Scene.objects.count() == 0


def test_a_relation_kind_that_does_not_fit_the_pair_is_refused(editor, world):
    anya, kay = CharacterFactory(world=world), CharacterFactory(world=world)
    response = editor.post(
        url(world, "relations/"),
        {
            "kind": "LIVES_IN",
            "source": {"type": "character", "id": str(anya.public_id)},
            "target": {"type": "character", "id": str(kay.public_id)},
        },
        format="json",
    )
    _assert_rejected(response, "kind", "cannot link a character to a character")
    assert Relation.objects.count() == 0


def test_a_relation_to_another_worlds_entity_is_refused(editor, world, other_world):
    anya, guild = CharacterFactory(world=world), ConceptFactory(world=other_world)
    response = editor.post(
        url(world, "relations/"),
        {
            "kind": "MEMBER_OF",
            "source": {"type": "character", "id": str(anya.public_id)},
            "target": {"type": "concept", "id": str(guild.public_id)},
        },
        format="json",
    )
    _assert_rejected(response, "target", "no concept with id")
    assert Relation.objects.count() == 0


def test_a_relation_of_an_entity_to_itself_is_refused(editor, world):
    anya = CharacterFactory(world=world)
    end = {"type": "character", "id": str(anya.public_id)}
    response = editor.post(
        url(world, "relations/"), {"kind": "KNOWS", "source": end, "target": end}, format="json"
    )
    _assert_rejected(response, "target", "two different entities")
    assert Relation.objects.count() == 0


def test_a_location_cycle_is_refused_and_nothing_changes(editor, world):
    region = LocationFactory(world=world, name="Coast")
    city = LocationFactory(world=world, name="Harbor", parent=region)
    pier = LocationFactory(world=world, name="Pier", parent=city)
    response = editor.patch(
        url(world, f"locations/{region.public_id}/"),
        {
            "parent": str(pier.public_id),
            "version": region.version,
        },
        format="json",
    )
    _assert_rejected(response, "parent", "cannot be inside itself")
    region.refresh_from_db()
    assert region.parent is None and region.version == 1


def test_a_validity_span_that_ends_before_it_starts_is_refused(editor, world):
    first, third = ChapterFactory(world=world, number=1), ChapterFactory(world=world, number=3)
    anya, kay = CharacterFactory(world=world), CharacterFactory(world=world)
    response = editor.post(
        url(world, "relations/"),
        {
            "kind": "ALLY_OF",
            "source": {"type": "character", "id": str(anya.public_id)},
            "target": {"type": "character", "id": str(kay.public_id)},
            "valid_from": str(third.public_id),
            "valid_to": str(first.public_id),
        },
        format="json",
    )
    _assert_rejected(response, "valid_to", "cannot end in chapter 1 before it starts")
    assert Relation.objects.count() == 0


def test_an_unknown_chapter_is_refused(editor, world):
    response = editor.post(
        url(world, "scenes/"),
        {
            "chapter": str(uuid.uuid4()),
            "order": 1,
            "title": "Nowhere",
        },
        format="json",
    )
    _assert_rejected(response, "chapter", "no chapter with id")
    assert Scene.objects.count() == 0


def test_a_malformed_reference_names_the_field(editor, world):
    response = editor.post(
        url(world, "characters/"),
        {
            "name": "Kay",
            "status_chapter": "chapter-one",
        },
        format="json",
    )
    _assert_rejected(response, "status_chapter", "Send the id (a UUID)")


def test_a_malformed_relation_end_names_the_field(editor, world):
    response = editor.post(
        url(world, "relations/"),
        {
            "kind": "KNOWS",
            "source": "Anya",
            "target": {"type": "dragon", "id": "x"},
        },
        format="json",
    )
    assert {"source", "target"} <= by_field(response).keys()


def test_a_duplicate_chapter_number_names_the_number(editor, world):
    ChapterFactory(world=world, number=1)
    response = editor.post(url(world, "chapters/"), {"number": 1, "title": "Again"}, format="json")
    assert "number" in by_field(response)


def test_an_update_without_version_is_refused(editor, world):
    place = LocationFactory(world=world, name="Pier")
    response = editor.patch(
        url(world, f"locations/{place.public_id}/"), {"name": "Dock"}, format="json"
    )
    _assert_rejected(response, "version", "Send the version you read")
    place.refresh_from_db()
    assert place.name == "Pier"


def test_the_schema_says_a_patch_or_a_put_needs_its_version():
    # Behaviour kept, schema fixed (issue 22): a PATCH with neither `version` nor
    # If-Match is refused, because accepting it would let a write that never read the
    # entity overwrite a concurrent save unseen (a lost update). So every PATCH body
    # of an entity requires `version`; If-Match stands for it (documented there).
    schema = SchemaGenerator().get_schema(request=None, public=True)
    components = schema["components"]["schemas"]
    patched = [name for name in components if name.startswith("Patched")]
    assert "PatchedLocationRequest" in patched
    for name in patched:
        if "version" in components[name]["properties"]:
            assert "version" in components[name]["required"], name
    # So does a PUT, whose body is the create's but for that (a create has no version yet).
    put = schema["paths"]["/api/v1/worlds/{world_id}/locations/{id}/"]["put"]
    body = put["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert body.endswith("/LocationUpdateRequest")
    assert "version" in components["LocationUpdateRequest"]["required"]
    assert "version" not in components["LocationRequest"].get("required", [])


def test_a_stale_version_answers_409_and_changes_nothing(editor, world):
    place = LocationFactory(world=world, name="Pier")
    first = editor.patch(
        url(world, f"locations/{place.public_id}/"), {"name": "Dock", "version": 1}, format="json"
    )
    assert first.status_code == 200 and first.json()["version"] == 2
    stale = editor.patch(
        url(world, f"locations/{place.public_id}/"),
        {"name": "Quay", "description": "late edit", "version": 1},
        format="json",
    )
    conflict = problem(stale, 409, "version_conflict")
    assert conflict["current_version"] == 2
    assert [error["field"] for error in conflict["errors"]] == ["version"]
    place.refresh_from_db()
    assert (place.name, place.description, place.version) == ("Dock", "", 2)
    assert Location.history.filter(id=place.pk).count() == 2  # created + one change


def test_deleting_a_chapter_still_in_use_answers_409(editor, world):
    chapter = ChapterFactory(world=world)
    CharacterFactory(world=world, status="dead", status_chapter=chapter)
    response = editor.delete(url(world, f"chapters/{chapter.public_id}/"))
    assert problem(response, 409, "in_use")["used_by"]


def test_a_model_error_without_a_field_is_a_non_field_error():
    plain = validation_error_from_django(DjangoValidationError("The world is archived."))
    keyed = validation_error_from_django(
        DjangoValidationError({"source_character": "Not in this world."}),
        {"source_character": "source"},
    )
    assert plain.detail == {"non_field_errors": ["The world is archived."]}
    assert keyed.detail == {"source": ["Not in this world."]}
