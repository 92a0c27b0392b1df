"""The admin as the content team uses it: pages, saves, inlines, scoping, history."""

import threading

import pytest
from django.db import connection
from django.db.models.signals import pre_save
from django.test import Client
from django.urls import reverse

from lorebase.admin_links import admin_change_urls
from lorebase.models import (
    Chapter,
    Character,
    Concept,
    Location,
    Relation,
    Scene,
    World,
    WorldMembership,
    WorldRole,
)
from tests.factories import (
    ChapterFactory,
    CharacterFactory,
    ConceptFactory,
    LocationFactory,
    RelationFactory,
    SceneFactory,
    SceneParticipantFactory,
    UserFactory,
    WorldFactory,
    WorldMembershipFactory,
)

pytestmark = pytest.mark.django_db


def _staff_client(world: World, role: str = WorldRole.EDITOR) -> Client:
    user = UserFactory(is_staff=True)
    WorldMembershipFactory(world=world, user=user, role=role)
    client = Client()
    client.force_login(user)
    return client


def _inline_management(response) -> dict[str, str]:
    """The management-form fields of every inline on an admin page."""
    data = {}
    if "inline_admin_formsets" not in response.context:  # e.g. the history revert page
        return data
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{name}"] = str(value)
        # Blank "extra" rows are not submitted; existing rows are.
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(len(formset.initial_forms))
        for index, form in enumerate(formset.initial_forms):
            data[f"{formset.prefix}-{index}-id"] = str(form.instance.pk)
    return data


def _post(client: Client, path: str, fields: dict) -> object:
    page = client.get(path)
    assert page.status_code == 200, path
    form = page.context["adminform"].form
    data = {**_inline_management(page), **fields}
    if "expected_version" in form.fields:
        data.setdefault("expected_version", form["expected_version"].value() or "")
    return client.post(path, data)


@pytest.fixture
def world():
    return WorldFactory(name="Lantern Harbor", slug="lantern-harbor")


def _entities(world: World) -> dict[type, object]:
    chapter = ChapterFactory(world=world, number=1, title="The Fog Bell")
    place = LocationFactory(world=world, name="Old Harbor")
    return {
        Chapter: chapter,
        Location: place,
        Character: CharacterFactory(world=world, name="Anya"),
        Concept: ConceptFactory(world=world, name="Lantern Guild"),
        Scene: SceneFactory(world=world, chapter=chapter, location=place, title="Fog"),
        Relation: RelationFactory(world=world),
    }


def _form_fields(model: type, world: World, entities: dict) -> dict[str, str]:
    chapter, place = entities[Chapter], entities[Location]
    return {
        Chapter: {"world": world.pk, "number": 2, "title": "Salt Wind"},
        Location: {
            "world": world.pk,
            "name": "Pier Nine",
            "kind": "building",
            "parent": place.pk,
            "aliases": "the Ninth\nold pier",
        },
        Character: {"world": world.pk, "name": "Kay", "status": "alive", "aliases": "K"},
        Concept: {"world": world.pk, "name": "Tide Magic", "kind": "magic"},
        Scene: {
            "world": world.pk,
            "chapter": chapter.pk,
            "order": 7,
            "title": "Night market",
            "location": place.pk,
        },
        Relation: {
            "world": world.pk,
            "kind": "MEMBER_OF",
            "source_character": entities[Character].pk,
            "target_concept": entities[Concept].pk,
        },
    }[model]


MODELS = [Chapter, Location, Character, Concept, Scene, Relation]


def _admin_url(model: type, view: str, *args) -> str:
    return reverse(f"admin:lorebase_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_add_and_change_pages_render_and_save(model, world):
    client = _staff_client(world)
    entities = _entities(world)
    assert client.get(_admin_url(model, "changelist")).status_code == 200

    before = model.objects.count()
    response = _post(client, _admin_url(model, "add"), _form_fields(model, world, entities))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert model.objects.count() == before + 1
    created = model.objects.order_by("-pk").first()
    assert created.world == world and created.version == 1

    change = _admin_url(model, "change", created.pk)
    fields = _form_fields(model, world, entities)
    response = _post(client, change, fields)
    assert response.status_code == 302, response.context["adminform"].form.errors
    created.refresh_from_db()
    assert created.version == 2
    page = client.get(change).content.decode()
    assert str(created.public_id) in page  # the id is shown read-only


def test_aliases_are_edited_one_per_line(world):
    client = _staff_client(world)
    _entities(world)
    _post(
        client,
        _admin_url(Location, "add"),
        {
            "world": world.pk,
            "name": "Pier Nine",
            "kind": "building",
            "aliases": " the Ninth \r\n\r\nold pier",
        },
    )
    assert Location.objects.get(name="Pier Nine").aliases == ["the Ninth", "old pier"]


def test_a_member_of_one_world_sees_nothing_of_another(world):
    theirs = WorldFactory(name="Ash Kingdom")
    hidden = _entities(theirs)
    _entities(world)
    client = _staff_client(world)
    for model in MODELS:
        listing = client.get(_admin_url(model, "changelist"))
        assert listing.context["cl"].result_count == model.objects.filter(world=world).count()
        response = client.get(_admin_url(model, "change", hidden[model].pk))
        assert response.status_code == 302  # "does not exist" for this user
    worlds = client.get(reverse("admin:lorebase_world_changelist"))
    assert [w.name for w in worlds.context["cl"].result_list] == ["Lantern Harbor"]
    autocomplete = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "lorebase",
            "model_name": "scene",
            "field_name": "location",
            "term": "",
        },
    )
    assert "Ash" not in autocomplete.content.decode()


def test_a_viewer_reads_but_cannot_save(world):
    entities = _entities(world)
    client = _staff_client(world, WorldRole.VIEWER)
    change = _admin_url(Character, "change", entities[Character].pk)
    assert client.get(change).status_code == 200
    assert client.post(change, {"name": "Changed"}).status_code == 403
    assert client.get(_admin_url(Character, "add")).status_code == 403
    entities[Character].refresh_from_db()
    assert entities[Character].name == "Anya"


def test_world_form_errors_speak_to_writers(world):
    entities = _entities(world)
    client = _staff_client(world)
    response = _post(
        client,
        _admin_url(Relation, "add"),
        {
            "world": world.pk,
            "kind": "LIVES_IN",
            "source_character": entities[Character].pk,
            "target_concept": entities[Concept].pk,
        },
    )
    assert response.status_code == 200
    assert "cannot link a character to a concept" in response.content.decode()
    assert Relation.objects.count() == 1


def test_a_concurrent_edit_is_caught(world):
    entities = _entities(world)
    client = _staff_client(world)
    change = _admin_url(Concept, "change", entities[Concept].pk)
    page = client.get(change)
    stale_version = page.context["adminform"].form["expected_version"].value()
    concept = entities[Concept]
    concept.description = "Changed by a colleague"
    from lorebase.services import entity_save

    entity_save(instance=concept)
    response = client.post(
        change,
        {
            **_inline_management(page),
            "world": world.pk,
            "name": "Mine",
            "kind": "faction",
            "expected_version": stale_version,
        },
    )
    assert response.status_code == 200
    assert "Someone else saved this while you were editing it" in response.content.decode()
    concept.refresh_from_db()
    assert concept.name == "Lantern Guild"


@pytest.mark.django_db(transaction=True)
def test_two_saves_at_the_same_moment_cannot_both_win(world):
    """Both editors opened version 1; the first save holds the row while the second
    arrives: the second is refused, with a link to the history, not written over it."""
    concept = ConceptFactory(world=world, name="Lantern Guild")
    change = _admin_url(Concept, "change", concept.pk)
    clients = [_staff_client(world), _staff_client(world)]
    pages = [client.get(change) for client in clients]
    first_saving, release = threading.Event(), threading.Event()

    def hold_the_first(sender, instance, **kwargs) -> None:
        if type(instance) is Concept and instance.name == "Гильдия фонарщиков":
            first_saving.set()
            release.wait(10)

    answers: dict[str, object] = {}

    def save(index: int, name: str) -> None:
        fields = {"world": world.pk, "name": name, "kind": "faction", "expected_version": 1}
        answers[name] = clients[index].post(change, {**_inline_management(pages[index]), **fields})
        connection.close()  # this thread's own connection

    pre_save.connect(hold_the_first, weak=False, dispatch_uid="hold-the-first")
    try:
        first = threading.Thread(target=save, args=(0, "Гильдия фонарщиков"))
        first.start()
        assert first_saving.wait(10)
        second = threading.Thread(target=save, args=(1, "Lantern Guild of Voss"))
        second.start()
        second.join(1.0)  # it reaches the version check while the first holds the row
        release.set()
        first.join(10)
        second.join(10)
    finally:
        pre_save.disconnect(dispatch_uid="hold-the-first")
    assert answers["Гильдия фонарщиков"].status_code == 302
    refused = answers["Lantern Guild of Voss"]
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Someone else saved this while you were editing it (it is now at version 2)" in page
    assert _admin_url(Concept, "history", concept.pk) in page
    concept.refresh_from_db()
    assert (concept.name, concept.version) == ("Гильдия фонарщиков", 2)


def test_relations_added_inline_belong_to_the_world(world):
    entities = _entities(world)
    client = _staff_client(world)
    anya, kay = entities[Character], CharacterFactory(world=world, name="Kay")
    change = _admin_url(Character, "change", anya.pk)
    page = client.get(change)
    data = {
        **_inline_management(page),
        "world": world.pk,
        "name": "Anya",
        "status": "alive",
        "expected_version": anya.version,
    }
    prefix = page.context["inline_admin_formsets"][0].formset.prefix
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-0-kind": "KNOWS",
            f"{prefix}-0-target_character": kay.pk,
        }
    )
    response = client.post(change, data)
    assert response.status_code == 302, response.context["inline_admin_formsets"][0].formset.errors
    relation = Relation.objects.get(source_character=anya, target_character=kay)
    assert relation.world == world and relation.version == 1


def test_changing_the_cast_inline_is_a_new_scene_version(world):
    entities = _entities(world)
    scene, anya = entities[Scene], entities[Character]
    client = _staff_client(world)
    change = _admin_url(Scene, "change", scene.pk)
    page = client.get(change)
    prefix = page.context["inline_admin_formsets"][0].formset.prefix
    data = {
        **_inline_management(page),
        "world": world.pk,
        "chapter": scene.chapter.pk,
        "order": scene.order,
        "title": scene.title,
        "location": scene.location.pk,
        "expected_version": scene.version,
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-0-character": anya.pk,
        f"{prefix}-0-role": "speaker",
    }
    assert client.post(change, data).status_code == 302
    scene.refresh_from_db()
    assert scene.version == 3  # saved (2), then its cast changed (3)
    assert list(scene.participations.values_list("role", flat=True)) == ["speaker"]


def test_history_is_listed_and_a_revert_makes_a_new_version(world):
    entities = _entities(world)
    client = _staff_client(world)
    place = entities[Location]
    _post(
        client,
        _admin_url(Location, "change", place.pk),
        {"world": world.pk, "name": "New Harbor", "kind": "city"},
    )
    place.refresh_from_db()
    assert (place.name, place.version) == ("New Harbor", 2)
    history = client.get(_admin_url(Location, "history", place.pk))
    assert history.status_code == 200 and "New Harbor" in history.content.decode()

    first = place.history.earliest()
    revert = reverse("admin:lorebase_location_simple_history", args=[place.pk, first.pk])
    page = client.get(revert)
    assert page.status_code == 200
    response = client.post(
        revert,
        {**_inline_management(page), "world": world.pk, "name": first.name, "kind": first.kind},
    )
    assert response.status_code == 302
    place.refresh_from_db()
    assert (place.name, place.version) == ("Old Harbor", 3)


def test_creating_a_world_in_the_admin_makes_the_creator_owner():
    user = UserFactory(is_staff=True)
    client = Client()
    client.force_login(user)
    response = _post(
        client,
        reverse("admin:lorebase_world_add"),
        {
            "name": "Salt Isles",
            "slug": "salt-isles",
            "language": "ru",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    world = World.objects.get(slug="salt-isles")
    assert WorldMembership.objects.get(world=world, user=user).role == "owner"
    assert client.get(reverse("admin:lorebase_world_change", args=[world.pk])).status_code == 200
    assert SceneParticipantFactory._meta.model.objects.count() == 0


def _character_fields(world: World, **fields) -> dict:
    return {"world": world.pk, "name": "Aldric", "status": "alive", **fields}


def test_a_death_is_saved_on_the_character_page_and_read_back(world):
    entities = _entities(world)
    client = _staff_client(world)
    killer = CharacterFactory(world=world, name="Ser Aldric")
    scene = entities[Scene]  # in chapter 1
    response = _post(
        client,
        _admin_url(Character, "add"),
        _character_fields(
            world,
            status="dead",
            killed_by=killer.pk,
            death_scene=scene.pk,
            death_cause="Run through on the ice of the harbour.",
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    victim = Character.objects.get(name="Aldric")
    assert (victim.killed_by, victim.death_scene) == (killer, scene)
    assert victim.status_chapter == entities[Chapter]  # filled in from the scene

    change = _admin_url(Character, "change", victim.pk)
    page = client.get(change)
    death = next(f for f in page.context["adminform"] if f.name == "Death")
    assert [name for line in death for name in line.fields] == [
        "status",
        "status_chapter",
        "killed_by",
        "death_scene",
        "death_cause",
    ]
    assert page.context["adminform"].form["killed_by"].value() == killer.pk
    guard = CharacterFactory(world=world, name="Guard #2")
    form = page.context["adminform"].form
    fields = {name: form[name].value() or "" for name in form.fields}
    response = _post(client, change, {**fields, "killed_by": guard.pk})
    assert response.status_code == 302, response.context["adminform"].form.errors
    victim.refresh_from_db()
    assert victim.killed_by == guard and victim.version == 2

    listing = client.get(_admin_url(Character, "changelist")).content.decode()
    assert "Guard #2" in listing  # the killer is a column of the list

    CharacterFactory(world=WorldFactory(name="Ash Kingdom"), name="Ser Aldric of Ash")
    for field_name in ("killed_by", "death_scene"):
        offered = client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": "lorebase",
                "model_name": "character",
                "field_name": field_name,
                "term": "",
            },
        )
        assert offered.status_code == 200
        assert "Ash" not in offered.content.decode()
    assert "Fog" in offered.content.decode()  # the world's own scene is offered


def test_a_death_the_model_refuses_is_shown_on_the_form(world):
    _entities(world)
    elsewhere = WorldFactory(name="Ash Kingdom")
    user = UserFactory(is_staff=True)
    for member_of in (world, elsewhere):  # so the autocomplete offers both worlds' people
        WorldMembershipFactory(world=member_of, user=user, role=WorldRole.EDITOR)
    client = Client()
    client.force_login(user)
    stranger = CharacterFactory(world=elsewhere, name="Ser Aldric")
    cases = [
        (
            _character_fields(world, status="dead", killed_by=stranger.pk),
            "belongs to another world",
        ),
        (
            _character_fields(world, killed_by=CharacterFactory(world=world).pk),
            "set the status to dead first",
        ),
    ]
    for fields, reason in cases:
        response = _post(client, _admin_url(Character, "add"), fields)
        assert response.status_code == 200
        assert reason in " ".join(response.context["adminform"].form.errors["killed_by"])
        assert reason in response.content.decode()
    assert not Character.objects.filter(name="Aldric").exists()


def test_relations_inline_and_in_their_own_page_show_known_from_start(world):
    entities = _entities(world)
    client = _staff_client(world)
    anya, daniel = entities[Character], CharacterFactory(world=world, name="Daniel Marlowe")
    change = _admin_url(Character, "change", anya.pk)
    page = client.get(change)
    outgoing = page.context["inline_admin_formsets"][0].formset
    assert "known_from_start" in outgoing.form.base_fields
    prefix = outgoing.prefix
    response = _post(
        client,
        change,
        {
            **_character_fields(world, name="Anya"),
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-0-kind": "FAMILY_OF",
            f"{prefix}-0-target_character": daniel.pk,
            f"{prefix}-0-known_from_start": "on",
        },
    )
    assert response.status_code == 302
    relation = Relation.objects.get(source_character=anya, target_character=daniel)
    assert relation.known_from_start
    listing = client.get(_admin_url(Relation, "changelist"), {"known_from_start__exact": "1"})
    assert list(listing.context["cl"].result_list) == [relation]


def test_admin_links_point_at_each_change_page_and_skip_what_was_deleted(world):
    kay = CharacterFactory(world=world, name="Kay")
    harbour = LocationFactory(world=world, name="Harbour")
    gone = CharacterFactory(world=world, name="Gone")
    gone_id = str(gone.public_id)
    gone.delete()
    links = admin_change_urls(
        [
            ("character", str(kay.public_id)),
            ("location", harbour.public_id),  # a UUID as well as its text
            ("character", gone_id),
            ("world", str(world.public_id)),
        ]
    )
    assert links == {
        ("character", str(kay.public_id)): reverse(
            "admin:lorebase_character_change", args=[kay.pk]
        ),
        ("location", str(harbour.public_id)): reverse(
            "admin:lorebase_location_change", args=[harbour.pk]
        ),
        ("world", str(world.public_id)): reverse("admin:lorebase_world_change", args=[world.pk]),
    }
