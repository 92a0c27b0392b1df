"""Character cards cut at a chapter, Character Card V3, and the card PNG."""

import base64
import io
import json

import pytest
from django.core.management import CommandError, call_command
from PIL import Image

from exports.card_png import PortraitUnreadable, card_png
from exports.cards import character_card, character_card_v3
from lorebase.images import image_add
from lorebase.models import Character, SceneParticipant, WorldRole
from tests.api.conftest import _client_for
from tests.factories import (
    ChapterFactory,
    CharacterFactory,
    ConceptFactory,
    LocationFactory,
    RelationFactory,
    SceneFactory,
    SceneParticipantFactory,
    WorldFactory,
)

pytestmark = pytest.mark.django_db

SPEAKER = SceneParticipant.Role.SPEAKER

# The data fields of a Character Card V3 (kwaroran/character-card-spec-v3, SPEC_V3.md):
# those every card has, then the optional ones this export always fills.
V3_REQUIRED = {
    "name": str, "description": str, "tags": list, "creator": str, "character_version": str,
    "mes_example": str, "extensions": dict, "system_prompt": str,
    "post_history_instructions": str, "first_mes": str, "alternate_greetings": list,
    "personality": str, "scenario": str, "creator_notes": str, "group_only_greetings": list,
}  # fmt: skip
V3_OPTIONAL = {
    "character_book": dict,
    "source": list,
    "creation_date": int,
    "modification_date": int,
}
V3_BOOK = {"extensions": dict, "entries": list}
V3_ENTRY = {
    "keys": list, "content": str, "extensions": dict, "enabled": bool, "insertion_order": int,
    "use_regex": bool, "case_sensitive": bool, "constant": bool,
}  # fmt: skip


@pytest.fixture
def story():
    """Анна Волкова across three chapters; her brother Кай Волков appears in chapter 3,
    a namesake Анна (Анна-Мария) only in chapter 2, and Анна dies in chapter 3."""
    world = WorldFactory(slug="volkov-harbour", description="Порт в тумане.")
    one, two, three = (ChapterFactory(world=world, number=n) for n in (1, 2, 3))
    anna = CharacterFactory(world=world, name="Анна Волкова", aliases=["Аня"])
    kai = CharacterFactory(world=world, name="Кай Волков")
    namesake = CharacterFactory(world=world, name="Анна-Мария Волкова")
    pier = LocationFactory(world=world, name="Pier 9")
    tower = LocationFactory(world=world, name="Pier 9 Tower")
    guild = ConceptFactory(world=world, name="Гильдия фонарщиков")
    first = SceneFactory(
        world=world, chapter=one, order=1, title="Туман", summary="Анна на пирсе.", location=pier
    )
    SceneParticipantFactory(scene=first, character=anna, role=SPEAKER)
    meeting = SceneFactory(
        world=world, chapter=two, order=1, title="Две Анны", summary="Тёзки.", location=pier
    )
    SceneParticipantFactory(scene=meeting, character=anna)
    SceneParticipantFactory(scene=meeting, character=namesake, role=SPEAKER)
    ending = SceneFactory(
        world=world, chapter=three, order=1, title="Башня", summary="Кай вернулся.", location=tower
    )
    SceneParticipantFactory(scene=ending, character=anna)
    SceneParticipantFactory(scene=ending, character=kai, role=SPEAKER)
    RelationFactory(world=world, kind="FAMILY_OF", source_character=anna, target_character=kai)
    RelationFactory(world=world, source_character=anna, target_character=namesake, valid_from=two)
    RelationFactory(
        world=world,
        kind="MEMBER_OF",
        source_character=anna,
        target_character=None,
        target_concept=guild,
        valid_from=three,
    )
    anna.status, anna.status_chapter, anna.death_scene = Character.Status.DEAD, three, ending
    anna.killed_by, anna.death_cause = kai, "Упала с башни."
    anna.save()
    return world, anna


def _ids(card: dict) -> set[str]:
    return {e["extensions"]["lorebase"]["id"] for e in card["data"]["character_book"]["entries"]}


def _names(card: dict) -> set[str]:
    return {e["name"] for e in card["data"]["character_book"]["entries"]}


@pytest.mark.parametrize(
    ("as_of", "names"),
    [
        (1, {"Туман", "Pier 9"}),
        (
            2,
            {
                "Туман", "Две Анны", "Pier 9",
                "Анна Волкова knows Анна-Мария Волкова",
            },
        ),
        (
            3,
            {
                "Туман", "Две Анны", "Башня", "Pier 9", "Pier 9 Tower", "Гильдия фонарщиков",
                "Анна Волкова knows Анна-Мария Волкова",
                "Анна Волкова is family of Кай Волков",
                "Анна Волкова is a member of Гильдия фонарщиков",
            },
        ),
    ],
)  # fmt: skip
def test_a_card_at_a_chapter_knows_nothing_from_after_it(story, as_of, names):
    _world, anna = story
    card = character_card(anna, as_of=as_of)
    assert _names(card) == names
    text = json.dumps(card, ensure_ascii=False)
    if as_of < 3:
        # Kai is first seen in chapter 3: neither he, the tower nor her death is known yet.
        assert "Кай" not in text and "Tower" not in text and "башни" not in text
        lore = card["data"]["extensions"]["lorebase"]
        assert (lore["status"], lore["death"], lore["as_of_chapter"]) == ("alive", None, as_of)
        assert "Alive" in card["data"]["tags"]
    assert f"by the end of chapter {as_of}" in card["data"]["character_book"]["description"]


def test_without_a_chapter_the_card_is_the_whole_story_and_says_so(story):
    _world, anna = story
    card = character_card(anna)
    assert _ids(card) == _ids(character_card(anna, as_of=3))
    assert card["data"]["extensions"]["lorebase"]["as_of_chapter"] is None
    assert card["data"]["extensions"]["lorebase"]["death"]["cause"] == "Упала с башни."
    assert "in the whole story" in card["data"]["character_book"]["description"]


def _check_fields(obj: dict, fields: dict[str, type], where: str) -> None:
    for name, kind in fields.items():
        assert isinstance(obj.get(name), kind), f"{where}.{name}: {obj.get(name)!r}"


def test_the_v3_card_has_every_field_of_the_v3_list(story):
    world, anna = story
    card = character_card_v3(anna, as_of=2)
    assert (card["spec"], card["spec_version"]) == ("chara_card_v3", "3.0")
    data = card["data"]
    _check_fields(data, V3_REQUIRED | V3_OPTIONAL, "data")
    _check_fields(data["character_book"], V3_BOOK, "character_book")
    assert data["character_book"]["entries"]
    for entry in data["character_book"]["entries"]:
        _check_fields(entry, V3_ENTRY, "entry")
        assert entry["use_regex"] is False and entry["keys"]
    assert data["source"] == [f"lorebase:{world.public_id}/{anna.public_id}"]
    assert data["creation_date"] <= data["modification_date"]
    assert _names(card) == _names(character_card(anna, as_of=2))


def _portrait() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (24, 32), (180, 40, 60)).save(out, format="JPEG")
    return out.getvalue()


def _chunks(png: bytes) -> dict[str, dict]:
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (24, 32)
    return {key: json.loads(base64.b64decode(value)) for key, value in image.text.items()}


def test_the_png_carries_the_v3_card_in_ccv3_and_the_v2_card_in_chara(story):
    _world, anna = story
    v3, v2 = character_card_v3(anna, as_of=1), character_card(anna, as_of=1)
    assert _chunks(card_png(_portrait(), v3=v3, v2=v2)) == {"ccv3": v3, "chara": v2}


def test_a_portrait_that_is_not_an_image_is_refused(story):
    with pytest.raises(PortraitUnreadable):
        card_png(b"GIF89a but not really", v3={}, v2={})


def test_the_command_writes_the_card_png_cut_at_a_chapter(story, tmp_path):
    world, anna = story
    (tmp_path / "anna.jpg").write_bytes(_portrait())
    out = tmp_path / "anna.png"
    call_command(
        "export_card", str(anna.public_id), world=world.slug, as_of_chapter=2,
        portrait=tmp_path / "anna.jpg", out=out,
    )  # fmt: skip
    chunks = _chunks(out.read_bytes())
    assert chunks["ccv3"]["spec"] == "chara_card_v3"
    assert _names(chunks["ccv3"]) == _names(character_card(anna, as_of=2))
    assert "Кай" not in json.dumps(chunks, ensure_ascii=False)


def test_the_command_refuses_an_unknown_chapter_and_a_broken_portrait(story, tmp_path):
    world, anna = story
    with pytest.raises(CommandError, match="--as-of-chapter: volkov-harbour has no chapter 7"):
        call_command("export_card", str(anna.public_id), world=world.slug, as_of_chapter=7)
    (tmp_path / "broken.png").write_bytes(b"\x89PNG broken")
    with pytest.raises(CommandError, match="--portrait"):
        call_command(
            "export_card", str(anna.public_id), world=world.slug,
            portrait=tmp_path / "broken.png", out=tmp_path / "out.png",
        )  # fmt: skip
    assert not (tmp_path / "out.png").exists()


def test_the_command_prints_the_json_card(story, capsys):
    world, anna = story
    call_command("export_card", str(anna.public_id), world=world.slug, spec="v2", as_of_chapter=1)
    assert json.loads(capsys.readouterr().out) == character_card(anna, as_of=1)


def _get(client, world, character, query: str):
    url = f"/api/v1/worlds/{world.public_id}/characters/{character.public_id}/card/"
    return client.get(url + query)


def test_the_endpoint_cuts_at_a_chapter_and_serves_v3(story):
    world, anna = story
    viewer = _client_for(world, WorldRole.VIEWER)
    response = _get(viewer, world, anna, "?as_of_chapter=1&spec=v3")
    assert response.status_code == 200, response.content
    assert response.json() == json.loads(
        json.dumps(character_card_v3(anna, as_of=1), ensure_ascii=False)
    )
    whole = _get(viewer, world, anna, "").json()
    assert whole["spec"] == "chara_card_v2" and "Кай Волков" in json.dumps(
        whole, ensure_ascii=False
    )


@pytest.mark.parametrize(
    ("query", "field", "reason"),
    [
        ("?as_of_chapter=4", "as_of_chapter", "no chapter 4 (its chapters: 1–3)"),
        ("?as_of_chapter=three", "as_of_chapter", "integer"),
        ("?as_of_chapter=0", "as_of_chapter", "greater than or equal to 1"),
        ("?spec=v4", "spec", "not a valid choice"),
    ],
)
def test_a_bad_card_parameter_is_400_naming_it(story, query, field, reason):
    world, anna = story
    response = _get(_client_for(world, WorldRole.VIEWER), world, anna, query)
    assert response.status_code == 400
    assert field in response.content.decode() and reason in response.content.decode()


def test_the_portrait_endpoint_serves_the_png_with_both_cards_cut_at_a_chapter(
    story, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    world, anna = story
    viewer = _client_for(world, WorldRole.VIEWER)
    url = f"/api/v1/worlds/{world.public_id}/characters/{anna.public_id}/card/png/"
    missing = viewer.get(url)
    assert missing.status_code == 404 and "no portrait" in missing.content.decode()
    image_add(owner=anna, kind="portrait", data=_portrait())
    anna.refresh_from_db()
    response = viewer.get(url + "?as_of_chapter=2")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    chunks = _chunks(response.content)
    assert chunks == {
        "ccv3": json.loads(json.dumps(character_card_v3(anna, as_of=2), ensure_ascii=False)),
        "chara": json.loads(json.dumps(character_card(anna, as_of=2), ensure_ascii=False)),
    }
    assert "Кай Волков" not in json.dumps(chunks, ensure_ascii=False)
    assert viewer.get(url + "?as_of_chapter=9").status_code == 400
