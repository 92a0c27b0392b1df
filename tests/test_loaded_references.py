"""Validation asks the database about a reference only when the instance has not read it."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lorebase.models import Scene, SceneParticipant
from tests.factories import ChapterFactory, CharacterFactory, WorldFactory

pytestmark = pytest.mark.django_db


def test_references_held_by_the_instance_are_not_looked_up_again():
    world = WorldFactory()
    chapter = ChapterFactory(world=world, number=1)
    scene = Scene(world=world, chapter=chapter, order=1, title="Fog")
    with CaptureQueriesContext(connection) as queries:
        scene.full_clean()
    looked_up = " ".join(q["sql"] for q in queries.captured_queries)
    assert 'FROM "lorebase_chapter"' not in looked_up
    assert 'FROM "lorebase_world"' not in looked_up


def test_a_reference_given_by_id_alone_is_still_checked():
    world = WorldFactory()
    chapter = ChapterFactory(world=world, number=1)
    missing = Scene(world=world, chapter_id=chapter.pk + 10_000, order=1, title="Fog")
    with pytest.raises(ValidationError) as raised:
        missing.clean_fields()
    assert "chapter" in raised.value.message_dict
    scene = Scene.objects.create(world=world, chapter=chapter, order=1, title="Fog")
    cast = SceneParticipant(scene=scene, character_id=CharacterFactory(world=world).pk + 10_000)
    with pytest.raises(ValidationError) as raised:
        cast.clean_fields()
    assert "character" in raised.value.message_dict
