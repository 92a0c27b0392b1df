"""Bulk actions of the admin lists: preview, then all rows through the services, or none."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.test import Client
from django.urls import reverse

from lorebase import services
from lorebase.models import Change, Character, Scene, WorldRole
from tests.factories import (
    ChapterFactory,
    CharacterFactory,
    LocationFactory,
    SceneFactory,
    WorldFactory,
    WorldMembershipFactory,
)
from tests.test_admin import _staff_client as staff_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return WorldFactory(name="Lantern Harbor", slug="lantern-harbor")


@pytest.fixture
def client(world) -> Client:
    return staff_client(world)


def _act(client, model: str, action: str, rows, **fields):
    data = {"action": action, ACTION_CHECKBOX_NAME: [row.pk for row in rows], **fields}
    return client.post(reverse(f"admin:lorebase_{model}_changelist"), data)


@pytest.fixture
def harbour(world):
    one = ChapterFactory(world=world, number=1, title="Fog")
    two = ChapterFactory(world=world, number=2, title="Salt")
    pier = LocationFactory(world=world, name="Pier 9")
    pier_nine = LocationFactory(world=world, name="Pier 9 North")  # a name inside a name
    scenes = [
        SceneFactory(world=world, chapter=one, order=n, title=t, location=pier)
        for n, t in ((1, "Rescue"), (2, "Разговор"), (3, "Rescue, again"))
    ]
    return {"one": one, "two": two, "pier": pier, "north": pier_nine, "scenes": scenes}


def test_set_location_previews_then_changes_all_three_through_the_services(client, harbour):
    scenes, north = harbour["scenes"], harbour["north"]
    asked = _act(client, "scene", "set_location", scenes)
    assert asked.status_code == 200 and "location" in asked.context["form"].fields
    preview = _act(client, "scene", "set_location", scenes, location=north.pk, preview="1")
    shown = [(p.before, p.after) for p in preview.context["rows"]]
    assert shown == [("Pier 9", "Pier 9 North")] * 3
    assert Scene.objects.filter(location=north).count() == 0  # a preview changes nothing

    done = _act(client, "scene", "set_location", scenes, location=north.pk, apply="1")
    assert done.status_code == 302
    for scene in scenes:
        scene.refresh_from_db()
        assert (scene.location, scene.version) == (north, 2)
        assert Change.objects.filter(entity_id=scene.public_id, version=2).exists()


def test_a_refused_row_changes_nothing_and_is_named(client, world, harbour):
    scenes, two = harbour["scenes"], harbour["two"]
    SceneFactory(world=world, chapter=two, order=2, title="Taken")  # order 2 is taken there
    answer = _act(client, "scene", "set_chapter", scenes, chapter=two.pk, apply="1")
    assert answer.status_code == 200
    refused = answer.context["refused"]
    assert [r.instance.title for r in refused] == ["Разговор"]
    assert (
        "Разговор" in answer.content.decode() and "Nothing was changed" in answer.content.decode()
    )
    assert set(
        Scene.objects.filter(pk__in=[s.pk for s in scenes]).values_list("chapter", "version")
    ) == {(harbour["one"].pk, 1)}


def test_set_status_dead_with_a_chapter_and_a_refusal_for_a_recorded_killer(client, world, harbour):
    helena = CharacterFactory(world=world, name="Helena Strand")
    elder = CharacterFactory(world=world, name="Helena Strand the Elder")
    done = _act(
        client,
        "character",
        "set_status",
        [helena, elder],
        status="dead",
        status_chapter=harbour["two"].pk,
        apply="1",
    )
    assert done.status_code == 302
    assert set(Character.objects.values_list("status", "status_chapter__number")) == {("dead", 2)}

    elder.refresh_from_db()
    elder.killed_by = helena
    services.entity_save(instance=elder)
    back = _act(client, "character", "set_status", [helena, elder], status="alive", apply="1")
    assert [r.instance.name for r in back.context["refused"]] == ["Helena Strand the Elder"]
    assert "killed_by" in back.content.decode()
    helena.refresh_from_db()
    assert helena.status == "dead"  # all or nothing


def test_add_and_remove_tags_in_bulk(client, world, harbour):
    scenes = harbour["scenes"]
    services.entity_save(instance=scenes[0], tags=["night"])
    preview = _act(client, "scene", "add_tags", scenes, tags="act 1, ночь", preview="1")
    assert [p.after for p in preview.context["rows"]] == [
        "act 1, night, ночь",
        "act 1, ночь",
        "act 1, ночь",
    ]
    _act(client, "scene", "add_tags", scenes, tags="act 1, ночь", apply="1")
    _act(client, "scene", "remove_tags", scenes, tags="night", apply="1")
    assert [services.entity_tag_names(s) for s in scenes] == [["act 1", "ночь"]] * 3
    scenes[1].refresh_from_db()
    assert scenes[1].version == 2  # the removal did not touch a scene without the tag


def test_a_row_of_a_world_one_only_reads_is_refused(client, harbour):
    other = WorldFactory(name="Ash Kingdom", slug="ash")
    user = client.session["_auth_user_id"]
    WorldMembershipFactory(world=other, user_id=user, role=WorldRole.VIEWER)
    foreign = SceneFactory(world=other, title="Ash")
    answer = _act(client, "scene", "add_tags", [harbour["scenes"][0], foreign], tags="x", apply="1")
    assert [r.instance.title for r in answer.context["refused"]] == ["Ash"]
    assert services.entity_tag_names(harbour["scenes"][0]) == []


def test_a_tag_too_long_is_named_on_the_form_and_nothing_changes(client, harbour):
    scenes = harbour["scenes"]
    answer = _act(client, "scene", "add_tags", scenes, tags="ok, " + "x" * 101, apply="1")
    assert answer.status_code == 200
    assert "at most 100 characters" in str(answer.context["form"].errors["tags"])
    assert all(services.entity_tag_names(s) == [] for s in scenes)
