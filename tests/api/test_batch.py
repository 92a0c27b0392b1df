"""Batch writes: many operations of one world in one transaction, all or nothing."""

from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from graph.models import OutboxEvent
from lorebase.models import (
    Change,
    Character,
    IdempotentBatch,
    Location,
    Relation,
    Scene,
    SceneParticipant,
)
from tests.api.conftest import url
from tests.factories import ChapterFactory, CharacterFactory, LocationFactory, SceneFactory
from tests.problems import by_field, problem
from webhooks.models import WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.django_db


def _batch(client, world, operations, **headers):
    return client.post(url(world, "batch/"), {"operations": operations}, format="json", **headers)


def _counts():
    return (
        Location.objects.count(),
        Character.objects.count(),
        Scene.objects.count(),
        Relation.objects.count(),
        Change.objects.count(),
        OutboxEvent.objects.count(),
    )


def test_references_inside_a_batch_link_new_entities(editor, world):
    chapter = ChapterFactory(world=world, number=1)
    operations = [
        {"op": "create", "type": "location", "ref": "harbor", "data": {"name": "Harbor"}},
        {
            "op": "create",
            "type": "location",
            "ref": "pier",
            "data": {"name": "Pier Nine", "parent": {"ref": "harbor"}},
        },
        {"op": "create", "type": "character", "ref": "anya", "data": {"name": "Anya"}},
        {"op": "create", "type": "character", "ref": "kay", "data": {"name": "Кай"}},
        {
            "op": "create",
            "type": "scene",
            "ref": "fog",
            "data": {
                "chapter": str(chapter.public_id),
                "order": 1,
                "title": "Fog on the Pier",
                "location": {"ref": "pier"},
                "participants": [
                    {"character": {"ref": "anya"}, "role": "speaker"},
                    {"character": {"ref": "kay"}},
                ],
            },
        },
        {
            "op": "create",
            "type": "relation",
            "data": {
                "kind": "KNOWS",
                "source": {"type": "character", "id": {"ref": "anya"}},
                "target": {"type": "character", "id": {"ref": "kay"}},
            },
        },
        {
            "op": "update",
            "type": "character",
            "id": {"ref": "kay"},
            "data": {"version": 1, "status": "missing"},
        },
    ]
    response = _batch(editor, world, operations)
    assert response.status_code == 200, response.content
    results = response.json()["results"]
    assert [(r["index"], r["op"], r["type"]) for r in results][:2] == [
        (0, "create", "location"),
        (1, "create", "location"),
    ]
    ids = {r.get("ref"): r["id"] for r in results}
    pier = Location.objects.get(public_id=ids["pier"])
    assert pier.parent.public_id == Location.objects.get(name="Harbor").public_id
    scene = Scene.objects.get(public_id=ids["fog"])
    assert scene.location == pier
    assert sorted(scene.participants.values_list("name", flat=True)) == ["Anya", "Кай"]
    kay = Character.objects.get(public_id=ids["kay"])
    assert (kay.status, kay.version) == ("missing", 2)
    assert results[-1]["version"] == 2
    # Through the services: each write is in the change log and the outbox.
    assert Change.objects.filter(entity_id=kay.public_id).count() == 2
    assert OutboxEvent.objects.filter(entity_id=scene.public_id).exists()
    assert Location.history.filter(id=pier.pk).count() == 1


def test_a_bad_operation_writes_nothing_and_is_named(editor, world):
    before = _counts()
    response = _batch(
        editor,
        world,
        [
            {"op": "create", "type": "location", "ref": "pier", "data": {"name": "Pier"}},
            {"op": "create", "type": "character", "data": {"name": "Anya"}},
            {"op": "create", "type": "scene", "data": {"title": "No chapter", "order": 1}},
        ],
    )
    fields = by_field(response)
    assert "operations.2.data.chapter" in fields, fields
    assert response.json()["detail"] == "operations.2.data.chapter: This field is required."
    assert _counts() == before


def test_a_rule_of_the_domain_names_the_operation_too(editor, world):
    anya = CharacterFactory(world=world)
    response = _batch(
        editor,
        world,
        [
            {"op": "create", "type": "location", "ref": "pier", "data": {"name": "Pier"}},
            {
                "op": "create",
                "type": "relation",
                "data": {
                    "kind": "LIVES_IN",
                    "source": {"type": "character", "id": str(anya.public_id)},
                    "target": {"type": "character", "id": str(anya.public_id)},
                },
            },
        ],
    )
    assert "cannot link a character to a character" in " ".join(
        by_field(response)["operations.1.data.kind"]
    )
    assert not Location.objects.filter(world=world).exists()


def test_an_unknown_ref_a_doubled_ref_and_a_missing_id_are_named(editor, world):
    unknown = _batch(
        editor, world, [{"op": "create", "type": "location", "data": {"parent": {"ref": "x"}}}]
    )
    assert "operations.0.data.parent" in by_field(unknown)
    doubled = _batch(
        editor,
        world,
        [
            {"op": "create", "type": "concept", "ref": "a", "data": {"name": "A"}},
            {"op": "create", "type": "concept", "ref": "a", "data": {"name": "B"}},
        ],
    )
    assert "operations.1.ref" in by_field(doubled)
    missing = _batch(editor, world, [{"op": "delete", "type": "concept", "id": "nope"}])
    assert "operations.0.id" in by_field(missing)
    shapes = _batch(editor, world, [{"op": "update", "type": "world", "data": {}}, {"op": "x"}])
    assert {"operations.0.type", "operations.1.op", "operations.1.type"} <= by_field(shapes).keys()


def test_a_stale_version_or_an_entity_in_use_is_a_409_and_writes_nothing(editor, world):
    pier = LocationFactory(world=world, name="Pier")
    LocationFactory(world=world, name="Inner", parent=pier)
    stale = _batch(
        editor,
        world,
        [
            {"op": "create", "type": "concept", "data": {"name": "Guild"}},
            {"op": "update", "type": "location", "id": str(pier.public_id), "data": {"version": 7}},
        ],
    )
    assert "operations.1.data.version" in {e["field"] for e in problem(stale, 409)["errors"]}
    in_use = _batch(
        editor, world, [{"op": "delete", "type": "location", "id": str(pier.public_id)}]
    )
    assert "Inner" in problem(in_use, 409, "conflict")["errors"][0]["detail"]
    assert Location.objects.filter(world=world).count() == 2
    assert not world.public_id or not Change.objects.filter(entity_type="concept").exists()


def test_deletes_and_updates_of_existing_entities(editor, world):
    anya = CharacterFactory(world=world, name="Anya")
    response = _batch(
        editor,
        world,
        [
            {
                "op": "update",
                "type": "character",
                "id": str(anya.public_id),
                "data": {"name": "Ann", "version": 1},
            },
            {"op": "delete", "type": "character", "id": str(anya.public_id)},
        ],
    )
    assert response.status_code == 200, response.content
    assert not Character.objects.filter(pk=anya.pk).exists()
    log = Change.objects.filter(entity_id=anya.public_id).values_list("operation", "version")
    assert list(log) == [("update", 2), ("delete", 3)]


def test_the_same_idempotency_key_twice_writes_once(editor, world):
    operations = [{"op": "create", "type": "concept", "ref": "g", "data": {"name": "Guild"}}]
    first = _batch(editor, world, operations, HTTP_IDEMPOTENCY_KEY="load-1")
    again = _batch(editor, world, operations, HTTP_IDEMPOTENCY_KEY="load-1")
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json() and again["Idempotent-Replayed"] == "true"
    assert Change.objects.filter(entity_type="concept").count() == 1
    other = _batch(editor, world, operations, HTTP_IDEMPOTENCY_KEY="load-2")
    assert other.status_code == 200 and Change.objects.filter(entity_type="concept").count() == 2
    reused = _batch(
        editor,
        world,
        [*operations, *operations[:0], {"op": "create", "type": "concept", "data": {"name": "X"}}],
        HTTP_IDEMPOTENCY_KEY="load-1",
    )
    problem(reused, 422, "idempotency_key_reused")


def test_a_failed_batch_keeps_no_key_so_its_retry_runs(editor, world):
    bad = [{"op": "create", "type": "concept", "data": {"name": ""}}]
    problem(_batch(editor, world, bad, HTTP_IDEMPOTENCY_KEY="k"), 400)
    assert not IdempotentBatch.objects.exists()
    good = [{"op": "create", "type": "concept", "data": {"name": "Guild"}}]
    assert _batch(editor, world, good, HTTP_IDEMPOTENCY_KEY="k").status_code == 200


def test_a_kept_key_expires(editor, world, settings):
    operations = [{"op": "create", "type": "concept", "data": {"name": "Guild"}}]
    _batch(editor, world, operations, HTTP_IDEMPOTENCY_KEY="k")
    settings.BATCH_IDEMPOTENCY_HOURS = 0
    assert not _batch(editor, world, operations, HTTP_IDEMPOTENCY_KEY="k").has_header(
        "Idempotent-Replayed"
    )
    assert Change.objects.filter(entity_type="concept").count() == 2


def test_bounds_on_count_and_body_size(editor, world, settings):
    settings.BATCH_MAX_OPERATIONS = 2
    many = [{"op": "create", "type": "concept", "data": {"name": f"C{n}"}} for n in range(3)]
    assert "At most 2 operations" in by_field(_batch(editor, world, many))["operations"][0]
    settings.BATCH_MAX_BODY_BYTES = 100
    problem(_batch(editor, world, many[:1] * 2), 413, "request_too_large")
    assert "operations" in by_field(_batch(editor, world, []))


def test_a_body_over_the_usual_limit_fits_a_batch(editor, world, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    long = [{"op": "create", "type": "concept", "data": {"name": "C", "description": "x" * 2000}}]
    assert _batch(editor, world, long).status_code == 200
    problem(editor.post(url(world, "concepts/"), long[0]["data"], format="json"), 413)


def test_a_viewer_may_not_batch_and_an_outsider_sees_no_world(viewer, outsider, world):
    operations = [{"op": "create", "type": "concept", "data": {"name": "Guild"}}]
    problem(_batch(viewer, world, operations), 403, "permission_denied")
    problem(_batch(outsider, world, operations), 404, "not_found")


def test_an_entity_deleted_earlier_in_the_batch_is_no_longer_a_reference(editor, world):
    """The batch reads each referenced entity once; a delete makes it read them again."""
    chapter = ChapterFactory(world=world, number=1)
    before = _counts()
    response = _batch(
        editor,
        world,
        [
            {"op": "create", "type": "character", "ref": "anya", "data": {"name": "Anya Voss"}},
            {"op": "create", "type": "character", "ref": "ivo", "data": {"name": "Ivo Voss"}},
            {
                "op": "create",
                "type": "scene",
                "data": {
                    "chapter": str(chapter.public_id),
                    "order": 1,
                    "title": "Both at the pier",
                    "participants": [{"character": {"ref": "anya"}}, {"character": {"ref": "ivo"}}],
                },
            },
            {"op": "delete", "type": "character", "id": {"ref": "ivo"}},
            {
                "op": "create",
                "type": "scene",
                "data": {
                    "chapter": str(chapter.public_id),
                    "order": 2,
                    "title": "Ivo again",
                    "participants": [{"character": {"ref": "ivo"}}],
                },
            },
        ],
    )
    assert response.status_code == 400, response.content
    reasons = by_field(response)["operations.4.data.participants.0.character"]
    assert any("There is no character" in reason for reason in reasons)
    assert _counts() == before


def test_a_scene_created_with_its_cast_has_the_cast_and_its_history(editor, world):
    chapter = ChapterFactory(world=world, number=1)
    anya = CharacterFactory(world=world, name="Anya")
    kay = CharacterFactory(world=world, name="Kay")
    response = _batch(
        editor,
        world,
        [
            {
                "op": "create",
                "type": "scene",
                "data": {
                    "chapter": str(chapter.public_id),
                    "order": 1,
                    "title": "Fog",
                    "participants": [
                        {"character": str(anya.public_id), "role": "speaker"},
                        {"character": str(kay.public_id)},
                    ],
                },
            }
        ],
    )
    assert response.status_code == 200, response.content
    scene = Scene.objects.get(public_id=response.json()["results"][0]["id"])
    assert sorted(scene.participations.values_list("character__name", "role")) == [
        ("Anya", "speaker"),
        ("Kay", "present"),
    ]
    history = scene.participations.model.history.filter(scene_id=scene.pk)
    assert sorted(history.values_list("character_id", "history_type")) == sorted(
        [(anya.pk, "+"), (kay.pk, "+")]
    )


def _scene(chapter, order: int, title: str, cast: list[tuple[str, str]]) -> dict:
    return {
        "op": "create",
        "type": "scene",
        "ref": title.replace(" ", "-"),
        "data": {
            "chapter": str(chapter.public_id),
            "order": order,
            "title": title,
            "participants": [{"character": {"ref": ref}, "role": role} for ref, role in cast],
        },
    }


def test_a_run_of_creates_is_written_as_each_would_be(editor, world):
    """Consecutive creates of one type go in at once: each still gets its history, its
    change, its outbox event and its webhook delivery, in the order sent."""
    WebhookEndpoint.objects.create(world=world, url="https://93.184.216.34/hooks")
    chapter = ChapterFactory(world=world, number=1)
    names = ["Anya Voss", "Anya Voss-Marsh", "Марк Воссов"]
    operations = [
        {"op": "create", "type": "character", "ref": f"c{n}", "data": {"name": name}}
        for n, name in enumerate(names)
    ] + [
        _scene(chapter, 1, "Fog 1", [("c0", "speaker"), ("c1", "present")]),
        _scene(chapter, 2, "Fog 2", [("c2", "mentioned")]),
        _scene(chapter, 3, "Fog 3", []),
    ]
    with CaptureQueriesContext(connection) as queries:
        response = _batch(editor, world, operations)
    assert response.status_code == 200, response.content
    inserts = Counter(
        q["sql"].split('"')[1] for q in queries.captured_queries if q["sql"].startswith("INSERT")
    )
    # One insert per table and run (characters, then scenes), not one per entity.
    assert inserts["lorebase_scene"] == inserts["lorebase_character"] == 1, inserts
    assert inserts["lorebase_change"] == inserts["graph_outboxevent"] == 2, inserts
    assert inserts["lorebase_sceneparticipant"] == 1, inserts
    results = response.json()["results"]
    assert [(r["index"], r["ref"], r["version"]) for r in results] == [
        (n, op["ref"], 1) for n, op in enumerate(operations)
    ]
    ids = [r["id"] for r in results]
    changes = list(Change.objects.filter(world_id=world.public_id).order_by("pk"))
    assert [str(c.entity_id) for c in changes if c.entity_type != "chapter"] == ids
    assert {c.operation for c in changes} == {"create"}
    assert sorted(str(e.entity_id) for e in OutboxEvent.objects.filter(entity_id__in=ids)) == (
        sorted(ids)
    )
    deliveries = WebhookDelivery.objects.filter(entity_id__in=ids).order_by("pk")
    assert [str(d.entity_id) for d in deliveries] == ids
    assert Character.history.filter(name__in=names).count() == 3
    fog = Scene.objects.get(title="Fog 1")
    assert Scene.history.filter(id=fog.pk).get().history_user is not None
    assert sorted(fog.participations.values_list("character__name", "role")) == [
        ("Anya Voss", "speaker"),
        ("Anya Voss-Marsh", "present"),
    ]
    assert SceneParticipant.history.filter(scene_id=fog.pk).count() == 2
    assert Scene.objects.get(title="Fog 2").participations.get().role == "mentioned"


def test_a_clash_inside_a_run_or_with_a_saved_scene_names_its_operation(editor, world):
    chapter = ChapterFactory(world=world, number=1)
    SceneFactory(world=world, chapter=chapter, order=7)
    before = _counts()
    runs = {
        "inside the run": [_scene(chapter, 1, "A", []), _scene(chapter, 1, "B", [])],
        "with a saved scene": [_scene(chapter, 2, "A", []), _scene(chapter, 7, "B", [])],
    }
    for label, operations in runs.items():
        response = _batch(editor, world, operations)
        assert response.status_code == 400, label
        assert [f for f in by_field(response) if f.startswith("operations.1.")], (label, response)
        assert not [f for f in by_field(response) if f.startswith("operations.0.")], label
        assert _counts() == before, label


def test_a_broken_rule_in_the_middle_of_a_run_names_that_operation(editor, world):
    anya, kay = CharacterFactory(world=world), CharacterFactory(world=world)
    relation = {
        "op": "create",
        "type": "relation",
        "data": {
            "kind": "KNOWS",
            "source": {"type": "character", "id": str(anya.public_id)},
            "target": {"type": "character", "id": str(kay.public_id)},
        },
    }
    broken = {**relation, "data": {**relation["data"], "kind": "LIVES_IN"}}
    before = _counts()
    response = _batch(editor, world, [relation, broken, relation])
    assert list(by_field(response)) == ["operations.1.data.kind"]
    assert _counts() == before
