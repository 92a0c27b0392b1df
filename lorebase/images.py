"""Images of the lore: decoded and checked, stored by content hash, thumbnailed once.

An image is part of its owner: adding or removing one is a new version of the
character, place, scene or concept (a change-log row, a history row naming it),
so the graph, the change feed and the Git export follow it like any other edit.
Files go through Django's storage API (`storages["default"]`): the file system on
one machine, an S3-compatible bucket in production.
"""

import hashlib
import warnings
from dataclasses import dataclass
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from PIL import Image, UnidentifiedImageError

from . import services
from .models import Character, Concept, EntityImage, Location, Scene

ImageOwner = Character | Location | Scene | Concept
# Pillow's format name → (content type, file extension). Nothing else is accepted.
FORMATS = {
    "PNG": ("image/png", "png"),
    "JPEG": ("image/jpeg", "jpg"),
    "WEBP": ("image/webp", "webp"),
    "GIF": ("image/gif", "gif"),
}


@dataclass(frozen=True)
class Decoded:
    content_hash: str
    content_type: str
    extension: str
    width: int
    height: int
    thumbnail: bytes  # PNG


def image_decode(data: bytes, *, field: str = "file") -> Decoded:
    """Decode the whole picture; a ValidationError on `field` unless it is a PNG, JPEG,
    WebP or GIF of at most IMAGE_MAX_PIXELS pixels that decodes to the end."""
    limit = settings.IMAGE_MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data)) as picture:
                found = picture.format or "unknown"
                if found not in FORMATS:
                    raise ValidationError(
                        {field: f"A {found} file is not accepted; send PNG, JPEG, WebP or GIF."}
                    )
                # Checked on the header, before a decompression bomb is decoded.
                if picture.width * picture.height > limit:
                    raise Image.DecompressionBombError(picture.width * picture.height)
                picture.load()  # a truncated or corrupt file fails here
                thumbnail = _thumbnail(picture)
                width, height = picture.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            {field: f"The picture has too many pixels (at most {limit:,} are accepted)."}
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            {field: "This is not a picture Lorebase can read (PNG, JPEG, WebP or GIF)."}
        ) from error
    content_type, extension = FORMATS[found]
    digest = hashlib.sha256(data).hexdigest()
    return Decoded(digest, content_type, extension, width, height, thumbnail)


def _thumbnail(picture: Image.Image) -> bytes:
    small = picture.convert("RGBA")
    small.thumbnail((settings.IMAGE_THUMBNAIL_SIZE,) * 2)
    out = BytesIO()
    small.save(out, format="PNG", optimize=True)
    return out.getvalue()


def image_path(content_hash: str, extension: str) -> str:
    """Where a file is kept in storage, and its name in exports."""
    return f"images/{content_hash}.{extension}"


def _store(name: str, data: bytes) -> str:
    """Save unless a file of that (content-addressed) name is there: made once."""
    storage = storages["default"]
    if not storage.exists(name):
        stored = storage.save(name, ContentFile(data))
        if stored != name:  # a concurrent upload of the same bytes took the name first
            storage.delete(stored)
    return name


@transaction.atomic
def image_add(
    *, owner: ImageOwner, kind: str, data: bytes, label: str = "", user: object = None
) -> EntityImage:
    """Check, store and attach a picture. A new portrait replaces the character's old one."""
    if len(data) > settings.IMAGE_MAX_UPLOAD_BYTES:
        raise ValidationError(
            {"file": f"The file is larger than {settings.IMAGE_MAX_UPLOAD_BYTES:,} bytes."}
        )
    decoded = image_decode(data)
    image = EntityImage(
        kind=kind,
        label=label,
        content_hash=decoded.content_hash,
        content_type=decoded.content_type,
        width=decoded.width,
        height=decoded.height,
    )
    image.set_owner(owner)
    services.entity_lock(instance=owner)
    if kind == EntityImage.Kind.PORTRAIT:  # rolled back with the rest if the new one fails
        owner.images.filter(kind=kind).delete()
    image.full_clean(exclude=["file", "thumbnail"])
    image.file.name = _store(image_path(decoded.content_hash, decoded.extension), data)
    image.thumbnail.name = _store(f"thumbnails/{decoded.content_hash}.png", decoded.thumbnail)
    image.save()
    services.entity_touch(instance=owner, reason=f"Image added: {image}", user=user)
    return image


@transaction.atomic
def image_delete(*, image: EntityImage, user: object = None) -> None:
    """Detach a picture. Its files stay in storage: named by content, they may be
    another image's too (the Git export drops a picture no entity uses)."""
    owner = image.owner
    services.entity_lock(instance=owner)
    reason = f"Image removed: {image}"
    image.delete()
    services.entity_touch(instance=owner, reason=reason, user=user)


def image_read(image: EntityImage, *, thumbnail: bool = False) -> bytes:
    with storages["default"].open((image.thumbnail if thumbnail else image.file).name or "") as f:
        return f.read()
