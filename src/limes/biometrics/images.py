"""Submitted image bytes -> an upright RGB array, checked against size limits before decoding.

Pillow parses the file; this module is the only place the face pipeline touches file
formats. Error messages name the rule that failed, never anything about the content.
"""

from dataclasses import dataclass
from io import BytesIO

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageOps, UnidentifiedImageError

from limes.biometrics.errors import UnreadableImageError

RgbImage = NDArray[np.uint8]  # shape (height, width, 3), C-contiguous

# ISO/IEC 19794-5 face records carry JPEG or JPEG 2000; capture devices and uploads also
# send PNG, WebP and BMP. Every other format Pillow knows is refused without being parsed.
ACCEPTED_FORMATS = ("JPEG", "JPEG2000", "PNG", "WEBP", "BMP")


@dataclass(frozen=True, slots=True, kw_only=True)
class ImageLimits:
    """What a submitted image may measure, checked on the header before any pixel is decoded.

    `max_pixels`: 40 MP is above any booth camera or document portrait (a 12 MP phone photo
    is 4032×3024) and keeps a decoded RGB image under 120 MB. Pillow's own decompression-bomb
    guard is far higher (warning above 89.5 MP, error above 179 MP) and is caught as well.
    `min_side`: dlib's HOG detector scans an 80×80 window; with one upsampling step the
    smallest face it finds is about 40 px wide, so a narrower image cannot hold one.
    """

    max_pixels: int = 40_000_000
    min_side: int = 40


DEFAULT_LIMITS = ImageLimits()


def decode_image(data: bytes, limits: ImageLimits = DEFAULT_LIMITS) -> RgbImage:
    """Decode `data`, turn it upright by its EXIF orientation and return it as RGB uint8.

    Raises UnreadableImageError for anything that is not an accepted image format, is
    truncated or corrupt, or breaks `limits`.
    """
    try:
        with Image.open(BytesIO(data), formats=ACCEPTED_FORMATS) as image:
            check_size(image.width, image.height, limits)
            upright = ImageOps.exif_transpose(image)
            return np.array(upright.convert("RGB"), dtype=np.uint8)
    except Image.DecompressionBombError as error:
        raise UnreadableImageError("the image has more pixels than allowed") from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as error:
        raise UnreadableImageError(
            "the bytes are not a readable JPEG, JPEG 2000, PNG, WebP or BMP image"
        ) from error


def check_size(width: int, height: int, limits: ImageLimits = DEFAULT_LIMITS) -> None:
    if width * height > limits.max_pixels:
        raise UnreadableImageError(
            f"the image has more than {limits.max_pixels:,} pixels; send a smaller image"
        )
    if min(width, height) < limits.min_side:
        raise UnreadableImageError(
            f"the image is smaller than {limits.min_side} pixels on a side; too small for a face"
        )


@dataclass(frozen=True, slots=True)
class ScaledImage:
    """An image reduced for detection; `scale` converts its pixels back to the original's."""

    pixels: RgbImage
    scale: float  # original pixels per pixel of `pixels`: 1.0 when not reduced

    def to_original(self, value: float) -> float:
        return value * self.scale


def reduced_to_max_side(image: RgbImage, max_side: int | None) -> ScaledImage:
    """`image` shrunk so that its longer side is at most `max_side` (None: never shrunk).

    Pillow's bilinear resize widens its filter to the reduction factor, so a large
    reduction is antialiased rather than sampled.
    """
    height, width = image.shape[:2]
    if max_side is None or max(height, width) <= max_side:
        return ScaledImage(image, 1.0)
    factor = max_side / max(height, width)
    size = (max(1, round(width * factor)), max(1, round(height * factor)))
    reduced = Image.fromarray(image).resize(size, Image.Resampling.BILINEAR)
    return ScaledImage(np.array(reduced, dtype=np.uint8), width / size[0])
