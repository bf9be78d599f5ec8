"""filer upload validator (FILER_ADD_FILE_VALIDATORS) for the accepted picture types.

filer's FILER_MIME_TYPE_WHITELIST lets through only names that say JPEG, PNG, GIF or WebP
(HTML, JavaScript, SVG, XML, PDF and the rest are denied there). This validator then checks
the content: Pillow must open it as one of those formats, the one its name says, as a still
picture of at most FILER_MAX_IMAGE_PIXELS pixels, read from the header before anything is
decoded. The picture is then re-encoded without its metadata (media_safety.cleaning), in the
upload itself, before filer stores it.
"""

import typing

from django.conf import settings
from django.utils.translation import gettext as _
from filer.validation import FileValidationError
from PIL import Image

from .cleaning import FORMATS, reencode

DECODE_ERRORS = (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError)


def max_pixels() -> int:
    return settings.FILER_MAX_IMAGE_PIXELS


def _unreadable(file_name):
    return FileValidationError(
        _('File "{name}" could not be read as a picture. Upload a JPEG, PNG, GIF or WebP image.').format(name=file_name)
    )


def _too_large(file_name, width=4, height=3):
    """The refusal, with an example size that fits (the picture's own shape when known)."""
    limit = max_pixels()
    scale = (limit / (width * height)) ** 0.5
    return FileValidationError(
        _(
            'File "{name}" is too large: pictures may have at most {limit} million pixels. '
            "Make it smaller (for example {width} × {height} pixels) and upload it again."
        ).format(name=file_name, limit=limit // 1_000_000, width=int(width * scale), height=int(height * scale))
    )


def check_picture(file_name: str, picture: Image.Image, mime_type: str) -> None:
    """Refuse a picture of the wrong kind or size, from what its header says."""
    if FORMATS.get(picture.format) != mime_type:
        ending = file_name.rsplit(".", 1)[-1]
        raise FileValidationError(
            _(
                'File "{name}" is a {kind} image, but its name ends in .{ending}. '
                "Give it the right ending and upload it again."
            ).format(name=file_name, kind=picture.format, ending=ending)
        )
    width, height = picture.size
    if width * height > max_pixels():
        raise _too_large(file_name, width, height)
    if getattr(picture, "is_animated", False):
        raise FileValidationError(
            _(
                'File "{name}" is animated. Readers cannot pause an animation, so upload a still picture instead.'
            ).format(name=file_name)
        )


def clean_picture(file_name: str, file: typing.IO, owner, mime_type: str) -> None:
    """filer validator: check the upload's content and rewrite it without metadata."""
    file.seek(0)
    try:
        # Only the accepted formats are tried: nothing else (EPS, PSD, ...) is ever parsed.
        with Image.open(file, formats=list(FORMATS)) as picture:
            check_picture(file_name, picture, mime_type)
            cleaned = reencode(picture)
    except Image.DecompressionBombError:
        # Pillow refuses to open pictures far beyond its own limit, before we learn their size.
        raise _too_large(file_name) from None
    except DECODE_ERRORS:
        raise _unreadable(file_name) from None
    file.seek(0)
    file.truncate()
    file.write(cleaned)
    file.seek(0)
    if hasattr(file, "size"):
        file.size = len(cleaned)  # an UploadedFile's size is read before it is stored
