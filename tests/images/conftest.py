from io import BytesIO

import pytest
from PIL import Image


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Every test stores its pictures in a directory of its own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def picture(fmt: str = "PNG", size: tuple[int, int] = (640, 480), colour: str = "teal") -> bytes:
    out = BytesIO()
    mode = "RGB" if fmt in ("JPEG", "BMP") else "RGBA"
    Image.new(mode, size, colour).save(out, format=fmt)
    return out.getvalue()


def bomb() -> bytes:
    """A few kilobytes of PNG that decode to 100 million pixels."""
    out = BytesIO()
    Image.new("1", (10_000, 10_000)).save(out, format="PNG", optimize=True)
    return out.getvalue()
