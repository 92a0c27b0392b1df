"""Export → import into an empty database → export gives the same bytes."""

import pytest

from exports.services import import_world
from lorebase import services
from lorebase.models import Character, Relation, World
from tests.exports.conftest import export, tree
from worldgen.demo.loader import demo_world_counts, demo_world_load
from worldgen.generator import delete_generated_world, generate_world

pytestmark = pytest.mark.django_db

SMALL = {
    "chapters": 3,
    "locations": 14,
    "characters": 9,
    "scenes": 20,
    "concepts": 6,
    "relations": 25,
}


def test_the_demo_worlds_round_trip_byte_for_byte(tmp_path):
    worlds = demo_world_load()
    counts = {world.slug: demo_world_counts(world) for world in worlds}
    export(tmp_path / "first")
    first = tree(tmp_path / "first")
    assert "lantern-harbor/world.yaml" in first and "lantern-harbor-ru/world.yaml" in first
    assert sum(1 for path in first if "/scenes/" in path) == 32

    for world in worlds:
        services.entity_delete(instance=world)
    assert not World.objects.exists()
    summary = import_world(tmp_path / "first")
    assert summary["worlds"]["created"] == 2
    assert summary["relations"]["created"] == 62

    export(tmp_path / "second")
    assert tree(tmp_path / "second") == first
    assert {w.slug: demo_world_counts(w) for w in World.objects.all()} == counts
    # Wren's death names a character and a scene, both set in the import's second pass.
    deaths = Character.objects.filter(killed_by__isnull=False, death_scene__isnull=False)
    assert sorted(deaths.values_list("name", "killed_by__name")) == [
        ("Tobias Wren", "Helena Strand"),
        ("Тобиас Рен", "Елена Странд"),
    ]
    assert Relation.objects.filter(known_from_start=True).count() == 4


def test_a_generated_world_round_trips_byte_for_byte(tmp_path):
    world = generate_world(seed=5, slug="generated", **SMALL).world
    export(tmp_path / "first")
    first = tree(tmp_path / "first")
    assert len(first) == 1 + sum(SMALL.values()) - SMALL["relations"]

    delete_generated_world(world)
    import_world(tmp_path / "first" / "generated")  # one world's directory works too
    assert Relation.objects.filter(world__slug="generated").count() == SMALL["relations"]

    export(tmp_path / "second")
    assert tree(tmp_path / "second") == first


def test_importing_the_same_files_again_changes_nothing(tmp_path):
    world = generate_world(seed=6, slug="again", **SMALL).world
    export(tmp_path)
    versions = set(Relation.objects.filter(world=world).values_list("version", flat=True))
    summary = import_world(tmp_path)
    assert all(counts["created"] == counts["updated"] == 0 for counts in summary.values())
    assert set(Relation.objects.filter(world=world).values_list("version", flat=True)) == versions
