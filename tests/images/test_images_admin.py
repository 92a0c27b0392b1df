"""Pictures in the admin: the upload page and the thumbnails on the owner's page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lorebase.models import EntityImage, WorldRole
from tests.factories import (
    CharacterFactory,
    LocationFactory,
    WorldFactory,
)
from tests.images.conftest import bomb, picture
from tests.test_admin import _staff_client as staff_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return WorldFactory(name="Lantern Harbor", slug="lantern-harbor")


def test_an_upload_shows_its_thumbnail_on_the_characters_page(world):
    client = staff_client(world)
    kay = CharacterFactory(world=world, name="Kay 2")
    page = reverse("admin:lorebase_character_images", args=[kay.pk])
    sent = client.post(
        page,
        {"kind": "portrait", "label": "", "file": SimpleUploadedFile("kay.png", picture())},
    )
    assert sent.status_code == 302
    image = EntityImage.objects.get(character=kay)
    change = client.get(reverse("admin:lorebase_character_change", args=[kay.pk])).content.decode()
    thumbnail = reverse("image-thumbnail", args=[world.public_id, image.public_id])
    assert f'src="{thumbnail}"' in change
    assert client.get(thumbnail)["Content-Type"] == "image/png"
    kay.refresh_from_db()
    assert kay.version == 2


def test_the_upload_page_offers_the_owners_kinds_and_names_a_bad_file(world):
    client = staff_client(world)
    pier = LocationFactory(world=world, name="Pier Nine")
    page = reverse("admin:lorebase_location_images", args=[pier.pk])
    form = client.get(page).context["form"]
    assert [value for value, _ in form.fields["kind"].choices] == ["background"]
    refused = client.post(
        page, {"kind": "background", "file": SimpleUploadedFile("fog.png", bomb())}
    )
    assert refused.status_code == 200
    assert "too many pixels" in str(refused.context["form"].errors["file"])
    assert not EntityImage.objects.exists()


def test_a_viewer_sees_the_page_but_cannot_upload(world):
    client = staff_client(world, WorldRole.VIEWER)
    kay = CharacterFactory(world=world, name="Kay")
    page = reverse("admin:lorebase_character_images", args=[kay.pk])
    assert client.get(page).status_code == 200
    sent = client.post(page, {"kind": "sprite", "file": SimpleUploadedFile("k.png", picture())})
    assert sent.status_code == 403
