"""Tags on every entity: through the services, in the admin, the API and the exports."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from exports.services import import_world
from lorebase import services
from lorebase.models import Change, Character, Concept, Location, Relation, Scene, WorldRole
from tests.api.conftest import url
from tests.conftest import client_for
from tests.exports.conftest import export, tree
from tests.factories import (
    ChapterFactory,
    CharacterFactory,
    ConceptFactory,
    LocationFactory,
    RelationFactory,
    SceneFactory,
    UserFactory,
    WorldFactory,
    WorldMembershipFactory,
)
from tests.test_admin import _post as admin_post
from tests.test_admin import _staff_client as staff_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return WorldFactory(name="Lantern Harbor", slug="lantern-harbor")


@pytest.fixture
def strands(world):
    """Shared surnames, a name inside a name, Cyrillic beside English."""
    return {
        "helena": CharacterFactory(world=world, name="Helena Strand"),
        "elder": CharacterFactory(world=world, name="Helena Strand the Elder"),
        "ru": CharacterFactory(world=world, name="Елена Странд"),
        "mira": CharacterFactory(world=world, name="Mira Strand 2"),
    }


def test_a_tag_change_is_a_new_version_in_the_log_and_the_history(strands):
    helena = strands["helena"]
    before = Change.objects.filter(entity_id=helena.public_id).count()
    services.entity_save(instance=helena, tags=["  act 2 ", "нужен арт", "act 2", ""])
    helena.refresh_from_db()
    assert sorted(t.name for t in helena.tags.all()) == ["act 2", "нужен арт"]
    assert helena.version == 2
    assert Change.objects.filter(entity_id=helena.public_id).count() == before + 1
    assert helena.history.first().history_change_reason == "Tags: act 2, нужен арт"


def test_retag_adds_and_removes_and_an_unchanged_set_writes_nothing(strands):
    ru = strands["ru"]
    services.entity_save(instance=ru, tags=["council", "act 1"])
    services.entity_retag(instance=ru, add=["act 2"], remove=["act 1"])
    ru.refresh_from_db()
    assert services.entity_tag_names(ru) == ["act 2", "council"]
    version = ru.version
    services.entity_retag(instance=ru, add=["council"], remove=["never there"])
    ru.refresh_from_db()
    assert ru.version == version


def test_a_bad_tag_is_refused_naming_the_field_and_nothing_is_written(strands):
    elder = strands["elder"]
    with pytest.raises(ValidationError) as caught:
        services.entity_save(instance=elder, tags=["ok", "a, b", "x" * 101])
    assert "tags" in caught.value.message_dict
    elder.refresh_from_db()
    assert elder.version == 1 and services.entity_tag_names(elder) == []


@pytest.fixture
def editor(world):
    user = UserFactory()
    WorldMembershipFactory(world=world, user=user, role=WorldRole.EDITOR)
    return client_for(user)


def test_the_api_writes_reads_and_filters_by_tags(editor, world, strands):
    helena, ru, mira = strands["helena"], strands["ru"], strands["mira"]
    for character, tags in ((helena, ["Council", "act 2"]), (ru, ["council"]), (mira, ["act 2"])):
        answer = editor.patch(
            url(world, f"characters/{character.public_id}/"),
            {"version": character.version, "tags": tags},
            format="json",
        )
        assert answer.status_code == 200, answer.content
    assert answer.json()["tags"] == ["act 2"]

    def names(query: str) -> list[str]:
        found = editor.get(url(world, f"characters/?tags={query}")).json()["results"]
        return sorted(item["name"] for item in found)

    # Tag names match in any case; a list means every one of them.
    assert names("council") == ["Helena Strand", "Елена Странд"]
    assert names("act 2,COUNCIL") == ["Helena Strand"]
    assert names("nobody") == []


def test_the_api_refuses_a_bad_tag_with_a_400_naming_tags(editor, world, strands):
    mira = strands["mira"]
    answer = editor.patch(
        url(world, f"characters/{mira.public_id}/"),
        {"version": 1, "tags": ["fine", "one, two"]},
        format="json",
    )
    assert answer.status_code == 400
    assert "tags" in answer.content.decode()
    mira.refresh_from_db()
    assert mira.version == 1


def test_the_admin_saves_tags_through_the_service_and_filters_by_them(world, strands):
    client = staff_client(world)
    concept = ConceptFactory(world=world, name="Lantern Guild")
    path = reverse("admin:lorebase_concept_change", args=[concept.pk])
    fields = {"world": world.pk, "name": concept.name, "kind": concept.kind}
    saved = admin_post(client, path, {**fields, "tags": "faction, act 1"})
    assert saved.status_code == 302, saved.content.decode()[:2000]
    concept.refresh_from_db()
    assert services.entity_tag_names(concept) == ["act 1", "faction"]
    assert concept.version == 2
    other = ConceptFactory(world=world, name="Lantern Guild of the Fog")
    services.entity_save(instance=other, tags=["act 2"])
    tag = concept.tags.get(name="faction")
    listed = client.get(reverse("admin:lorebase_concept_changelist"), {"tags__id__exact": tag.pk})
    assert [c.name for c in listed.context["cl"].result_list] == ["Lantern Guild"]
    assert "act 1, faction" in listed.content.decode()


def test_tags_round_trip_through_the_git_export(world, tmp_path):
    chapter = ChapterFactory(world=world, number=1, title="The Fog Bell")
    pier = LocationFactory(world=world, name="Pier Nine")
    scene = SceneFactory(world=world, chapter=chapter, location=pier, title="Fog")
    concept = ConceptFactory(world=world, name="Гильдия фонарщиков")
    kay = CharacterFactory(world=world, name="Kay")
    ally = RelationFactory(
        world=world,
        source_character=kay,
        target_character=CharacterFactory(world=world, name="Kay Junior"),
    )
    for entity, tags in (
        (ally, ["spoiler", "арка 2"]),
        (chapter, ["act 1"]),
        (pier, ["needs art", "порт"]),
        (scene, ["act 1", "night"]),
        (concept, ["фракция"]),
        (kay, ["lead"]),
    ):
        services.entity_save(instance=entity, tags=tags)
    export(tmp_path / "first")
    first = tree(tmp_path / "first")
    pier_file = next(text for path, text in first.items() if "/locations/" in path)
    assert b"tags:\n- needs art\n- \xd0\xbf\xd0\xbe\xd1\x80\xd1\x82\n" in pier_file

    services.entity_delete(instance=world)
    import_world(tmp_path / "first")
    assert services.entity_tag_names(Location.objects.get(name="Pier Nine")) == [
        "needs art",
        "порт",
    ]
    assert services.entity_tag_names(Scene.objects.get(title="Fog")) == ["act 1", "night"]
    assert services.entity_tag_names(Concept.objects.get()) == ["фракция"]
    assert services.entity_tag_names(Character.objects.get(name="Kay")) == ["lead"]
    assert services.entity_tag_names(Relation.objects.get()) == ["spoiler", "арка 2"]
    export(tmp_path / "second")
    assert tree(tmp_path / "second") == first


def test_an_import_that_changes_only_tags_updates_them(world, tmp_path):
    kay = CharacterFactory(world=world, name="Kay")
    services.entity_save(instance=kay, tags=["lead"])
    export(tmp_path)
    path = next((tmp_path / "lantern-harbor" / "characters").glob("*.yaml"))
    path.write_text(path.read_text().replace("- lead\n", "- lead\n- act 3\n"))
    summary = import_world(tmp_path)
    assert summary["characters"]["updated"] == 1
    kay.refresh_from_db()
    assert services.entity_tag_names(kay) == ["act 3", "lead"]


def test_a_batch_of_creates_keeps_their_tags_and_a_bad_one_is_named(editor, world):
    operations = [
        {"op": "create", "type": "character", "data": {"name": name, "tags": tags}}
        for name, tags in (("Anya", ["lead", "act 1"]), ("Anya Marlowe", []), ("Аня", ["ru"]))
    ]
    answer = editor.post(url(world, "batch/"), {"operations": operations}, format="json")
    assert answer.status_code == 200, answer.content
    tagged = {c.name: services.entity_tag_names(c) for c in Character.objects.filter(world=world)}
    assert tagged == {"Anya": ["act 1", "lead"], "Anya Marlowe": [], "Аня": ["ru"]}

    bad = [{"op": "create", "type": "concept", "data": {"name": "Guild", "tags": ["a, b"]}}]
    refused = editor.post(url(world, "batch/"), {"operations": bad}, format="json")
    assert refused.status_code == 400
    assert "tags" in refused.content.decode()
    assert not Concept.objects.exists()


def test_the_admin_names_a_tag_too_long_on_its_field(world):
    client = staff_client(world)
    kay = CharacterFactory(world=world, name="Kay")
    path = reverse("admin:lorebase_character_change", args=[kay.pk])
    fields = {"world": world.pk, "name": "Kay", "status": "alive", "tags": "lead, " + "x" * 101}
    answer = admin_post(client, path, fields)
    assert answer.status_code == 200
    assert "at most 100 characters" in str(answer.context["adminform"].form.errors["tags"])
    kay.refresh_from_db()
    assert kay.version == 1


def test_search_keeps_only_results_carrying_every_tag(editor, world, strands):
    helena, elder, mira = strands["helena"], strands["elder"], strands["mira"]
    services.entity_save(instance=helena, tags=["Council", "act 2"])
    services.entity_save(instance=elder, tags=["council"])
    services.entity_save(instance=mira, tags=["act 2"])

    def found(**params: str) -> list[str]:
        answer = editor.get(url(world, "search/"), {"q": "Helena Strand", **params})
        assert answer.status_code == 200, answer.content
        return sorted(r["title"] for r in answer.json()["results"] if r["type"] == "character")

    assert {"Helena Strand", "Helena Strand the Elder"} <= set(found())
    assert found(tags="COUNCIL") == ["Helena Strand", "Helena Strand the Elder"]
    assert found(tags="council,act 2") == ["Helena Strand"]
    assert found(tags="nobody") == []
    refused = editor.get(url(world, "search/"), {"q": "Helena", "tags": "x" * 101})
    assert refused.status_code == 400 and "tags" in refused.content.decode()
