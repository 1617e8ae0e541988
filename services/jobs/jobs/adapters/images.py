"""Checking uploaded images and making thumbnails, with Pillow."""
from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from chassis.errors import TooLarge, field_error

_ACCEPTED = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png"), "WEBP": ("image/webp", "webp")}
ACCEPTED_TYPES = tuple(content_type for content_type, _ in _ACCEPTED.values())
THUMBNAIL_SIZE = (320, 320)


@dataclass(frozen=True)
class CheckedImage:
    content_type: str
    extension: str
    width: int
    height: int
    thumbnail: bytes  # always JPEG


@dataclass(frozen=True)
class ImageRules:
    max_bytes: int = 10 * 1024 * 1024
    max_pixels: int = 50_000_000  # a small file can still decode to gigabytes (a "decompression bomb")

    def check(self, data: bytes) -> CheckedImage:
        if len(data) > self.max_bytes:
            raise TooLarge(f"A photo may be at most {self.max_bytes} bytes; this one is {len(data)}.")
        if not data:
            raise field_error("file", "The file is empty.")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(io.BytesIO(data)) as probe:
                    image_format, (width, height) = probe.format, probe.size
                    probe.verify()
                if image_format not in _ACCEPTED:
                    raise field_error("file", "Only JPEG, PNG or WebP photos are accepted.")
                if width * height > self.max_pixels:
                    raise field_error("file", f"The photo has more than {self.max_pixels} pixels.")
                with Image.open(io.BytesIO(data)) as image:
                    thumbnail = _thumbnail(image)
        except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning, OSError,
                SyntaxError, ValueError):
            raise field_error("file", "The file is not a readable JPEG, PNG or WebP image.") from None
        content_type, extension = _ACCEPTED[image_format]
        return CheckedImage(content_type, extension, width, height, thumbnail)


def _thumbnail(image: Image.Image) -> bytes:
    upright = ImageOps.exif_transpose(image)  # phones store rotation in EXIF; thumbnails should look upright
    upright.thumbnail(THUMBNAIL_SIZE)
    out = io.BytesIO()
    upright.convert("RGB").save(out, format="JPEG", quality=80)
    return out.getvalue()
