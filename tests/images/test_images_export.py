"""Pictures in the Git export, the snapshot and the import: by content hash, both ways."""

import hashlib
import io
import zipfile

import pytest

from exports.importer import InvalidFile
from exports.services import import_world, snapshot_zip
from lorebase import images, services
from lorebase.models import Character, EntityImage, Scene, World
from tests.exports.conftest import commits, export, touched, tree
from tests.factories import CharacterFactory, ConceptFactory, SceneFactory, WorldFactory
from tests.images.conftest import picture

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = WorldFactory(name="Lantern Harbor", slug="lantern-harbor")
    anya = CharacterFactory(world=world, name="Anya")
    CharacterFactory(world=world, name="Anya Strand")
    scene = SceneFactory(world=world, title="Pier 9 at night")
    guild = ConceptFactory(world=world, name="Гильдия")
    images.image_add(owner=anya, kind="portrait", data=picture(colour="red"))
    images.image_add(owner=anya, kind="sprite", label="smiling", data=picture(colour="blue"))
    # The same bytes twice: one file in the export.
    images.image_add(owner=scene, kind="background", data=picture("JPEG", colour="navy"))
    images.image_add(owner=guild, kind="reference", data=picture("JPEG", colour="navy"))
    return world


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_the_export_names_pictures_by_hash_and_round_trips_byte_for_byte(world, tmp_path):
    export(tmp_path / "first")
    first = tree(tmp_path / "first")
    pictures = sorted(path for path in first if "/images/" in path)
    assert len(pictures) == 3
    for path in pictures:
        assert path.rsplit("/", 1)[1].split(".")[0] == _hash(first[path])
    anya_file = next(v for p, v in first.items() if "/characters/" in p and p.endswith("anya.yaml"))
    assert b"images:\n- kind: portrait\n  label: ''\n  file: " in anya_file

    services.entity_delete(instance=world)
    assert not EntityImage.objects.exists()
    import_world(tmp_path / "first")
    anya = Character.objects.get(name="Anya")
    assert anya.portrait is not None and anya.portrait.content_type == "image/png"
    assert images.image_read(anya.portrait) == picture(colour="red")
    assert Scene.objects.get().images.get().kind == "background"
    export(tmp_path / "second")
    assert tree(tmp_path / "second") == first


def test_a_removed_picture_leaves_the_export_and_an_unchanged_one_is_not_rewritten(world, tmp_path):
    export(tmp_path)
    sprite = EntityImage.objects.get(kind="sprite")
    images.image_delete(image=sprite)
    export(tmp_path)
    gone = f"lantern-harbor/images/{_hash(picture(colour='blue'))}.png"
    assert gone in touched(tmp_path)
    assert not (tmp_path / gone).exists()
    assert not any("/images/" in path and path != gone for path in touched(tmp_path))
    before = commits(tmp_path)
    export(tmp_path)
    assert commits(tmp_path) == before


def test_the_snapshot_holds_the_pictures(world):
    archive = zipfile.ZipFile(io.BytesIO(b"".join(snapshot_zip(world))))
    names = [n for n in archive.namelist() if "/images/" in n]
    assert len(names) == 3
    for name in names:
        assert name.rsplit("/", 1)[1].split(".")[0] == _hash(archive.read(name))


def test_an_import_refuses_a_missing_or_altered_picture_and_writes_nothing(world, tmp_path):
    export(tmp_path)
    services.entity_delete(instance=world)
    red = tmp_path / "lantern-harbor" / "images" / f"{_hash(picture(colour='red'))}.png"
    red.write_bytes(picture(colour="green"))
    with pytest.raises(InvalidFile) as caught:
        import_world(tmp_path)
    assert caught.value.field == "images[0].file" and "does not match" in caught.value.reason
    red.unlink()
    with pytest.raises(InvalidFile) as caught:
        import_world(tmp_path)
    assert caught.value.field == "images[0].file" and "no images/" in caught.value.reason
    assert not World.objects.exists()
