"""Entities carry an ETag; a write with a stale If-Match is 412 and changes nothing."""

import pytest

from lorebase.models import Character, Location
from tests.api.conftest import url
from tests.factories import CharacterFactory, LocationFactory
from tests.problems import by_field, problem

pytestmark = pytest.mark.django_db


def _detail(world, entity, kind="locations") -> str:
    return url(world, f"{kind}/{entity.public_id}/")


def test_reads_and_writes_of_one_entity_carry_its_version_as_etag(editor, world):
    created = editor.post(url(world, "locations/"), {"name": "Pier"}, format="json")
    assert created.status_code == 201 and created["ETag"] == '"1"'
    place = Location.objects.get()
    assert editor.get(_detail(world, place))["ETag"] == '"1"'
    updated = editor.patch(_detail(world, place), {"name": "Dock"}, HTTP_IF_MATCH='"1"')
    assert updated.status_code == 200, updated.content
    assert updated["ETag"] == '"2"' and updated.json()["version"] == 2
    assert not editor.get(url(world, "locations/")).has_header("ETag")  # a list has none


def test_a_stale_if_match_is_412_and_nothing_changes(editor, world):
    place = LocationFactory(world=world, name="Pier")
    editor.patch(_detail(world, place), {"name": "Dock"}, HTTP_IF_MATCH='"1"')
    stale = editor.patch(_detail(world, place), {"name": "Quay"}, HTTP_IF_MATCH='"1"')
    body = problem(stale, 412, "precondition_failed")
    assert body["current_version"] == 2
    place.refresh_from_db()
    assert (place.name, place.version) == ("Dock", 2)


def test_if_match_may_list_tags_or_say_any(editor, world):
    place = LocationFactory(world=world, name="Pier")
    listed = editor.patch(_detail(world, place), {"name": "A"}, HTTP_IF_MATCH='"7", "1"')
    assert listed.status_code == 200
    anything = editor.patch(_detail(world, place), {"name": "B"}, HTTP_IF_MATCH="*")
    assert anything.status_code == 200 and anything["ETag"] == '"3"'


def test_a_weak_tag_never_matches(editor, world):
    place = LocationFactory(world=world)
    problem(editor.patch(_detail(world, place), {"name": "X"}, HTTP_IF_MATCH='W/"1"'), 412)


def test_a_stale_if_match_on_delete_is_412_and_keeps_the_entity(editor, world):
    anya = CharacterFactory(world=world)
    problem(editor.delete(_detail(world, anya, "characters"), HTTP_IF_MATCH='"5"'), 412)
    assert Character.objects.filter(pk=anya.pk).exists()
    assert editor.delete(_detail(world, anya, "characters"), HTTP_IF_MATCH='"1"').status_code == 204
    assert not Character.objects.filter(pk=anya.pk).exists()


def test_the_body_version_keeps_working_and_without_either_the_update_is_refused(editor, world):
    place = LocationFactory(world=world)
    problem(editor.patch(_detail(world, place), {"name": "X", "version": 9}), 409)
    assert "version" in by_field(editor.patch(_detail(world, place), {"name": "X"}))
    ok = editor.patch(_detail(world, place), {"name": "X", "version": 1}, HTTP_IF_MATCH='"1"')
    assert ok.status_code == 200


def test_a_world_carries_an_etag_and_checks_if_match(owner, world):
    read = owner.get(url(world))
    assert read["ETag"] == f'"{world.version}"'
    stale = owner.patch(url(world), {"name": "Renamed"}, HTTP_IF_MATCH='"99"')
    problem(stale, 412, "precondition_failed")
    world.refresh_from_db()
    assert world.name == "Lantern Harbor"
    fresh = owner.patch(url(world), {"name": "Renamed"}, HTTP_IF_MATCH=read["ETag"])
    assert fresh.status_code == 200 and fresh["ETag"] == f'"{world.version + 1}"'
