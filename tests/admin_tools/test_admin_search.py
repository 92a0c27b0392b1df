"""The admin's search box: the API's search (aliases, typos, stemming, the world's language)."""

import pytest
from django.test import Client
from django.urls import reverse

from lorebase import services
from lorebase.models import WorldRole
from tests.factories import (
    ChapterFactory,
    CharacterFactory,
    ConceptFactory,
    SceneFactory,
    UserFactory,
    WorldFactory,
    WorldMembershipFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def worlds():
    en = WorldFactory(name="Lantern Harbor", slug="lantern-harbor")
    ru = WorldFactory(name="Гавань фонарей", slug="gavan", language="ru")
    CharacterFactory(world=en, name="Helena Strand", aliases=["the Lamplighter"])
    CharacterFactory(world=en, name="Helena Strand the Elder", aliases=["Old Nell"])
    CharacterFactory(world=en, name="Mira Strand 2", aliases=["Mirabel"])
    CharacterFactory(world=ru, name="Елена Странд", aliases=["Фонарщица"])
    SceneFactory(world=en, title="Night market", text="The lamplighters walked the piers.")
    SceneFactory(world=ru, title="Ночной рынок", text="Фонарщики шли по причалам.")
    ConceptFactory(world=en, name="Lantern Guild")
    return en, ru


@pytest.fixture
def client(worlds) -> Client:
    user = UserFactory(is_staff=True)
    for world in worlds:
        WorldMembershipFactory(world=world, user=user, role=WorldRole.VIEWER)
    client = Client()
    client.force_login(user)
    return client


def _found(client, model: str, term: str) -> list[str]:
    page = client.get(reverse(f"admin:lorebase_{model}_changelist"), {"q": term})
    assert page.status_code == 200
    return sorted(str(row) for row in page.context["cl"].result_list)


def test_a_typoed_alias_finds_the_character(client):
    assert _found(client, "character", "Lamplightr") == ["Helena Strand"]
    assert _found(client, "character", "Old Nel") == ["Helena Strand the Elder"]


def test_stemming_in_each_worlds_language(client):
    # Neither is a part of the text: both stem to what the text holds.
    assert _found(client, "scene", "lamplighting") == ["Night market"]
    assert _found(client, "scene", "фонарщиков") == ["Ночной рынок"]


def test_part_of_a_name_still_finds_what_the_stock_box_found(client):
    assert _found(client, "character", "Stran") == [
        "Helena Strand",
        "Helena Strand the Elder",
        "Mira Strand 2",
    ]
    assert _found(client, "concept", "nonexistent words") == []


def test_a_tag_name_finds_its_rows_in_every_list(client, worlds):
    en, _ = worlds
    chapter = ChapterFactory(world=en, number=1, title="Fog")
    services.entity_save(instance=chapter, tags=["act 1"])
    assert _found(client, "chapter", "act 1") == ["1. Fog"]
