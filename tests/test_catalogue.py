"""The entity-type catalogue: every model in it, every stored name declared, never derived."""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.apps import apps
from neomodel import StructuredNode

from graph import nodes, projection
from lorebase.api.urls import entities, worlds
from lorebase.catalogue import CATALOGUE, ENDPOINT_TYPES, KINDS, EntityType, entity_type_of
from lorebase.changes import change_record
from lorebase.models import Change, Character, Relation, World, WorldEntity


def _entity_models() -> set[type]:
    return {
        model
        for model in apps.get_app_config("lorebase").get_models()
        if model is World or issubclass(model, WorldEntity)
    }


def test_the_catalogue_covers_every_entity_model_and_each_declares_its_type():
    """A new WorldEntity model fails here until it declares its type and has an entry."""
    assert {kind.model for kind in CATALOGUE} == _entity_models()
    for kind in CATALOGUE:
        assert vars(kind.model)["entity_type"] is kind.type  # its own, not inherited
    assert sorted(kind.type for kind in CATALOGUE) == sorted(EntityType)


def test_the_stored_names_are_those_already_in_the_database():
    assert {kind.type.value: kind.path for kind in CATALOGUE} == {
        "world": "worlds",
        "chapter": "chapters",
        "character": "characters",
        "location": "locations",
        "concept": "concepts",
        "scene": "scenes",
        "relation": "relations",
    }
    assert ENDPOINT_TYPES == ("character", "location", "concept")


@contextmanager
def renamed(cls: type, name: str) -> Iterator[None]:
    original = cls.__name__
    cls.__name__ = name
    try:
        yield
    finally:
        cls.__name__ = original


def test_the_stored_type_does_not_follow_the_class_name(monkeypatch):
    anya = Character(name="Anya")
    with renamed(Character, "Hero"):
        assert entity_type_of(anya) == EntityType.CHARACTER
    monkeypatch.setattr(Character, "entity_type", EntityType.CONCEPT)
    assert entity_type_of(anya) == EntityType.CONCEPT  # what is declared, whatever the class


@pytest.mark.django_db
@pytest.mark.services
def test_a_renamed_class_still_records_its_stored_type():
    world = World.objects.create(name="Harbor", slug="harbor")
    anya = Character.objects.create(world=world, name="Anya")
    with renamed(Character, "Hero"):
        change = change_record(entity=anya, operation=Change.Operation.CREATE)
    assert change.entity_type == "character"


def test_the_api_paths_are_the_catalogue_paths():
    registered = {prefix: viewset.model for prefix, viewset, _ in entities.registry}
    assert registered == {kind.path: kind.model for kind in CATALOGUE if kind.model is not World}
    assert [prefix for prefix, _, _ in worlds.registry] == [KINDS[EntityType.WORLD].path]


def test_the_graph_labels_come_from_the_catalogue():
    node_labels = {
        cls.__label__
        for cls in vars(nodes).values()
        if isinstance(cls, type)
        and issubclass(cls, StructuredNode)
        and cls.__module__ == nodes.__name__
    }
    assert set(projection.LABELS.values()) == node_labels
    assert projection.MODELS[EntityType.RELATION] is Relation
    assert EntityType.RELATION not in projection.LABELS  # an edge, not a node
    assert set(projection.ENDPOINT_LABELS) == set(ENDPOINT_TYPES)
