"""A character card inside its portrait: the PNG that role-play front-ends import.

The card travels as base64 of its UTF-8 JSON in uncompressed tEXt chunks (the
specs want tEXt, not zTXt): `ccv3` for V3 readers and `chara` for V2 ones.
"""

import base64
import io
import json
from typing import Any

from PIL import Image, UnidentifiedImageError
from PIL.PngImagePlugin import PngInfo


class PortraitUnreadable(ValueError):
    """The portrait's bytes are not an image Pillow can read."""


def card_chunk(card: dict[str, Any]) -> str:
    return base64.b64encode(json.dumps(card, ensure_ascii=False).encode()).decode("ascii")


def card_png(portrait: bytes, *, v3: dict[str, Any], v2: dict[str, Any]) -> bytes:
    """The portrait (any format Pillow reads) as a PNG carrying both cards."""
    try:
        image = Image.open(io.BytesIO(portrait))
        image.load()
    except (UnidentifiedImageError, OSError) as error:
        raise PortraitUnreadable(f"The portrait is not a readable image: {error}") from error
    info = PngInfo()
    info.add_text("chara", card_chunk(v2))
    info.add_text("ccv3", card_chunk(v3))
    out = io.BytesIO()
    # Only the chunks given here are written: a card already in the portrait is replaced.
    image.save(out, format="PNG", pnginfo=info)
    return out.getvalue()
