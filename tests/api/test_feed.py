"""The change feed: every committed change of a world in log order, deletions included."""

import uuid

import pytest
from django.utils import timezone

from lorebase import services
from lorebase.api.feed import cursor_decode, cursor_encode
from lorebase.models import Change, Relation, Scene
from tests.api.conftest import url
from tests.factories import ChapterFactory, CharacterFactory, LocationFactory
from tests.problems import by_field, problem

pytestmark = pytest.mark.django_db


def _save(entity):
    return services.entity_save(instance=entity)


def _feed(client, world, cursor=None, **params) -> dict:
    query = {**params, **({"cursor": cursor} if cursor else {})}
    response = client.get(url(world, "changes/"), query)
    assert response.status_code == 200, response.content
    return response.json()


def _seen(page) -> list[tuple[str, str, int]]:
    return [(c["operation"], c["entity_type"], c["version"]) for c in page["results"]]


def test_the_feed_lists_creates_updates_and_deletes_in_order_and_resumes(viewer, world):
    anya = _save(CharacterFactory.build(world=world, name="Anya"))
    first = _feed(viewer, world)
    assert _seen(first) == [("create", "character", 1)]
    assert first["results"][0]["entity_id"] == str(anya.public_id)
    assert first["has_more"] is False
    anya.name = "Анна"  # texts are multilingual; the feed carries ids, not texts
    _save(anya)
    services.entity_delete(instance=anya)
    second = _feed(viewer, world, first["next_cursor"])
    assert _seen(second) == [("update", "character", 2), ("delete", "character", 3)]
    assert _feed(viewer, world, second["next_cursor"])["results"] == []


def test_a_page_is_bounded_and_says_there_is_more(viewer, world):
    for n in range(5):
        _save(CharacterFactory.build(world=world, name=f"C{n}"))
    page = _feed(viewer, world, limit=2)
    assert len(page["results"]) == 2 and page["has_more"] is True
    rest = _feed(viewer, world, page["next_cursor"], limit=10)
    assert len(rest["results"]) == 3 and rest["has_more"] is False
    names = {str(c["entity_id"]) for c in page["results"] + rest["results"]}
    assert len(names) == 5


def test_another_worlds_changes_are_not_in_the_feed(viewer, world, other_world):
    _save(CharacterFactory.build(world=other_world))
    assert _feed(viewer, world)["results"] == []


def test_a_quiet_world_keeps_its_cursor_up_with_the_log(viewer, world, other_world):
    """An empty page moves the cursor to the log's horizon: pruning others' old rows
    never makes a quiet world's cursor look too old."""
    first = _feed(viewer, world)
    _save(CharacterFactory.build(world=other_world))
    later = _feed(viewer, world, first["next_cursor"])
    assert later["results"] == []
    last = Change.objects.order_by("position").last()
    assert cursor_decode(later["next_cursor"]) == last.position


def test_a_delete_records_what_it_takes_and_what_it_changes(viewer, editor, world):
    chapter = _save(ChapterFactory.build(world=world, number=1))
    pier = _save(LocationFactory.build(world=world, name="Pier"))
    anya = _save(CharacterFactory.build(world=world, name="Anya"))
    kay = _save(CharacterFactory.build(world=world, name="Kay"))
    scene = _save(Scene(world=world, chapter=chapter, order=1, title="Fog", location=pier))
    services.scene_set_participants(scene=scene, participants=[(anya, "present"), (kay, "speaker")])
    knows = Relation(world=world, kind="KNOWS")
    knows.set_endpoint("source", anya)
    knows.set_endpoint("target", kay)
    _save(knows)
    start = _feed(viewer, world)["next_cursor"]

    assert editor.delete(url(world, f"characters/{kay.public_id}/")).status_code == 204
    after_kay = _feed(viewer, world, start)
    assert _seen(after_kay) == [
        ("delete", "character", 2),
        ("delete", "relation", 2),
        ("update", "scene", 3),  # lost a cast member
    ]
    assert {c["entity_id"] for c in after_kay["results"]} == {
        str(kay.public_id),
        str(knows.public_id),
        str(scene.public_id),
    }
    scene.refresh_from_db()
    assert scene.version == 3

    services.entity_delete(instance=pier)  # SET_NULL: the scene changes, a new version
    assert _seen(_feed(viewer, world, after_kay["next_cursor"])) == [
        ("delete", "location", 2),
        ("update", "scene", 4),
    ]
    scene.refresh_from_db()
    assert (scene.location, scene.version) == (None, 4)


def test_deleting_a_world_records_the_delete_of_all_its_lore(world):
    chapter = _save(ChapterFactory.build(world=world, number=1))
    anya = _save(CharacterFactory.build(world=world))
    _save(Scene(world=world, chapter=chapter, order=1, title="Fog"))
    services.entity_delete(instance=world)
    deletes = Change.objects.filter(world_id=world.public_id, operation="delete")
    assert set(deletes.values_list("entity_type", flat=True)) == {
        "world",
        "chapter",
        "character",
        "scene",
    }
    assert deletes.get(entity_id=anya.public_id).version == 2


def test_a_cursor_that_is_not_ours_is_a_400_naming_it(viewer, world):
    for bad in ("nonsense", cursor_encode(5)[:-2] + "!!", "eyJ2IjoyLCJwIjoxfQ", "x" * 300):
        assert "cursor" in by_field(viewer.get(url(world, "changes/"), {"cursor": bad}))
    assert "limit" in by_field(viewer.get(url(world, "changes/"), {"limit": 0}))
    assert "limit" in by_field(viewer.get(url(world, "changes/"), {"limit": 1001}))


def test_a_cursor_older_than_the_log_is_410(viewer, world):
    for n in range(3):
        _save(CharacterFactory.build(world=world, name=f"C{n}"))
    cursor = _feed(viewer, world, limit=1)["next_cursor"]
    _feed(viewer, world)  # sequence them all
    oldest = Change.objects.order_by("position")
    Change.objects.filter(pk__in=[c.pk for c in oldest[:2]]).delete()  # pruned
    Change.objects.create(  # and the log went on
        entity_type="character",
        entity_id=uuid.uuid4(),
        world_id=world.public_id,
        version=1,
        operation="create",
    )
    body = problem(viewer.get(url(world, "changes/"), {"cursor": cursor}), 410, "cursor_expired")
    assert "CHANGE_LOG_RETENTION_DAYS" not in body["detail"] and "days" in body["detail"]


def test_a_member_reads_the_feed_and_others_get_404(viewer, outsider, world):
    assert viewer.get(url(world, "changes/")).status_code == 200
    problem(outsider.get(url(world, "changes/")), 404, "not_found")


def test_entity_lists_take_updated_since(viewer, world):
    old = CharacterFactory(world=world, name="Old")
    two_days_ago = timezone.now() - timezone.timedelta(days=2)
    type(old).objects.filter(pk=old.pk).update(updated_at=two_days_ago)
    CharacterFactory(world=world, name="New")
    since = (timezone.now() - timezone.timedelta(days=1)).isoformat()
    listed = viewer.get(url(world, "characters/"), {"updated_since": since}).json()
    assert [c["name"] for c in listed["results"]] == ["New"]
    for bad in ("soon", "0001-01-01T00:00:00+10:00"):
        assert "updated_since" in by_field(
            viewer.get(url(world, "scenes/"), {"updated_since": bad})
        )
    # Found by the fuzzer: an offset PostgreSQL does not take is read in UTC, not a 500.
    far = viewer.get(url(world, "scenes/"), {"updated_since": "2544-01-28T18:48:18-16:47"})
    assert far.status_code == 200 and far.json()["count"] == 0
