"""Pictures through the API: upload, checks by decoding, serving, deleting."""

from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.storage import storages
from PIL import Image

from lorebase import images
from lorebase.models import Change, Character, EntityImage, WorldRole
from tests.api.conftest import url
from tests.conftest import client_for
from tests.factories import (
    CharacterFactory,
    ConceptFactory,
    SceneFactory,
    UserFactory,
    WorldFactory,
    WorldMembershipFactory,
)
from tests.images.conftest import bomb, picture

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return WorldFactory(name="Гавань фонарей", slug="gavan", language="ru")


@pytest.fixture
def editor(world):
    user = UserFactory()
    WorldMembershipFactory(world=world, user=user, role=WorldRole.EDITOR)
    return client_for(user)


@pytest.fixture
def anya(world):
    CharacterFactory(world=world, name="Аня Стрэнд")  # same surname, name inside a name
    return CharacterFactory(world=world, name="Аня")


def upload(client, world, entity, kind: str, data: bytes, name: str = "a.png", label: str = ""):
    return client.post(
        url(world, "images/"),
        {"entity": str(entity.public_id), "kind": kind, "label": label, "file": _file(data, name)},
        format="multipart",
    )


def fields_of(answer) -> list[str]:
    return [error["field"] for error in answer.json()["errors"]]


def _file(data: bytes, name: str) -> BytesIO:
    handle = BytesIO(data)
    handle.name = name
    return handle


def test_a_portrait_is_stored_thumbnailed_served_and_a_new_version(editor, world, anya):
    answer = upload(editor, world, anya, "portrait", picture("PNG", (800, 1200)))
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert (body["kind"], body["width"], body["height"]) == ("portrait", 800, 1200)
    assert body["content_type"] == "image/png" and body["entity"] == str(anya.public_id)
    anya.refresh_from_db()
    assert anya.version == 2 and anya.portrait.public_id.hex == body["id"].replace("-", "")
    assert Change.objects.filter(entity_id=anya.public_id, version=2).exists()
    assert anya.history.first().history_change_reason.startswith("Image added: Portrait")

    served = editor.get(body["file_url"])
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    thumb = editor.get(body["thumbnail_url"])
    assert thumb["Content-Type"] == "image/png"
    with Image.open(BytesIO(thumb.content)) as small:
        assert max(small.size) == 256 and small.size == (171, 256)


def test_a_jpeg_background_of_a_scene_keeps_its_type(editor, world):
    scene = SceneFactory(world=world, title="Пирс 9")
    answer = upload(editor, world, scene, "background", picture("JPEG"), "pier.jpg", "ночь")
    assert answer.status_code == 201, answer.content
    assert answer.json()["label"] == "ночь"
    assert editor.get(answer.json()["file_url"])["Content-Type"] == "image/jpeg"
    listed = editor.get(url(world, f"images/?entity={scene.public_id}")).json()
    assert [item["kind"] for item in listed] == ["background"]


def test_the_same_bytes_are_stored_once_and_a_new_portrait_replaces_the_old(editor, world, anya):
    first = upload(editor, world, anya, "portrait", picture(colour="red")).json()
    again = upload(editor, world, anya, "portrait", picture(colour="red")).json()
    assert first["content_hash"] == again["content_hash"]
    assert EntityImage.objects.filter(character=anya).count() == 1
    files = list((Path(storages["default"].location) / "images").iterdir())
    assert len(files) == 1


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"Not a picture at all: just words.", "notes.png", "not a picture"),
        (picture("BMP"), "old.bmp", "A BMP file is not accepted"),
        (picture("PNG")[:200], "cut.png", "not a picture"),
    ],
)
def test_a_file_that_is_not_an_allowed_picture_is_a_400_naming_file(
    editor, world, anya, data, name, reason
):
    answer = upload(editor, world, anya, "sprite", data, name)
    assert answer.status_code == 400
    assert fields_of(answer) == ["file"]
    assert reason in answer.json()["errors"][0]["detail"]
    assert not EntityImage.objects.exists()
    assert Character.objects.get(pk=anya.pk).version == 1


def test_a_decompression_bomb_is_refused_before_it_is_decoded(editor, world, anya):
    data = bomb()
    assert len(data) < 100_000
    answer = upload(editor, world, anya, "sprite", data)
    assert answer.status_code == 400 and fields_of(answer) == ["file"]
    assert "too many pixels" in answer.json()["errors"][0]["detail"]
    assert not EntityImage.objects.exists()


def test_a_file_over_the_upload_limit_is_a_400_and_a_body_far_over_it_a_413(
    editor, world, anya, settings
):
    settings.IMAGE_MAX_UPLOAD_BYTES = 2_000
    big = picture("PNG", (400, 400), "white") + b"\0" * 3_000
    answer = upload(editor, world, anya, "sprite", big)
    assert answer.status_code == 400 and fields_of(answer) == ["file"]
    assert "larger than 2,000 bytes" in answer.json()["errors"][0]["detail"]
    huge = b"\0" * 200_000
    assert upload(editor, world, anya, "sprite", huge).status_code == 413


def test_the_image_endpoint_takes_more_than_the_general_body_limit(editor, world, anya, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    noisy = Image.effect_noise((400, 400), 80).convert("RGB")
    out = BytesIO()
    noisy.save(out, format="PNG")
    assert len(out.getvalue()) > 10_000
    assert upload(editor, world, anya, "sprite", out.getvalue()).status_code == 201


def test_a_kind_the_owner_does_not_take_is_a_400_naming_kind(editor, world):
    guild = ConceptFactory(world=world, name="Гильдия")
    answer = upload(editor, world, guild, "portrait", picture())
    assert answer.status_code == 400 and fields_of(answer) == ["kind"]
    assert "reference" in answer.json()["errors"][0]["detail"]


def test_an_unknown_entity_is_a_400_naming_entity(editor, world, anya):
    other = CharacterFactory(name="Kay")  # another world
    answer = upload(editor, world, other, "portrait", picture())
    assert answer.status_code == 400 and fields_of(answer) == ["entity"]


def test_viewers_read_but_do_not_upload_and_delete_is_a_new_version(editor, world, anya):
    viewer_user = UserFactory()
    WorldMembershipFactory(world=world, user=viewer_user, role=WorldRole.VIEWER)
    viewer = client_for(viewer_user)
    assert upload(viewer, world, anya, "sprite", picture()).status_code == 403
    made = upload(editor, world, anya, "sprite", picture(), label="smiling").json()
    assert viewer.get(made["thumbnail_url"]).status_code == 200
    assert editor.delete(url(world, f"images/{made['id']}/")).status_code == 204
    anya.refresh_from_db()
    assert anya.version == 3 and not anya.images.exists()


def test_an_image_id_that_is_no_uuid_or_of_another_world_is_a_404(editor, world, anya):
    assert editor.get(url(world, "images/not-an-id/")).status_code == 404
    elsewhere = CharacterFactory(name="Kay")
    other = images.image_add(owner=elsewhere, kind="portrait", data=picture())
    assert editor.get(url(world, f"images/{other.public_id}/file/")).status_code == 404
