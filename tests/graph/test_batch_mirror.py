"""A batch goes through the outbox like any write: the graph catches up after its commit,
including what a delete in it cascaded to."""

import uuid

import pytest
from rest_framework.test import APIClient

from graph.mirror import mirror_entities
from lorebase import services
from lorebase.models import (
    Chapter,
    Character,
    Location,
    Relation,
    RelationKind,
    Scene,
    WorldRole,
)
from tests.conftest import client_for, wait_until_mirrored
from tests.factories import UserFactory
from tests.graph.snapshots import assert_graph_matches
from tests.graph.test_pipeline import own_queue

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.services]
CHAPTER = {"number": 1, "title": "One"}


def test_the_graph_catches_up_with_a_batch(celery_worker_process, graph):
    user = UserFactory()
    world = services.world_create(owner=user, name="Harbor", slug=f"h-{uuid.uuid4().hex[:6]}")
    services.membership_set(world=world, user=user, role=WorldRole.EDITOR)
    client: APIClient = client_for(user)
    path = f"/api/v1/worlds/{world.public_id}/batch/"
    created = client.post(
        path,
        {
            "operations": [
                {
                    "op": "create",
                    "type": "chapter",
                    "ref": "one",
                    "data": {"number": 1, "title": "One"},
                },
                {"op": "create", "type": "location", "ref": "pier", "data": {"name": "Pier"}},
                {"op": "create", "type": "character", "ref": "anya", "data": {"name": "Анна"}},
                {"op": "create", "type": "character", "ref": "kay", "data": {"name": "Kay"}},
                {
                    "op": "create",
                    "type": "scene",
                    "data": {
                        "chapter": {"ref": "one"},
                        "order": 1,
                        "title": "Fog",
                        "location": {"ref": "pier"},
                        "participants": [
                            {"character": {"ref": "anya"}},
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
            ]
        },
        format="json",
    )
    assert created.status_code == 200, created.content
    wait_until_mirrored(world)
    assert_graph_matches(world)
    kay = next(r["id"] for r in created.json()["results"] if r.get("ref") == "kay")
    deleted = client.post(
        path, {"operations": [{"op": "delete", "type": "character", "id": kay}]}, format="json"
    )
    assert deleted.status_code == 200, deleted.content
    wait_until_mirrored(world)
    assert_graph_matches(world)  # the relation gone, the scene's cast of one


def test_many_entities_mirrored_at_once_match_postgresql(graph):
    """mirror_entities writes every type of a commit in one call, targets written after
    their sources included (a death scene after the character who died in it), then
    removes what PostgreSQL no longer holds."""
    with own_queue():  # no worker mirrors these saves meanwhile: only the calls below do
        _mirror_at_once()


def _mirror_at_once() -> None:
    world = services.world_create(owner=None, name="Harbor", slug=f"h-{uuid.uuid4().hex[:6]}")
    one = services.entity_save(instance=Chapter(world=world, number=1, title="Fog"))
    harbor = services.entity_save(instance=Location(world=world, name="Harbor"))
    pier = services.entity_save(instance=Location(world=world, name="Pier 9", parent=harbor))
    anya, kay = (
        services.entity_save(instance=Character(world=world, name=name))
        for name in ("Anya Voss", "Kay Voss")
    )
    scene = services.entity_save(
        instance=Scene(world=world, chapter=one, order=1, title="The fall", location=pier)
    )
    services.scene_set_participants(scene=scene, participants=[(anya, "speaker"), (kay, "present")])
    kay.status, kay.killed_by, kay.death_scene = Character.Status.DEAD, anya, scene
    services.entity_save(instance=kay)
    relation = Relation(world=world, kind=RelationKind.FAMILY_OF)
    relation.set_endpoint("source", anya)
    relation.set_endpoint("target", kay)
    services.entity_save(instance=relation)
    everything = [
        (entity.entity_type.value, str(entity.public_id))
        for entity in (relation, scene, kay, anya, pier, harbor, one, world)
    ]
    mirrored = mirror_entities(everything)
    assert mirrored[("character", str(kay.public_id))] == kay.version
    assert_graph_matches(world)

    gone = [("relation", str(relation.public_id)), ("scene", str(scene.public_id))]
    services.entity_delete(instance=relation)
    services.entity_delete(instance=scene)
    # The scene's delete cleared Kay's death scene: a new version of Kay, in the same commit.
    mirrored = mirror_entities([*gone, ("character", str(kay.public_id))])
    assert (mirrored[gone[0]], mirrored[gone[1]]) == (0, 0)
    assert_graph_matches(world)
