"""The Lantern Harbor demo world: content, idempotent loading, the command."""

from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command
from django.db.models import Q

from consistency.selectors import world_report
from lorebase.models import (
    RELATION_RULES,
    Chapter,
    Character,
    Concept,
    Location,
    Relation,
    Scene,
    SceneParticipant,
    World,
    WorldMembership,
    WorldRole,
)
from worldgen.demo import loader
from worldgen.demo.loader import DemoDataError, demo_world_counts, demo_world_load

from .factories import UserFactory

pytestmark = pytest.mark.django_db

SLUGS = {"en": "lantern-harbor", "ru": "lantern-harbor-ru"}
# Per edition: how Anya and Kay are called, and where they first met.
COUPLE = {
    "en": ("Anya", "Kay", "Pier Nine"),
    "ru": ("Аня", "Кай", "Девятый причал"),
}
MINIMUMS = {
    "chapters": 3,
    "locations": 6,
    "characters": 10,
    "scenes": 15,
    "concepts": 6,
    "relations": 12,
}
MODELS = (World, Chapter, Location, Character, Scene, Concept, Relation)


@pytest.fixture
def demo_worlds() -> dict[str, World]:
    return {world.language: world for world in demo_world_load()}


def called(world: World, name: str) -> Character:
    return Character.objects.get(Q(name=name) | Q(aliases__contains=[name]), world=world)


def snapshot() -> dict[str, set]:
    """Every row's (public id, version), per model, plus the cast of every scene."""
    rows = {m.__name__: set(m.objects.values_list("public_id", "version")) for m in MODELS}
    rows["cast"] = set(SceneParticipant.objects.values_list("pk", "role"))
    return rows


def test_both_editions_meet_the_minimums(demo_worlds):
    assert {lang: world.slug for lang, world in demo_worlds.items()} == SLUGS
    for world in demo_worlds.values():
        counts = demo_world_counts(world)
        assert counts["chapters"] == MINIMUMS["chapters"]
        for name, minimum in MINIMUMS.items():
            assert counts[name] >= minimum, (world.slug, name)
        scenes = Scene.objects.filter(world=world)
        assert {scene.chapter.number for scene in scenes} == {1, 2, 3}
        for scene in scenes:
            assert scene.location and scene.summary and scene.text, scene.title
            assert 2 <= scene.participations.count() <= 4, scene.title


def test_the_editions_mirror_each_other_with_their_own_ids(demo_worlds):
    en, ru = demo_worlds["en"], demo_worlds["ru"]
    assert demo_world_counts(en) == demo_world_counts(ru)
    for model in MODELS[1:]:
        en_ids = set(model.objects.filter(world=en).values_list("public_id", flat=True))
        ru_ids = set(model.objects.filter(world=ru).values_list("public_id", flat=True))
        assert en_ids and not en_ids & ru_ids, model.__name__
    assert en.public_id != ru.public_id


def test_public_ids_come_from_the_files(demo_worlds):
    for path in loader.DEMO_FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        world = World.objects.get(slug=data["world"]["slug"])
        assert str(world.public_id) == data["world"]["public_id"]
        wanted = {spec["public_id"] for spec in data["characters"]}
        stored = Character.objects.filter(world=world).values_list("public_id", flat=True)
        assert {str(public_id) for public_id in stored} == wanted


def test_loading_twice_creates_and_changes_nothing(demo_worlds):
    before = snapshot()
    # Freshly loaded, everything is at its first version.
    assert {version for model in MODELS[1:] for _, version in before[model.__name__]} == {1}
    assert demo_world_load() == []
    assert snapshot() == before


def test_every_relation_fits_the_rules_and_some_change_over_time(demo_worlds):
    for world in demo_worlds.values():
        relations = list(Relation.objects.filter(world=world))
        for relation in relations:
            pair = (relation.source_type, relation.target_type)
            assert pair in RELATION_RULES[relation.kind], str(relation)
        assert len({relation.kind for relation in relations}) >= 8
        assert sum(1 for r in relations if r.valid_from or r.valid_to) >= 4
        # An enemy who becomes an ally: Hollis hunts Kay, then marches with Anya.
        hollis = called(world, "Мира Холлис" if world.language == "ru" else "Mira Hollis")
        enmity = Relation.objects.get(world=world, kind="ENEMY_OF", source_character=hollis)
        alliance = Relation.objects.get(world=world, kind="ALLY_OF", source_character=hollis)
        assert enmity.valid_to.number < alliance.valid_from.number


def test_locations_form_a_hierarchy_without_cycles(demo_worlds):
    for world in demo_worlds.values():
        deepest = 0
        for place in Location.objects.filter(world=world):
            seen, depth = set(), 0
            while place is not None:
                assert place.pk not in seen, f"cycle at {place}"
                seen.add(place.pk)
                depth, place = depth + 1, place.parent
            deepest = max(deepest, depth)
        assert deepest >= 3
        roots = Location.objects.filter(world=world, parent=None)
        assert {root.kind for root in roots} == {Location.Kind.REGION}


def test_the_dead_have_a_status_chapter(demo_worlds):
    for world in demo_worlds.values():
        dead = Character.objects.filter(world=world, status=Character.Status.DEAD)
        assert dead.exists()
        assert all(character.status_chapter is not None for character in dead)
        assert dead.first().status_chapter.world == world


@pytest.mark.parametrize(
    ("language", "victim", "killer", "scene"),
    [
        ("en", "Tobias Wren", "Helena Strand", "Old Wren's Last Light"),
        ("ru", "Тобиас Рен", "Елена Странд", "Последний свет Старого Рена"),
    ],
)
def test_wren_is_killed_by_the_magistra_in_the_lamp_room(
    demo_worlds, language, victim, killer, scene
):
    wren = called(demo_worlds[language], victim)
    assert (wren.killed_by.name, wren.death_scene.title) == (killer, scene)
    assert wren.status_chapter == wren.death_scene.chapter and wren.status_chapter.number == 3
    assert wren.death_cause
    cast = wren.death_scene.participations.values_list("character__name", "role")
    assert (killer, SceneParticipant.Role.PRESENT) in set(cast)


def test_family_is_known_from_the_start_in_both_editions(demo_worlds):
    for world in demo_worlds.values():
        family = Relation.objects.filter(world=world, kind="FAMILY_OF")
        assert family.count() == 2 and all(r.known_from_start for r in family)
        assert not Relation.objects.filter(world=world, known_from_start=True).exclude(
            kind="FAMILY_OF"
        )


def test_the_demo_breaks_no_lore_rule(demo_worlds):
    for world in demo_worlds.values():
        report = world_report(world=world)
        assert report.findings == [], [f.message for f in report.findings]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_anya_and_kay_first_meet_on_pier_nine(demo_worlds, language):
    world = demo_worlds[language]
    anya_name, kay_name, meeting_place = COUPLE[language]
    anya, kay = called(world, anya_name), called(world, kay_name)
    shared = Scene.objects.filter(participants=anya).filter(participants=kay)
    assert shared.count() >= 2
    assert shared.first().location.name == meeting_place  # ordered by chapter, then order


def test_the_command_loads_with_an_owner_and_then_finds_it_there():
    user = UserFactory(username="lore-owner")
    out = StringIO()
    call_command("load_demo_world", "--owner", "lore-owner", stdout=out)
    assert "Loaded demo world “Lantern Harbor” (lantern-harbor, owner lore-owner)" in out.getvalue()
    assert "lantern-harbor-ru" in out.getvalue()
    for slug in SLUGS.values():
        membership = WorldMembership.objects.get(world__slug=slug, user=user)
        assert membership.role == WorldRole.OWNER
    again = StringIO()
    call_command("load_demo_world", "--owner", "lore-owner", stdout=again)
    assert "already there" in again.getvalue()
    assert WorldMembership.objects.filter(user=user).count() == 2


def test_without_an_owner_nobody_becomes_member(demo_worlds):
    assert not WorldMembership.objects.filter(world__in=demo_worlds.values()).exists()


def test_an_unknown_owner_is_refused_before_loading():
    with pytest.raises(CommandError, match="No user named 'ghost'"):
        call_command("load_demo_world", "--owner", "ghost")
    assert not World.objects.filter(slug__in=SLUGS.values()).exists()


def write_broken(tmp_path: Path, monkeypatch, data: object) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(loader, "DEMO_FILES", (broken,))


def break_relation(data: dict) -> None:
    data["relations"][0]["kind"] = "LIVES_IN"  # a character cannot live in a character


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (break_relation, r"relation #1 \(wren LIVES_IN anya\): kind: .*cannot link"),
        (
            lambda data: data["locations"][2].update(parent="nowhere"),
            r"location 'wick-quarter': no location with the key 'nowhere' is defined above",
        ),
        (
            lambda data: data["concepts"][0].update(key="anya"),
            r"concept 'anya': the key 'anya' is used twice",
        ),
        (lambda data: data["scenes"][1].update(chapter=7), r"scene 7\.2: no chapter 7"),
        (
            lambda data: data["characters"][3].update(killed_by="hollis"),
            r"character 'wren': no character with the key 'hollis' is defined above",
        ),
        (
            lambda data: data["scenes"][0].pop("participants"),
            r"scene 1\.1: missing field 'participants'",
        ),
    ],
)
def test_bad_data_fails_naming_the_file_and_the_entity(tmp_path, monkeypatch, spoil, message):
    data = yaml.safe_load(loader.DEMO_FILES[0].read_text(encoding="utf-8"))
    data["world"].update(slug="broken-harbor", public_id="0c0c0c0c-0000-4000-8000-000000000001")
    spoil(data)
    write_broken(tmp_path, monkeypatch, data)
    with pytest.raises(DemoDataError, match=r"^broken\.yaml: " + message):
        demo_world_load()
    assert not World.objects.filter(slug="broken-harbor").exists()  # rolled back whole


def test_the_command_reports_bad_data(tmp_path, monkeypatch):
    write_broken(tmp_path, monkeypatch, ["not", "a", "world"])
    with pytest.raises(CommandError, match=r"The demo data is invalid: broken\.yaml: expected"):
        call_command("load_demo_world")
