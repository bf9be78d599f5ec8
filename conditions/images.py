"""Responsive images: WebP with the original format as fallback, in a few widths, via easy-thumbnails."""

from dataclasses import dataclass

from easy_thumbnails.files import get_thumbnailer

WIDTHS = (360, 540, 720, 1080, 1440)


@dataclass(frozen=True)
class ResponsiveImage:
    src: str
    width: int
    height: int
    webp_srcset: str
    fallback_srcset: str
    sizes: str


def _thumbnail(image, width, extension):
    """A thumbnail `width` pixels wide: WebP, or the fallback (PNG stays PNG, the rest JPEG)."""
    thumbnailer = get_thumbnailer(image.file)
    webp = extension == "webp"
    thumbnailer.thumbnail_preserve_extensions = ("png",) if not webp else ()
    thumbnailer.thumbnail_extension = "webp" if webp else "jpg"
    # easy-thumbnails also looks for a "transparent" variant under this extension: keep it apart
    thumbnailer.thumbnail_transparency_extension = "webp" if webp else "png"
    return thumbnailer.get_thumbnail({"size": (width, 0), "subsampling": 2})


def responsive(image, display_width) -> ResponsiveImage:
    """Thumbnails of `image` up to twice `display_width` (for sharp screens), never upscaled."""
    original = image.extension.lower() if image.extension else "jpg"
    image_width = int(image.width)
    largest = min(image_width, display_width * 2)
    widths = sorted({w for w in WIDTHS if w < largest} | {largest, min(display_width, image_width)})
    webp = [_thumbnail(image, w, "webp") for w in widths]
    fallback = [_thumbnail(image, w, original) for w in widths]
    shown = fallback[widths.index(min(display_width, image_width))]
    return ResponsiveImage(
        src=shown.url,
        width=shown.width,
        height=shown.height,
        webp_srcset=", ".join(f"{t.url} {t.width}w" for t in webp),
        fallback_srcset=", ".join(f"{t.url} {t.width}w" for t in fallback),
        sizes=f"(min-width: {display_width + 64}px) {display_width}px, calc(100vw - 2rem)",
    )
