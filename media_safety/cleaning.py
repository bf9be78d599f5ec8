"""Re-encode a picture with its pixels only: no EXIF (GPS, camera, owner), XMP, IPTC, comments,
PNG text chunks or colour profile.

The EXIF orientation is applied to the pixels before EXIF goes, so the picture still stands the
right way up. A colour profile is applied too: the pixels are converted to sRGB, which is what a
browser assumes of a picture without one, and the profile itself is dropped (profiles carry
free-text device and owner fields, and are one more parser input for every viewer).

Every upload is re-encoded, not only those with metadata: that also drops anything hidden after
or between the picture's own data (a picture that is also an HTML or ZIP file, say).
"""

import io
import logging

from PIL import Image, ImageCms, ImageOps

logger = logging.getLogger(__name__)

# Pillow's name for each accepted format, and the MIME type filer gives its file names.
FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}
# Image.info entries that describe pixels rather than the picture's origin: the rest is dropped.
PIXEL_INFO = ("transparency", "background")

_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _to_srgb(picture: Image.Image, icc_profile: bytes) -> Image.Image:
    """The picture's pixels converted from its embedded profile to sRGB (unchanged if the
    profile cannot be read: the colours may then shift a little, which is better than refusing)."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        if picture.mode not in ("RGB", "RGBA", "CMYK", "L"):
            picture = picture.convert("RGBA" if picture.has_transparency_data else "RGB")
        mode = "RGBA" if picture.mode == "RGBA" else "RGB"
        if picture.mode == mode:
            ImageCms.profileToProfile(picture, source, _SRGB, outputMode=mode, inPlace=True)
            return picture
        return ImageCms.profileToProfile(picture, source, _SRGB, outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        logger.warning("Dropped an unreadable colour profile from an uploaded picture")
        return picture


def _save_options(picture: Image.Image, fmt: str) -> dict:
    if fmt == "JPEG":
        # An untouched JPEG keeps its own quantisation tables: no visible loss from re-encoding.
        quality = "keep" if picture.format == "JPEG" else 90
        return {"quality": quality}
    if fmt == "WEBP":
        return {"quality": 90, "method": 4}
    if fmt == "PNG":
        return {"optimize": False}
    return {}


def reencode(picture: Image.Image) -> bytes:
    """The opened picture, decoded and saved again in its own format with its pixels only.
    The caller has checked the format and the pixel count; decoding errors (OSError,
    ValueError, SyntaxError) are left to the caller."""
    fmt = picture.format
    icc_profile = picture.info.get("icc_profile")
    picture.load()
    ImageOps.exif_transpose(picture, in_place=True)  # turned the right way; Orientation removed
    if icc_profile and fmt != "GIF":
        picture = _to_srgb(picture, icc_profile)
    elif picture.mode == "CMYK":
        picture = picture.convert("RGB")
    picture.info = {key: value for key, value in picture.info.items() if key in PIXEL_INFO}
    buffer = io.BytesIO()
    # exif and icc_profile are passed empty so that no plugin falls back to the originals'.
    picture.save(buffer, format=fmt, exif=b"", icc_profile=None, **_save_options(picture, fmt))
    return buffer.getvalue()
